import { it } from "vitest";
import { sharesChart } from "../../src/lib/charts/shares.ts";
import { expectSvgSnapshot } from "../helpers/svg-snapshot.ts";
import { ratings, ratingsWithGap } from "./chart-inputs.ts";

it("quality-ratings", () => expectSvgSnapshot("quality-ratings", sharesChart(ratings)));
it("quality-ratings-remainder", () =>
  expectSvgSnapshot("quality-ratings-remainder", sharesChart(ratingsWithGap)));
