// The comment API's bodies, as the server answers them and the view and the browser script read
// them: one definition (types only, so the script's bundle gains nothing).
import type { RefusalCode } from "./submission.ts";

/** An approved comment as readers may see it: never an email. */
export type PublicComment = { id: number; name: string; text: string; createdAt: string };

/** GET /api/comments?article=<slug>: approved comments, oldest first, and the form time. */
export type CommentsAnswer = { article: string; comments: PublicComment[]; token: string };

/** POST /api/comments, 202: committed, waiting for a moderator. */
export type CommentAccepted = { id: number; status: "pending" };

/** POST /api/comments refused: what the reader is told to do, and why (nothing was stored). */
export type CommentRefused = {
  error: string;
  code: RefusalCode;
  /** The field at fault, when the refusal names one ("ky-tu": a control character). */
  field?: string;
};
