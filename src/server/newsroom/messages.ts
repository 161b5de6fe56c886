// What a newsroom commit says: a Vietnamese subject naming the article or dataset, the files, and
// English-keyed trailers the history finds the publication by.
import { TRAILER } from "./git.ts";
import type { Publication, PublicationKind } from "./publication.ts";

const SUBJECTS: Record<PublicationKind, string> = {
  article: "Đăng bài",
  dataset: "Cập nhật số liệu",
  undo: "Hoàn tác",
};

/** One line, no control characters, at most 200 characters: a title as a commit subject. */
export const oneLine = (text: string) =>
  text
    .replace(/[\p{Cc}\u2028\u2029\s]+/gu, " ")
    .trim()
    .slice(0, 200);

export function commitMessage(p: Publication, paths: readonly string[]): string {
  const body = p.revert ? [`This reverts commit ${p.revert}.`] : paths.map((path) => `- ${path}`);
  const trailers = [`${TRAILER}: ${p.id}`, `${TRAILER}-Kind: ${p.kind}`];
  if (p.revert) trailers.push(`Reverts: ${p.revert}`);
  return `${SUBJECTS[p.kind]}: ${oneLine(p.title) || p.id}\n\n${body.join("\n")}\n\n${trailers.join("\n")}\n`;
}
