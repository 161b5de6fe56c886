import { describe, it } from "vitest";
import { barChart } from "../../src/lib/charts/bars.ts";
import { SNAPSHOT_LAYOUTS } from "../helpers/snapshot-layouts.ts";
import { expectSvgSnapshot } from "../helpers/svg-snapshot.ts";
import { badges, discipline, memberCounts, structure } from "./chart-inputs.ts";

const charts = {
  "member-counts": memberCounts,
  "organisation-structure": structure,
  badges,
  discipline,
};

describe.each(SNAPSHOT_LAYOUTS)("bar charts, layout $name ($em em)", (layout) => {
  for (const [name, input] of Object.entries(charts)) {
    it(name, () => expectSvgSnapshot(`${name}.${layout.name}`, barChart(input, layout)));
  }
});
