// Where a build's time went, read from Astro's own build log: phases and render time per route.

export interface Phases {
  /** Content sync and type generation ("[types] Generated …"). */
  syncMs: number;
  /** Vite/Rolldown bundling: every "[vite] ✓ built in …" added up. */
  bundleMs: number;
  /** Rendering the static routes ("generating static routes" … "✓ Completed in …"). */
  renderMs: number;
  /** Astro's own total ("N page(s) built in …"). */
  totalMs: number;
  /** Render time per route group, summed from each page's "(+N ms)". */
  routes: Map<string, { pages: number; ms: number }>;
}

// eslint-disable-next-line no-control-regex -- the log is coloured with ANSI escapes
const ANSI = /\x1b\[[0-9;]*m/g;

function duration(text: string): number {
  const m = /([\d.]+)\s*(ms|s|m)\b/.exec(text);
  if (!m) return 0;
  const value = Number(m[1]);
  return m[2] === "ms" ? value : m[2] === "s" ? value * 1000 : value * 60_000;
}

// Pages of one route shape: the first segment stays, later ones become "*" except the literal
// "trang" of paginated lists: "/chu-de/x/trang/2/index.html" gives "/chu-de/*/trang/*".
export function routeGroup(path: string): string {
  const parts = path
    .replace(/\/index\.html$/, "")
    .split("/")
    .filter(Boolean);
  return `/${parts.map((p, i) => (i === 0 || p === "trang" ? p : "*")).join("/")}`;
}

export function parseBuildLog(log: string): Phases {
  const phases: Phases = { syncMs: 0, bundleMs: 0, renderMs: 0, totalMs: 0, routes: new Map() };
  let rendering = false;
  for (const raw of log.split("\n")) {
    const line = raw.replace(ANSI, "");
    if (/\[types\] Generated/.test(line))
      phases.syncMs += duration(line.split("Generated")[1] ?? "");
    else if (/\[vite\] ✓ built in/.test(line))
      phases.bundleMs += duration(line.split("built in")[1] ?? "");
    else if (/generating static routes/.test(line)) rendering = true;
    else if (rendering && /^\S*\s*✓ Completed in/.test(line.trim())) {
      phases.renderMs += duration(line.split("Completed in")[1] ?? "");
      rendering = false;
    } else if (/page\(s\) built in/.test(line))
      phases.totalMs = duration(line.split("built in")[1] ?? "");
    const page = /[├└]─ (\S+) \(\+([\d.]+)\s*(ms|s)\)/.exec(line);
    if (page) {
      const group = routeGroup(page[1]!);
      const ms = page[3] === "s" ? Number(page[2]) * 1000 : Number(page[2]);
      const entry = phases.routes.get(group) ?? { pages: 0, ms: 0 };
      entry.pages++;
      entry.ms += ms;
      phases.routes.set(group, entry);
    }
  }
  return phases;
}
