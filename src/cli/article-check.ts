// `node src/cli/article-check.ts`: check every article in content/news/ (or NEWS_DIR) the way the
// build needs them; print each problem in Vietnamese, exit 1 on any. `npm run build` runs
// checkArticles first, in the build's own process.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { checkArticleText, formatArticleIssue } from "../lib/content/article-check.ts";
import { contentDir, REPO_ROOT } from "../lib/data/paths.ts";

const shown = (path: string) => {
  const rel = relative(REPO_ROOT, path);
  return rel.startsWith("..") ? path : rel;
};

/** Checks every article, printing what it finds; the exit status (1: a problem). */
export function checkArticles(): number {
  const dir = contentDir();
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith(".mdx"))
        .sort()
    : [];
  const issues = files.flatMap((name) => {
    const path = join(dir, name);
    return checkArticleText(shown(path), readFileSync(path, "utf8"));
  });
  if (issues.length > 0) {
    for (const issue of issues) console.error(formatArticleIssue(issue));
    console.error(
      `\nBài viết có ${issues.length} lỗi. Sửa theo dòng:cột đã nêu (mẫu phần đầu bài: data/README.md, phần “Phần đầu bài viết (frontmatter)”), rồi chạy lại npm run build.`,
    );
    return 1;
  }
  console.log(`Bài viết: ${files.length} bài, không có lỗi.`);
  return 0;
}

if (import.meta.main) process.exit(checkArticles());
