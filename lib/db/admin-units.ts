import "server-only";
import { prisma } from "./client";

/** A ward's display name; administrative units are public reference data. */
export async function findWardName(id: string): Promise<string | null> {
  const unit = await prisma.adminUnit.findUnique({ where: { id }, select: { name: true } });
  return unit?.name ?? null;
}
