import { describe, expect, it } from "vitest";
import { swappedFigures, type QuotedFigure } from "../../../src/lib/data/swaps.ts";

const organisations = "có 28 đảng bộ, 19 chi bộ trực thuộc Huyện ủy";
const members = "có 3.618 đảng viên chính thức, 294 đảng viên dự bị";

const figure = (quote: string, label: string, value: number, source = "bai"): QuotedFigure => ({
  source,
  quote,
  label,
  value,
});

describe("swappedFigures", () => {
  it("finds two rows of one quote whose numbers are each followed by the other row's label", () => {
    expect(
      swappedFigures([
        figure(organisations, "Đảng bộ (trực thuộc Huyện ủy)", 19),
        figure(organisations, "Chi bộ (trực thuộc Huyện ủy)", 28),
      ]),
    ).toEqual(
      new Map([
        [0, 1],
        [1, 0],
      ]),
    );
    // Labels that share their first words are told apart by the words only one of them has.
    expect(
      swappedFigures([
        figure(members, "Tổng số đảng viên", 3912),
        figure(members, "Đảng viên chính thức", 294),
        figure(members, "Đảng viên dự bị", 3618),
      ]),
    ).toEqual(
      new Map([
        [1, 2],
        [2, 1],
      ]),
    );
  });

  it("passes the figures as the source gives them", () => {
    expect(
      swappedFigures([
        figure(organisations, "Đảng bộ (trực thuộc Huyện ủy)", 28),
        figure(organisations, "Chi bộ (trực thuộc Huyện ủy)", 19),
        figure(members, "Đảng viên chính thức", 3618),
        figure(members, "Đảng viên dự bị", 294),
      ]),
    ).toEqual(new Map());
  });

  it("compares each label and number once, however many rows repeat them", () => {
    const copies = Array.from({ length: 20_000 }, (_, k) =>
      k % 2 === 0
        ? figure(organisations, "Đảng bộ (trực thuộc Huyện ủy)", 19)
        : figure(organisations, "Chi bộ (trực thuộc Huyện ủy)", 28),
    );
    const partner = swappedFigures(copies);
    expect(partner.size).toBe(20_000);
    expect(partner.get(0)).toBe(1);
    expect(partner.get(1)).toBe(0);
    expect(partner.get(19_998)).toBe(1);
  });

  it("stays silent where the words cannot tell: equal numbers, labels not in the quote, other quotes", () => {
    const awards = "khen thưởng 1 tập thể, 1 cá nhân tiêu biểu";
    expect(swappedFigures([figure(awards, "Tập thể", 1), figure(awards, "Cá nhân", 1)])).toEqual(
      new Map(),
    );
    const inspected = "kiểm tra 100 tổ chức và 228 đảng viên";
    expect(
      swappedFigures([
        figure(inspected, "Được kiểm tra (lần một)", 228),
        figure(inspected, "Được kiểm tra (lần hai)", 100),
      ]),
    ).toEqual(new Map());
    expect(
      swappedFigures([
        figure(organisations, "Đảng bộ (trực thuộc Huyện ủy)", 19),
        figure("trong đó có 31 đảng bộ, 28 chi bộ", "Chi bộ (cơ sở trực thuộc)", 28),
      ]),
    ).toEqual(new Map());
  });

  it("compares figures only within one sentence of one article, whatever the article is called", () => {
    expect(
      swappedFigures([
        figure(organisations, "Đảng bộ (trực thuộc Huyện ủy)", 19, "bao-cao-2022"),
        figure(organisations, "Chi bộ (trực thuộc Huyện ủy)", 28, "tong-ket-2023"),
      ]),
    ).toEqual(new Map());
    expect(
      swappedFigures([
        figure(organisations, "Đảng bộ (trực thuộc Huyện ủy)", 19, "bao-cao-2022"),
        figure(organisations, "Chi bộ (trực thuộc Huyện ủy)", 28, "bao-cao-2022"),
      ]),
    ).toEqual(
      new Map([
        [0, 1],
        [1, 0],
      ]),
    );
  });
});
