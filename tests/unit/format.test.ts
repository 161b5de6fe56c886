import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercentPoints,
  formatShare,
  isoDateInVietnam,
} from "../../src/lib/format.ts";
import { slugify } from "../../src/lib/slug.ts";

describe("format", () => {
  it("formatNumber(6001) groups thousands with a dot", () => {
    expect(formatNumber(6001)).toBe("6.001");
    expect(formatNumber(6264685)).toBe("6.264.685");
  });
  it("formatNumber(16.7, 1) uses a decimal comma", () => {
    expect(formatNumber(16.7, 1)).toBe("16,7");
  });
  it("formatShare(1/6) gives one decimal with a percent sign", () => {
    expect(formatShare(5 / 30)).toBe("16,7%");
  });
  it("formatPercentPoints(83.33) keeps the source's precision", () => {
    expect(formatPercentPoints(83.33)).toBe("83,33%");
  });
  it("formatDate uses dd/mm/yyyy in Vietnam's time zone", () => {
    expect(formatDate(new Date("2023-02-27T22:40:48Z"))).toBe("28/02/2023");
    expect(formatDateTime(new Date("2023-02-27T22:40:48Z"))).toBe("28/02/2023 05:40");
    expect(isoDateInVietnam(new Date("2023-02-27T22:40:48Z"))).toBe("2023-02-28");
  });
});

describe("slugify", () => {
  it("slugify drops diacritics and đ", () => {
    expect(slugify("Đảng bộ huyện Tuyên Hóa")).toBe("dang-bo-huyen-tuyen-hoa");
    expect(slugify("  Lạng Sơn! ")).toBe("lang-son");
  });
});
