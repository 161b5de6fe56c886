// The article form (/quan-tri/bai-viet/moi/) as posted -> a draft for the MDX template: one zod
// schema of the fields, named exactly after the frontmatter keys; each value one line of text
// within a length; dates as printed ("28/02/2023 05:40") turned into the frontmatter's form.
import { z } from "zod";
import { printedDate } from "../../lib/content/article-check.ts";
import type { ArticleDraft, BodyBlock } from "../../lib/newsroom/article-mdx.ts";
import { own } from "../http/request.ts";
import type { FormFields } from "../staff/session.ts";

/** The one-line fields of the form, in the order shown, with their longest value. */
export const LINE_FIELDS = {
  title: 300,
  kicker: 300,
  published: 40,
  publishedLabel: 100,
  period: 200,
  periodYear: 10,
  "source.outlet": 200,
  "source.mark": 20,
  "locality.province": 100,
  "locality.district": 100,
  unit: 200,
  "author.name": 100,
  "author.role": 200,
  summary: 400,
  slug: 120,
} as const;
export type LineField = keyof typeof LINE_FIELDS;
export const LINE_FIELD_NAMES = Object.keys(LINE_FIELDS) as LineField[];

export const MAX_BODY_CHARS = 200_000;
export const MAX_CAPTURE_CHARS = 400_000;

const line = (field: string, max: number) =>
  z
    .string()
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .refine((v) => [...v].length <= max, {
      message: `Ô “${field}” dài quá ${max} ký tự; mời rút gọn.`,
    });

export const articleFormSchema = z.object({
  ...(Object.fromEntries(LINE_FIELD_NAMES.map((name) => [name, line(name, LINE_FIELDS[name])])) as {
    [K in LineField]: ReturnType<typeof line>;
  }),
  topics: z.array(z.string()).max(20, { message: "Chọn nhiều nhất 20 chủ đề." }),
  body: z
    .string()
    .max(MAX_BODY_CHARS, { message: `Lời bài dài quá ${MAX_BODY_CHARS} ký tự; mời chia bài.` }),
});
export type ArticleForm = z.output<typeof articleFormSchema>;
/** The form's values as shown again (the same shape, maybe not yet valid). */
export type ArticleValues = ArticleForm;

export const EMPTY_VALUES: ArticleValues = {
  ...(Object.fromEntries(LINE_FIELD_NAMES.map((f) => [f, ""])) as Record<LineField, string>),
  topics: [],
  body: "",
};

export type FieldProblem = { field: string; message: string };

/** The posted form's fields (own properties only; a missing field is ""). */
export function readArticleForm(
  fields: FormFields,
): { form: ArticleForm } | { problems: FieldProblem[]; values: ArticleValues } {
  const raw = Object.fromEntries(
    LINE_FIELD_NAMES.map((name) => [name, (own(fields, name) as string[] | undefined)?.[0] ?? ""]),
  );
  const topics = (own(fields, "topics") as string[] | undefined) ?? [];
  const body = (own(fields, "body") as string[] | undefined)?.[0] ?? "";
  const parsed = articleFormSchema.safeParse({ ...raw, topics, body });
  if (parsed.success) return { form: parsed.data };
  return {
    problems: parsed.error.issues.map((i) => ({
      field: String(i.path[0] ?? "body"),
      message: i.message,
    })),
    values: { ...(raw as Record<LineField, string>), topics: topics.slice(0, 20), body },
  };
}

/** "28/02/2023 05:40:48" -> "2023-02-28T05:40:48"; anything else as typed (the check says why). */
export function publishedValue(value: string): { published: string; label?: string } {
  return printedDate(value) ?? { published: value };
}

const given = (value: string) => (value === "" ? undefined : value);

/** The form's fields and body blocks as the template's draft. */
export function toDraft(form: ArticleForm, body: BodyBlock[]): ArticleDraft {
  const date = publishedValue(form.published);
  const label = form.publishedLabel || (form.published ? date.label : undefined) || "";
  return {
    fields: {
      title: form.title,
      kicker: given(form.kicker),
      published: given(date.published),
      publishedLabel: given(label),
      period: given(form.period),
      periodYear: /^\d+$/.test(form.periodYear) ? Number(form.periodYear) : given(form.periodYear),
      source: { outlet: form["source.outlet"], mark: given(form["source.mark"]) },
      locality: { province: form["locality.province"], district: given(form["locality.district"]) },
      unit: form.unit,
      author: form["author.name"]
        ? { name: form["author.name"], role: given(form["author.role"]) }
        : undefined,
      summary: form.summary,
      topics: form.topics,
    },
    body,
  };
}
