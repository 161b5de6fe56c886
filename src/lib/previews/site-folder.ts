// Where the preview images sit in the site, and how the build step's folder joins the staged build
// (light: src/cli/build.ts imports it without the cards' modules).
import { cpSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";

/** The site's folder of preview images: /anh-xem-truoc/<kind>/<name>.png (previewPath). */
export const PREVIEW_DIR = "anh-xem-truoc";

/** The step's folder moved into the staged site (copied where the two are on other disks). */
export function moveInto(from: string, site: string): void {
  const [source, target] = [join(from, PREVIEW_DIR), join(site, PREVIEW_DIR)];
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(source, target);
  } catch {
    cpSync(source, target, { recursive: true });
  }
  rmSync(from, { recursive: true, force: true });
}
