// The steps of `npm run build`, timed: a summary line for staff, and a JSON report for benchmarks
// (BUILD_REPORT=<file>) with each step's time and the process that ran it. Some steps overlap
// (startedAt says when each began).
import { writeFileSync } from "node:fs";

export const STEPS = {
  data: "kiểm tra dữ liệu",
  articles: "kiểm tra bài viết",
  astro: "dựng trang",
  previews: "ảnh xem trước",
  index: "chỉ mục tìm kiếm",
  compress: "nén",
  swap: "đăng",
} as const;

export type StepId = keyof typeof STEPS;
export type StepTime = {
  id: StepId;
  /** When the step started (ms since the epoch) and how long it took. */
  startedAt: number;
  ms: number;
  /** The process that ran it, when it ran in one of its own. */
  pid?: number | undefined;
};
export type BuildReport = { force: boolean; steps: StepTime[] };

export function createStepLog() {
  const steps: StepTime[] = [];
  return {
    steps,
    /** Runs `work` as step `id`; `work` may return the pid of the process it ran. */
    async time(id: StepId, work: () => Promise<number | void> | number | void): Promise<void> {
      const [startedAt, started] = [Date.now(), performance.now()];
      const pid = await work();
      steps.push({ id, startedAt, ms: performance.now() - started, pid: pid ?? undefined });
    },
  };
}

/** Always one decimal ("0,0 giây"), the Vietnamese way. */
const tenths = new Intl.NumberFormat("vi-VN", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const seconds = (ms: number) => `${tenths.format(ms / 1000)} giây`;

/**
 * "Thời gian: kiểm tra dữ liệu 1,2 giây · … · cả bản dựng 20,3 giây." Steps run side by side
 * (the checks, the previews beside Astro), so the whole is the build's own time when given.
 */
export function describeTimes(
  steps: readonly Pick<StepTime, "id" | "ms">[],
  totalMs: number = steps.reduce((sum, s) => sum + s.ms, 0),
): string {
  const total = totalMs;
  const parts = steps.map((s) => `${STEPS[s.id]} ${seconds(s.ms)}`);
  return `Thời gian: ${parts.join(" · ")} · cả bản dựng ${seconds(total)}.`;
}

/** Steps in the order of STEPS (side-by-side steps end in any order). */
export function inOrder<T extends Pick<StepTime, "id">>(steps: readonly T[]): T[] {
  const ids = Object.keys(STEPS);
  return [...steps].sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}

export function writeReport(file: string | undefined, report: BuildReport): void {
  if (file) writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
