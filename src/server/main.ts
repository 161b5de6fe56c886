// Entry point: open the store, load polls, serve on HOST:PORT; re-read polls on SIGHUP; stop
// cleanly on SIGTERM/SIGINT.
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { originalSiteFigures } from "../lib/data/original-site.ts";
import { contentDir, dataDir } from "../lib/data/paths.ts";
import type { PollDefinition } from "../lib/polls/schema.ts";
import { createApp } from "./app.ts";
import { loadConfig, ROOT } from "./config.ts";
import { startEmailRetention } from "./comments/retention.ts";
import { describePolls, displayFolder, loadPolls, reloadPolls } from "./polls/definitions.ts";
import { articleDepsOf } from "./newsroom/article-routes.ts";
import { createArticlePreview } from "./newsroom/preview.ts";
import { openNewsroom } from "./newsroom/setup.ts";
import { openStore } from "./store/open.ts";
import type { Stores } from "./store/types.ts";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let config;
let polls: Map<string, PollDefinition>;
let counterBaseline: number;
let stores: Stores;
try {
  config = loadConfig();
  polls = loadPolls(config.pollsDir);
  counterBaseline = originalSiteFigures().total;
} catch (error) {
  fail((error as Error).message);
}
try {
  stores = await openStore(config);
} catch (error) {
  fail(
    `${(error as Error).message}\nThe server cannot count votes or visits without it; stopping.`,
  );
}

console.log(`Loaded ${describePolls(polls, new Date())} from ${displayFolder(config.pollsDir)}.`);
if (config.databaseUrl && !config.visitorSecret) {
  console.warn(
    "DATABASE_URL without VISITOR_SECRET: this node's visitor salt is its own, so with several nodes a reader is counted once per node. Give every node the same VISITOR_SECRET.",
  );
}

const newsroom = await openNewsroom({
  root: ROOT,
  distDir: config.distDir,
  settings: config.publish,
  staff: stores.staff,
  onError: (error) => console.error("Newsroom:", error),
});
if (newsroom.publisher) console.log(`Newsroom on: publishing from ${config.publish.dir}.`);
else console.warn(`Newsroom off: ${newsroom.off}. Everything else runs as usual.`);

// The article page's preview renders with this project's code over the content it will publish.
const { newsDir = contentDir(), dataDir: data = dataDir() } = articleDepsOf(newsroom);
const preview = createArticlePreview({
  root: ROOT,
  distDir: config.distDir,
  newsDir,
  dataDir: data,
});

const app = createApp({
  stores,
  config,
  polls,
  counterBaseline,
  onStoreError: (error) => console.error("Server error (store or code), nothing recorded:", error),
  onClientAbort: (method, path) =>
    console.warn(`Client disconnected before sending its whole body: ${method} ${path}`),
  comments: config.comments,
  staff: config.staff,
  newsroom,
  articlePage: { preview },
});
const retention = startEmailRetention(
  stores.comments,
  config.comments.emailRetentionDays,
  (message) => console.error(message),
);

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) =>
  console.log(`Listening on http://${config.host}:${info.port}/`),
) as Server;
server.on("error", (error) =>
  fail(`Cannot listen on ${config.host}:${config.port}: ${error.message}`),
);

// Expired visitor keys go within a minute even when nobody visits (a view also prunes them);
// idle staff sessions too (a session lookup checks only its own row).
setInterval(() => {
  const now = Date.now();
  stores.visits.pruneVisitors(now).catch((error) => console.error("Pruning visitor keys:", error));
  stores.staff
    .sweepIdleSessions(new Date(now - config.staff.idleMinutes * 60_000))
    .catch((error) => console.error("Deleting idle staff sessions:", error));
}, 60_000).unref();

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing open requests, then stopping.`);
  // Stop accepting, let in-flight requests finish, then close the database.
  retention.stop();
  // A build in progress is stopped and its files put back before the store closes (it logs).
  const published = newsroom.publisher?.stop() ?? Promise.resolve();
  // The preview's renderer process and its work folder go too.
  void preview.close();
  server.close(() => {
    void published.then(() => stores.close()).finally(() => process.exit(0));
  });
  // Keep-alive connections busy at SIGTERM (a proxy's) close as soon as their answer is sent,
  // not after the keep-alive timeout: a rolling restart waits only for requests in flight.
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 50).unref();
  setTimeout(() => {
    server.closeAllConnections();
    void stores.close().finally(() => process.exit(0));
  }, 10_000).unref();
}
// Staff add or close a poll by committing a file; SIGHUP makes the running server re-read them.
process.on("SIGHUP", () => {
  const result = reloadPolls(polls, config.pollsDir);
  if (result.ok) console.log(`SIGHUP: ${result.message}`);
  else console.error(`SIGHUP: ${result.message}`);
});
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
