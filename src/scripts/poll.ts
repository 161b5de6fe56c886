// Enhances the poll form: vote with fetch, show results as bars, remember "Bạn đã bình chọn".
import {
  closedMessage,
  participantsText,
  refusalMessage,
  renderBarsHtml,
  NO_LIVE_FIGURES,
  VOTE_MESSAGES,
  type PollResults,
} from "../lib/polls/view.ts";

function show(root: HTMLElement, r: PollResults, status: string): void {
  const form = root.querySelector("form");
  if (form) form.hidden = r.votedOptionId !== null || !r.open;
  // The build's "no votes" line is stale now: the live status below says whether votes are taken.
  const closed = root.querySelector<HTMLElement>("[data-poll-closed]");
  if (closed) closed.hidden = true;
  const box = root.querySelector<HTMLElement>("[data-poll-results]")!;
  box.innerHTML = form?.hidden === false ? "" : renderBarsHtml(r);
  if (status) box.insertAdjacentHTML("afterbegin", `<p class="poll-status">${status}</p>`);
  root.querySelector("[data-poll-note]")!.textContent = participantsText(r);
}

function statusOf(r: PollResults): string {
  if (r.votedOptionId) return "Bạn đã bình chọn. Cảm ơn bạn!";
  return r.open ? "" : closedMessage(r, new Date());
}

function note(root: HTMLElement, text: string): void {
  const box = root.querySelector<HTMLElement>("[data-poll-results]")!;
  box.innerHTML = "";
  const p = box.appendChild(document.createElement("p"));
  p.className = "poll-status";
  p.textContent = text;
}

/** The parsed JSON body, or undefined when the answer is not JSON (a proxy's error page). */
async function jsonOf(res: Response): Promise<unknown> {
  if (!/^application\/json\b/i.test(res.headers.get("content-type") ?? "")) return undefined;
  return res.json().catch(() => undefined);
}

async function load(url: string): Promise<PollResults> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  const body = res.ok ? await jsonOf(res) : undefined;
  if (typeof body !== "object" || body === null) throw new Error(String(res.status));
  return body as PollResults;
}

async function enhance(root: HTMLElement): Promise<void> {
  const url = `/api/polls/${encodeURIComponent(root.dataset.poll!)}`;
  const form = root.querySelector("form");
  form?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const choice = new FormData(form).get("optionId");
    if (typeof choice !== "string") return note(root, "Bạn chưa chọn phương án nào.");
    const button = form.querySelector("button")!;
    button.disabled = true;
    try {
      const res = await fetch(`${url}/votes`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ optionId: choice }),
      });
      const body = await jsonOf(res);
      if ((res.status === 201 || res.status === 409) && typeof body === "object" && body) {
        const r = body as PollResults;
        show(root, r, res.status === 201 ? "Cảm ơn bạn, phiếu đã được ghi nhận." : statusOf(r));
      } else if (res.status === 403 && typeof body === "object" && body) {
        // Closed (or not yet open) since the page was built: show the results instead.
        const text = refusalMessage(res.status, body);
        form.hidden = true;
        await load(url).then(
          (r) => show(root, r, text),
          () => note(root, text),
        );
      } else {
        note(root, refusalMessage(res.status, body));
      }
    } catch {
      note(root, VOTE_MESSAGES.unavailable);
    } finally {
      button.disabled = false;
    }
  });
  try {
    const r = await load(url);
    show(root, r, statusOf(r));
  } catch {
    // The build's note already says live figures are unavailable; add when to come back.
    const n = root.querySelector("[data-poll-note]")!;
    n.textContent = n.textContent!.trim().replace(NO_LIVE_FIGURES, VOTE_MESSAGES.unavailable);
  }
}

for (const root of document.querySelectorAll<HTMLElement>("[data-poll]")) void enhance(root);
