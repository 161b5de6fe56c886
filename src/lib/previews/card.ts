// A link preview image as SVG, 1200×630 (Open Graph's size): the site's band, a title, then either
// a chart (its widest layout, scaled to the space left) or lines of text (a key figure, a date),
// and a source line. Pure: the same input gives the same SVG, which is the image's cache key.
import { escapeHtml } from "../html.ts";
import { wrapText } from "../charts/wrap.ts";
import { SITE_TITLE } from "../../consts.ts";

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;
const MARGIN = 56;
const BAND = 76;
const FONT = "Be Vietnam Pro";
const TEXT = "#1c1b19";
const MUTED = "#5a5650";
const ACCENT = "#9b1c1c";

export type PreviewCard = {
  /** Over the title, small: "Biểu đồ", "Bài viết", "Dữ liệu". */
  kicker: string;
  title: string;
  /** A chart's SVG (standalone, with a viewBox), drawn under the title. */
  chartSvg?: string | undefined;
  /** Without a chart: a large figure and its label ("6.001", "đảng viên"). */
  figure?: { value: string; label: string } | undefined;
  /** Without a chart: lines under the title (a date, a description). */
  lines?: string[];
  /** The source line at the foot. */
  footer: string;
};

const text = (x: number, y: number, size: number, weight: number, fill: string, body: string) =>
  `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeHtml(body)}</text>`;

/** The title's lines and size: the largest of three sizes that fits in `maxLines`. */
export function titleLines(title: string, maxLines: number): { lines: string[]; size: number } {
  const width = PREVIEW_WIDTH - 2 * MARGIN;
  for (const size of [48, 42, 36, 30]) {
    // Be Vietnam Pro bold averages about 0.56 em per character in Vietnamese text.
    const lines = wrapText(title, Math.floor(width / (size * 0.56)));
    if (lines.length <= maxLines || size === 30) return { lines, size };
  }
  throw new Error("unreachable");
}

/** The chart's own SVG nested at (x, y) in a box, its aspect kept, top-left aligned. */
function nestedChart(svg: string, x: number, y: number, width: number, height: number): string {
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
  const inner = svg.replace(/^<svg\b[^>]*>/, "").replace(/<\/svg>\s*$/, "");
  return `<svg x="${x}" y="${y}" width="${width}" height="${height}" viewBox="${viewBox}" preserveAspectRatio="xMinYMin meet" color="${TEXT}" font-family="${FONT}">${inner}</svg>`;
}

function body(card: PreviewCard, top: number): string {
  const bottom = PREVIEW_HEIGHT - 72;
  if (card.chartSvg)
    return nestedChart(card.chartSvg, MARGIN, top, PREVIEW_WIDTH - 2 * MARGIN, bottom - top);
  let y = top + 40;
  const parts: string[] = [];
  if (card.figure) {
    parts.push(text(MARGIN, y + 72, 96, 700, ACCENT, card.figure.value));
    parts.push(text(MARGIN, y + 120, 32, 400, TEXT, card.figure.label));
    y += 180;
  }
  for (const line of (card.lines ?? []).flatMap((l) => wrapText(l, 62))) {
    if (y > bottom) break;
    parts.push(text(MARGIN, y, 30, 400, MUTED, line));
    y += 44;
  }
  return parts.join("");
}

export function previewSvg(card: PreviewCard): string {
  const { lines, size } = titleLines(card.title, card.chartSvg ? 2 : 3);
  const titleTop = BAND + 64;
  const title = lines
    .map((line, i) => text(MARGIN, titleTop + 30 + i * size * 1.2, size, 700, TEXT, line))
    .join("");
  const below = titleTop + 30 + (lines.length - 1) * size * 1.2 + 28;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<rect width="100%" height="${BAND}" fill="${ACCENT}"/>`,
    text(MARGIN, 50, 30, 700, "#ffffff", SITE_TITLE),
    text(MARGIN, titleTop - 20, 22, 700, ACCENT, card.kicker.toLocaleUpperCase("vi")),
    title,
    body(card, below),
    `<rect y="${PREVIEW_HEIGHT - 56}" width="100%" height="56" fill="#f6f2ea"/>`,
    text(MARGIN, PREVIEW_HEIGHT - 20, 22, 400, MUTED, card.footer),
    `</svg>`,
  ].join("");
}
