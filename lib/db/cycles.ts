import "server-only";
import { prisma } from "./client";

/** Years with an OCOP cycle, newest first (reference data every signed-in role may read). */
export async function listCycleYears(): Promise<number[]> {
  const rows = await prisma.ocopCycle.findMany({ orderBy: { year: "desc" }, select: { year: true } });
  return rows.map((r) => r.year);
}
