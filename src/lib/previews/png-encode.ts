// A PNG encoder for resvg's opaque pixels, cheaper than resvg's own asPng() (which took longer
// than drawing the card, npm run bench:previews): a card has a few hundred colours at most (text antialiased on white,
// a chart's fills), so it is written as an indexed image, one byte a pixel, which deflate packs
// small and fast; with more than 256 colours, as RGB. Same pixels, other bytes, half the size.
import { constants, crc32, deflateSync, type ZlibOptions } from "node:zlib";

/**
 * Deflate's run-length strategy: measured over the cards (npm run bench:previews) it packs an
 * indexed card to 29 KiB in under 1 ms, level 6 to 24 KiB in 3.5 ms (resvg's PNG: 57 KiB).
 */
export const PNG_DEFLATE: ZlibOptions = { level: 6, strategy: constants.Z_RLE };

/** Part of every image's cache key: a change of this file's output must change the keys. */
export const PNG_ENCODER = "indexed-2-rle";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, tail]);
}

function header(width: number, height: number, colourType: 2 | 3): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  // 8 bits a sample; deflate, filters per row, no interlacing.
  data.set([8, colourType, 0, 0, 0], 8);
  return data;
}

type Indexed = { palette: Buffer; rows: Buffer };

/** Open addressing over 4,096 slots: at most 256 colours, so probes stay short. */
const SLOTS = 4096;

/**
 * The image as palette and rows of one index a pixel (each after its filter byte, 0), or
 * "truecolor" past 256 colours, or undefined when a pixel is not fully opaque (resvg's pixels are
 * premultiplied: only opaque ones are exact as they are).
 */
function indexed(
  rgba: Uint8Array,
  width: number,
  height: number,
): Indexed | "truecolor" | undefined {
  // A typed view needs 4-byte alignment; resvg's buffer has it, a copy otherwise. Int32, not
  // Uint32: V8 keeps small integers unboxed.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const pixels = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
  if (scratch.length < height * (width + 1)) scratch = Buffer.allocUnsafe(height * (width + 1));
  const rows = scratch.subarray(0, height * (width + 1));
  const keys = new Int32Array(SLOTS);
  const slots = new Int16Array(SLOTS).fill(-1);
  const firstAt: number[] = [];
  const bytes = Buffer.from(aligned.buffer, aligned.byteOffset, aligned.length);
  const stride = width * 4;
  // Runs of one colour are the common case (the white ground): one lookup per run.
  let [last, lastIndex, o] = [0, -1, 0];
  for (let y = 0; y < height; y++) {
    rows[o++] = 0; // filter byte 0: none
    // A row like the one above (most of a card's margins and gaps): its indices copied.
    const at = y * stride;
    if (y > 0 && bytes.compare(bytes, at - stride, at, at, at + stride) === 0) {
      rows.copyWithin(o, o - width - 1, o - 1);
      o += width;
      continue;
    }
    for (let i = y * width, end = i + width; i < end; i++) {
      const colour = pixels[i]! | 0;
      if (colour !== last || lastIndex < 0) {
        if (rgba[i * 4 + 3] !== 255) return undefined;
        let h = Math.imul(colour, 0x9e3779b1) >>> 20;
        while (slots[h] !== -1 && keys[h] !== colour) h = (h + 1) & (SLOTS - 1);
        if (slots[h] === -1) {
          if (firstAt.length === 256) return opaque(rgba, i) ? "truecolor" : undefined;
          keys[h] = colour;
          slots[h] = firstAt.length;
          firstAt.push(i);
        }
        last = colour;
        lastIndex = slots[h]!;
      }
      rows[o++] = lastIndex;
    }
  }
  const palette = Buffer.alloc(firstAt.length * 3);
  firstAt.forEach((at, index) => palette.set(rgba.subarray(at * 4, at * 4 + 3), index * 3));
  return { palette, rows };
}

/**
 * The rows of one image after another on a thread: a fresh 750 KB each, zeroed, cost more in page
 * faults than the indexing (valid until the next image; deflate reads them at once).
 */
let scratch = Buffer.alloc(0);

/** Whether every pixel from `from` on is fully opaque. */
function opaque(rgba: Uint8Array, from: number): boolean {
  for (let i = from * 4 + 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
}

/** Rows of RGB samples, each after its filter byte (0: none). */
function rows(samples: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++)
    raw.set(samples.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return raw;
}

function rgb(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array((rgba.length >> 2) * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) {
    out[o] = rgba[i]!;
    out[o + 1] = rgba[i + 1]!;
    out[o + 2] = rgba[i + 2]!;
  }
  return out;
}

/**
 * resvg's RGBA pixels (`rendered.pixels`) as a PNG, or undefined when a pixel is not fully opaque
 * (then resvg's own asPng() is the exact one).
 */
export function encodePng(
  rgba: Uint8Array,
  width: number,
  height: number,
  deflate: ZlibOptions = PNG_DEFLATE,
): Buffer | undefined {
  const image = indexed(rgba, width, height);
  if (image === undefined) return undefined;
  const colourType = image === "truecolor" ? 2 : 3;
  const raw = image === "truecolor" ? rows(rgb(rgba), width, height) : image.rows;
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header(width, height, colourType)),
    ...(image === "truecolor" ? [] : [chunk("PLTE", image.palette)]),
    chunk("IDAT", deflateSync(raw, deflate)),
    chunk("IEND", new Uint8Array(0)),
  ]);
}
