// Comments with JavaScript: approved comments load under the article without a rebuild, and the
// form sends JSON and says what happened in place. Without it, the same form posts and the
// server answers with a page. Reader text is only ever set as textContent.
import { formatDateTime } from "../lib/format.ts";
import { NO_COMMENTS } from "../lib/comments/constants.ts";

type ApiComment = { id: number; name: string; text: string; createdAt: string };
const SENT_COMMENT =
  "Cảm ơn bạn. Bình luận đã được gửi và đang chờ duyệt; bình luận hiện dưới bài sau khi được duyệt.";
const SENT_FEEDBACK = "Cảm ơn bạn. Góp ý đã được gửi tới ban biên tập.";
const UNAVAILABLE = "Chưa gửi được; mời bạn thử lại sau ít phút.";

function renderList(box: Element, comments: ApiComment[]): void {
  const link = box.querySelector("a");
  box.replaceChildren();
  if (comments.length === 0) {
    const p = document.createElement("p");
    p.className = "comment-empty";
    p.textContent = NO_COMMENTS;
    box.append(p);
  } else {
    const list = document.createElement("ol");
    list.className = "comment-list";
    for (const c of comments) {
      const item = document.createElement("li");
      item.className = "comment";
      item.id = `binh-luan-${c.id}`;
      const meta = document.createElement("p");
      meta.className = "comment__meta";
      const name = document.createElement("span");
      name.className = "comment__name";
      name.textContent = c.name;
      const time = document.createElement("time");
      time.dateTime = c.createdAt;
      time.textContent = formatDateTime(new Date(c.createdAt));
      meta.append(name, " ", time);
      const text = document.createElement("p");
      text.className = "comment__text";
      text.textContent = c.text;
      item.append(meta, text);
      list.append(item);
    }
    box.append(list);
  }
  // The server-rendered page stays one click away (sharing, printing).
  if (link) {
    const p = document.createElement("p");
    p.append(link);
    box.append(p);
  }
}

async function loadComments(section: HTMLElement): Promise<void> {
  const slug = section.dataset.comments!;
  const box = section.querySelector("[data-comment-list]");
  try {
    const res = await fetch(`/api/comments?article=${encodeURIComponent(slug)}`);
    if (!res.ok) return;
    const body = (await res.json()) as { comments: ApiComment[]; token: string };
    if (box) renderList(box, body.comments);
    const token = section.querySelector<HTMLInputElement>("[data-comment-token]");
    if (token) token.value = body.token;
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
    const answer = (await res.json().catch(() => ({}))) as { error?: unknown };
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
