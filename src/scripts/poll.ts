// Enhances the poll form: vote with fetch, show results as bars, remember "Bạn đã bình chọn".
import { participantsText, renderBarsHtml, type PollResults } from "../lib/polls/view.ts";

const UNAVAILABLE = "Hiện không xem được số liệu trực tiếp; mời bạn thử lại sau.";

function show(root: HTMLElement, r: PollResults, status: string): void {
  const form = root.querySelector("form");
  if (form) form.hidden = r.votedOptionId !== null || !r.open;
  const box = root.querySelector<HTMLElement>("[data-poll-results]")!;
  box.innerHTML = form?.hidden === false ? "" : renderBarsHtml(r);
  if (status) box.insertAdjacentHTML("afterbegin", `<p class="poll-status">${status}</p>`);
  root.querySelector("[data-poll-note]")!.textContent = participantsText(r);
}

function statusOf(r: PollResults): string {
  if (r.votedOptionId) return "Bạn đã bình chọn. Cảm ơn bạn!";
  return r.open ? "" : "Cuộc bình chọn đã kết thúc.";
}

function note(root: HTMLElement, text: string): void {
  const box = root.querySelector<HTMLElement>("[data-poll-results]")!;
  box.innerHTML = `<p class="poll-status">${text}</p>`;
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
      if (res.status === 201 || res.status === 409) {
        const r = (await res.json()) as PollResults;
        show(root, r, res.status === 201 ? "Cảm ơn bạn, phiếu đã được ghi nhận." : statusOf(r));
      } else {
        const { error } = (await res.json().catch(() => ({}))) as { error?: string };
        note(
          root,
          res.status === 429
            ? "Quá nhiều lượt gửi; mời thử lại sau ít phút."
            : `Chưa ghi được phiếu (${error ?? res.status}).`,
        );
      }
    } catch {
      note(root, UNAVAILABLE);
    } finally {
      button.disabled = false;
    }
  });
  try {
    const res = await fetch(url, { headers: { accept: "application/json" } });
    if (!res.ok) throw new Error(String(res.status));
    const r = (await res.json()) as PollResults;
    show(root, r, statusOf(r));
  } catch {
    const n = root.querySelector("[data-poll-note]")!;
    n.textContent = `${n.textContent!.trim()} ${UNAVAILABLE}`.trim();
  }
}

for (const root of document.querySelectorAll<HTMLElement>("[data-poll]")) void enhance(root);
