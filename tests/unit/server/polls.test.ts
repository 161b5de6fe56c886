// Poll definitions: the committed files, the schema's messages, which poll the widget shows.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ORIGINAL_POLL_ID } from "../../../src/consts.ts";
import {
  featuredPoll,
  isPollOpen,
  parsePollDefinition,
  type PollDefinition,
} from "../../../src/lib/polls/schema.ts";
import {
  participantsText,
  refusalMessage,
  renderResultsHtml,
  VOTE_MESSAGES,
  type PollResults,
} from "../../../src/lib/polls/view.ts";
import { originalSiteFigures } from "../../../src/lib/data/original-site.ts";
import { displayFolder, loadPolls } from "../../../src/server/polls/definitions.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const base = {
  question: "Q?",
  options: [
    { id: "a", label: "A" },
    { id: "b", label: "B" },
  ],
};

describe("content/polls", () => {
  it("holds the original poll with its question, options and 126 earlier participants", () => {
    const poll = loadPolls(join(ROOT, "content/polls")).get(ORIGINAL_POLL_ID)!;
    expect(poll.question).toBe("Theo bạn thông tin nội dung website thế nào ?");
    expect(poll.options.map((o) => o.label)).toEqual([
      "Phong phú đa dạng",
      "Dễ sử dụng",
      "Hữu ích",
    ]);
    expect(poll.priorParticipants).toBe(126);
  });

  it("agrees with the original site's figures in data/trang-goc.csv", () => {
    const poll = loadPolls(join(ROOT, "content/polls")).get(ORIGINAL_POLL_ID)!;
    expect(poll.priorParticipants).toBe(originalSiteFigures().pollParticipants);
  });
});

describe("parsePollDefinition", () => {
  it.each([
    [{ ...base, id: "x" }, "y.json", 'id "x" must equal the file name'],
    [{ ...base, id: "x", options: [{ id: "a", label: "A" }] }, "x.json", "options: Too small"],
    [
      {
        ...base,
        id: "x",
        options: [
          { id: "a", label: "A" },
          { id: "a", label: "B" },
        ],
      },
      "x.json",
      "option ids must be unique",
    ],
    [{ ...base, id: "x", closesAt: "2025-01-01" }, "x.json", "closesAt:"],
    [
      {
        ...base,
        id: "x",
        opensAt: "2025-02-01T00:00:00+07:00",
        closesAt: "2025-01-01T00:00:00+07:00",
      },
      "x.json",
      "closesAt must be after opensAt",
    ],
    [{ ...base, id: "x", priorParticipants: -1 }, "x.json", "priorParticipants:"],
    [{ ...base, id: "x", extra: 1 }, "x.json", "Unrecognized key"],
    [{ ...base, id: "Bad Id" }, "Bad Id.json", "id: lower-case letters"],
  ])("refuses %j in %s, naming the file and field", (raw, file, message) => {
    expect(() => parsePollDefinition(raw, file)).toThrow(`content/polls/${file}`);
    expect(() => parsePollDefinition(raw, file)).toThrow(message);
  });
});

