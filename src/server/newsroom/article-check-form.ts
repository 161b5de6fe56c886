// The article form's two readings: a captured page -> the form's values (as `article:new` reads
// it), and a posted form -> the MDX our template writes, checked like a file in content/news/
// (the article check and its schema), each message placed beside the field it is about.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkArticleText } from "../../lib/content/article-check.ts";
import { readCapture, type Capture } from "../../lib/content/capture.ts";
import { proposedSummary } from "../../lib/content/capture-mdx.ts";
import { noBodyMessage } from "../../lib/content/capture-messages.ts";
import { articleMdx } from "../../lib/newsroom/article-mdx.ts";
import { SLUG_PATTERN, slugify } from "../../lib/slug.ts";
import type { FormFields } from "../staff/session.ts";
import { captureBody, readBody, type BodyCatalogue } from "./article-body.ts";
import {
  EMPTY_VALUES,
  MAX_CAPTURE_CHARS,
  readArticleForm,
  toDraft,
  type ArticleValues,
  type FieldProblem,
} from "./article-draft.ts";

export type CheckedArticle = {
  values: ArticleValues;
  problems: FieldProblem[];
  slug: string;
  title: string;
  /** The file's text ("" when the form could not be read). */
  mdx: string;
};

const q = (text: string) => `“${text}”`;
const at = (line: number) => `dòng ${line} của trang đã chép`;

function captureValues(capture: Capture): ArticleValues {
  const title = capture.title!.text;
  return {
    ...EMPTY_VALUES,
    title,
    kicker: capture.kicker?.text ?? "",
    published: capture.date?.published ?? "",
    publishedLabel: capture.date?.label ?? "",
    "source.outlet": capture.outlet?.name ?? capture.mark ?? "",
    "source.mark": capture.mark ?? "",
    "author.name": capture.byline?.name ?? "",
    "author.role": capture.byline?.role ?? "",
    summary: proposedSummary(capture) ?? "",
    slug: slugify(title),
    body: captureBody(capture),
  };
}

function captureOrigins(capture: Capture): Partial<Record<string, string>> {
  const origins: Partial<Record<string, string>> = { title: `Lấy từ ${at(capture.title!.line)}` };
  if (capture.kicker) origins.kicker = `Lấy từ ${at(capture.kicker.line)}`;
  if (capture.date) origins.published = origins.publishedLabel = `Lấy từ ${at(capture.date.line)}`;
  if (capture.outlet) origins["source.outlet"] = `Lấy từ ${at(capture.outlet.line)}`;
  else if (capture.mark)
    origins["source.outlet"] = "Lấy ký hiệu đầu bài; sửa thành tên báo nếu cần";
  if (capture.byline) origins["author.name"] = `Lấy từ ${at(capture.byline.line)}`;
  if (proposedSummary(capture))
    origins.summary = "Câu đầu của bài; sửa nếu cần, chỉ dùng lời của bài";
  origins.slug = "Đề xuất từ tiêu đề";
  return origins;
}

/** A pasted page -> the form's values, where each came from, what to check; or why it could not be read. */
export function readArticle(captured: string) {
  if (captured.trim() === "") {
    return {
      error: "Chưa dán trang nào; mời dán toàn bộ chữ của trang nguồn vào ô “Trang đã chép”.",
    };
  }
  if (captured.length > MAX_CAPTURE_CHARS) {
    return {
      error: `Trang đã chép dài quá ${MAX_CAPTURE_CHARS} ký tự; mời chỉ chép phần bài viết.`,
    };
  }
  const capture = readCapture(captured);
  if (!capture.title) {
    return {
      error:
        "Không tìm thấy tiêu đề: trang đã chép cần có dòng tiêu đề trước đoạn đầu của bài. Mời chép lại cả trang, hoặc gõ bài vào các ô bên dưới.",
    };
  }
  if (!capture.blocks.some((b) => b.kind === "paragraph")) {
    return {
      error: noBodyMessage(capture, "Trang đã chép").replace(
        /^Trang đã chép:(\d+):1 /,
        "Dòng $1: ",
      ),
    };
  }
  return {
    values: captureValues(capture),
    origins: captureOrigins(capture),
    checks: capture.checks.map((c) => c.text),
    dropped: capture.furniture.map((f) => `Dòng ${f.line}: ${f.text}`),
  };
}

