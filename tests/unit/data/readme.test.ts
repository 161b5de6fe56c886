// data/README.md stays in step with the code: its column reference is the generated one, and it
// explains every error key the checker can print.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ISSUE_MESSAGES } from "../../../src/lib/data/issues.ts";
import { withColumnReference } from "../../../src/lib/data/reference.ts";

const readme = readFileSync(resolve(import.meta.dirname, "../../../data/README.md"), "utf8");

describe("data/README.md", () => {
  it("carries the column reference generated from the schemas (node src/cli/data-readme.ts)", () => {
    expect(readme).toBe(withColumnReference(readme));
  });

  it.each(Object.keys(ISSUE_MESSAGES))("explains the error key %s", (key) => {
    expect(readme).toContain(`\`${key}\``);
  });
});