describe("loadPolls", () => {
  it("names the folder it really read, relative to the working folder when inside it", () => {
    expect(displayFolder("/srv/portal/content/polls", "/srv/portal")).toBe("content/polls");
    expect(displayFolder("/srv/polls", "/srv/portal")).toBe("/srv/polls");
    expect(displayFolder("/srv/portal/..polls", "/srv/portal")).toBe("..polls");
    const dir = mkdtempSync(join(tmpdir(), "polls-"));
    try {
      writeFileSync(join(dir, "hong.json"), "{");
      expect(() => loadPolls(dir)).toThrow(`${dir}/hong.json: not valid JSON`);
      writeFileSync(join(dir, "hong.json"), JSON.stringify({ ...base, id: "khac" }));
      expect(() => loadPolls(dir)).toThrow(`${dir}/hong.json: id "khac" must equal the file name`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("isPollOpen / featuredPoll", () => {
  const poll = (id: string, extra: Partial<PollDefinition> = {}) =>
    parsePollDefinition({ ...base, id, ...extra }, `${id}.json`);
  const now = new Date("2026-03-01T00:00:00+07:00");

  it("isPollOpen() is false before opensAt and from closesAt on", () => {
    expect(isPollOpen(poll("a"), now)).toBe(true);
    expect(isPollOpen(poll("a", { opensAt: "2026-03-01T00:00:01+07:00" }), now)).toBe(false);
    expect(isPollOpen(poll("a", { closesAt: "2026-03-01T00:00:00+07:00" }), now)).toBe(false);
  });

  it("featuredPoll() picks the open poll that opened last", () => {
    const polls = [
      poll("cu"),
      poll("moi", { opensAt: "2026-02-01T00:00:00+07:00" }),
      poll("da-dong", {
        opensAt: "2026-02-15T00:00:00+07:00",
        closesAt: "2026-02-20T00:00:00+07:00",
      }),
    ];
    expect(featuredPoll(polls, now)?.id).toBe("moi");
    expect(featuredPoll([poll("cu")], now)?.id).toBe("cu");
  });
});

describe("renderResultsHtml", () => {
  const results: PollResults = {
    id: "p",
    question: "Q?",
    options: [
      { id: "a", label: "Phong phú <đa> dạng", votes: 1 },
      { id: "b", label: "Hữu ích", votes: 2 },
    ],
    priorParticipants: 126,
    participantsHere: 3,
    participants: 129,
    opensAt: null,
    closesAt: null,
    open: true,
    votedOptionId: "b",
  };

  // Issue 25: with few votes, "1 phiếu · 33,3%" claimed more than three votes say; counts only.
  it("shows counts of the votes cast here, escaped, and no percentages while votes are few", () => {
    const html = renderResultsHtml(results);
    expect(html).toContain("Phong phú &lt;đa&gt; dạng");
    expect(html).toContain("1 phiếu</span>");
    expect(html).toContain("2 phiếu</span>");
    expect(html).not.toContain("%</span>");
    expect(html).toContain("Tỉ lệ phần trăm hiện khi có từ 20 phiếu.");
    expect(html).toContain('class="poll-option poll-option--mine"');
  });

  it("shows Vietnamese percentages of the votes cast here from 20 votes", () => {
    const html = renderResultsHtml({
      ...results,
      options: results.options.map((o, i) => ({ ...o, votes: [7, 14, 0][i] ?? 0 })),
      participantsHere: 21,
      participants: 147,
    });
    expect(html).toContain("7 phiếu · 33,3%");
    expect(html).toContain("14 phiếu · 66,7%");
    expect(html).not.toContain("Tỉ lệ phần trăm hiện");
  });

  it("participantsText() never splits the earlier participants among the options", () => {
    expect(participantsText(results)).toBe(
      "126 người đã bình chọn trên trang cũ (không rõ chọn phương án nào) + 3 người bình chọn tại đây.",
    );
    expect(participantsText({ ...results, priorParticipants: 0 })).toBe(
      "3 người bình chọn tại đây.",
    );
  });
});

describe("refusalMessage", () => {
  const { unavailable, closed, notOpen, tooFast, refused } = VOTE_MESSAGES;
  it.each([
    [501, undefined, unavailable],
    [502, undefined, unavailable],
    [403, undefined, unavailable],
    [500, { error: "internal error; nothing was recorded" }, unavailable],
    [404, { error: "unknown poll" }, unavailable],
    [405, { error: "method not allowed" }, unavailable],
    [403, { error: "poll is closed" }, closed],
    [403, { error: "poll is not open yet" }, notOpen],
    [403, { error: "cross-site request refused" }, closed],
    [429, { error: "too many requests; try again in a minute" }, tooFast],
    [400, { error: "unknown option" }, refused],
    [413, { error: "request body too large" }, refused],
  ])("refusalMessage(%i, %j) is %j, never the server's text", (status, body, text) => {
    expect(refusalMessage(status, body)).toBe(text);
  });
});
