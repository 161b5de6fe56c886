// The preview's own process (started by preview-process.ts under Node's permission model: reads the
// code, articles and data, writes only its work folder, starts no process or thread; and, where
// Linux allows, in a network namespace with no interface up). It renders one article at a time on
// request over the IPC channel. Node 24's permission model has no switch for the network, so
// sockets and fetch are also refused here, before any site code loads.
import dns from "node:dns";
import net from "node:net";
import { startRenderer } from "./preview-render.ts";
import type { ChildMessage, PreviewRequest } from "./preview-process.ts";

function refuseNetwork(): never {
  throw new Error("Bản xem trước không được dùng mạng.");
}
net.Socket.prototype.connect = refuseNetwork;
net.Server.prototype.listen = refuseNetwork;
dns.lookup = refuseNetwork as unknown as typeof dns.lookup;
globalThis.fetch = refuseNetwork;

const [root, workDir] = process.argv.slice(2) as [string, string];
const send = (message: ChildMessage) => process.send?.(message);

try {
  const renderer = await startRenderer(root, workDir);
  let queue = Promise.resolve();
  process.on("message", (request: PreviewRequest) => {
    // The parent sends one at a time; chained anyway so two can never interleave.
    queue = queue.then(async () => {
      const result = await renderer.render(request.mdx, request.slug);
      send({ type: "result", id: request.id, result });
    });
  });
  process.on("disconnect", () => void renderer.close().finally(() => process.exit(0)));
  send({ type: "ready" });
} catch (error) {
  // A path the permission model refused is named: the administrator can see what was missing.
  const { message, resource } = error as { message?: string; resource?: string };
  const said = `${message ?? String(error)}${resource ? ` (${resource})` : ""}`;
  console.error(said);
  send({ type: "failed", message: said });
  process.exit(1);
}
