// A dataset upload (/quan-tri/du-lieu/): the multipart body read in memory within a size limit,
// the CSV formatted and checked (src/lib/data/upload-check.ts), and the page answered with the
// problems (400) or the changes (200). A checked CSV is kept on the server (upload-stash.ts);
// "Đăng" hands it to the newsroom's publisher, then shows the publication's page.
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { isDatasetId } from "../../lib/data/datasets.ts";
import { checkUpload, type UploadBase } from "../../lib/data/upload-check.ts";
import { formatNumber } from "../../lib/format.ts";
import type { Publisher } from "../newsroom/publication.ts";
import { jobPath } from "../newsroom/pages.ts";
import { DATASETS } from "../../lib/data/datasets.ts";
import { dataPage, MAX_UPLOAD_BYTES, type DataPage } from "./data-pages.ts";
import { refusedPage } from "./pages.ts";
import { refuse } from "./respond.ts";
import { one, type FormFields, type StaffEnv } from "./session.ts";
import type { UploadStash } from "./upload-stash.ts";

export type UploadDeps = {
  publisher: Publisher | null;
  stash: UploadStash;
  /** The newsroom's checkout: uploads are compared with and checked against what it holds. */
  base?: UploadBase | undefined;
};

const TOO_LARGE = `Tệp quá lớn: chỉ nhận tệp đến ${formatNumber(MAX_UPLOAD_BYTES / 1024 / 1024)} MB; không có gì thay đổi. Mời chia bộ dữ liệu hoặc bỏ các cột, trang tính thừa rồi lưu lại dạng CSV.`;

/** Over the limit: a Vietnamese 413 page before the body is read any further. */
export const uploadLimit = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES,
  onError: (c) => c.html(refusedPage(TOO_LARGE), 413),
});

/** Reads a multipart form (in memory) into c.var.form; the file stays in the request's cache. */
export const uploadBody = createMiddleware<StaffEnv>(async (c, next) => {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "multipart/form-data") {
    const text =
      "Tệp phải được gửi bằng biểu mẫu “Cập nhật số liệu” (multipart/form-data); không có gì thay đổi.";
    return refuse(c, 400, text);
  }
  let data: FormData;
  try {
    data = await c.req.formData();
  } catch {
    return refuse(c, 400, "Không đọc được biểu mẫu gửi lên; mời tải lại trang rồi gửi lại tệp.");
  }
  const fields: FormFields = {};
  for (const [k, v] of data) {
    if (typeof v === "string") (Object.hasOwn(fields, k) ? fields[k]! : (fields[k] = [])).push(v);
  }
  c.set("form", fields);
  await next();
});

/** GET /quan-tri/du-lieu/ (after loadSession and requireRole("publish")). */
export const showDataPage = (c: Context<StaffEnv>, page: Partial<DataPage> = {}, status = 200) =>
  c.html(dataPage({ csrf: c.get("staff")!.csrf, ...page }), status as 200);

/** The file's own name, without any folder a browser sent, for messages only. */
const fileName = (name: string) => (name.split(/[\\/]/).pop() ?? "").slice(-120) || "tep.csv";

/** POST /quan-tri/du-lieu/ (after the session, its CSRF token, requireRole("publish")). */
export const uploadAction = (d: UploadDeps) => (c: Context<StaffEnv>) => {
  const action = one(c.get("form"), "action");
  if (action === "publish") return publishUpload(c, d);
  if (action === "preview") return previewUpload(c, d);
  return showDataPage(c, { error: "Không rõ thao tác; mời bấm “Kiểm tra”." }, 400);
};

/** "Đăng": the CSV this member checked (kept on the server) goes to the publisher. */
function publishUpload(c: Context<StaffEnv>, d: UploadDeps): Response {
  const member = c.get("staff")!;
  if (!d.publisher) {
    return showDataPage(c, { error: "Máy chủ này chưa bật xuất bản; không có gì thay đổi." }, 503);
  }
  const upload = d.stash.take(member.username, one(c.get("form"), "upload"));
  if (!upload) {
    const error =
      "Bản kiểm tra này đã hết hạn, đã được đăng, hoặc không phải của bạn; mời chọn tệp và bấm “Kiểm tra” lại.";
    return showDataPage(c, { error }, 400);
  }
  const p = d.publisher.submit({
    kind: "dataset",
    title: DATASETS[upload.dataset].title,
    files: [{ path: `data/${upload.dataset}.csv`, text: upload.text }],
    username: member.username,
  });
  return c.redirect(jobPath(p.id), 303);
}

/** "Kiểm tra": the problems, or the changes and (newsroom on) the "Đăng" button. */
async function previewUpload(c: Context<StaffEnv>, d: UploadDeps): Promise<Response> {
  const form = c.get("form");
  const id = one(form, "dataset");
  if (!isDatasetId(id)) {
    const error = `Không có bộ dữ liệu «${id.slice(0, 80)}»; mời chọn một bộ trong danh sách.`;
    return showDataPage(c, { error }, 400);
  }
  const file = (await c.req.formData()).get("tep");
  if (typeof file === "string" || file === null || file.size === 0) {
    const error = "Chưa chọn tệp CSV, hoặc tệp rỗng; mời chọn tệp rồi bấm “Kiểm tra”.";
    return showDataPage(c, { dataset: id, error }, 400);
  }
  const name = fileName(file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  // An .xlsx is a zip ("PK\x03\x04"): say so rather than data:check's "UTF-16" for its NUL bytes.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const error = `Tệp «${name}» là bảng tính Excel (.xlsx), không phải CSV; trong Excel chọn Tệp → Lưu thành → “CSV UTF-8 (phân tách bằng dấu phẩy)” rồi gửi tệp đó.`;
    return showDataPage(c, { dataset: id, error }, 400);
  }
  const result = checkUpload(id, bytes, name, d.base);
  const key = (text: string) =>
    d.publisher
      ? d.stash.put(c.get("staff")!.username, { dataset: id, text, file: name })
      : undefined;
  const outcome = result.ok
    ? { id, kind: "diff" as const, file: name, ...result, publishKey: key(result.text) }
    : { id, kind: "problems" as const, file: name, problems: result.problems };
  return showDataPage(c, { dataset: id, outcome }, result.ok ? 200 : 400);
}
