// The checker's shortcuts for large files (see validate.ts) must say exactly what the schema says.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { idColumn, ID_PATTERN } from "../../../src/lib/data/columns.ts";
import { checkDatasetBytes } from "../../../src/lib/data/index.ts";

const DATA = resolve(import.meta.dirname, "../../../data");

describe("fast paths of the data check", () => {
  it("an id passes ID_PATTERN exactly when it passes the id column's schema", () => {
    const schema = idColumn("");
    const samples = ["th-dang-vien", "a", "a1-b2", "", "A", "a--b", "-a", "a-", "a b", "đ", "a_b"];
    for (const id of samples) expect(ID_PATTERN.test(id), id).toBe(schema.safeParse(id).success);
  });

  it("reads cells padded with any white space the way trim() does", () => {
    const text = readFileSync(resolve(DATA, "dang-vien.csv"), "utf8").replace(/^\ufeff/, "");
    const [header, first, ...rest] = text.trimEnd().split("\n");
    const plain = checkDatasetBytes("dang-vien", Buffer.from(text));
    for (const space of [" ", "\t", "\u00a0", "\u1680", "\u2003", "\u202f", "\u3000", "\ufeff"]) {
      // Pad the first row's id cell on both sides.
      const padded = first!.replace(/^([^,]+)/, `${space}$1${space}`);
      const bytes = Buffer.from([header, padded, ...rest].join("\n") + "\n");
      const result = checkDatasetBytes("dang-vien", bytes);
      expect(result.issues, JSON.stringify(space)).toEqual([]);
      expect(result.rows).toEqual(plain.rows);
    }
  });
});
