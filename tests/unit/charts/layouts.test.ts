import { describe, expect, it } from "vitest";
import { barChart } from "../../../src/lib/charts/bars.ts";
import { bulletChart } from "../../../src/lib/charts/bullet.ts";
import { FONT } from "../../../src/lib/charts/metrics.ts";
import { sharesChart } from "../../../src/lib/charts/shares.ts";
import {
  admissions,
  memberCounts,
  ratings,
  ratingsWithGap,
  structure,
} from "../../snapshots/chart-inputs.ts";

/** The words a reader sees: each <text> with its wrapped lines joined by spaces. */
function visibleText(svg: string): string {
  const texts = [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/<\/tspan><tspan[^>]*y="[^"]*"[^>]*>/g, " ")
      .replace(/<[^>]+>/g, "")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"'),
  );
  return texts.join("\n");
}

const render = {
  barChart: () => barChart(memberCounts),
  bulletChart: () => bulletChart(admissions),
  sharesChart: () => sharesChart(ratings),
};

describe.each(Object.entries(render))("%s(input)", (_, draw) => {
  const svg = draw();

  it("is an img labelled by its own title and desc", () => {
    // Ids inside are the chart id and the layout, so a page can hold every layout of a chart.
    const id = `${svg.match(/data-chart="([^"]+)"/)![1]}-${svg.match(/data-layout="([^"]+)"/)![1]}`;
    expect(svg).toMatch(
      new RegExp(`^<svg [^>]*role="img"[^>]*aria-labelledby="${id}-title ${id}-desc"`),
    );
    expect(svg).toContain(`<title id="${id}-title">`);
    expect(svg).toContain(`<desc id="${id}-desc">`);
  });

  it("is sized in em, one chart em being FONT user units of its viewBox", () => {
    const open = svg.slice(0, svg.indexOf(">"));
    const [, w, h] = open.match(/viewBox="0 0 (\d+) (\d+)"/)!.map(Number);
    const em = Number(open.match(/\swidth="([\d.]+)em"/)![1]);
    const emHigh = Number(open.match(/\sheight="([\d.]+)em"/)![1]);
    expect(w).toBe(em * FONT);
    expect(emHigh * FONT).toBeCloseTo(h!, 1);
  });

  it("sets its text at one chart em and em fractions of it, never a pixel size", () => {
    expect(svg).toContain(`<g font-size="${FONT}">`);
    expect(svg).not.toMatch(/font-size="(?!16")\d+(px)?"/);
  });

  it("gives every mark a tooltip text and the chart one Tab stop (roving tabindex)", () => {
    const marks = svg.match(/<g class="chart-mark"[^>]*>/g) ?? [];
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks)
      expect(m).toMatch(/tabindex="-?[01]" data-tip="[^"]+" data-series="[^"]+"/);
    expect(marks.filter((m) => m.includes('tabindex="0"'))).toHaveLength(1);
    expect(marks[0]).toContain('tabindex="0"');
  });

  it("gives the same markup on every call (stable ids, no randomness)", () => {
    expect(draw()).toBe(svg);
  });
});

describe("barChart", () => {
  it("barChart(input) starts every bar at the zero baseline", () => {
    const svg = barChart(memberCounts);
    const xs = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="16"/g)].map(
      (m) => m[1],
    );
    expect(xs[0]).toBe("8");
  });

  it("barChart(input) hatches the unexplained remainder and labels it", () => {
    const svg = barChart(structure);
    expect(svg).toContain('<pattern id="co-cau-to-chuc-vua-hatch"');
    expect(svg).toContain('fill="url(#co-cau-to-chuc-vua-hatch)"');
    expect(svg).toContain("Không rõ (nguồn không nêu)");
  });

  it("barChart(input) shows the official/probationary split only where given", () => {
    const svg = barChart(memberCounts);
    expect(visibleText(svg)).toContain("Chính thức 3.618 · Dự bị 294");
    expect(visibleText(svg)).toContain("Đảng bộ huyện Tuyên Hóa: 6.001");
    expect(svg.match(/data-series="chinh-thuc"/g)).toHaveLength(1);
    expect(svg).toContain(
      'data-tip="Đảng bộ huyện Tuyên Hóa: 6.001 đảng viên" data-series="total"',
    );
  });

  it("barChart(input) refuses parts that exceed their total", () => {
    expect(() =>
      barChart({
        ...memberCounts,
        groups: [
          {
            key: "g",
            bars: [{ key: "b", label: "B", value: 1, parts: [{ key: "x", label: "X", value: 2 }] }],
          },
        ],
      }),
    ).toThrow(/exceed/);
  });
});

describe("bulletChart", () => {
  it("bulletChart(input) labels the admitted count and stated percent, never a target number", () => {
    const svg = bulletChart(admissions);
    expect(visibleText(svg)).toContain("Kết nạp 2.053 đảng viên · đạt 102% chỉ tiêu");
    // 2053 / 1.02 would be 2.013: a target the source never states.
    expect(svg).not.toMatch(/2\.01[23]/);
    expect(svg).not.toContain("chỉ tiêu 2");
  });

  it("bulletChart(input) shows a unit without a target as its count and 'không nêu chỉ tiêu'", () => {
    const svg = bulletChart(admissions);
    expect(visibleText(svg)).toContain("Kết nạp 246 đảng viên · không nêu chỉ tiêu");
    expect(svg.match(/class="chart-mark"/g)).toHaveLength(2);
  });
});

describe("sharesChart", () => {
  it("sharesChart(input) prints the source's percentages as written", () => {
    const svg = sharesChart(ratings);
    expect(visibleText(svg)).toContain("Hoàn thành tốt nhiệm vụ: 25/30 (83,33%)");
    expect(visibleText(svg)).toContain("Hoàn thành xuất sắc nhiệm vụ: 5/30 (16,7%)");
  });

  it("sharesChart(input) adds a hatched remainder when parts fall short of the total", () => {
    const svg = sharesChart(ratingsWithGap);
    expect(visibleText(svg)).toContain("Không rõ (nguồn không nêu): 4/10 (40%)");
    expect(svg).toContain("Nhóm &lt;thử&gt; &amp; &quot;trích");
  });
});
