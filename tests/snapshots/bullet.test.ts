import { it } from "vitest";
import { bulletChart } from "../../src/lib/charts/bullet.ts";
import { expectSvgSnapshot } from "../helpers/svg-snapshot.ts";
import { admissions } from "./chart-inputs.ts";

it("admissions", () => expectSvgSnapshot("admissions", bulletChart(admissions)));
