// The benchmark's floor (scripts/bench.mjs): the cheapest answer this server can give, with no
// database and no rendering, measured beside every page so pages compare as shares of it.
export const dynamic = "force-dynamic";

export function GET() {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
