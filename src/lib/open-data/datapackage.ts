// /du-lieu/datapackage.json: every dataset as a Frictionless (Tabular) Data Package resource — its
// CSV download, the CSV dialect those files are written in, fields from the zod schemas and the
// source articles — so open-data tools can load the portal's figures with their types.
import { DATASET_IDS, DATASETS, type DatasetId } from "../data/datasets.ts";
import { sourcesOf } from "../data/present.ts";
import { SITE_TITLE } from "../../consts.ts";
import { DATA_LICENCE } from "./licence.ts";
import { tableFields } from "./table-schema.ts";

/** How src/lib/data/download.ts writes /du-lieu/<id>.csv: UTF-8 with a BOM, commas, CRLF. */
export const CSV_DIALECT = {
  delimiter: ",",
  lineTerminator: "\r\n",
  quoteChar: '"',
  doubleQuote: true,
  header: true,
};

export type PackageInput = {
  /** The rows' source article slugs of each dataset. */
  rows: (id: DatasetId) => readonly { source: string }[];
  titleOf: (slug: string) => string;
  /** The site's address, for the sources' links. */
  site: URL;
};

function resource(id: DatasetId, input: PackageInput) {
  const { title, description, schema } = DATASETS[id];
  return {
    name: id,
    path: `${id}.csv`,
    profile: "tabular-data-resource",
    title,
    description,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8-sig",
    dialect: CSV_DIALECT,
    schema: { fields: tableFields(schema), primaryKey: "id" },
    sources: sourcesOf(input.rows(id) as { source: string }[]).map((slug) => ({
      title: input.titleOf(slug),
      path: new URL(`/tin-tuc/${slug}/`, input.site).href,
    })),
  };
}

export function dataPackage(input: PackageInput) {
  return {
    profile: "tabular-data-package",
    name: "xay-dung-dang-so-lieu",
    title: `${SITE_TITLE}: các bộ dữ liệu`,
    description: `Số liệu công tác xây dựng Đảng lấy từ các bài viết nguồn, mỗi dòng ghi bài nguồn và câu trích nguyên văn. Giấy phép: ${DATA_LICENCE.name.toLocaleLowerCase("vi")}.`,
    homepage: new URL("/du-lieu/", input.site).href,
    // No licence is stated for the data: the package claims none (licence.ts).
    ...(DATA_LICENCE.url
      ? { licenses: [{ name: DATA_LICENCE.name, path: DATA_LICENCE.url }] }
      : {}),
    resources: DATASET_IDS.map((id) => resource(id, input)),
  };
}
