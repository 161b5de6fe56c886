// /quan-tri/bai-viet/moi/ (publish): GET the page; POST with action "read" (a captured page ->
// the form filled), "preview" (checked, then rendered by the preview) or "publish" (checked again,
// handed to the publisher, 303 to the publication's page). The role is checked before a body of up
// to 1 MB is read; the CSRF token travels inside that body. Nothing here writes a file.
import { join } from "node:path";
import type { Context, Hono, MiddlewareHandler } from "hono";
import { contentDir, dataDir } from "../../lib/data/paths.ts";
import { sameSite } from "../http/guards.ts";
import { refusedPage } from "../staff/pages.ts";
import {
  formBodyUpTo,
  one,
  requireRole,
  requireSession,
  type FormFields,
  type StaffEnv,
} from "../staff/session.ts";
import {
  checkArticle,
  checkValues,
  readArticle,
  type CheckedArticle,
} from "./article-check-form.ts";
import {
  ARTICLE_BASE,
  articlePage,
  type ArticlePage,
  type PreviewSection,
} from "./article-form.ts";
import { catalogueOf, type Catalogue } from "./body-catalogue.ts";
import type { ArticlePreview } from "./preview-types.ts";
import { articleFigures } from "./article-figures.ts";
import type { FiguresSlot } from "./figures-slot.ts";
import type { PublicationFile, Publisher } from "./publication.ts";
import type { Newsroom } from "./setup.ts";
import { siteValuesOf, type SiteValues } from "./site-values.ts";

/** What the article page needs beyond the staff routes' own dependencies. */
export type ArticleDeps = {
  /** The publisher; null (or absent) while the newsroom is off. */
  publisher?: Publisher | null;
  /** Why the newsroom is off, in Vietnamese (no git, a read-only checkout), when publisher is null. */
  newsroomOff?: string;
  /** Renders an article's MDX as the site would (preview.ts); absent until it is wired. */
  preview?: ArticlePreview & { warm?: () => void };
  /** The checkout's content/news/ and data/ (PUBLISH_DIR); default: this project's (or NEWS_DIR, DATA_DIR). */
  newsDir?: string;
  dataDir?: string;
  /** The figures fieldset (figures-slot.ts); by default the figures step's (article-figures.ts). */
  figures?: FiguresSlot;
};

/**
 * The answer showing a rendered preview: the staff pages' policy (respond.ts), still no script, but
 * the site's own styles, images and fonts load inside its sandboxed frame (a srcdoc frame takes
 * the page's policy).
 */
export const PREVIEW_CSP =
  "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The article page's publisher and folders from the node's newsroom: its checkout, or why it is off. */
export function articleDepsOf(newsroom: Newsroom): ArticleDeps {
  if (newsroom.publisher === null) return { publisher: null, newsroomOff: newsroom.off };
  const root = newsroom.publishDir;
  return {
    publisher: newsroom.publisher,
    newsDir: join(root, "content", "news"),
    dataDir: join(root, "data"),
  };
}

export const MAX_ARTICLE_POST_BYTES = 1024 * 1024;
const jobPath = (id: string) => `/quan-tri/xuat-ban/viec/${encodeURIComponent(id)}/`;

const OFF =
  "Phòng biên tập đang tắt trên máy chủ này nên chưa đăng được bài; không có gì được ghi. Bài vẫn xem trước được; mời báo người quản trị.";
const NO_PREVIEW =
  "Máy chủ này chưa có phần xem trước bài; các trường đã được kiểm tra như khi dựng trang (xem trên). Bấm “Đăng bài” khi đã sẵn sàng.";

export function articleRoutes(
  app: Hono<StaffEnv>,
  d: ArticleDeps,
  session: MiddlewareHandler<StaffEnv>,
  signedIn: readonly [MiddlewareHandler<StaffEnv>, MiddlewareHandler<StaffEnv>],
): void {
  const newsDir = d.newsDir ?? contentDir();
  const data = d.dataDir ?? dataDir();
  const site = siteValuesOf(newsDir);
  const catalogue = catalogueOf(data, newsDir);
  // The figures step fills the slot unless a test or the lead gives another.
  const deps = { ...d, figures: d.figures ?? articleFigures({ dataDir: data, newsDir }) };
  const sent = sentSlugs(d.publisher);
  const page: PageOf = (c, p, status = 200) => {
    // Only a page showing a rendered preview widens the staff pages' policy (respond.ts).
    const headers: Record<string, string> =
      p.preview?.kind === "page" ? { "content-security-policy": PREVIEW_CSP } : {};
    const cat = catalogue();
    const full: ArticlePage = {
      csrf: c.get("staff")!.csrf,
      captured: "",
      site: site(),
      charts: cat.charts,
      chartDatasets: cat.chartDatasets,
      ...p,
    };
    return c.html(articlePage(full), status as 200, headers);
  };
  app
    .get("/quan-tri/bai-viet/moi", (c) => c.redirect(ARTICLE_BASE, 301))
    .get(ARTICLE_BASE, ...signedIn, requireRole("publish"), (c) => {
      // An editor opened the form: the preview's renderer starts now, so the first is quick.
      d.preview?.warm?.();
      return page(c, {});
    })
    .post(
      ARTICLE_BASE,
      sameSite,
      session,
      requireRole("publish"),
      formBodyUpTo(MAX_ARTICLE_POST_BYTES, (c) => c.html(refusedPage(TOO_LARGE), 413)),
      requireSession,
      (c) => postArticle(c, deps, { page, newsDir, site, catalogue, sent }),
    );
}

