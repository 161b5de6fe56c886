// The publisher: publications queue in memory and run one at a time. Each writes its files in the
// content checkout (remembering their bytes), runs the staged build without swapping, and only if
// it passed commits as the staff member and swaps the build into dist/. Any failure puts every
// file back byte for byte and removes the staging folder: git and dist/ stay as they were.
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { buildPaths } from "../../lib/build/paths.ts";
import { swapIn } from "../../lib/build/swap.ts";
import { runBuild, type BuildSpec } from "./build-runner.ts";
import { restore, snapshot, unchanged, writeFiles, type Snapshot } from "./files.ts";
import { changedFiles, COMMIT_ID, commitPaths, git, uncommitted } from "./git.ts";
import { commitMessage } from "./messages.ts";
import { filesProblem } from "./paths.ts";
import type { Publication, PublicationRequest, Publisher } from "./publication.ts";
import { serialQueue } from "./queue.ts";

/** A row of the staff log: who did what to which publication. */
export type NewsroomLogEntry = {
  at: Date;
  actor: string;
  action: "publish" | "undo" | "published" | "publish-failed";
  target: string;
};

export type PublisherOptions = Omit<BuildSpec, "timeoutMs" | "signal"> & {
  buildTimeoutMs: number;
  now?: () => number;
  /** Writes the staff log; a failure to log is reported, never stops a publication. */
  log?: (entry: NewsroomLogEntry) => Promise<void>;
  onError?: (error: unknown) => void;
};

/** Publisher and, for tests and shutdown, a wait for the queue to empty. */
export type RunningPublisher = Publisher & {
  idle(): Promise<void>;
  /** Shutdown: the build running is stopped (its files put back), the waiting ones fail. */
  stop(): Promise<void>;
};

/** Finished publications remembered (the oldest forgotten first); the commits stay in git. */
const KEEP_FINISHED = 200;

const STOPPED = "Máy chủ dừng trước khi dựng việc này; không có gì thay đổi. Mời gửi lại.";

/** A failure whose message is for the editor (Vietnamese). */
class Refusal extends Error {}

type Log = (p: Publication, action: NewsroomLogEntry["action"], target: string) => void;

/** One publication, start to end: its state, message, commit and the log rows of its outcome. */
async function runJob(o: JobOptions, p: Publication, now: () => number, log: Log): Promise<void> {
  if (o.signal.aborted) {
    Object.assign(p, { state: "failed", message: STOPPED });
    return;
  }
  p.state = "building";
  try {
    p.commit = await (p.kind === "undo" ? undoJob(o, p, now) : filesJob(o, p, now));
    p.state = "published";
    log(p, "published", `${p.id} ${p.commit}`);
  } catch (error) {
    p.state = "failed";
    p.message =
      error instanceof Refusal
        ? error.message
        : `Không đăng được vì lỗi của máy chủ; không có gì thay đổi. (${(error as Error).message})`;
    if (!(error instanceof Refusal)) (o.onError ?? console.error)(error);
    log(p, "publish-failed", p.id);
  } finally {
    p.finishedAt = new Date(now()).toISOString();
  }
}

/** Forgets the oldest finished publications beyond KEEP_FINISHED. */
function forgetOld(jobs: Map<string, Publication>): void {
  const finished = [...jobs.values()].filter((j) => j.finishedAt !== undefined);
  for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
    jobs.delete(old.id);
  }
}

export function createPublisher(o: PublisherOptions): RunningPublisher {
  const now = o.now ?? Date.now;
  const onError = o.onError ?? ((error) => console.error("Newsroom:", error));
  const jobs = new Map<string, Publication>();
  const queue = serialQueue(onError);
  const stopping = new AbortController();
  const options: JobOptions = { ...o, onError, signal: stopping.signal };
  const log: Log = (p, action, target) =>
    void o.log?.({ at: new Date(now()), actor: p.username, action, target }).catch(onError);

  return {
    submit(request) {
      const problem = requestProblem(request);
      const p: Publication = {
        ...request,
        files: request.files.map((f) => ({ ...f })),
        id: randomBytes(8).toString("hex"),
        state: "waiting",
        submittedAt: new Date(now()).toISOString(),
      };
      jobs.set(p.id, p);
      const what = p.revert ?? p.files.map((f) => f.path).join(", ");
      log(p, p.kind === "undo" ? "undo" : "publish", `${p.id} ${what}`.slice(0, 500));
      // A refused request is a publication that failed at once: its page says why.
      if (problem) {
        Object.assign(p, { state: "failed", message: problem, finishedAt: p.submittedAt });
        log(p, "publish-failed", p.id);
      } else queue.push(() => runJob(options, p, now, log).finally(() => forgetOld(jobs)));
      return p;
    },
    get: (id) => (jobs.has(id) ? jobs.get(id) : undefined),
    list: () => [...jobs.values()],
    idle: () => queue.idle(),
    stop() {
      stopping.abort();
      return queue.idle();
    },
  };
}

