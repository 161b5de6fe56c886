// The articles readers may comment on (slug → title and path); the server reads it from dist/.
import { getCollection } from "astro:content";

export async function GET(): Promise<Response> {
  const entries = await getCollection("news");
  const index = Object.fromEntries(
    entries.map(({ id, data }) => [id, { title: data.title, path: `/tin-tuc/${id}/` }]),
  );
  return new Response(JSON.stringify(index), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
