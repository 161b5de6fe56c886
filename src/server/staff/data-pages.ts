// The dataset upload page at /quan-tri/du-lieu/ (bien-tap, quan-tri): the datasets, a form to
// check a CSV saved from a spreadsheet, and what the check found: data:check's problems, or the
// cells that would change. Plain HTML posted without script; every value escaped.
import type { CellDiff, DatasetDiff } from "../../lib/data/csv-diff.ts";
import { isUnchanged } from "../../lib/data/csv-diff.ts";
import { DATASET_IDS, DATASETS, type DatasetId } from "../../lib/data/datasets.ts";
import type { UploadProblem } from "../../lib/data/upload-check.ts";
import { formatNumber } from "../../lib/format.ts";
import { escapeHtml } from "../../lib/html.ts";
import { notice, staffDocument } from "./pages.ts";
import { STASH_MINUTES } from "./upload-stash.ts";

export const DATA_BASE = "/quan-tri/du-lieu/";
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type UploadOutcome =
  | { kind: "problems"; file: string; problems: UploadProblem[] }
  | {
      kind: "diff";
      file: string;
      diff: DatasetDiff;
      warnings: UploadProblem[];
      dates: number[];
      /** The checked CSV's key on the server (upload-stash.ts); absent when the newsroom is off. */
      publishKey?: string | undefined;
    };

export type DataPage = {
  csrf: string;
  /** The dataset chosen last (kept selected after a check). */
  dataset?: DatasetId;
  outcome?: { id: DatasetId } & UploadOutcome;
  error?: string;
};

const NOT_YET =
  "Chưa thể đăng số liệu từ trình duyệt trên máy chủ này (chưa bật xuất bản): trang này chỉ kiểm tra và cho xem thay đổi; không có gì được ghi hay đăng.";

/** "Đăng": posts the key of the checked CSV kept on the server, never the CSV itself. */
const publishForm = (csrf: string, key: string) =>
  `<form method="post" action="${DATA_BASE}" enctype="multipart/form-data">` +
  `<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">` +
  `<input type="hidden" name="upload" value="${escapeHtml(key)}">` +
  `<p>Đăng: ghi tệp đã kiểm tra vào kho nội dung, dựng lại trang, rồi commit dưới tên bạn. Nếu bản dựng lỗi, không có gì thay đổi. Bản kiểm tra này giữ trong ${STASH_MINUTES} phút.</p>` +
  `<p><button name="action" value="publish">Đăng</button></p></form>`;

function datasetList(): string {
  const items = DATASET_IDS.map(
    (id) =>
      `<li><a href="/du-lieu/${id}/">${escapeHtml(DATASETS[id].title)}</a> · <code>data/${id}.csv</code></li>`,
  ).join("");
  return `<ul>${items}</ul>`;
}

function uploadForm(p: DataPage): string {
  const options = DATASET_IDS.map(
    (id) =>
      `<option value="${id}"${id === p.dataset ? " selected" : ""}>${escapeHtml(DATASETS[id].title)} (${id})</option>`,
  ).join("");
  return (
    `<form method="post" action="${DATA_BASE}" enctype="multipart/form-data">` +
    `<input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}">` +
    `<p><label for="bo-du-lieu">Bộ dữ liệu</label><br><select id="bo-du-lieu" name="dataset" required>${options}</select></p>` +
    `<p><label for="tep">Tệp CSV (đến ${formatNumber(MAX_UPLOAD_BYTES / 1024 / 1024)} MB)</label><br>` +
    `<input id="tep" type="file" name="tep" accept=".csv,text/csv" required></p>` +
    `<p><button name="action" value="preview">Kiểm tra</button></p></form>`
  );
}

const problemList = (items: UploadProblem[]) =>
  `<ol class="problems">${items
    .map((p) => `<li><strong>${escapeHtml(p.text)}</strong><br>${escapeHtml(p.fix)}</li>`)
    .join("")}</ol>`;

const rowList = (rows: DatasetDiff["added"]) =>
  `<ul>${rows
    .map(
      (r) =>
        `<li><code>${escapeHtml(r.id)}</code>${r.label ? ` · ${escapeHtml(r.label)}` : ""}</li>`,
    )
    .join("")}</ul>`;

