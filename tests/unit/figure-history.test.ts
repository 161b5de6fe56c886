// The history of every figure, on a temporary git repository: three commits change one row, one
// adds a row, one removes a row; the dataset page's data (row notes, "Lịch sử thay đổi") and the
// Atom feed state exactly those changes. Without git, or with one shallow commit, no history.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { historyFeed } from "../../src/lib/figure-history/feed.ts";
import { readGitLog } from "../../src/lib/figure-history/git-log.ts";
import { eventsOf, historyOf } from "../../src/lib/figure-history/history.ts";
import { changeList, rowNotes } from "../../src/lib/figure-history/view.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "figure-history-"));
  dirs.push(dir);
  return dir;
}

const HEADER = "id,unit,count,note";
const titles: Record<string, string> = { count: "Số đảng viên", note: "Ghi chú" };
const words = { title: (c: string) => titles[c] ?? c };

/** A repository whose data/dang-vien.csv goes through six commits at fixed dates (UTC+7). */
function repository(): string {
  const root = tempDir();
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_SYSTEM: "/dev/null" },
    });
  git("init", "-q", "-b", "main");
  mkdirSync(join(root, "data"));
  const commit = (date: string, message: string, rows: string[]) => {
    writeFileSync(join(root, "data", "dang-vien.csv"), `${[HEADER, ...rows].join("\n")}\n`);
    git("add", "-A");
    execFileSync(
      "git",
      [
        "-c",
        "user.name=Ban biên tập",
        "-c",
        "user.email=bbt@example.invalid",
        "commit",
        "-q",
        "-m",
        message,
      ],
      {
        cwd: root,
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      },
    );
  };
  const b = 'huyen-b,"Đảng bộ huyện B, tỉnh C",420,';
  commit("2024-01-10T09:00:00+07:00", "Thêm số đảng viên", ["tinh-a,Đảng bộ tỉnh A,6.100,", b]);
  commit("2024-01-15T09:00:00+07:00", "Sửa theo bản in", ["tinh-a,Đảng bộ tỉnh A,6.120,", b]);
  commit("2024-02-01T09:00:00+07:00", "Sửa lần hai", ["tinh-a,Đảng bộ tỉnh A,6.125,", b]);
  commit("2024-02-20T09:00:00+07:00", "Ghi chú nguồn", [
    "tinh-a,Đảng bộ tỉnh A,6.125,theo bản in",
    b,
  ]);
  const c = "xa-c,Đảng bộ xã C,57,";
  commit("2024-03-05T09:00:00+07:00", "Thêm xã C", [
    "tinh-a,Đảng bộ tỉnh A,6.125,theo bản in",
    b,
    c,
  ]);
  commit("2024-03-09T09:00:00+07:00", "Bỏ huyện B (trùng)", [
    "tinh-a,Đảng bộ tỉnh A,6.125,theo bản in",
    c,
  ]);
  return root;
}

