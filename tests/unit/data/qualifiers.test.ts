import { describe, expect, it } from "vitest";
import { qualified, qualifierInQuote } from "../../../src/lib/data/qualifiers.ts";

const on = (quote: string, value: number) => qualifierInQuote(quote, { value });

describe("qualifierInQuote", () => {
  it.each([
    ["cho trên 17.985 lượt người nghe", 17985, "trên"],
    ["đạt 80% trở lên cơ quan đạt chuẩn", 80, "trở lên"],
    ["vững mạnh từ 80% trở lên", 80, "trở lên"],
    ["hơn 200 đảng viên", 200, "hơn"],
    ["Hiện có khoảng 5.000 đảng viên", 5000, "khoảng"],
    ["Gần 50 chi bộ", 50, "gần"],
    ["chưa đến 10 trường hợp", 10, "chưa đến"],
    ["kết nạp 2.053 đảng viên (đạt 102% chỉ tiêu đề ra)", 2053, undefined],
    ["kết nạp 2.053 đảng viên (đạt 102% chỉ tiêu đề ra)", 102, undefined],
    // The qualifier belongs to another number of the quote, not to this one.
    ["có 60 chi bộ, trên 90% quần chúng", 60, undefined],
  ])("%s: %s is qualified by %s", (quote, value, expected) => {
    expect(on(quote, value)).toBe(expected);
  });

  it("finds “trở lên” after a rating level, whatever its case", () => {
    const quote = "45/47 tổ chức được xếp loại hoàn thành tốt nhiệm vụ trở lên";
    expect(qualifierInQuote(quote, { level: "Hoàn thành tốt nhiệm vụ" })).toBe("trở lên");
    expect(qualifierInQuote(quote, { level: "Hoàn thành xuất sắc nhiệm vụ" })).toBeUndefined();
  });
});

describe("qualified", () => {
  it("puts “trở lên” after the figure and every other qualifier before it", () => {
    expect(qualified("80%", "trở lên")).toBe("80% trở lên");
    expect(qualified("17.985", "trên")).toBe("trên 17.985");
    expect(qualified("6.001", undefined)).toBe("6.001");
  });
});