/** The form field a line of the frontmatter is about: "unit", "locality.province", "topics". */
export function fieldAtLine(lines: readonly string[], line: number): string {
  const end = lines.indexOf("---", 1);
  if (line < 2 || line > end) return "body";
  let key: string | undefined;
  for (let i = line - 1; i >= 1; i--) {
    const m = /^(\s*)([A-Za-z]+):/.exec(lines[i]!);
    if (!m) continue;
    if (key === undefined && m[1] !== "") key = m[2];
    else if (m[1] === "") return key === undefined ? m[2]! : `${m[2]}.${key}`;
  }
  return "body";
}

function slugProblems(slug: string, ctx: CheckContext): FieldProblem[] {
  if (slug === "") return []; // The check says it is empty.
  const problem = (message: string) => [{ field: "slug", message }];
  if (!SLUG_PATTERN.test(slug)) {
    return problem(
      `Tên tệp ${q(slug)} không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch nối, vd. thanh-binh-ket-nap-dang-vien.`,
    );
  }
  if (ctx.slugs.has(slug) || existsSync(join(ctx.newsDir, `${slug}.mdx`))) {
    return problem(
      `Đã có bài tên ${q(slug)} (content/news/${slug}.mdx); không ghi đè. Nếu là bài khác, chọn tên khác, vd. ${slug}-2.`,
    );
  }
  const queued = ctx.queued?.(slug);
  if (queued) {
    return problem(
      `Một bài tên ${q(slug)} vừa được gửi đăng (việc ${queued}) và đang chờ dựng; không ghi đè. Nếu là bài khác, chọn tên khác, vd. ${slug}-2.`,
    );
  }
  return [];
}

export type CheckContext = {
  slugs: ReadonlySet<string>;
  newsDir: string;
  catalogue: BodyCatalogue;
  /** The publication already sent with this slug and not yet finished, if any. */
  queued?: (slug: string) => string | undefined;
};

/** The posted form -> our template's MDX, and every problem the form, the body and the check find. */
export function checkArticle(fields: FormFields, ctx: CheckContext): CheckedArticle {
  const read = readArticleForm(fields);
  if ("problems" in read) {
    return { values: read.values, problems: read.problems, slug: "", title: "", mdx: "" };
  }
  return checkValues(read.form, ctx);
}

/** The form's values (posted, or read from a pasted page) -> our template's MDX and its problems. */
export function checkValues(form: ArticleValues, ctx: CheckContext): CheckedArticle {
  const problems: FieldProblem[] = [...slugProblems(form.slug, ctx)];
  if (form.slug === "")
    problems.push({ field: "slug", message: "Ô “slug” (tên tệp) đang để trống, cần điền." });
  if (form["author.role"] !== "" && form["author.name"] === "") {
    problems.push({
      field: "author.name",
      message: "Có chức vụ tác giả mà chưa có tên tác giả; điền tên hoặc bỏ chức vụ.",
    });
  }
  const body = readBody(form.body, form.slug || "bai-moi", ctx.catalogue);
  problems.push(...body.problems);
  const mdx = articleMdx(toDraft(form, body.blocks));
  const lines = mdx.split("\n");
  for (const issue of checkArticleText(`content/news/${form.slug}.mdx`, mdx)) {
    problems.push({ field: fieldAtLine(lines, issue.line), message: issue.message });
  }
  return { values: { ...form }, problems, slug: form.slug, title: form.title, mdx };
}
