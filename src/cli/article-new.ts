// `npm run article:new -- <bài.txt> [--slug <tên>]`: write content/news/<slug>.mdx (or NEWS_DIR)
// from a captured page; print what was decided and what staff must fill in. Never overwrites.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { TOPICS } from "../consts.ts";
import { readCapture } from "../lib/content/capture.ts";
import { captureToMdx, proposedSummary } from "../lib/content/capture-mdx.ts";
import { checkLines, noBodyMessage, outletLine } from "../lib/content/capture-messages.ts";
import { REPO_ROOT } from "../lib/data/paths.ts";
import { SLUG_PATTERN, slugify } from "../lib/slug.ts";

const shown = (path: string) => {
  const rel = relative(REPO_ROOT, path);
  return rel.startsWith("..") ? path : rel;
};
const q = (text: string) => `“${text}”`;

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
const slugAt = args.indexOf("--slug");
const chosenSlug = slugAt === -1 ? undefined : args[slugAt + 1];
const files = args.filter((_, i) => slugAt === -1 || (i !== slugAt && i !== slugAt + 1));
const input = files[0];
if (!input || files.length > 1 || (slugAt !== -1 && !chosenSlug)) {
  stop(
    "Cách dùng: npm run article:new -- <tệp bài đã chép.txt> [--slug <tên-bài-khong-dau>]\nVí dụ: npm run article:new -- ../shared/seeds/004_bff571ff9cb4532b.txt",
  );
}
const path = resolve(input);
if (!existsSync(path)) stop(`${input}:1:1 Không có tệp này; kiểm tra lại đường dẫn.`);
const capture = readCapture(readFileSync(path, "utf8"));
const source = shown(path);
if (!capture.title) {
  stop(
    `${source}:1:1 Không tìm thấy tiêu đề: tệp cần có dòng tiêu đề trước đoạn đầu của bài (xem các tệp mẫu trong tests/fixtures/seeds/).`,
  );
}
if (!capture.blocks.some((b) => b.kind === "paragraph")) stop(noBodyMessage(capture, source));
const slug = chosenSlug ?? slugify(capture.title.text);
if (!SLUG_PATTERN.test(slug)) {
  stop(
    `Tên bài ${q(slug)} không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch nối, vd. thanh-binh-ket-nap-dang-vien.`,
  );
}
const dir = resolve(process.env.NEWS_DIR ?? join(REPO_ROOT, "content", "news"));
const target = join(dir, `${slug}.mdx`);
if (existsSync(target)) {
  stop(
    `${shown(target)}:1:1 Bài này đã có; không ghi đè. Nếu là bài khác, đặt tên khác: npm run article:new -- ${input} --slug ${slug}-2`,
  );
}

const out: string[] = [`Đọc ${source}:`];
out.push(`  tiêu đề (dòng ${capture.title.line}): ${q(capture.title.text)}`);
if (capture.kicker)
  out.push(`  dòng trên tiêu đề (dòng ${capture.kicker.line}): ${q(capture.kicker.text)}`);
if (capture.date) {
  out.push(
    `  ngày (dòng ${capture.date.line}): ${q(capture.date.printed)} → published: "${capture.date.published}", publishedLabel: "${capture.date.label}"`,
  );
} else
  out.push("  ngày: bài không ghi ngày → không ghi published (trang hiện “Không ghi ngày đăng”)");
if (capture.mark)
  out.push(`  ký hiệu nguồn đầu bài: ${q(capture.mark)} (giữ trong lời bài, ghi vào source.mark)`);
const outlet = outletLine(capture);
if (outlet) out.push(outlet);
if (capture.byline) {
  out.push(
    `  tác giả (dòng ${capture.byline.line}): ${q(capture.byline.name)}${capture.byline.role ? `, ${q(capture.byline.role)}` : ""}`,
  );
} else out.push("  tác giả: bài không ghi → không ghi author");
const captions = capture.blocks.filter((b) => b.kind === "caption");
out.push(
  `  lời bài: ${capture.blocks.length - captions.length} đoạn, ${captions.length} chú thích ảnh (<PhotoCaption>${captions.length > 0 ? `, dòng ${captions.map((c) => c.line).join(", ")}` : ""})`,
);
if (capture.furniture.length > 0) {
  out.push(
    `  bỏ ra (không phải lời bài): ${capture.furniture.map((f) => `dòng ${f.line} ${q(f.text)}`).join("; ")}`,
  );
}
mkdirSync(dir, { recursive: true });
writeFileSync(target, captureToMdx(capture), { flag: "wx" });
out.push("", `Đã tạo ${shown(target)}. Cần điền tay trước khi build (các ô ghi “CẦN ĐIỀN”):`);
if (!capture.mark && !capture.outlet)
  out.push("  - source.outlet: tên báo/trang nguồn như bài ghi");
out.push("  - locality.province (và district nếu bài nói về một huyện): hệ thống không tự đoán");
out.push("  - unit: tổ chức đảng bài nói tới");
out.push(
  `  - topics: một hoặc vài mã: ${Object.entries(TOPICS)
    .map(([id, name]) => `${id} (${name})`)
    .join(", ")}`,
);
out.push(
  proposedSummary(capture)
    ? "  - summary: đã lấy câu đầu của bài; sửa nếu cần, chỉ dùng lời của bài"
    : "  - summary: một hai câu lấy nguyên từ bài",
);
out.push(...checkLines(capture));
out.push(
  "",
  `Tiếp theo: npm run data:coverage -- ${slug} (những con số của bài chưa có trong dữ liệu).`,
);
console.log(out.join("\n"));