const cellRow = (id: string, cell: CellDiff) =>
  `<tr><td><code>${escapeHtml(id)}</code></td><td>${escapeHtml(cell.title)}</td>` +
  `<td><del>${escapeHtml(cell.from) || "(trống)"}</del></td><td><ins>${escapeHtml(cell.to) || "(trống)"}</ins></td></tr>`;

function diffSection(diff: DatasetDiff): string {
  if (isUnchanged(diff)) return notice("Tệp không thay đổi gì so với dữ liệu đang đăng.");
  const parts: string[] = [];
  if (diff.added.length > 0)
    parts.push(`<h3>Dòng thêm (${formatNumber(diff.added.length)})</h3>${rowList(diff.added)}`);
  if (diff.removed.length > 0)
    parts.push(`<h3>Dòng bỏ (${formatNumber(diff.removed.length)})</h3>${rowList(diff.removed)}`);
  if (diff.changed.length > 0) {
    const rows = diff.changed.flatMap((r) => r.cells.map((cell) => cellRow(r.id, cell))).join("");
    parts.push(
      `<h3>Ô thay đổi (${formatNumber(diff.changed.length)} dòng)</h3><div class="table-wrap"><table>` +
        `<thead><tr><th scope="col">Mã dòng</th><th scope="col">Cột</th><th scope="col">Cũ</th><th scope="col">Mới</th></tr></thead>` +
        `<tbody>${rows}</tbody></table></div>`,
    );
  }
  return parts.join("");
}

/** "Đăng" when there is something to publish; with the newsroom off, why not. */
function publishPart(o: Extract<UploadOutcome, { kind: "diff" }>, csrf: string): string {
  if (!o.publishKey) return notice(NOT_YET);
  return isUnchanged(o.diff) ? "" : publishForm(csrf, o.publishKey);
}

function outcomeSection(o: NonNullable<DataPage["outcome"]>, csrf: string): string {
  const file = escapeHtml(o.file);
  const target = `<code>data/${o.id}.csv</code> (${escapeHtml(DATASETS[o.id].title)})`;
  if (o.kind === "problems") {
    return (
      `<h2>Kết quả kiểm tra</h2>` +
      notice(
        `Tệp «${o.file}» có ${formatNumber(o.problems.length)} lỗi; không có gì thay đổi. Sửa từng lỗi theo dòng:cột đã nêu trong bảng tính, lưu lại rồi kiểm tra lại.`,
        true,
      ) +
      problemList(o.problems)
    );
  }
  const dates =
    o.dates.length > 0
      ? `<p>Ngày bảng tính viết dạng dd/mm/yyyy đã được đổi về yyyy-mm-dd, dòng ${o.dates.join(", ")}.</p>`
      : "";
  const warnings =
    o.warnings.length > 0
      ? `<h3>Cảnh báo (không chặn việc đăng)</h3>${problemList(o.warnings)}`
      : "";
  return (
    `<h2>Thay đổi so với ${target}</h2><p>Tệp «${file}» đúng dạng và qua mọi bước kiểm tra của npm run data:check.</p>` +
    dates +
    diffSection(o.diff) +
    warnings +
    publishPart(o, csrf)
  );
}

export function dataPage(p: DataPage): string {
  return staffDocument(
    "Cập nhật số liệu",
    `<div class="bar"><h1>Cập nhật bộ dữ liệu bằng tệp CSV</h1><p><a href="/quan-tri/">Về trang quản trị</a></p></div>` +
      notice(p.error, true) +
      `<p>Chọn bộ dữ liệu và tệp CSV lưu từ bảng tính (Excel, LibreOffice: dấu phẩy hay dấu chấm phẩy, có hay không BOM, số và ngày kiểu Việt Nam đều được). ` +
      `Máy chủ đưa tệp về dạng chuẩn như npm run data:format, kiểm tra như npm run data:check, rồi cho xem những ô thay đổi; chỉ khi bạn bấm “Đăng” thì tệp mới được ghi và đăng.</p>` +
      uploadForm(p) +
      (p.outcome ? outcomeSection(p.outcome, p.csrf) : "") +
      `<h2>Các bộ dữ liệu</h2>${datasetList()}`,
  );
}
