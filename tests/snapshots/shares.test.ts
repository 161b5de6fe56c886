import { describe, it } from "vitest";
import { sharesChart } from "../../src/lib/charts/shares.ts";
import { SNAPSHOT_LAYOUTS } from "../helpers/snapshot-layouts.ts";
import { expectSvgSnapshot } from "../helpers/svg-snapshot.ts";
import { ratings, ratingsWithGap } from "./chart-inputs.ts";

const charts = { "quality-ratings": ratings, "quality-ratings-remainder": ratingsWithGap };

describe.each(SNAPSHOT_LAYOUTS)("share charts, layout $name ($em em)", (layout) => {
  for (const [name, input] of Object.entries(charts)) {
    it(name, () => expectSvgSnapshot(`${name}.${layout.name}`, sharesChart(input, layout)));
  }
});
