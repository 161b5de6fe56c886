// `node src/cli/article-check.ts`: check every article in content/news/ (or NEWS_DIR) the way the
// build needs them; print each problem in Vietnamese, exit 1 on any. The build runs it first.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { checkArticleText, formatArticleIssue } from "../lib/content/article-check.ts";
import { REPO_ROOT } from "../lib/data/paths.ts";

const dir = resolve(process.env.NEWS_DIR ?? join(REPO_ROOT, "content", "news"));
const shown = (path: string) => {
  const rel = relative(REPO_ROOT, path);
  return rel.startsWith("..") ? path : rel;
};
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
  process.exit(1);
}
console.log(`Bài viết: ${files.length} bài, không có lỗi.`);
