// Validate the data and the articles, build into a staging folder, and only then replace dist/: a
// failed build loses nothing.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { articleLocations, createStackFilter } from "../lib/build/staff-output.ts";

const root = resolve(import.meta.dirname, "../..");
const dist = resolve(root, process.env.ASTRO_OUT_DIR ?? "dist");
const staging = `${dist}-staging`;
const previous = `${dist}-previous`;

function run(args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    stopped(result.status);
  }
}

function stopped(status: number | null): never {
  console.error(`\nĐã dừng xây trang; ${dist} (bản đang đăng) giữ nguyên, không đổi gì.`);
  process.exit(status ?? 1);
}

/** Astro's build with its log streamed; stack traces shown only with BUILD_DEBUG=1. */
async function runAstro(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const debug = process.env.BUILD_DEBUG === "1";
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ["inherit", "pipe", "pipe"],
  });
  let log = "";
  const pipe = (from: NodeJS.ReadableStream, to: NodeJS.WriteStream) => {
    const keep = createStackFilter();
    createInterface({ input: from }).on("line", (line) => {
      log += `${line}\n`;
      if (debug || keep(line)) to.write(`${line}\n`);
    });
  };
  pipe(child.stdout!, process.stdout);
  pipe(child.stderr!, process.stderr);
  const status = await new Promise<number | null>((done) => child.on("close", done));
  if (status === 0) return;
  for (const at of articleLocations(log)) {
    console.error(
      `${at} Bài viết có lỗi ở đây (dòng:cột); kiểm tra dấu { } < và các thẻ <PhotoCaption>…</PhotoCaption> đã đóng chưa.`,
    );
  }
  if (!debug)
    console.error("(Người lập trình: chạy lại với BUILD_DEBUG=1 để xem chi tiết kỹ thuật.)");
  stopped(status);
}

run(["src/cli/data-check.ts"]);
run(["src/cli/article-check.ts"]);
rmSync(staging, { recursive: true, force: true });
await runAstro(
  [resolve(root, "node_modules/astro/bin/astro.mjs"), "build", ...process.argv.slice(2)],
  {
    ...process.env,
    ASTRO_OUT_DIR: staging,
  },
);
// The search index is part of the build: if it fails, the published site stays as it was.
run(["src/cli/search-index.ts", staging]);
// Last step before the swap: .br and .gz beside whatever the staged build holds by now.
run(["src/cli/compress.ts", staging]);
rmSync(previous, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
rmSync(previous, { recursive: true, force: true });
console.log(`Đã đăng bản mới vào ${dist}.`);
