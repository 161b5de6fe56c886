// What an editor sees of a failed build: the error lines of real build output (data:check's,
// and Astro's for a <DataFigure> that no longer matches its row), paths relative to the checkout.
import { describe, expect, it } from "vitest";
import { errorLines } from "../../../src/server/newsroom/build-runner.ts";

const DIR = "/srv/noi-dung";

describe("errorLines", () => {
  it("keeps data:check's located problem, its fix and the summary", () => {
    const output = [
      `${DIR}/data/dang-vien.csv:2:8 Không phải là số: cột “count” = “abc”: ký tự thứ 1 “a” không phải chữ số (not-a-number)`,
      "    Cần: chỉ chữ số, dấu chấm hàng nghìn, dấu phẩy thập phân. Ví dụ: 6.001 hoặc 16,7.",
      "",
      "Dữ liệu có 1 lỗi. Sửa từng lỗi theo dòng:cột đã nêu, rồi chạy lại npm run data:check.",
      `Đã dừng xây trang; ${DIR}-dist (bản đang đăng) giữ nguyên, không đổi gì.`,
    ].join("\n");
    expect(errorLines(output, DIR).split("\n")).toEqual([
      "data/dang-vien.csv:2:8 Không phải là số: cột “count” = “abc”: ký tự thứ 1 “a” không phải chữ số (not-a-number)",
      "    Cần: chỉ chữ số, dấu chấm hàng nghìn, dấu phẩy thập phân. Ví dụ: 6.001 hoặc 16,7.",
      "Dữ liệu có 1 lỗi. Sửa từng lỗi theo dòng:cột đã nêu, rồi chạy lại npm run data:check.",
      `Đã dừng xây trang; ${DIR}-dist (bản đang đăng) giữ nguyên, không đổi gì.`,
    ]);
  });

  it("keeps Astro's error once, without progress lines or stack frames", () => {
    const error =
      '<DataFigure row="dang-vien#th-dang-vien">: con số "6.001" (6001) không khớp dòng "th-dang-vien" (các số của dòng: 47). (data/dang-vien.csv)';
    const output = [
      "22:37:30 [build] Building static entrypoints...",
      "22:37:31   ├─ /anh-xem-truoc/du-lieu/chi-tieu.png (+1.03s)22:37:31   ├─ /bieu-do/a.csv",
      `\u001b[31m22:37:31 [ERROR] Error: ${error}\u001b[39m`,
      "    at file:///x/.astro/.prerender/chunks/DataFigure.mjs:168:22",
      `22:37:31 [ERROR] [build] Caught error rendering /tin-tuc/tuyen-hoa/: Error: ${error}`,
      error,
      "  Hint:",
      "    This issue often occurs when your MDX component encounters runtime errors.",
      "(Người lập trình: chạy lại với BUILD_DEBUG=1 để xem chi tiết kỹ thuật.)",
      "Đã dừng xây trang; dist (bản đang đăng) giữ nguyên, không đổi gì.",
    ].join("\n");
    const lines = errorLines(output, DIR).split("\n");
    expect(lines[0]).toBe(`22:37:31 [ERROR] Error: ${error}`);
    expect(lines).toContain(
      `22:37:31 [ERROR] [build] Caught error rendering /tin-tuc/tuyen-hoa/: Error: ${error}`,
    );
    expect(lines.at(-1)).toBe("Đã dừng xây trang; dist (bản đang đăng) giữ nguyên, không đổi gì.");
    expect(lines.join("\n")).not.toMatch(/├─|\s+at file|Hint:|This issue often/);
  });
});
