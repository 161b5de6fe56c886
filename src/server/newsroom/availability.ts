// Whether this node can publish: git on PATH, PUBLISH_DIR a git work tree with a commit, writable,
// with content/news and data. When not, the newsroom is off and says why; the rest runs as before.
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { git } from "./git.ts";

export type Availability = { ok: true } | { ok: false; reason: string };

const isDir = async (path: string) => (await stat(path).catch(() => undefined))?.isDirectory();

export async function checkPublishDir(dir: string): Promise<Availability> {
  const off = (why: string): Availability => ({ ok: false, reason: `${why} (PUBLISH_DIR=${dir})` });
  if (!(await isDir(dir))) return off("Thư mục xuất bản không tồn tại");
  if (!(await git(dir, ["--version"])).ok) return off("Máy chủ không có git");
  const inside = await git(dir, ["rev-parse", "--is-inside-work-tree", "--absolute-git-dir"]);
  if (!inside.ok || !inside.stdout.startsWith("true")) {
    return off("Thư mục xuất bản không phải một bản git (git work tree)");
  }
  const gitDir = inside.stdout.split("\n")[1]!.trim();
  if (!(await git(dir, ["rev-parse", "--verify", "-q", "HEAD"])).ok) {
    return off("Bản git của thư mục xuất bản chưa có commit nào");
  }
  // Articles import components by relative path (../../src/components/…): the checkout is a
  // clone of this project, not content alone.
  for (const sub of ["content/news", "data", "src/components"]) {
    if (!(await isDir(join(dir, sub)))) return off(`Thư mục xuất bản thiếu ${sub}/`);
  }
  for (const sub of ["", "content/news", "data", gitDir]) {
    const writable = await access(resolve(dir, sub), constants.W_OK).then(
      () => true,
      () => false,
    );
    if (!writable) return off(`Máy chủ không có quyền ghi vào ${sub || "thư mục xuất bản"}`);
  }
  return { ok: true };
}
