// Figures over time for any dataset with periods: the time axis positions, and the admissions chart
// growing a history chart once a unit has figures for two years (invented rows, never published).
import { describe, expect, it } from "vitest";
import { admissionCharts } from "../../../src/lib/charts/specs/admissions.ts";
import { periodMoment, periodTick } from "../../../src/lib/data/period.ts";
import { organisationCharts } from "../../../src/lib/charts/specs/organisation.ts";
import type { AdmissionRow, OrganisationRow } from "../../../src/lib/data/schemas.ts";

const row = (id: string, period: string | undefined, count: number): AdmissionRow =>
  ({
    id,
    unit: "Đảng bộ huyện Thử Nghiệm",
    province: "Tỉnh Thử",
    period,
    period_kind: period === undefined ? "as_of_undated" : "year",
    measure: "ket-nap",
    count,
    derived: false,
    source: "bai-thu",
    quote: "…",
  }) as AdmissionRow;

describe("the time axis", () => {
  it("puts a year and the end of that year at its last day, a date at itself, undated nowhere", () => {
    const year = periodMoment({ period: "2021", period_kind: "year" })!;
    expect(periodMoment({ period: "2021", period_kind: "end_of_year" })).toBe(year);
    expect(new Date(year).toISOString()).toBe("2021-12-30T17:00:00.000Z");
    expect(periodMoment({ period: "2022-08-12", period_kind: "as_of_date" })).toBe(
      Date.parse("2022-08-11T17:00:00Z"),
    );
    expect(periodMoment({ period: undefined, period_kind: "as_of_undated" })).toBeUndefined();
    expect(periodTick({ period: "2021", period_kind: "end_of_year" })).toBe("hết 2021");
    expect(periodTick({ period: "2022-08-12", period_kind: "as_of_date" })).toBe("12/08/2022");
  });
});

describe("admissions over time", () => {
  it("has no history chart while each unit has one figure", () => {
    expect(admissionCharts([row("a", "2021", 100)]).map((c) => c.id)).toEqual(["ket-nap"]);
  });

  it("adds one when a unit has figures for two years, in time order, the undated one apart", () => {
    const rows = [row("c", "2022", 120), row("u", undefined, 90), row("a", "2020", 100)];
    const charts = admissionCharts(rows, "", () => "Bài thử");
    const history = charts.find((c) => c.id === "ket-nap-theo-thoi-gian")!;
    expect(history.rows.map((r) => r.id)).toEqual(["a", "c", "u"]);
    expect(history.takeaway).toBe("Đảng bộ huyện Thử Nghiệm: 100 (năm 2020) → 120 (năm 2022).");
    const svg = history.draw({ name: "rong", em: 30 });
    const tips = [...svg.matchAll(/data-tip="([^"]+)" data-series="(\w+)"/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(tips).toEqual([
      ["Đảng bộ huyện Thử Nghiệm — Năm 2020: 100 đảng viên", "dated"],
      ["Đảng bộ huyện Thử Nghiệm — Năm 2022 (mới nhất): 120 đảng viên", "dated"],
      ["Đảng bộ huyện Thử Nghiệm — Không ghi thời điểm: 90 đảng viên", "undated"],
    ]);
    expect(history.table.rows.map((r) => r[1])).toEqual([
      "năm 2020",
      "năm 2022",
      "không ghi thời điểm",
    ]);
  });
});

describe("two articles, one year", () => {
  it("are told apart, not read as a change", () => {
    const rows = [row("a", "2022", 100), row("b", "2022", 98)];
    const history = admissionCharts(rows).find((c) => c.id === "ket-nap-theo-thoi-gian")!;
    expect(history.takeaway).toBe("Đảng bộ huyện Thử Nghiệm, năm 2022: 2 bài nêu 100 và 98.");
    expect(history.takeaway).not.toContain("→");
  });
});

describe("organisation over time", () => {
  const org = (
    id: string,
    period: string | undefined,
    kind: string,
    count: number,
    part_of?: string,
  ) =>
    ({
      id,
      unit: "Đảng bộ huyện Thử Nghiệm",
      province: "Tỉnh Thử",
      period,
      period_kind: period === undefined ? "as_of_undated" : "end_of_year",
      level: "co-so",
      kind,
      count,
      part_of,
      derived: false,
      source: "bai-thu",
      quote: "…",
    }) as unknown as OrganisationRow;

  it("never mixes two periods in one tree; the newest keeps the unit's id; kinds get a history", () => {
    const rows = [
      org("a", "2019", "Tổ chức cơ sở đảng", 45),
      org("a1", "2019", "Chi bộ cơ sở", 20, "a"),
      org("b", "2023", "Tổ chức cơ sở đảng", 47),
      org("b1", "2023", "Chi bộ cơ sở", 19, "b"),
    ];
    const charts = organisationCharts(rows);
    expect(charts.map((c) => c.id)).toEqual([
      "to-chuc-huyen-thu-nghiem-2019",
      "to-chuc-huyen-thu-nghiem",
      "to-chuc-huyen-thu-nghiem-theo-thoi-gian",
    ]);
    expect(charts[0]!.rows.map((r) => r.id)).toEqual(["a", "a1"]);
    expect(charts[1]!.rows.map((r) => r.id)).toEqual(["b", "b1"]);
    const history = charts[2]!;
    expect(history.rows.map((r) => r.id)).toEqual(["a", "b"]);
    expect(history.takeaway).toBe(
      "Tổ chức cơ sở đảng (Đảng bộ huyện Thử Nghiệm): 45 (hết năm 2019) → 47 (hết năm 2023).",
    );
  });

  it("one period: one chart, as before", () => {
    const charts = organisationCharts([org("a", "2019", "Tổ chức cơ sở đảng", 45)]);
    expect(charts.map((c) => c.id)).toEqual(["to-chuc-huyen-thu-nghiem"]);
  });
});
