// Build-log hygiene for astro.config.mjs: drops one known-harmless Rolldown warning, passes the rest.

type Log = { code?: string; message: string };
type Handler = (level: string, log: Log) => void;

/**
 * Astro 7.3 marks every MDX file's assets module with its own "use astro:head-inject" directive,
 * and Rolldown warns about it once per file (10 lines each) though it keeps the directive
 * (withastro/astro#18087). At 1,000 articles that is 10,000 lines that bury real warnings.
 */
export function isHeadInjectWarning(log: Log): boolean {
  return log.code === "MODULE_LEVEL_DIRECTIVE" && log.message.includes('"use astro:head-inject"');
}

/** `build.rolldownOptions.onLog`: every other log goes to Vite's handler unchanged. */
export function onRolldownLog(level: string, log: Log, handler: Handler): void {
  if (level === "warn" && isHeadInjectWarning(log)) return;
  handler(level, log);
}