/** Slugs sent to the publisher and not yet built: a second article must not overwrite one. */
function sentSlugs(publisher: Publisher | null | undefined) {
  const sent = new Map<string, string>();
  return {
    add: (slug: string, id: string) => void sent.set(slug, id),
    /** The unfinished publication of `slug`, if any (a finished one's file is in the folder, or not). */
    queued(slug: string): string | undefined {
      const id = sent.get(slug);
      const state = id === undefined ? undefined : publisher?.get(id)?.state;
      if (state === "waiting" || state === "building") return id;
      sent.delete(slug);
      return undefined;
    },
  };
}
type Sent = ReturnType<typeof sentSlugs>;

/** The figures slot's part for an article as checked, if a slot is wired. */
const figuresOf = (
  d: ArticleDeps,
  action: "read" | "preview" | "publish",
  a: CheckedArticle,
  form: FormFields,
) => d.figures?.({ action, slug: a.values.slug, body: a.values.body, mdx: a.mdx, form });

type PageOf = (c: Context<StaffEnv>, p: Partial<ArticlePage>, status?: number) => Response;

/** POST: read a pasted page, or check the form and preview or publish it. */
async function postArticle(
  c: Context<StaffEnv>,
  d: ArticleDeps,
  ctx: {
    page: PageOf;
    newsDir: string;
    site: () => SiteValues;
    catalogue: () => Catalogue;
    sent: Sent;
  },
): Promise<Response> {
  const { page } = ctx;
  const form = c.get("form");
  const action = one(form, "action");
  const check = {
    slugs: ctx.site().slugs,
    newsDir: ctx.newsDir,
    catalogue: ctx.catalogue(),
    queued: ctx.sent.queued,
  };
  if (action === "read") {
    const read = readArticle(one(form, "captured"));
    const checked = read.values && checkValues(read.values, check);
    const figures = checked && (await figuresOf(d, action, checked, form));
    // Of the check, only the proposed slug's problem now: the empty fields are marked "Cần điền".
    const problems = checked?.problems.filter((p) => p.field === "slug");
    const shown = { captured: one(form, "captured"), ...read, problems, figures: figures?.html };
    return page(c, shown, read.error ? 400 : 200);
  }
  if (action !== "preview" && action !== "publish") {
    return page(c, { error: "Không rõ thao tác; mời bấm “Xem trước” hoặc “Đăng bài”." }, 400);
  }
  const checked = checkArticle(form, check);
  const figures = await figuresOf(d, action, checked, form);
  const problems = [...checked.problems, ...(figures?.problems ?? [])];
  const shown = { values: checked.values, problems, figures: figures?.html };
  if (problems.length > 0) return page(c, shown, 400);
  if (action === "preview") return page(c, { ...shown, preview: await previewOf(d, checked) });
  return publish(
    c,
    d,
    { ...checked, files: figures?.files ?? [], sent: ctx.sent },
    (status, error) => page(c, { ...shown, error }, status),
  );
}

const TOO_LARGE =
  "Bài gửi lên quá lớn (quá 1 MB); không có gì thay đổi. Mời bỏ bớt phần thừa của trang đã chép rồi gửi lại.";

/** The one place the preview is called. */
async function previewOf(d: ArticleDeps, a: CheckedArticle): Promise<PreviewSection> {
  if (!d.preview) return { kind: "message", text: NO_PREVIEW, error: false };
  try {
    const result = await d.preview(a.mdx, a.slug);
    return result.ok
      ? { kind: "page", html: result.html }
      : { kind: "message", text: result.message, error: true };
  } catch {
    return {
      kind: "message",
      text: "Không dựng được bản xem trước (lỗi máy chủ); bài chưa được ghi. Mời thử lại.",
      error: true,
    };
  }
}

/** Hands the checked article to the publisher and sends the editor to the publication's page. */
function publish(
  c: Context<StaffEnv>,
  d: ArticleDeps,
  a: CheckedArticle & { files: PublicationFile[]; sent: Sent },
  refused: (status: 400 | 503, error: string) => Response,
): Response {
  if (!d.publisher) return refused(503, d.newsroomOff ? `${OFF} Lý do: ${d.newsroomOff}` : OFF);
  const staff = c.get("staff")!;
  let id: string;
  try {
    id = d.publisher.submit({
      kind: "article",
      title: a.title,
      files: [{ path: `content/news/${a.slug}.mdx`, text: a.mdx }, ...a.files],
      username: staff.username,
    }).id;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return refused(400, `Không gửi được bài để đăng: ${why}`);
  }
  a.sent.add(a.slug, id);
  return c.redirect(jobPath(id), 303);
}