describe("figure history from git", () => {
  const root = repository();
  const history = historyOf(readGitLog(join(root, "data")));
  const events = eventsOf(history, "dang-vien");

  it("reads one event per commit, newest first, with exactly its row changes", () => {
    expect(history.available).toBe(true);
    expect(
      events.map((e) => [e.message, e.created, e.rows.map((r) => `${r.kind} ${r.id}`)]),
    ).toEqual([
      ["Bỏ huyện B (trùng)", false, ["xoa huyen-b"]],
      ["Thêm xã C", false, ["them xa-c"]],
      ["Ghi chú nguồn", false, ["sua tinh-a"]],
      ["Sửa lần hai", false, ["sua tinh-a"]],
      ["Sửa theo bản in", false, ["sua tinh-a"]],
      ["Thêm số đảng viên", true, ["them tinh-a", "them huyen-b"]],
    ]);
  });

  it("the page's note beside each row", () => {
    expect(rowNotes(events, words)).toEqual({
      "tinh-a":
        "Lịch sử: 15/01/2024 sửa 6.100 → 6.120; 01/02/2024 sửa 6.120 → 6.125; 20/02/2024 sửa Ghi chú: (trống) → theo bản in",
      "xa-c": "Lịch sử: 05/03/2024 thêm",
      "huyen-b": "Lịch sử: 09/03/2024 xóa",
    });
  });

  it("the page's 'Lịch sử thay đổi' list, summed up in readers' words (not the commit message)", () => {
    expect(changeList(events, words).map((e) => [e.day, e.summary, e.message, e.items])).toEqual([
      ["09/03/2024", "Xóa 1 dòng", "Bỏ huyện B (trùng)", ["dòng huyen-b: xóa"]],
      ["05/03/2024", "Thêm 1 dòng", "Thêm xã C", ["dòng xa-c: thêm"]],
      [
        "20/02/2024",
        "Sửa 1 dòng",
        "Ghi chú nguồn",
        ["dòng tinh-a: sửa Ghi chú: (trống) → theo bản in"],
      ],
      ["01/02/2024", "Sửa 1 dòng", "Sửa lần hai", ["dòng tinh-a: sửa 6.120 → 6.125"]],
      ["15/01/2024", "Sửa 1 dòng", "Sửa theo bản in", ["dòng tinh-a: sửa 6.100 → 6.120"]],
      ["10/01/2024", "Tạo tệp với 2 dòng", "Thêm số đảng viên", ["tạo tệp với 2 dòng"]],
    ]);
    // An engineer's English message is not shown to readers; the count says what changed.
    const english = { ...events[0]!, message: "Drop district B (duplicate)" };
    expect(changeList([english], words)[0]).not.toHaveProperty("message");
    // … nor is one that only names a Vietnamese place (the Lạng Sơn commit the site showed).
    const named = {
      ...events[0]!,
      message: "Lạng Sơn's 66.024 members: period year 2020 as the source says",
    };
    expect(changeList([named], words)[0]).not.toHaveProperty("message");
    const mixed = { ...events[0]!, rows: [...events[1]!.rows, ...events[0]!.rows] };
    expect(changeList([mixed], words)[0]!.summary).toBe("Thêm 1 dòng, xóa 1 dòng");
  });

  it("the Atom feed states the same changes", () => {
    const xml = historyFeed({
      site: new URL("https://vi.example.invalid"),
      events,
      titleOf: () => "Đảng viên",
      columnWords: () => words,
    });
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => ({
      title: /<title>([^<]*)/.exec(m[1]!)![1],
      updated: /<updated>([^<]*)/.exec(m[1]!)![1],
      content: /<content type="text">([^<]*)/.exec(m[1]!)![1],
    }));
    expect(entries).toEqual([
      {
        title: "Đảng viên: Bỏ huyện B (trùng)",
        updated: "2024-03-09T02:00:00.000Z",
        content: "09/03/2024: dòng huyen-b: xóa",
      },
      {
        title: "Đảng viên: Thêm xã C",
        updated: "2024-03-05T02:00:00.000Z",
        content: "05/03/2024: dòng xa-c: thêm",
      },
      {
        title: "Đảng viên: Ghi chú nguồn",
        updated: "2024-02-20T02:00:00.000Z",
        content: "20/02/2024: dòng tinh-a: sửa Ghi chú: (trống) → theo bản in",
      },
      {
        title: "Đảng viên: Sửa lần hai",
        updated: "2024-02-01T02:00:00.000Z",
        content: "01/02/2024: dòng tinh-a: sửa 6.120 → 6.125",
      },
      {
        title: "Đảng viên: Sửa theo bản in",
        updated: "2024-01-15T02:00:00.000Z",
        content: "15/01/2024: dòng tinh-a: sửa 6.100 → 6.120",
      },
      {
        title: "Đảng viên: Thêm số đảng viên",
        updated: "2024-01-10T02:00:00.000Z",
        content: "10/01/2024: tạo tệp với 2 dòng",
      },
    ]);
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
  });

  it("a shallow clone with one commit has no history, and says so", () => {
    const clone = join(tempDir(), "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${root}`, clone], {
      stdio: "pipe",
    });
    const log = readGitLog(join(clone, "data"));
    expect(log).toEqual({ available: false, reason: expect.stringContaining("bản sao nông") });
  });

  it("a folder outside any git repository (an archive) has no history, and says so", () => {
    const archive = tempDir();
    writeFileSync(join(archive, "dang-vien.csv"), `${HEADER}\n`);
    expect(readGitLog(archive)).toEqual({
      available: false,
      reason: expect.stringContaining("không có kho git"),
    });
  });
});
