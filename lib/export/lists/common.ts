import "server-only";
import type { Tx } from "@/lib/db/client";
import type { ExportTranslator } from "../run";

/** Words for the active filters: each present value becomes "Label: value", absent ones nothing. */
export function described(parts: (string | false | null | undefined | 0)[]): string[] {
  return parts.filter((p): p is string => typeof p === "string" && p.length > 0);
}

/** "Xã, phường: …" of a ward filter, by the ward's name. */
export async function wardFilter(t: ExportTranslator, db: Tx, wardId: string | undefined): Promise<string | null> {
  if (!wardId) return null;
  const ward = await db.adminUnit.findUnique({ where: { id: wardId }, select: { name: true } });
  return t("reports.export.filter.ward", { ward: ward?.name ?? wardId });
}

export const searchFilter = (t: ExportTranslator, q: string | undefined) => (q ? t("reports.export.filter.search", { q }) : null);

/** A column's header from the shared column names. */
export const h = (t: ExportTranslator, key: string) => t(`reports.export.columns.${key}`);
