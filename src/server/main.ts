// Entry point: serve dist/ (and later the API) on HOST:PORT; stop cleanly on SIGTERM.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { loadConfig } from "./config.ts";
import { mountStatic } from "./static.ts";

const config = loadConfig();
const app = new Hono();
mountStatic(app, config.distDir);

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  console.log(`Listening on http://${config.host}:${info.port}/`);
});

function shutdown(): void {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
