import { describe, it } from "vitest";
import { bulletChart } from "../../src/lib/charts/bullet.ts";
import { SNAPSHOT_LAYOUTS } from "../helpers/snapshot-layouts.ts";
import { expectSvgSnapshot } from "../helpers/svg-snapshot.ts";
import { admissions } from "./chart-inputs.ts";

describe.each(SNAPSHOT_LAYOUTS)("bullet charts, layout $name ($em em)", (layout) => {
  it("admissions", () =>
    expectSvgSnapshot(`admissions.${layout.name}`, bulletChart(admissions, layout)));
});
