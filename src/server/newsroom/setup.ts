// The newsroom of this node: a publisher over PUBLISH_DIR when the checkout can be published
// from, or off with the reason its pages show (the rest of the server runs as before).
import type { PublishSettings } from "../config.ts";
import type { StaffStore } from "../store/staff.ts";
import { checkPublishDir } from "./availability.ts";
import { createPublisher, type RunningPublisher } from "./publisher.ts";

export type Newsroom =
  { publisher: RunningPublisher; publishDir: string } | { publisher: null; off: string };

/** Without a newsroom configured (tests of other features, a node that does not publish). */
export const NO_NEWSROOM: Newsroom = {
  publisher: null,
  off: "Máy chủ này không được cấu hình để xuất bản (không có PUBLISH_DIR)",
};

export async function openNewsroom(o: {
  root: string;
  distDir: string;
  settings: PublishSettings;
  staff: StaffStore;
  onError?: (error: unknown) => void;
}): Promise<Newsroom> {
  const publishDir = o.settings.dir;
  if (!o.settings.enabled) {
    return {
      publisher: null,
      off: "Máy chủ này không xuất bản (NEWSROOM=off); nút xuất bản là một máy khác",
    };
  }
  const available = await checkPublishDir(publishDir);
  if (!available.ok) return { publisher: null, off: available.reason };
  const publisher = createPublisher({
    root: o.root,
    publishDir,
    distDir: o.distDir,
    ...(o.settings.cacheDir ? { cacheDir: o.settings.cacheDir } : {}),
    buildTimeoutMs: o.settings.buildTimeoutMs,
    log: (entry) => o.staff.logNewsroom(entry),
    ...(o.onError ? { onError: o.onError } : {}),
  });
  return { publisher, publishDir };
}
