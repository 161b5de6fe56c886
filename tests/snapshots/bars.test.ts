import { it } from "vitest";
import { barChart } from "../../src/lib/charts/bars.ts";
import { expectSvgSnapshot } from "../helpers/svg-snapshot.ts";
import { badges, discipline, memberCounts, structure } from "./chart-inputs.ts";

it("member-counts", () => expectSvgSnapshot("member-counts", barChart(memberCounts)));
it("organisation-structure", () =>
  expectSvgSnapshot("organisation-structure", barChart(structure)));
it("badges", () => expectSvgSnapshot("badges", barChart(badges)));
it("discipline", () => expectSvgSnapshot("discipline", barChart(discipline)));
