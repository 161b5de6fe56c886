// What a search asks for, read from the URL of /tim-kiem/ (the same for the form, the script and the server).
import { z } from "zod";
import { MAX_QUERY_LENGTH } from "./text.ts";

/** Results shown per step; "Xem thêm kết quả" shows as many again. */
export const RESULTS_PER_STEP = 10;

/** Most steps a URL may ask for (trang=20 shows 200 results). */
export const MAX_STEPS = 20;

/** The filters, as URL parameter -> Pagefind filter name (the same strings, kept apart on purpose). */
export const FILTERS = {
  tinh: "tinh",
  "chu-de": "chu-de",
  nam: "nam",
} as const;
export type FilterKey = keyof typeof FILTERS;
export const FILTER_KEYS = Object.keys(FILTERS) as FilterKey[];

/** Labels of the filters on the form. */
export const FILTER_LABELS: Record<FilterKey, string> = {
  tinh: "Tỉnh",
  "chu-de": "Chủ đề",
  nam: "Năm",
};

const text = z.string().trim().max(MAX_QUERY_LENGTH).catch("");

export const searchRequestSchema = z.object({
  /** The words typed. */
  q: text,
  /** Province name exactly as the articles give it, or "" for all. */
  tinh: text,
  /** Topic label, or "" for all. */
  "chu-de": text,
  /** Four-digit year of publication, or "" for all (undated articles are in no year). */
  nam: z
    .string()
    .regex(/^\d{4}$/)
    .catch(""),
  /** How many steps of results to show, 1 to MAX_STEPS. */
  trang: z.coerce.number().int().min(1).max(MAX_STEPS).catch(1),
});
export type SearchRequest = z.infer<typeof searchRequestSchema>;

/** Reads a request from a query string; anything missing or malformed falls back to "all". */
export function parseSearchRequest(params: URLSearchParams): SearchRequest {
  return searchRequestSchema.parse({
    q: params.get("q") ?? "",
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
