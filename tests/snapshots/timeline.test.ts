import { describe, it } from "vitest";
import { timelineChart } from "../../src/lib/charts/timeline.ts";
import { SNAPSHOT_LAYOUTS } from "../helpers/snapshot-layouts.ts";
import { expectSvgSnapshot } from "../helpers/svg-snapshot.ts";
import { memberHistory } from "./chart-inputs.ts";

describe.each(SNAPSHOT_LAYOUTS)("timeline charts, layout $name ($em em)", (layout) => {
  it("member history", () =>
    expectSvgSnapshot(`member-history.${layout.name}`, timelineChart(memberHistory, layout)));
});
