// Open-data metadata in the build: /du-lieu/datapackage.json is a valid Tabular Data Package
// (checked with ajv against the profile's required parts, tests/fixtures/datapackage/) whose fields
// match each CSV download's header and values; every dataset page carries schema.org Dataset
// JSON-LD with the fields dataset search engines read; no licence is invented.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import Ajv from "ajv";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { DIST, ROOT } from "../helpers/server.ts";
import { DATASET_IDS, DATASETS, loadAllDatasets } from "../../src/lib/data/index.ts";
import { sourcesOf } from "../../src/lib/data/present.ts";

const read = (...path: string[]) => readFileSync(resolve(DIST, ...path), "utf8");
const { datasets } = loadAllDatasets();
type Field = { name: string; type: string; constraints: { required: boolean } };
type Resource = { name: string; path: string; schema: { fields: Field[] }; sources: unknown[] };
const pkg = JSON.parse(read("du-lieu", "datapackage.json")) as {
  resources: Resource[];
  licenses?: unknown;
  description: string;
};

describe("/du-lieu/datapackage.json", () => {
  it("is valid against the Tabular Data Package profile", () => {
    const schema = JSON.parse(
      readFileSync(
        resolve(ROOT, "tests/fixtures/datapackage/tabular-data-package.schema.json"),
        "utf8",
      ),
    ) as object;
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(
      schema,
    );
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    // The profile's own check would catch these too: show that the validator does fail.
    expect(validate({ profile: "tabular-data-package", resources: [{ name: "x" }] })).toBe(false);
  });

  it("describes every dataset, its CSV download and the articles it comes from", () => {
    expect(pkg.resources.map((r) => r.name)).toEqual(DATASET_IDS);
    for (const r of pkg.resources) {
      expect(existsSync(resolve(DIST, "du-lieu", r.path)), r.path).toBe(true);
      expect(r.sources).toHaveLength(
        sourcesOf(datasets[r.name as (typeof DATASET_IDS)[number]].rows).length,
      );
    }
  });

  it.each(DATASET_IDS)("%s: fields match the CSV header, types and required cells", (id) => {
    const resource = pkg.resources.find((r) => r.name === id)!;
    const csv = read("du-lieu", `${id}.csv`).replace(/^\ufeff/, "");
    const { data } = Papa.parse<string[]>(csv.trimEnd(), { delimiter: "," });
    const [header, ...rows] = data;
    const fields = resource.schema.fields;
    expect(header).toEqual(fields.map((f) => f.name));
    expect(fields.map((f) => f.name)).toEqual(Object.keys(DATASETS[id].schema.shape));
    const valid: Record<string, RegExp> = {
      integer: /^\d+$/,
      number: /^\d+(\.\d+)?$/,
      boolean: /^[01]$/,
      string: /[\s\S]*/,
    };
    fields.forEach((field, i) => {
      for (const row of rows) {
        const cell = row[i] ?? "";
        if (cell === "") expect(field.constraints.required, `${id}.${field.name}`).toBe(false);
        else expect(cell, `${id}.${field.name}`).toMatch(valid[field.type]!);
      }
    });
  });

  it("claims no licence: the repository states none", () => {
    expect(pkg.licenses).toBeUndefined();
    expect(pkg.description).toContain("chưa ghi giấy phép");
  });
});

describe("Dataset JSON-LD on /du-lieu/<id>/", () => {
  it.each(DATASET_IDS)("%s", (id) => {
    const html = read("du-lieu", id, "index.html");
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const ld = JSON.parse(scripts[0]![1]!) as Record<string, unknown> & {
      distribution: { encodingFormat: string; contentUrl: string }[];
      citation: { url: string; name: string }[];
      spatialCoverage: { name: string }[];
      license: { name: string };
    };
    const rows = datasets[id].rows as { source: string; province?: string; period?: string }[];
    expect(ld["@context"]).toBe("https://schema.org");
    expect(ld["@type"]).toBe("Dataset");
    expect(ld.name).toBe(DATASETS[id].title);
    expect(ld.description).toBe(DATASETS[id].description);
    const years = rows.flatMap((r) => (r.period ? [Number(r.period.slice(0, 4))] : [])).sort();
    const span = years.length === 0 ? undefined : `${years[0]}/${years.at(-1)}`;
    expect(ld.temporalCoverage).toBe(span?.replace(/^(\d+)\/\1$/, "$1"));
    expect(ld.spatialCoverage.map((p) => p.name)).toEqual(
      [...new Set(rows.flatMap((r) => r.province ?? []))].map((p) => `Tỉnh ${p}`),
    );
    expect(ld.license).toEqual({ "@type": "CreativeWork", name: "Chưa ghi giấy phép" });
    expect(ld.distribution.map((d) => [d.encodingFormat, new URL(d.contentUrl).pathname])).toEqual([
      ["text/csv", `/du-lieu/${id}.csv`],
      ["application/json", `/du-lieu/${id}.json`],
    ]);
    for (const d of ld.distribution)
      expect(existsSync(resolve(DIST, new URL(d.contentUrl).pathname.slice(1)))).toBe(true);
    expect(ld.citation.map((c) => new URL(c.url).pathname)).toEqual(
      sourcesOf(rows).map((slug) => `/tin-tuc/${slug}/`),
    );
    for (const c of ld.citation) expect(c.name.length).toBeGreaterThan(0);
  });
});
