// Summarise a V8 .cpuprofile (node --cpu-prof): self time by package or project file, and
// inclusive time of the project's own functions, to see where a build's JavaScript time goes.
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time per bucket: "src/lib/x.ts", "pkg:astro", "(garbage collector)", … */
  selfByBucket: [string, number][];
  /** Inclusive time per project function ("src/lib/x.ts:fn:12"), counted once per stack. */
  inclusiveOwn: [string, number][];
}

/** Where a frame's code lives: a project path, an npm package, or V8's own category. */
export function bucketOf(url: string, repo: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  let path = url;
  if (url.startsWith("file://")) {
    try {
      path = fileURLToPath(url);
    } catch {
      return url;
    }
  }
  const nm = path.lastIndexOf("/node_modules/");
  if (nm !== -1) {
    const rest = path.slice(nm + "/node_modules/".length).split("/");
    const name = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    return `pkg:${name}`;
  }
  if (path.startsWith("node:")) return "node:internal";
  if (path.startsWith("/")) {
    // Bundled pages run from the build's output chunks; their names still tell the route.
    return relative(repo, path);
  }
  return path;
}

// Chunks of Astro's own runtime bundled into the build output: not the project's code.
const ASTRO_RUNTIME_CHUNK = /\/(jsx-runtime|prerender-entry|_astro_[a-z-]*|astro\/[a-z-]+)[._]/;

export function summariseProfile(profile: CpuProfile, repo: string, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    totalUs += dt;
    const node = byId.get(id);
    if (!node) return;
    const { url, functionName } = node.callFrame;
    const bucket = bucketOf(url, repo, functionName);
    self.set(bucket, (self.get(bucket) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const b = bucketOf(frame.url, repo, frame.functionName);
      if (b.startsWith("pkg:") || b.startsWith("(") || b.startsWith("node:")) continue;
      if (ASTRO_RUNTIME_CHUNK.test(b)) continue;
      const key = `${b}:${frame.functionName || "(anonymous)"}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  });
  const ms = (entries: Map<string, number>) =>
    [...entries]
      .map(([k, us]) => [k, us / 1000] as [string, number])
      .sort((a, b) => b[1] - a[1])
      .slice(0, top);
  return { totalMs: totalUs / 1000, selfByBucket: ms(self), inclusiveOwn: ms(inclusive) };
}
