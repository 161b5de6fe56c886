// The dashboard's filter form (province, level, year) and where a choice lands: one definition for
// the build (which pages exist), the server (GET /thong-ke/?tinh=…&cap=…&nam=… without JavaScript
// redirects to that page) and the browser (which swaps the page in place). Pure: no Node, no DOM.
import { LEVEL_IDS, LEVELS, type UnitLevel } from "../data/levels.ts";
import { slugify } from "../slug.ts";

export const DASHBOARD_PATH = "/thong-ke/";

/** Query parameters of the form, in URL order: province slug, level id, year. */
export const FILTER_PARAMS = ["tinh", "cap", "nam"] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** What the reader chose: a value per parameter, "" for all. */
export type DashboardChoice = Record<FilterParam, string>;

export const NO_CHOICE: DashboardChoice = { tinh: "", cap: "", nam: "" };

const SAFE_VALUE = /^[a-z0-9-]{1,60}$/;

/** The page of a choice: "/thong-ke/", "/thong-ke/lang-son-cap-khoi-nam-2014/". */
export function dashboardPath(choice: DashboardChoice): string {
  const slug = [choice.tinh, choice.cap && `cap-${choice.cap}`, choice.nam && `nam-${choice.nam}`]
    .filter(Boolean)
    .join("-");
  return slug ? `${DASHBOARD_PATH}${slug}/` : DASHBOARD_PATH;
}

/**
 * The choice in a query string, or undefined when it names none of the filters. Values that are
 * not plain slugs are dropped (the path is built from them).
 */
export function choiceFromQuery(params: URLSearchParams): DashboardChoice | undefined {
  if (!FILTER_PARAMS.some((p) => params.has(p))) return undefined;
  const choice = { ...NO_CHOICE };
  for (const p of FILTER_PARAMS) {
    const value = params.get(p)?.trim().toLowerCase() ?? "";
    if (SAFE_VALUE.test(value)) choice[p] = value;
  }
  return choice;
}

/** Every choice the form can make (all values of each parameter, "" included). */
export function allChoices(values: Record<FilterParam, readonly string[]>): DashboardChoice[] {
  const choices: DashboardChoice[] = [];
  for (const tinh of ["", ...values.tinh]) {
    for (const cap of ["", ...values.cap]) {
      for (const nam of ["", ...values.nam]) choices.push({ tinh, cap, nam });
    }
  }
  return choices;
}

/** One value of a filter as the form offers it. */
export type FilterOption = { value: string; label: string };
export type FilterOptions = Record<FilterParam, FilterOption[]>;

/** The form's options from the filters that have charts (chartFilters): provinces, levels, years. */
export function filterOptions(
  filters: readonly { province?: string; level?: UnitLevel; year?: number }[],
): FilterOptions {
  const provinces = [...new Set(filters.flatMap((f) => f.province ?? []))].sort((a, b) =>
    a.localeCompare(b, "vi"),
  );
  const levels = new Set(filters.flatMap((f) => f.level ?? []));
  const years = [...new Set(filters.flatMap((f) => f.year ?? []))].sort((a, b) => b - a);
  return {
    tinh: provinces.map((p) => ({ value: slugify(p), label: p })),
    cap: LEVEL_IDS.filter((l) => levels.has(l)).map((l) => ({ value: l, label: LEVELS[l] })),
    nam: years.map((y) => ({ value: String(y), label: `Năm ${y}` })),
  };
}

/** The chart filter of a choice, by the options' values (province name, level id, year). */
export function filterOfChoice(
  choice: DashboardChoice,
  options: FilterOptions,
): { province?: string; level?: UnitLevel; year?: number } {
  const province = options.tinh.find((o) => o.value === choice.tinh)?.label;
  const level = LEVEL_IDS.find((l) => l === choice.cap);
  const year = choice.nam === "" ? undefined : Number(choice.nam);
  return {
    ...(province === undefined ? {} : { province }),
    ...(level === undefined ? {} : { level }),
    ...(year === undefined ? {} : { year }),
  };
}

/** "Lạng Sơn · Khối cơ quan · Năm 2014" for a title; "" for no choice. */
export function choiceLabel(choice: DashboardChoice, options: FilterOptions): string {
  return FILTER_PARAMS.flatMap(
    (p) => options[p].find((o) => o.value === choice[p])?.label ?? [],
  ).join(" · ");
}
