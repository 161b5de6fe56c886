// The article page's default figures slot (article-figures.ts) over the committed data: proposals
// on read, nothing blocking a preview, and on publish either the confirmed rows' CSV files or the
// row's data:check message, in Vietnamese, with no file.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { contentDir, dataDir } from "../../../src/lib/data/paths.ts";
import { checkValues, readArticle } from "../../../src/server/newsroom/article-check-form.ts";
import { articleFigures } from "../../../src/server/newsroom/article-figures.ts";
import { catalogueOf } from "../../../src/server/newsroom/body-catalogue.ts";
import { posted } from "./form-fields.ts";

const CAPTURES = resolve(import.meta.dirname, "../../fixtures/captures");
const dirs = { dataDir: dataDir(), newsDir: contentDir() };
const slot = articleFigures(dirs);
const SLUG = "tuyen-hoa-2024-thu";

/** The article as the form would check it: the capture's fields and what it cannot tell. */
function article() {
  const read = readArticle(readFileSync(join(CAPTURES, "tuyen-hoa-2024.txt"), "utf8"));
  const values = {
    ...read.values!,
    "locality.province": "Quảng Bình",
    unit: "Đảng bộ huyện Tuyên Hóa",
    topics: ["to-chuc-co-so-dang"],
    slug: SLUG,
  };
  const context = { slugs: new Set<string>(), newsDir: dirs.newsDir };
  const checked = checkValues(values, {
    ...context,
    catalogue: catalogueOf(dirs.dataDir, dirs.newsDir)(),
  });
  expect(checked.problems).toEqual([]);
  return { slug: SLUG, mdx: checked.mdx, body: values.body };
}

describe("the article page's figures slot", () => {
  const a = article();
  const read = slot({ ...a, action: "read", form: {} }) as Awaited<ReturnType<typeof slot>>;
  /** The fieldset as a browser would post it, with `changes` made. */
  const form = (changes: Record<string, string>) => {
    const fields = posted(read.html);
    for (const [k, v] of Object.entries(changes)) fields[k] = [v];
    return fields;
  };

  it("proposes a row for each figure on read, none decided, nothing to publish", () => {
    expect(read.html).toContain(`<fieldset class="figures"><legend>Số liệu của bài</legend>`);
    expect(read.problems ?? []).toEqual([]);
    expect(read.files).toBeUndefined();
  });

  it("publishes a confirmed figure's row in its dataset's file, the article as its source", async () => {
    const part = await slot({
      ...a,
      action: "publish",
      form: form({ "figure.1.decision": "confirm" }),
    });
    expect(part.problems ?? []).toEqual([]);
    expect(part.files!.map((f) => f.path)).toEqual(["data/dang-vien.csv"]);
    const committed = readFileSync(join(dirs.dataDir, "dang-vien.csv"), "utf8");
    const added = part.files![0]!.text!.split("\n").filter((l) => !committed.includes(l));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(new RegExp(`6\\.120.*${SLUG}`));
  });

  it("keeps the article back, saying why, when a changed row fails data:check", async () => {
    const changes = { "figure.1.decision": "change", "figure.1.value": "-3" };
    const preview = await slot({ ...a, action: "preview", form: form(changes) });
    expect(preview.problems ?? []).toEqual([]);
    const part = await slot({ ...a, action: "publish", form: form(changes) });
    expect(part.files).toBeUndefined();
    expect(part.problems!.map((p) => p.field)).toEqual(["figures"]);
    expect(part.problems![0]!.message).toMatch(/^Số liệu 2: /);
  });
});
