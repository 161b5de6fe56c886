// The article page at /quan-tri/bai-viet/moi/ (bien-tap, quan-tri): a box to paste a captured
// page, then the article's form (fields named after the frontmatter keys, the body as paragraphs
// with documented marks), the check's messages beside each field, the preview, and the figures
// fieldset's slot. Plain HTML posted without script; every value escaped.
import { TOPICS } from "../../consts.ts";
import { escapeHtml } from "../../lib/html.ts";
import { notice, staffDocument } from "../staff/pages.ts";
import { ARTICLE_CHART_MARK, CAPTION_MARK, CHART_MARK } from "./article-body.ts";
import { EMPTY_VALUES, type ArticleValues, type FieldProblem } from "./article-draft.ts";
import { FIELD_SPECS, fieldId, type FieldSpec } from "./article-fields.ts";
import type { ChartChoice } from "./body-catalogue.ts";
import type { SiteValues } from "./site-values.ts";

export const ARTICLE_BASE = "/quan-tri/bai-viet/moi/";

export type PreviewSection =
  { kind: "page"; html: string } | { kind: "message"; text: string; error: boolean };

export type ArticlePage = {
  csrf: string;
  captured: string;
  /** Absent before a page is read or a form posted: the form is shown empty. */
  values?: ArticleValues;
  /** Where a value came from: "dòng 3 của trang đã chép". */
  origins?: Partial<Record<string, string>>;
  problems?: FieldProblem[];
  site: SiteValues;
  charts: readonly ChartChoice[];
  chartDatasets: readonly string[];
  /** What the reader of captured pages asks staff to check by hand. */
  checks?: string[];
  /** Lines of the pasted page set aside as page furniture (menus, links, counters). */
  dropped?: string[];
  error?: string;
  preview?: PreviewSection;
  /** The figures fieldset (the numbers the text states, rows to confirm), inside this form. */
  figures?: string;
};

const STYLE = `
  textarea { display: block; width: 100%; box-sizing: border-box; padding: 0.5rem; font: inherit; }
  fieldset { border: 1px solid #d6d6d0; background: #fff; margin: 0 0 1rem; padding: 0.75rem 1rem; }
  legend { font-weight: 700; padding: 0 0.25rem; }
  .field { margin: 0 0 1rem; }
  .field--bad input, .field--bad textarea { border: 2px solid #b3261e; }
  .hint { display: block; color: #555; font-size: 0.9rem; }
  .marks { font-size: 0.9rem; }
  .need { color: #b3261e; }
  .new { color: #7a4b00; font-weight: 600; }
  .origin { color: #2d5d34; }
  .field-problems { color: #b3261e; margin: 0.25rem 0 0; padding-left: 1.25rem; }
  .check { display: block; font-weight: 400; padding: 0.3rem 0; }
  .check input { width: 1.25rem; height: 1.25rem; vertical-align: middle; }
  .charts { max-height: 16rem; overflow: auto; }
  .preview { width: 100%; height: 80vh; border: 1px solid #999; background: #fff; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  code { overflow-wrap: anywhere; font-family: inherit; background: #ecece6; padding: 0 0.2em; }
`;

const NEW_VALUE = "giá trị mới, chưa có bài nào dùng";
const TO_FILL = "Cần điền";

function choicesOf(site: SiteValues, kind: NonNullable<FieldSpec["choices"]>): string[] {
  if (kind === "districts") return site.districts.map((d) => d.district);
  return site[kind];
}

function datalists(site: SiteValues): string {
  const list = (id: string, values: string[], labels?: string[]) =>
    `<datalist id="${id}">${values
      .map(
        (v, i) =>
          `<option value="${escapeHtml(v)}">${labels ? escapeHtml(labels[i]!) : ""}</option>`,
      )
      .join("")}</datalist>`;
  return (
    list("ds-provinces", site.provinces) +
    list(
      "ds-districts",
      site.districts.map((d) => d.district),
      site.districts.map((d) => `${d.district} (${d.province})`),
    ) +
    list("ds-units", site.units)
  );
}

const problemList = (id: string, messages: string[]) =>
  messages.length === 0
    ? ""
    : `<ul class="field-problems" id="${id}-loi">${messages.map((m) => `<li>${escapeHtml(m)}</li>`).join("")}</ul>`;

