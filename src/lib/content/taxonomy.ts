// Localities and topics as URL sections: /dia-phuong/<province>/<district>/ and /chu-de/<topic>/.
import { TOPICS, TOPIC_IDS, type TopicId } from "../../consts.ts";
import { slugify } from "../slug.ts";
import type { ArticleData } from "./article-schema.ts";

type Entry = { data: ArticleData };

export function provinceHref(province: string): string {
  return `/dia-phuong/${slugify(province)}/`;
}

export function districtHref(province: string, district: string): string {
  return `/dia-phuong/${slugify(province)}/${slugify(district)}/`;
}

export function topicHref(topic: TopicId): string {
  return `/chu-de/${topic}/`;
}

export function topicLabel(topic: TopicId): string {
  return TOPICS[topic];
}

export type DistrictGroup<T> = { name: string; slug: string; href: string; entries: T[] };
export type ProvinceGroup<T> = {
  name: string;
  slug: string;
  href: string;
  entries: T[];
  districts: DistrictGroup<T>[];
};

const byName = new Intl.Collator("vi").compare;

/** Throws when two different names would share one URL, so no page silently overwrites another. */
function claim(seen: Map<string, string>, slug: string, name: string, where: string): void {
  const other = seen.get(slug);
  if (other !== undefined && other !== name) {
    throw new Error(`${where}: "${name}" and "${other}" both make the URL segment "${slug}"`);
  }
  seen.set(slug, name);
}

/** Provinces (by name) with their articles, and within each the districts articles name; input order is kept inside groups. */
export function groupByLocality<T extends Entry>(entries: readonly T[]): ProvinceGroup<T>[] {
  const provinces = new Map<string, ProvinceGroup<T>>();
  const provinceSlugs = new Map<string, string>();
  for (const entry of entries) {
    const { province, district } = entry.data.locality;
    let group = provinces.get(province);
    if (group === undefined) {
      const slug = slugify(province);
      claim(provinceSlugs, slug, province, "dia-phuong");
      group = { name: province, slug, href: provinceHref(province), entries: [], districts: [] };
      provinces.set(province, group);
    }
    group.entries.push(entry);
    if (district === undefined) continue;
    let sub = group.districts.find((d) => d.name === district);
    if (sub === undefined) {
      const slug = slugify(district);
      const clash = group.districts.find((d) => d.slug === slug);
      if (clash) claim(new Map([[slug, clash.name]]), slug, district, `dia-phuong/${group.slug}`);
      sub = { name: district, slug, href: districtHref(province, district), entries: [] };
      group.districts.push(sub);
    }
    sub.entries.push(entry);
  }
  const sorted = [...provinces.values()].sort((a, b) => byName(a.name, b.name));
  for (const group of sorted) group.districts.sort((a, b) => byName(a.name, b.name));
  return sorted;
}

export type TopicGroup<T> = { id: TopicId; label: string; href: string; entries: T[] };

/** Every topic in TOPICS order with its articles (possibly none); input order is kept. */
export function groupByTopic<T extends Entry>(entries: readonly T[]): TopicGroup<T>[] {
  return TOPIC_IDS.map((id) => ({
    id,
    label: TOPICS[id],
    href: topicHref(id),
    entries: entries.filter((e) => e.data.topics.includes(id)),
  }));
}
