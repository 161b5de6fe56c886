// The compression step as `npm run build` runs it: in the build's own process, from importing the
// step's module to its end (node tools/bench/lib/compress-step.ts <dir> <published>). Prints the
// step's milliseconds on its last line; the build has paid Node's start already.
const started = performance.now();
const { compressStep } = await import("../../../src/cli/compress.ts");
const [dir, previous] = process.argv.slice(2);
const status = await compressStep(dir!, { previous });
console.log(`step-ms ${(performance.now() - started).toFixed(1)}`);
process.exitCode = status;

// A module (for its top-level await), though it exports nothing.
export {};