function statusOf(spec: FieldSpec, value: string, p: ArticlePage): string {
  const marks: string[] = [];
  if (spec.required && value === "") marks.push(`<strong class="need">${TO_FILL}</strong>`);
  if (spec.choices && value !== "" && !choicesOf(p.site, spec.choices).includes(value))
    marks.push(`<span class="new">${NEW_VALUE}</span>`);
  const origin = p.origins?.[spec.name];
  if (origin) marks.push(`<span class="origin">${escapeHtml(origin)}</span>`);
  return marks.length === 0 ? "" : ` <span class="marks">${marks.join(" · ")}</span>`;
}

function field(spec: FieldSpec, p: ArticlePage, values: ArticleValues): string {
  const id = fieldId(spec.name);
  const value = values[spec.name];
  const messages = (p.problems ?? []).filter((x) => x.field === spec.name).map((x) => x.message);
  const described = `${id}-goi-y${messages.length > 0 ? ` ${id}-loi` : ""}`;
  const common = `id="${id}" name="${spec.name}" aria-describedby="${described}"${spec.required ? ` aria-required="true"` : ""}${messages.length > 0 ? ` aria-invalid="true"` : ""}`;
  const input = spec.long
    ? `<textarea ${common} rows="${spec.name === "summary" ? 4 : 2}">${escapeHtml(value)}</textarea>`
    : `<input type="text" ${common}${spec.choices ? ` list="ds-${spec.choices}"` : ""} value="${escapeHtml(value)}">`;
  return (
    `<div class="field${messages.length > 0 ? " field--bad" : ""}">` +
    `<label for="${id}">${escapeHtml(spec.label)}${spec.required ? "" : " (không bắt buộc)"}</label>${statusOf(spec, value, p)}` +
    `<span class="hint" id="${id}-goi-y">${escapeHtml(spec.hint)}</span>${input}${problemList(id, messages)}</div>`
  );
}

function topicsField(p: ArticlePage, values: ArticleValues): string {
  const messages = (p.problems ?? []).filter((x) => x.field === "topics").map((x) => x.message);
  const boxes = Object.entries(TOPICS)
    .map(
      ([id, label]) =>
        `<label class="check"><input type="checkbox" name="topics" value="${id}"${values.topics.includes(id) ? " checked" : ""}> ${escapeHtml(label)}</label>`,
    )
    .join("");
  const need = values.topics.length === 0 ? ` <strong class="need">${TO_FILL}</strong>` : "";
  return `<fieldset class="topics" id="f-topics"><legend>Chủ đề${need}</legend><p class="hint">Chọn một hoặc vài chủ đề.</p>${boxes}${problemList("f-topics", messages)}</fieldset>`;
}

function bodyHelp(p: ArticlePage): string {
  const charts = p.charts
    .map((c) => `<li><code>${escapeHtml(c.id)}</code> · ${escapeHtml(c.title)}</li>`)
    .join("");
  return (
    `<div class="hint" id="f-body-goi-y"><p>Mỗi đoạn cách nhau một dòng trống; chữ hiện đúng như gõ (kể cả { } &lt; &gt; * _ #).</p><ul>` +
    `<li>Chú thích ảnh: đoạn bắt đầu bằng <code>${CAPTION_MARK}</code>, vd. <code>${CAPTION_MARK} Đồng chí … phát biểu tại hội nghị</code>.</li>` +
    `<li>Biểu đồ có sẵn: một đoạn riêng <code>[${CHART_MARK}: mã-biểu-đồ]</code>, mã lấy trong danh sách dưới.</li>` +
    `<li>Biểu đồ từ số liệu của chính bài này: một đoạn riêng <code>[${ARTICLE_CHART_MARK}: bộ-dữ-liệu]</code>, bộ dữ liệu là một trong: ${p.chartDatasets.map((d) => `<code>${escapeHtml(d)}</code>`).join(", ")}.</li>` +
    `<li>Con số gắn với dòng dữ liệu: <code>[6.001](dang-vien#th-dang-vien)</code>: con số trong ngoặc vuông, rồi bộ dữ liệu#mã dòng trong ngoặc tròn.</li></ul>` +
    `<details><summary>Biểu đồ có sẵn (${p.charts.length})</summary><ul class="charts">${charts}</ul></details></div>`
  );
}

