// Comments with JavaScript: approved comments load under the article without a rebuild, and the
// form sends JSON and says what happened in place. Without it, the same form posts and the
// server answers with a page. The list is the server's own view (renderCommentList), which
// escapes reader text; messages are set as textContent.
import type { CommentRefused, CommentsAnswer } from "../lib/comments/api.ts";
import { SENT_COMMENT, SENT_FEEDBACK } from "../lib/comments/constants.ts";
import { renderCommentList } from "../lib/comments/view.ts";
const UNAVAILABLE = "Chưa gửi được; mời bạn thử lại sau ít phút.";

function renderList(box: Element, comments: CommentsAnswer["comments"]): void {
  const link = box.querySelector("a");
  box.innerHTML = renderCommentList(comments);
  // The server-rendered page stays one click away (sharing, printing).
  if (link) box.appendChild(document.createElement("p")).append(link);
}

async function loadComments(section: HTMLElement): Promise<void> {
  const slug = section.dataset.comments!;
  const box = section.querySelector("[data-comment-list]");
  try {
    const res = await fetch(`/api/comments?article=${encodeURIComponent(slug)}`);
    if (!res.ok) return;
    const body = (await res.json()) as CommentsAnswer;
    if (box) renderList(box, body.comments);
    const token = section.querySelector<HTMLInputElement>("[data-comment-token]");
    if (token) token.value = body.token;
    // The server answered: the note for static hosts without it does not apply.
    section.querySelector("[data-comment-static]")?.remove();
  } catch {
    // API unreachable (static host, offline): the link to the comments page stays.
  }
}

function say(form: HTMLFormElement, text: string): void {
  const box = form.querySelector<HTMLElement>("[data-comment-message]");
  if (!box) return;
  box.textContent = text;
  box.hidden = false;
  box.focus?.();
}

async function send(form: HTMLFormElement, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const data = new FormData(form);
  const body: Record<string, unknown> = {};
  for (const [key, value] of data) if (typeof value === "string") body[key] = value;
  body.consent = data.get("consent") === "on";
  const button = form.querySelector("button");
  if (button) button.disabled = true;
  try {
    const res = await fetch(form.action, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = (await res.json().catch(() => ({}))) as Partial<CommentRefused>;
    if (res.status === 202) {
      say(form, typeof body.article === "string" ? SENT_COMMENT : SENT_FEEDBACK);
      form.querySelector("textarea")!.value = "";
    } else {
      say(form, typeof answer.error === "string" ? answer.error : UNAVAILABLE);
    }
  } catch {
    say(form, UNAVAILABLE);
  } finally {
    if (button) button.disabled = false;
  }
}

for (const section of document.querySelectorAll<HTMLElement>("[data-comments]")) {
  void loadComments(section);
}
for (const form of document.querySelectorAll<HTMLFormElement>("form[data-comment-form]")) {
  form.addEventListener("submit", (event) => void send(form, event));
}
