// Adds lock entries for platform-specific optional packages the registry mirror does not serve.
import fs from "node:fs";
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const pkgs = lock.packages;
const platform = {
  "android-arm64": { os: ["android"], cpu: ["arm64"] },
  "darwin-arm64": { os: ["darwin"], cpu: ["arm64"] },
  "darwin-x64": { os: ["darwin"], cpu: ["x64"] },
  "linux-arm64-gnu": { os: ["linux"], cpu: ["arm64"], libc: ["glibc"] },
  "linux-arm64-musl": { os: ["linux"], cpu: ["arm64"], libc: ["musl"] },
  "wasm32-wasi": { cpu: ["wasm32"] },
  "win32-arm64-msvc": { os: ["win32"], cpu: ["arm64"] },
  "win32-x64-msvc": { os: ["win32"], cpu: ["x64"] },
};
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (pkgs[key]) continue;
    const suffix = Object.keys(platform).find((s) => dep.endsWith(s));
    if (!suffix) {
      console.error("unknown platform for", dep, "from", path);
      continue;
    }
    pkgs[key] = { version, optional: true, ...platform[suffix] };
    added++;
    console.log("added", key, version);
  }
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(added, "entries added");