function bodyField(p: ArticlePage, values: ArticleValues): string {
  const messages = (p.problems ?? []).filter((x) => x.field === "body").map((x) => x.message);
  const need = values.body.trim() === "" ? ` <strong class="need">${TO_FILL}</strong>` : "";
  return (
    `<fieldset><legend>Lời bài</legend><div class="field${messages.length > 0 ? " field--bad" : ""}">` +
    `<label for="f-body">Các đoạn và chú thích ảnh</label>${need}${bodyHelp(p)}` +
    `<textarea id="f-body" name="body" rows="18" aria-describedby="f-body-goi-y${messages.length > 0 ? " f-body-loi" : ""}"${messages.length > 0 ? ` aria-invalid="true"` : ""}>${escapeHtml(values.body)}</textarea>` +
    `${problemList("f-body", messages)}</div></fieldset>`
  );
}

function previewSection(preview: PreviewSection | undefined): string {
  if (!preview) return "";
  if (preview.kind === "message")
    return `<h2 id="xem-truoc">Xem trước</h2>${notice(preview.text, preview.error)}`;
  // No allow-scripts (and the answer's CSP has no script-src): nothing in the preview runs. Same
  // origin only so the site's fonts load (fonts are fetched in CORS mode; an opaque origin loses them).
  return (
    `<h2 id="xem-truoc">Xem trước</h2><p>Bài sẽ hiện trên trang như dưới đây (chưa đăng).</p>` +
    `<iframe class="preview" sandbox="allow-same-origin" title="Xem trước bài viết" srcdoc="${escapeHtml(preview.html)}"></iframe>`
  );
}

function captureForm(p: ArticlePage): string {
  return (
    `<form method="post" action="${ARTICLE_BASE}" class="capture">` +
    `<input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}">` +
    `<p><label for="f-captured">Trang đã chép</label><br><span class="hint" id="f-captured-goi-y">Dán toàn bộ chữ của trang nguồn (chọn hết, chép, dán); máy đọc tiêu đề, ngày, nguồn, tác giả, lời bài và chú thích ảnh như lệnh npm run article:new.</span>` +
    `<textarea id="f-captured" name="captured" rows="8" aria-describedby="f-captured-goi-y">${escapeHtml(p.captured)}</textarea></p>` +
    `<p><button name="action" value="read">Đọc trang đã chép</button></p></form>`
  );
}

function summary(problems: FieldProblem[]): string {
  if (problems.length === 0) return "";
  const items = problems
    .map(
      (x) =>
        `<li><a href="#${x.field === "body" ? "f-body" : fieldId(x.field)}">${escapeHtml(x.message)}</a></li>`,
    )
    .join("");
  return `<div class="notice notice--error" role="alert"><p>Bài còn ${problems.length} chỗ cần sửa; chưa có gì được ghi hay đăng:</p><ol>${items}</ol></div>`;
}

export function articlePage(p: ArticlePage): string {
  const values = p.values ?? EMPTY_VALUES;
  const fields = FIELD_SPECS.map((spec) => field(spec, p, values)).join("");
  const checks =
    (p.checks && p.checks.length > 0
      ? `<div class="notice"><p>Cần kiểm tra lại với bản gốc:</p><ul>${p.checks.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul></div>`
      : "") +
    (p.dropped && p.dropped.length > 0
      ? `<details><summary>Các dòng của trang đã chép bị bỏ ra, không phải lời bài (${p.dropped.length})</summary><ul>${p.dropped.map((d) => `<li>${escapeHtml(d)}</li>`).join("")}</ul></details>`
      : "");
  return staffDocument(
    "Viết bài mới",
    `<div class="bar"><h1>Viết bài mới</h1><p><a href="/quan-tri/">Về trang quản trị</a></p></div>` +
      notice(p.error, true) +
      captureForm(p) +
      `<h2>Bài viết</h2>${summary(p.problems ?? [])}${checks}` +
      `<form method="post" action="${ARTICLE_BASE}" class="article">` +
      `<input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}">${datalists(p.site)}` +
      `<fieldset><legend>Phần đầu bài</legend>${fields}${topicsField(p, values)}</fieldset>` +
      bodyField(p, values) +
      (p.figures ? `<div id="f-figures">${p.figures}</div>` : "") +
      `<p class="actions"><button name="action" value="preview">Xem trước</button> <button name="action" value="publish">Đăng bài</button></p></form>` +
      previewSection(p.preview),
    STYLE,
  );
}
