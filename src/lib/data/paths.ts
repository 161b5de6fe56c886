// Where the repository, its data and its articles are; found from this file, not from the working directory.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "xay-dung-dang-portal";

function findRoot(): string {
  // Walk up: this works from src/lib/data and from a bundled chunk inside dist-*/ alike.
  let dir = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === PACKAGE_NAME)
          return dir;
      } catch {
        // not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export const REPO_ROOT = findRoot();

/** data/ or DATA_DIR (tests and staff can check a copy elsewhere). */
export function dataDir(): string {
  return process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : join(REPO_ROOT, "data");
}

/** content/news or NEWS_DIR (as the build reads it: tests and staff can check a copy elsewhere). */
export function contentDir(): string {
  return process.env.NEWS_DIR ? resolve(process.env.NEWS_DIR) : join(REPO_ROOT, "content", "news");
}

/** Captured furniture of original pages (poll, counter), keyed by article slug: in the data folder read. */
export function pagesDir(): string {
  return join(dataDir(), "nguon");
}
