// What the site already has, for the article form's choices: the provinces, districts and units
// the articles in the news folder name, and their slugs. Read from the files at request time
// (so a publication shows at once), kept while no file in the folder changes.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseFrontmatter } from "astro/markdown";

export type SiteValues = {
  provinces: string[];
  /** District names, each with its province. */
  districts: { province: string; district: string }[];
  units: string[];
  slugs: ReadonlySet<string>;
};

const byName = new Intl.Collator("vi").compare;
const EMPTY: SiteValues = { provinces: [], districts: [], units: [], slugs: new Set() };

/** The folder's .mdx files and a key that changes when any of them does. */
function listing(dir: string): { files: string[]; key: string } {
  if (!existsSync(dir)) return { files: [], key: "" };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".mdx"))
    .sort();
  const key = files.map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}`).join("|");
  return { files, key };
}

type Read = { province?: unknown; district?: unknown; unit?: unknown };

function readValues(dir: string, files: string[]): SiteValues {
  const provinces = new Set<string>();
  const districts = new Map<string, { province: string; district: string }>();
  const units = new Set<string>();
  for (const file of files) {
    let data: { locality?: Read; unit?: unknown };
    try {
      data = (parseFrontmatter(readFileSync(join(dir, file), "utf8")).frontmatter ??
        {}) as typeof data;
    } catch {
      continue; // A broken article is the build's to report; it offers no values here.
    }
    const { province, district } = data.locality ?? {};
    if (typeof province === "string" && province) provinces.add(province);
    if (typeof province === "string" && typeof district === "string" && district)
      districts.set(`${province}\u0000${district}`, { province, district });
    if (typeof data.unit === "string" && data.unit) units.add(data.unit);
  }
  return {
    provinces: [...provinces].sort(byName),
    districts: [...districts.values()].sort((a, b) => byName(a.district, b.district)),
    units: [...units].sort(byName),
    slugs: new Set(files.map((f) => f.slice(0, -".mdx".length))),
  };
}

/** A reader of the folder's values, re-reading only when a file was added, removed or changed. */
export function siteValuesOf(dir: string): () => SiteValues {
  let cached: { key: string; values: SiteValues } | undefined;
  return () => {
    const { files, key } = listing(dir);
    if (files.length === 0) return EMPTY;
    if (cached?.key !== key) cached = { key, values: readValues(dir, files) };
    return cached.values;
  };
}