/** Why a request cannot be queued (Vietnamese), or undefined. */
function requestProblem(r: PublicationRequest): string | undefined {
  if (r.kind === "undo") {
    return r.revert && COMMIT_ID.test(r.revert) && r.files.length === 0
      ? undefined
      : "Không rõ lần đăng cần hoàn tác; không có gì thay đổi.";
  }
  if (r.revert !== undefined) return "Chỉ việc hoàn tác mới nêu commit; không có gì thay đổi.";
  return filesProblem(r.files);
}

async function refuseDirty(dir: string, paths: string[]): Promise<void> {
  const dirty = await uncommitted(dir, paths);
  if (dirty.length > 0) {
    throw new Refusal(
      `Trong thư mục xuất bản, ${dirty.join(", ")} đang có thay đổi chưa commit; không ghi đè lên đó. Mời báo người quản trị; không có gì thay đổi.`,
    );
  }
}

/** Build, commit and swap; on any failure before the commit, `undo` puts things back. */
type JobOptions = PublisherOptions & { signal: AbortSignal };

async function buildCommitSwap(
  o: JobOptions,
  p: Publication,
  paths: string[],
  at: Date,
  undo: () => Promise<void>,
): Promise<string> {
  const { staging } = buildPaths(o.root, { ASTRO_OUT_DIR: o.distDir });
  let commit: string;
  try {
    const started = performance.now();
    const built = await runBuild({ ...o, timeoutMs: o.buildTimeoutMs });
    p.buildMs = Math.round(performance.now() - started);
    if (!built.ok) throw new Refusal(built.message);
    commit = await commitPaths(o.publishDir, paths, commitMessage(p, paths), {
      username: p.username,
      at,
    });
  } catch (error) {
    await undo();
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  try {
    swapIn(buildPaths(o.root, { ASTRO_OUT_DIR: o.distDir }));
  } catch (error) {
    throw new Refusal(
      `Đã ghi commit ${commit.slice(0, 10)} nhưng không thay được bản đang đăng (${(error as Error).message}); mời báo người quản trị chạy npm run build.`,
    );
  }
  return commit;
}

/** An article or a dataset: its files written, built, committed, swapped in. */
async function filesJob(o: JobOptions, p: Publication, now: () => number): Promise<string> {
  const dir = o.publishDir;
  const paths = p.files.map((f) => f.path);
  await refuseDirty(dir, paths);
  const before: Snapshot = await snapshot(dir, paths);
  if (unchanged(before, p.files)) {
    throw new Refusal("Nội dung giống hệt bản đang đăng nên không có gì để đăng.");
  }
  await writeFiles(dir, p.files);
  return buildCommitSwap(o, p, paths, new Date(now()), () => restore(dir, before));
}

/** An undo: `git revert --no-commit`, built, committed as the member who undid it, swapped in. */
async function undoJob(o: JobOptions, p: Publication, now: () => number): Promise<string> {
  const dir = o.publishDir;
  const commit = p.revert!;
  const paths = await changedFiles(dir, commit).catch(() => {
    throw new Refusal(`Không tìm thấy commit ${commit.slice(0, 10)}; không có gì thay đổi.`);
  });
  await refuseDirty(dir, paths);
  const before = await snapshot(dir, paths);
  const putBack = async () => {
    await git(dir, ["revert", "--abort"]);
    await restore(dir, before);
    await git(dir, ["reset", "-q", "--", ...paths]);
  };
  const reverted = await git(dir, ["revert", "--no-commit", commit]);
  if (!reverted.ok) {
    await putBack();
    throw new Refusal(
      `Không hoàn tác được commit ${commit.slice(0, 10)}: các tệp của nó đã đổi ở những lần đăng sau. Mời hoàn tác các lần sau trước; không có gì thay đổi.`,
    );
  }
  // The revert's changes stay; its state goes, so the commit can name exactly these paths.
  await git(dir, ["revert", "--quit"]);
  return buildCommitSwap(o, p, paths, new Date(now()), putBack);
}
