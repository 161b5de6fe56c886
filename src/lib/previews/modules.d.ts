// The part of wawoff2 the preview fonts use (the package ships no types).
declare module "wawoff2/decompress.js" {
  export default function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
