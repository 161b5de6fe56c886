// The props of the article components <Chart> and <DataFigure>: one zod schema each, checked with
// Vietnamese messages that name the prop and say what to write (Starlight's way: schemas/badge.ts
// parsed by Badge.astro). The components parse their props with these, and the article check runs
// the same schemas over each tag's written props before the build (component-tags.ts).
import { z } from "zod";
import { DATASET_IDS, isDatasetId, type DatasetId } from "../data/datasets.ts";
import { nearestName } from "../data/hints.ts";
import { CHART_DATASETS } from "./catalog.ts";

const q = (text: string) => `“${text}”`;
const near = (value: unknown, known: readonly string[]) => {
  const name = typeof value === "string" ? nearestName(value, known) : undefined;
  return name ? ` (có phải ${q(name)}?)` : "";
};

/** `<Chart>`: a chart by id, or the first chart of a dataset, narrowed to one article or unit. */
const chartFields = z.strictObject({
  /** The chart's id, as in its address /bieu-do/<id>/. */
  id: z
    .string({ error: "cần mã biểu đồ trong ngoặc kép, như trong địa chỉ /bieu-do/<mã>/" })
    .min(1, { error: "đang để trống; ghi mã biểu đồ, như trong địa chỉ /bieu-do/<mã>/" })
    .optional(),
  /** Without an id: the dataset the chart draws (its file in data/, without .csv). */
  dataset: z
    .enum(CHART_DATASETS as [DatasetId, ...DatasetId[]], {
      error: (issue) =>
        `không có biểu đồ nào vẽ từ bộ dữ liệu ${q(String(issue.input))}${near(issue.input, CHART_DATASETS)}; dùng tên tệp trong data/ (bỏ .csv) có biểu đồ: ${CHART_DATASETS.join(", ")}`,
    })
    .optional(),
  /** Only the rows of this article (its file in content/news/, without .mdx). */
  source: z
    .string({ error: "cần tên tệp bài viết trong content/news/ (bỏ .mdx), trong ngoặc kép" })
    .min(1, { error: "đang để trống; ghi tên tệp bài viết trong content/news/ (bỏ .mdx)" })
    .optional(),
  /** Only the charts of this unit, named as in the dataset ("Đảng bộ huyện Tuyên Hóa"). */
  unit: z
    .string({ error: 'cần tên đơn vị trong ngoặc kép, như "Đảng bộ huyện Tuyên Hóa"' })
    .min(1, { error: 'đang để trống; ghi tên đơn vị, như "Đảng bộ huyện Tuyên Hóa"' })
    .optional(),
  /** Heading level of the chart's title: 2 for a section of the article, 3 (default) within one. */
  level: z
    .literal([2, 3, 4], { error: "cần 2, 3 hoặc 4 (cấp tiêu đề của biểu đồ), viết level={2}" })
    .default(3),
});

export const chartPropsSchema = chartFields.superRefine(whichChart, {
  // A misspelt prop ("datset") explains a missing one: say only that.
  when: (payload) => payload.issues.length === 0,
});

/** Either an id or a dataset; an id with what narrows a dataset is a contradiction. */
function whichChart(props: z.output<typeof chartFields>, ctx: z.RefinementCtx) {
  const narrowing = (["dataset", "source", "unit"] as const).filter((k) => props[k] !== undefined);
  if (props.id === undefined && props.dataset === undefined) {
    ctx.addIssue({
      code: "custom",
      message: `cần id="<mã biểu đồ>" hoặc dataset="<tên tệp dữ liệu>"`,
    });
  } else if (props.id !== undefined && narrowing.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: [narrowing[0]!],
      message: `id đã chọn đúng một biểu đồ; bỏ ${narrowing.join(", ")} (chỉ dùng khi không có id)`,
    });
  }
}

export type ChartProps = z.input<typeof chartPropsSchema>;

/** `<DataFigure>`: a figure in the prose linked to the dataset row it comes from. */
export const dataFigurePropsSchema = z.strictObject({
  /** The row: "<dataset>#<row id>", its dataset's file in data/ without .csv and its id column. */
  row: z
    .string({ error: 'cần "<tên tệp trong data/, bỏ .csv>#<id của dòng>", trong ngoặc kép' })
    .transform((ref, ctx) => {
      const hash = ref.indexOf("#");
      const [dataset, id] = hash === -1 ? [ref, ""] : [ref.slice(0, hash), ref.slice(hash + 1)];
      if (!id) {
        ctx.addIssue({
          code: "custom",
          input: ref,
          message: `${q(ref)} thiếu id của dòng sau dấu #; cần "<tên tệp trong data/, bỏ .csv>#<id của dòng>"`,
        });
        return z.NEVER;
      }
      if (!isDatasetId(dataset)) {
        ctx.addIssue({
          code: "custom",
          input: ref,
          message: `không có bộ dữ liệu ${q(dataset)}${near(dataset, DATASET_IDS)}; phần trước dấu # là tên tệp trong data/ (bỏ .csv): ${DATASET_IDS.join(", ")}`,
        });
        return z.NEVER;
      }
      return { ref, dataset, id };
    }),
});

export type DataFigureProps = z.input<typeof dataFigurePropsSchema>;

/** An article component: its name, its props' schema and a right way to write it. */
export type ArticleComponent<S extends z.ZodObject = z.ZodObject> = {
  name: string;
  schema: S;
  example: string;
};

export const CHART: ArticleComponent<typeof chartPropsSchema> = {
  name: "Chart",
  schema: chartPropsSchema,
  example:
    '<Chart id="to-chuc-huyen-tuyen-hoa" level={2} /> hoặc <Chart dataset="ket-nap" source="thanh-binh-xay-dung-dang-sat-voi-thuc-tien" />',
};

export const DATA_FIGURE: ArticleComponent<typeof dataFigurePropsSchema> = {
  name: "DataFigure",
  schema: dataFigurePropsSchema,
  example: '<DataFigure row="dang-vien#th-dang-vien">6.001</DataFigure>',
};

/** The tag as written: `<Chart id="x" level={2}>` (code the build evaluates shown as `{…}`). */
export function tagText(name: string, props: Readonly<Record<string, unknown>>): string {
  const attributes = Object.entries(props).map(([key, value]) =>
    typeof value === "string"
      ? ` ${key}="${value}"`
      : ` ${key}={${value === undefined ? "…" : JSON.stringify(value)}}`,
  );
  return `<${name}${attributes.join("")}>`;
}

/** What one issue says, naming the prop it is about. */
function describeIssue(component: ArticleComponent, issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys(component.schema.shape);
    const keys = issue.keys.map((key) => `${q(key)}${near(key, known)}`);
    return `thuộc tính lạ ${keys.join(", ")}; <${component.name}> chỉ có ${known.join(", ")}`;
  }
  const prop = issue.path[0];
  return prop === undefined ? issue.message : `thuộc tính ${q(String(prop))}: ${issue.message}`;
}

/** A Vietnamese message for an issue: the tag, what is wrong, a right way to write it. */
export function propMessage(
  component: ArticleComponent,
  props: Readonly<Record<string, unknown>>,
  issue: z.core.$ZodIssue,
): string {
  return `${tagText(component.name, props)}: ${describeIssue(component, issue)}. Ví dụ: ${component.example}`;
}

/** The props parsed (defaults filled in); wrong props stop the build with what to write. */
export function parseProps<S extends z.ZodObject>(
  component: ArticleComponent<S>,
  props: Readonly<Record<string, unknown>>,
): z.output<S> {
  const result = component.schema.safeParse(props);
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => propMessage(component, props, issue));
  throw new Error(messages.join("\n"));
}
