import { toCsv, type CsvValue } from "@/lib/domain/csv";

// Open data is for anyone, including other sites' scripts (CORS open), and may be cached a few
// minutes: a revoked product drops out of the files within that time.
const COMMON = {
  "Cache-Control": "public, max-age=300, stale-while-revalidate=60",
  "Access-Control-Allow-Origin": "*",
  "X-Content-Type-Options": "nosniff",
};

export function jsonResponse(items: object[]): Response {
  const body = JSON.stringify({ generated_at: new Date().toISOString(), count: items.length, items }, null, 1);
  return new Response(body, { headers: { ...COMMON, "Content-Type": "application/json; charset=utf-8" } });
}

export function csvResponse<F extends string>(fileName: string, fields: readonly F[], items: Record<F, CsvValue>[]): Response {
  const body = toCsv(fields, items.map((item) => fields.map((f) => item[f])));
  return new Response(body, {
    headers: {
      ...COMMON,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
    },
  });
}
