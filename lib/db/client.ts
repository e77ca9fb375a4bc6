import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// Always cached on globalThis: Next.js may load this module in several bundles of one process,
// and each copy must not open its own pool (toolchain.md §3.1).
const globalForPrisma = globalThis as unknown as { ocopPrisma?: PrismaClient };

export const prisma: PrismaClient = (globalForPrisma.ocopPrisma ??= new PrismaClient({
  adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: env.PG_POOL_MAX }),
}));

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
