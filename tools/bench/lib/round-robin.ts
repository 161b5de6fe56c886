// A small round-robin HTTP proxy in front of several nodes, standing in for nginx in the API
// benchmark and the multi-node tests. Headers pass through unchanged: the load generator sets
// X-Forwarded-For as nginx would have, and the nodes trust one proxy (TRUST_PROXY=1).
import {
  Agent,
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

export type RoundRobin = {
  url: string;
  /** Where new requests go from now on (a node taken out is drained: its requests finish). */
  setUpstreams(urls: string[]): void;
  /** Requests answered per upstream URL. */
  served: Map<string, number>;
  close(): Promise<void>;
};

export async function startRoundRobin(upstreams: string[]): Promise<RoundRobin> {
  let targets = upstreams.map((u) => new URL(u));
  let next = 0;
  // Idle upstream connections close after 4 s, before the node's own 5 s keep-alive timeout
  // (as `keepalive_timeout 4s` in nginx's upstream block), so neither side closes one in use.
  const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });
  const served = new Map<string, number>();
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, retry: boolean) => {
    const target = targets[next++ % targets.length];
    if (!target) {
      res.writeHead(502).end();
      return;
    }
    const upstream = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        served.set(target.origin, (served.get(target.origin) ?? 0) + 1);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      // A kept-alive connection the node closed as we reused it: the node never read the
      // request, so send it again once (nginx does the same for a cached connection).
      if (retry && upstream.reusedSocket && !res.headersSent) {
        forward(req, res, body, false);
        return;
      }
      // Otherwise, like nginx: a 502, never a silent success.
      if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
      res.end('{"error":"bad gateway"}');
    });
    upstream.end(body);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (d: Buffer) => chunks.push(d));
    req.on("end", () => forward(req, res, Buffer.concat(chunks), true));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setUpstreams(urls) {
      targets = urls.map((u) => new URL(u));
    },
    served,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      agent.destroy();
    },
  };
}
