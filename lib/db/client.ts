import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// Always cached on globalThis: Next.js may load this module in several bundles of one process,
// and each copy must not open its own pool (toolchain.md §3.1).
const globalForPrisma = globalThis as unknown as { ocopPrisma?: PrismaClient };

function client(): PrismaClient {
  return (globalForPrisma.ocopPrisma ??= new PrismaClient({
    // A database host that silently drops traffic must not hang requests: give up connecting
    // after 10 s and the request fails with the friendly error page.
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: env.PG_POOL_MAX, connectionTimeoutMillis: 10_000 }),
  }));
}

// Created on first use, not at import: `next build` imports every route without a database.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, key) {
    const c = client();
    const value = Reflect.get(c, key, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
