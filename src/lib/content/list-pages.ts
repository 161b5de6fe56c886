// Every paginated list of articles (all news, per topic, per province, per district) as route
// data: thin pages under src/pages/ pick the first page or the rest and hand it to ListLayout.
import { ARTICLES_PER_PAGE } from "../../consts.ts";
import { listKey } from "../build/cache-keys.ts";
import { formatNumber } from "../format.ts";
import type { ArticleData } from "./article-schema.ts";
import { paginate, type ListPage } from "./pagination.ts";
import { groupByLocality, groupByTopic } from "./taxonomy.ts";

export type Crumb = { label: string; href?: string };
export type Subsection = { label: string; href: string; count: number };

export type ArticleList<T> = ListPage<T> & {
  /** The list's name: h1, and page title with " — trang n" after page 1. */
  title: string;
  /** The page's meta description; only the first page's may count the articles. */
  description: string;
  /** Crumbs above this list (Trang chủ, section); the list's own crumb is added by the layout. */
  crumbs: Crumb[];
  /**
   * How many articles the list holds and its sub-lists with their counts (the districts of a
   * province): on the first page only, so a later page changes only when its own articles do.
   */
  total?: number | undefined;
  subsections: Subsection[];
};

type Route<T, P> = {
  params: P & { page?: string };
  props: { list: ArticleList<T> };
  /** For Astro's incremental build: the page is rendered again only when what it lists changed. */
  cacheKey: string;
};

const HOME: Crumb = { label: "Trang chủ", href: "/" };

/** What a key needs of a listed article (collection entries have it all). */
type Listed = { id: string; data: ArticleData; digest?: string | number | undefined };

type ListInfo<T> = Omit<ArticleList<T>, keyof ListPage<T> | "total"> & {
  /** A later page's description, when the first page's counts the articles. */
  laterDescription?: string;
};

function pages<T extends Listed, P extends Record<string, string>>(
  params: P,
  items: readonly T[],
  base: string,
  { laterDescription, ...info }: ListInfo<T>,
): Route<T, P>[] {
  return paginate(items, base, ARTICLES_PER_PAGE).map((page) => {
    const list: ArticleList<T> =
      page.page === 1
        ? { ...page, ...info, total: items.length }
        : { ...page, ...info, description: laterDescription ?? info.description, subsections: [] };
    return {
      params: page.page === 1 ? params : { ...params, page: String(page.page) },
      props: { list },
      cacheKey: listKey(list),
    };
  });
}

/** `entries` must already be in reading order (sortArticles). */
export function newsLists<T extends Listed>(entries: readonly T[]) {
  return pages({}, entries, "/tin-tuc/", {
    title: "Tin tức",
    description: `Tất cả ${formatNumber(entries.length)} bài viết về công tác xây dựng Đảng ở cơ sở, mới nhất trước.`,
    laterDescription: "Bài viết về công tác xây dựng Đảng ở cơ sở, mới nhất trước.",
    crumbs: [HOME],
    subsections: [],
  });
}

export function topicLists<T extends Listed>(entries: readonly T[]) {
  return groupByTopic(entries).flatMap((topic) =>
    pages({ topic: topic.id }, topic.entries, topic.href, {
      title: topic.label,
      description: `Bài viết về ${topic.label.toLowerCase()}.`,
      crumbs: [HOME, { label: "Chủ đề", href: "/chu-de/" }],
      subsections: [],
    }),
  );
}

export function provinceLists<T extends Listed>(entries: readonly T[]) {
  return groupByLocality(entries).flatMap((province) =>
    pages({ province: province.slug }, province.entries, province.href, {
      title: province.name,
      description: `Bài viết về ${province.name}.`,
      crumbs: [HOME, { label: "Địa phương", href: "/dia-phuong/" }],
      subsections: province.districts.map((d) => ({
        label: d.name,
        href: d.href,
        count: d.entries.length,
      })),
    }),
  );
}

export function districtLists<T extends Listed>(entries: readonly T[]) {
  return groupByLocality(entries).flatMap((province) =>
    province.districts.flatMap((district) =>
      pages({ province: province.slug, district: district.slug }, district.entries, district.href, {
        title: district.name,
        description: `Bài viết về ${district.name} (${province.name}).`,
        crumbs: [
          HOME,
          { label: "Địa phương", href: "/dia-phuong/" },
          { label: province.name, href: province.href },
        ],
        subsections: [],
      }),
    ),
  );
}

/** Routes for the file that makes page 1 (no `page` param) or the one under trang/[page]. */
export function firstPages<R extends { params: { page?: string } }>(routes: R[]): R[] {
  return routes.filter((r) => r.params.page === undefined);
}
export function laterPages<R extends { params: { page?: string } }>(routes: R[]): R[] {
  return routes.filter((r) => r.params.page !== undefined);
}
