// `npm start`: build when there is no build yet, then run the server.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const dist = resolve(root, process.env.DIST_DIR ?? "dist");

if (!existsSync(resolve(dist, "index.html"))) {
  console.log("No build found: building the site first…");
  // Build into the folder the server will serve.
  const built = spawnSync(process.execPath, [resolve(root, "src/cli/build.ts")], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ASTRO_OUT_DIR: dist },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import("../server/main.ts");
