import "server-only";
import { prisma, type Tx } from "./client";

/** Years with an OCOP cycle, newest first (reference data every signed-in role may read). */
export async function listCycleYears(): Promise<number[]> {
  const rows = await prisma.ocopCycle.findMany({ orderBy: { year: "desc" }, select: { year: true } });
  return rows.map((r) => r.year);
}

export async function cycleExists(db: Tx, year: number): Promise<boolean> {
  return (await db.ocopCycle.count({ where: { year } })) > 0;
}
