// The newsroom's article preview (preview-types.ts): the MDX is checked (preview-source.ts), then
// rendered by a separate process (preview-process.ts) with the site's own page, layout and
// components, and made into the page dist/ would serve (preview-page.ts). One preview at a time,
// each with a time limit; a few wait their turn, more are refused. The renderer stays warm
// between previews (its first start takes seconds), restarts when data/ changes (its charts and
// figures read data/ once) and exits when idle.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ArticlePreview, PreviewResult } from "./preview-types.ts";
import { asPublished, readPublishedAssets } from "./preview-page.ts";
import {
  startRendererProcess,
  type RendererPaths,
  type RendererProcess,
} from "./preview-process.ts";
import { checkPreviewSource } from "./preview-source.ts";

export type PreviewOptions = {
  /** The project: its src/, node_modules/ and astro.config.mjs render the page. */
  root: string;
  /** The published build, whose stylesheet and asset addresses the preview links. */
  distDir: string;
  /** The published articles (content/news of the content checkout): "Các tin khác", chart sources. */
  newsDir: string;
  /** The data the <DataFigure> and <Chart> read (data/ of the content checkout). */
  dataDir: string;
  /** Longest a preview may take, start of the renderer included (default 90 s). */
  timeoutMs?: number;
  /** The renderer exits after this long without a preview (default 10 minutes). */
  idleMs?: number;
  /** Previews that may wait while one renders; more are refused (default 3). */
  maxWaiting?: number;
};

export type PreviewService = ArticlePreview & {
  /** Stops the renderer and removes its work folder (the server's shutdown; tests). */
  close(): Promise<void>;
  /** Starts the renderer ahead of a preview (an editor opened the form), so the first is quick. */
  warm(): void;
  /** The renderer's process id while it runs (tests, the staff log). */
  rendererPid(): number | undefined;
};

const seconds = (ms: number) => new Intl.NumberFormat("vi-VN").format(Math.round(ms / 100) / 10);
const NO_BUILD =
  "Chưa có bản trang đã dựng (dist/) để lấy kiểu trình bày; chạy npm run build một lần rồi xem trước lại.";
const tooSlow = (ms: number) =>
  `Bản xem trước dựng quá ${seconds(ms)} giây nên đã dừng; bài chưa được xem trước. Bấm Xem trước lần nữa; nếu vẫn chậm, báo người quản trị.`;
const busy = (count: number) =>
  `Đang có ${count} bản xem trước chờ dựng; máy chủ chỉ dựng từng bản một. Thử lại sau ít phút.`;

/** What `work` gives, or what `late()` gives once `ms` have passed. */
async function withinTime<T>(work: Promise<T>, ms: number, late: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((done) => (timer = setTimeout(() => done(late()), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Names, sizes and times of data/'s files: a change means the renderer's data is stale. */
function dataStamp(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((file) => `${file}:${statSync(file).size}:${statSync(file).mtimeMs}`)
    .join("\n");
}

/** The renderer process in use, restarted when data/ changed or it died. */
function rendererSlot(paths: RendererPaths) {
  let renderer: { process: RendererProcess; stamp: string } | undefined;
  return {
    current(): RendererProcess {
      const stamp = dataStamp(paths.dataDir);
      if (renderer?.process.running && renderer.stamp === stamp) return renderer.process;
      this.stop();
      renderer = { process: startRendererProcess(paths), stamp };
      return renderer.process;
    },
    stop(): void {
      renderer?.process.stop();
      renderer = undefined;
    },
    pid: () => (renderer?.process.running ? renderer.process.pid : undefined),
  };
}

type Slot = ReturnType<typeof rendererSlot>;

/** One render in the renderer, as the published site would serve it, within the time limit. */
async function renderWithin(
  slot: Slot,
  distDir: string,
  timeoutMs: number,
  mdx: string,
  slug: string,
): Promise<PreviewResult> {
  const assets = readPublishedAssets(resolve(distDir));
  if (!assets) return { ok: false, message: NO_BUILD };
  const current = slot.current();
  const rendered = current.ready.then(
    () => current.render(mdx, slug),
    (error: Error) => ({ ok: false as const, message: error.message }),
  );
  const result = await withinTime<PreviewResult>(rendered, timeoutMs, () => {
    slot.stop();
    return { ok: false as const, message: tooSlow(timeoutMs) };
  });
  return result.ok ? { ok: true, html: asPublished(result.html, assets) } : result;
}

export function createArticlePreview(options: PreviewOptions): PreviewService {
  const { timeoutMs = 90_000, idleMs = 600_000, maxWaiting = 3 } = options;
  const workDir = mkdtempSync(join(tmpdir(), "xem-truoc-"));
  const slot = rendererSlot({
    root: resolve(options.root),
    newsDir: resolve(options.newsDir),
    dataDir: resolve(options.dataDir),
    workDir,
  });
  const stopRenderer = () => slot.stop();
  let idle: NodeJS.Timeout | undefined;
  let turn: Promise<unknown> = Promise.resolve();
  let waitingCount = 0;

  async function preview(mdx: string, slug: string): Promise<PreviewResult> {
    const checked = checkPreviewSource(mdx, slug);
    if (!checked.ok) return checked;
    if (waitingCount > maxWaiting) return { ok: false, message: busy(waitingCount) };
    waitingCount++;
    clearTimeout(idle);
    const mine = turn
      .then(() => renderWithin(slot, options.distDir, timeoutMs, checked.text, slug))
      // An unreadable data/ or articles folder: said, never thrown at the server.
      .catch((error: Error) => ({
        ok: false as const,
        message: `Chưa xem trước được: ${error.message}`,
      }));
    turn = mine;
    try {
      return await mine;
    } finally {
      if (--waitingCount === 0) idle = setTimeout(stopRenderer, idleMs).unref();
    }
  }

  return Object.assign(preview, {
    async close() {
      clearTimeout(idle);
      stopRenderer();
      await turn;
      rmSync(workDir, { recursive: true, force: true });
    },
    warm() {
      if (waitingCount > 0) return;
      slot.current();
      clearTimeout(idle);
      idle = setTimeout(stopRenderer, idleMs).unref();
    },
    rendererPid: slot.pid,
  });
}
