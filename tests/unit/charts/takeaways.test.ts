// Takeaways of the real charts state figures; they never rank incomparable things.
import { downloadSvg } from "../../../src/lib/charts/definition.ts";
import { describe, expect, it } from "vitest";
import { buildCharts } from "../../../src/lib/charts/registry.ts";
import { chartData } from "../../../src/lib/charts/site-charts.ts";

const charts = buildCharts(chartData());
const byId = (id: string) => {
  const chart = charts.find((c) => c.id === id);
  if (!chart) throw new Error(`no chart ${id}`);
  return chart;
};

describe("chart takeaways", () => {
  it("the Khối 2014 inspection takeaway lists organisations and members separately, unranked", () => {
    const { takeaway } = byId("kiem-tra-giam-sat-khoi-cac-co-quan-tinh-lang-son-2014");
    expect(takeaway).not.toMatch(/nhiều nhất/i);
    expect(takeaway).toContain(
      "Giám sát: 90 tổ chức đảng được giám sát; 297 đảng viên được giám sát.",
    );
    expect(takeaway).toContain(
      "228 đảng viên được kiểm tra theo Điều 30 Điều lệ Đảng (trong đó cấp ủy viên: 56)",
    );
  });

  it("Thanh Bình's 'gợi ý kiểm điểm' is its own chart with its own title", () => {
    const chart = byId("goi-y-kiem-diem-huyen-thanh-binh-2022");
    expect(chart.title).toBe("Gợi ý kiểm điểm năm 2022: Đảng bộ huyện Thanh Bình");
    expect(chart.takeaway).toMatch(/^Gợi ý kiểm điểm: 4 tập thể .*; 6 cá nhân /);
    expect(charts.some((c) => c.id === "kiem-tra-giam-sat-huyen-thanh-binh-2022")).toBe(false);
  });

  it("the badge takeaway keeps each unit's proposals and awards apart", () => {
    // A district's proposals (2022) and a bloc's awards (2014) are separate panels.
    expect(byId("huy-hieu-cap-huyen-nam-2022").takeaway).toBe(
      "Đảng bộ huyện Thanh Bình đề nghị tặng Huy hiệu Đảng cho 71 đồng chí (năm 2022), nhiều nhất Huy hiệu 30 năm tuổi Đảng (42).",
    );
    expect(byId("huy-hieu-cap-khoi-nam-2014").figure).toMatchObject({
      value: "36",
      unit: "đồng chí được trao tặng Huy hiệu 30 năm tuổi Đảng",
      label: "Đảng bộ Khối các cơ quan tỉnh Lạng Sơn",
      period: "năm 2014",
    });
  });

  it("the Tuyên Hóa organisation takeaway says how many the source leaves unexplained", () => {
    expect(byId("to-chuc-huyen-tuyen-hoa").takeaway).toContain(
      "Nguồn nêu tổng 241 nhưng chỉ kể ra 236; 5 chi bộ còn lại không rõ loại.",
    );
  });

  it("the admissions chart spells 'tỉ lệ' one way", () => {
    const chart = byId("ket-nap-cap-tinh-nam-2020");
    expect(`${chart.takeaway} ${downloadSvg(chart)}`).not.toMatch(/tỷ lệ/i);
    expect(downloadSvg(chart)).toContain("Tỉ lệ đạt");
  });
});
