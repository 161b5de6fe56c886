// The preview cards' font files and their HarfBuzz faces, loaded once before a file's tests.
import { beforeAll } from "vitest";
import { previewFontFiles } from "../../src/lib/previews/fonts.ts";
import { loadOutlineFonts, type OutlineFonts } from "../../src/lib/previews/outline.ts";

export type PreviewFonts = { files: string[]; fonts: OutlineFonts };

/** Filled in by a beforeAll of the calling test file. */
export function usePreviewFonts(): PreviewFonts {
  const loaded = { files: [], fonts: new Map() } as PreviewFonts;
  beforeAll(async () => {
    loaded.files = await previewFontFiles();
    loaded.fonts = loadOutlineFonts(loaded.files);
  });
  return loaded;
}
