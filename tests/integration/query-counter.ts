// Counts the SQL statements the app's own client (lib/db/client.ts) sends. lib/db caches its
// client on globalThis and creates it on first use, so a test file that imports this module
// before calling any lib/db function hands lib/db a client that reports every query.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const cache = globalThis as unknown as { ocopPrisma?: PrismaClient };
export type Statement = { query: string; params: unknown[] };
let recording: Statement[] | null = null;

if (cache.ocopPrisma) throw new Error("query-counter must be imported before lib/db makes its client");
const client = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 4 }),
  log: [{ emit: "event", level: "query" }],
});
client.$on("query", (e) => recording?.push({ query: e.query, params: JSON.parse(e.params || "[]") as unknown[] }));
cache.ocopPrisma = client;

/** Runs fn and returns its result with the SQL statements (and their parameters) it sent through lib/db. */
export async function recordQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: Statement[] }> {
  if (recording) throw new Error("recordQueries does not nest");
  const queries: Statement[] = [];
  recording = queries;
  try {
    return { result: await fn(), queries };
  } finally {
    recording = null;
  }
}
