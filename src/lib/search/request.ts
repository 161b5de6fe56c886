// What a search asks for, read from the URL of /tim-kiem/ (the same for the form, the script and the server).
// zod/mini: the same schemas, tree-shaken, so the browser script stays within its size budget.
import * as z from "zod/mini";
import { FILTER_FIELDS, type FilterField } from "./index-files.ts";
import { cutQuery, MAX_QUERY_LENGTH } from "./text.ts";

/** Results shown per step; "Xem thêm kết quả" shows as many again. */
export const RESULTS_PER_STEP = 10;

/** Most steps a URL may ask for (trang=20 shows 200 results). */
export const MAX_STEPS = 20;

/** The filters, by URL parameter (the index lists its values under the same names). */
export type FilterKey = FilterField;
export const FILTER_KEYS: readonly FilterKey[] = FILTER_FIELDS;

/** Labels of the filters on the form. */
export const FILTER_LABELS: Record<FilterKey, string> = {
  tinh: "Tỉnh",
  "chu-de": "Chủ đề",
  // The year an article was published, not the year its figures are for.
  nam: "Năm đăng bài",
};

const text = z.catch(z.string().check(z.trim(), z.maxLength(MAX_QUERY_LENGTH)), "");

export const searchRequestSchema = z.object({
  /** The words typed. */
  q: text,
  /** Province name exactly as the articles give it, or "" for all. */
  tinh: text,
  /** Topic label, or "" for all. */
  "chu-de": text,
  /** Four-digit year of publication, or "" for all (undated articles are in no year). */
  nam: z.catch(z.string().check(z.regex(/^\d{4}$/)), ""),
  /** How many steps of results to show, 1 to MAX_STEPS. */
  trang: z.catch(
    z.coerce.number().check(z.refine(Number.isInteger), z.gte(1), z.lte(MAX_STEPS)),
    1,
  ),
  /** Present when the words typed were longer than MAX_QUERY_LENGTH and `q` is their start. */
  cut: z.optional(z.literal(true)),
});
export type SearchRequest = z.infer<typeof searchRequestSchema>;

/**
 * Reads a request from a query string; anything missing or malformed falls back to "all", and
 * words over MAX_QUERY_LENGTH are cut to it (the results say so).
 */
export function parseSearchRequest(params: URLSearchParams): SearchRequest {
  const q = cutQuery(params.get("q") ?? "");
  return searchRequestSchema.parse({
    q: q.text,
    ...(q.cut ? { cut: true } : {}),
    tinh: params.get("tinh") ?? "",
    "chu-de": params.get("chu-de") ?? "",
    nam: params.get("nam") ?? "",
    trang: params.get("trang") ?? "1",
  });
}

/** The query string of a request, leaving out what is empty or default. */
export function searchQueryString(request: SearchRequest, steps = request.trang): string {
  const params = new URLSearchParams();
  if (request.q) params.set("q", request.q);
  for (const key of FILTER_KEYS) if (request[key]) params.set(key, request[key]);
  if (steps > 1) params.set("trang", String(steps));
  const query = params.toString();
  return query ? `?${query}` : "";
}
