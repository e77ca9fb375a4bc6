import "server-only";
import { ttlCache } from "@/lib/cache/ttl";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WardPlace } from "@/lib/domain/places";
import { prisma } from "./client";

/** A ward's display name; administrative units are public reference data. */
export async function findWardName(id: string): Promise<string | null> {
  const unit = await prisma.adminUnit.findUnique({ where: { id }, select: { name: true } });
  return unit?.name ?? null;
}

// The units a ward belongs to, up to its province: a ward's parent is its province, or (in the
// demo city and wherever the old tiers remain) a city whose parent is the province.
const UP_TO_REGION = { select: { code: true, name: true, parent: { select: { code: true, name: true } } } } as const;

/** A ward-level unit and its province; `retired` once a reorganisation merged it (validTo set). */
export type WardWithRegion = { id: string; code: string; name: string; regionCode: string | null; regionName: string | null; retired: boolean };

type UnitWithParents = { id: string; code: string; name: string; validTo: Date | null; parent: { code: string; name: string; parent: { code: string; name: string } | null } | null };

export function withRegion(u: UnitWithParents): WardWithRegion {
  const region = u.parent?.parent ?? u.parent;
  return { id: u.id, code: u.code, name: u.name, regionCode: region?.code ?? null, regionName: region?.name ?? null, retired: u.validTo !== null };
}

/** The select that withRegion reads. */
export const wardWithRegionSelect = { id: true, code: true, name: true, validTo: true, parent: UP_TO_REGION } as const;

// The map of wards changes with a reorganisation, a few times a decade; reading 3,500 units on
// every filtered page is not worth it. Each instance keeps it 10 minutes.
const allWards = ttlCache<WardWithRegion[]>({ ttlMs: 10 * 60_000, max: 1 });

/**
 * Every ward-level unit with its province, for filters (lib/domain/places.ts): the current ones
 * are offered; the retired ones still hold records (the 2025 reorganisation left them on the old
 * units), so a link to one of them still filters.
 */
export function listWardsWithRegion(): Promise<WardWithRegion[]> {
  return allWards("all", () =>
    prisma.adminUnit
      .findMany({ where: { kind: { in: ["WARD", "COMMUNE", "TOWNSHIP"] } }, orderBy: [{ name: "asc" }, { code: "asc" }], select: wardWithRegionSelect })
      .then((rows) => rows.map(withRegion)),
  );
}

/** Filter places whose value is the ward's id (portal lists) or its GSO code (public pages). */
export function wardPlaces(wards: readonly WardWithRegion[], by: "id" | "code"): WardPlace[] {
  return wards.map((w) => ({ value: by === "id" ? w.id : w.code, name: w.name, regionCode: w.regionCode, regionName: w.regionName, retired: w.retired }));
}

/** Wards of a province (by code): its own, and those of a city within it. */
export function wardInRegion(code: string): Prisma.AdminUnitWhereInput {
  return { OR: [{ parent: { code } }, { parent: { parent: { code } } }] };
}

/** A province's name by its code, when it has current wards (a filter's label). */
export async function findRegionName(code: string): Promise<string | null> {
  return (await listWardsWithRegion()).find((w) => w.regionCode === code)?.regionName ?? null;
}
