// robots.txt with the sitemap's absolute address (it depends on SITE_URL).
import type { APIContext } from "astro";

export function GET(context: APIContext): Response {
  const sitemap = new URL("/sitemap-index.xml", context.site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}
