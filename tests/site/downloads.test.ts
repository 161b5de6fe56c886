// Chart downloads in the build: every "Tải về" link has its file, and no file is published twice.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIST } from "../helpers/server.ts";

const pages = (readdirSync(DIST, { recursive: true }) as string[]).filter((f) =>
  f.endsWith(".html"),
);
// The build's .br/.gz copies of these files are not downloads of their own; the folders are the
// charts' pages (/bieu-do/<id>/, tests/site/chart-pages.test.ts).
const files = readdirSync(join(DIST, "bieu-do"), { withFileTypes: true })
  .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name) && e.name !== "index.html")
  .map((e) => e.name);

describe("chart downloads", () => {
  it("every chart download link on every page points to a file of the build", () => {
    const links = new Set(
      pages.flatMap((f) =>
        [...readFileSync(join(DIST, f), "utf8").matchAll(/href="\/bieu-do\/([^"/]+)"/g)].map(
          (m) => m[1]!,
        ),
      ),
    );
    expect(links.size).toBeGreaterThan(20);
    expect([...links].filter((name) => !files.includes(name))).toEqual([]);
  });

  it("no two files hold the same bytes, and each chart offers SVG, CSV and CSV for Excel", () => {
    const digest = (name: string) =>
      createHash("sha256")
        .update(readFileSync(join(DIST, "bieu-do", name)))
        .digest("hex");
    expect(new Set(files.map(digest)).size).toBe(files.length);
    const charts = new Set(files.map((f) => f.replace(/(-excel\.csv|\.csv|\.svg)$/, "")));
    for (const id of charts) {
      expect(
        [`${id}.svg`, `${id}.csv`, `${id}-excel.csv`].every((f) => files.includes(f)),
        id,
      ).toBe(true);
    }
  });
});
