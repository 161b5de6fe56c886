// The newsroom's contract: what an editor's action hands the publisher (files to write in the
// content checkout, who publishes, what to call it), and the states a publication goes through.
// The article and dataset pages build requests; publisher.ts queues, builds, commits and swaps.

/** One file of a publication, relative to the checkout: content/news/<slug>.mdx or data/<id>.csv. */
export type PublicationFile = {
  path: string;
  /** The whole new text; null removes the file. */
  text: string | null;
};

export type PublicationKind = "article" | "dataset" | "undo";

export type PublicationRequest = {
  kind: PublicationKind;
  /** What the commit message and the history name: the article's title or the dataset's name. */
  title: string;
  files: PublicationFile[];
  /** The staff member publishing: the commit's author. */
  username: string;
  /** kind "undo" only: the newsroom commit to revert (40 hex digits); `files` is then empty. */
  revert?: string;
};

/** chờ, đang dựng, đã đăng, lỗi. */
export type PublicationState = "waiting" | "building" | "published" | "failed";

export const STATE_LABELS: Record<PublicationState, string> = {
  waiting: "Chờ",
  building: "Đang dựng",
  published: "Đã đăng",
  failed: "Lỗi",
};

export type Publication = PublicationRequest & {
  id: string;
  state: PublicationState;
  submittedAt: string;
  finishedAt?: string;
  /** The commit made when published. */
  commit?: string;
  /** How long its staged build ran (ms), once it has run. */
  buildMs?: number;
  /** Why it failed, in Vietnamese, with file:line where the build gave one. */
  message?: string;
};

/** What the newsroom routes use; null in StaffDeps when the newsroom is off (no git, read-only). */
export type Publisher = {
  /**
   * Checks paths (content/news/*.mdx and data/*.csv only) and queues; never waits for the build.
   * A refused request comes back already "failed", its message saying why in Vietnamese.
   */
  submit(request: PublicationRequest): Publication;
  get(id: string): Publication | undefined;
  /** Every publication since the server started, oldest first. */
  list(): Publication[];
};
