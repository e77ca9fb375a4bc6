import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, type Action, type Resource } from "@/lib/auth/policy";
import { getActor } from "@/lib/auth/session";
import { prisma, type Tx } from "@/lib/db/client";
import { vietnamDateOf } from "@/lib/domain/dates";
import { formatDateTime } from "@/lib/i18n/format";
import { translatorFor } from "@/lib/i18n/translate";
import type { SearchParams } from "@/lib/validation/search-params";
import { EXPORT_BATCH_ROWS, EXPORT_MAX_ROWS } from "./limits";
import { xlsxResponse } from "./response";
import { buildXlsx, type Column } from "./xlsx";

// The Excel export of a portal list (issue 6 part 5). Each list declares how it reads its filters
// from the URL (the very function its page uses), how it counts and reads its rows (the list's own
// where-builder and order from lib/db, without the page), and its columns. This module does the
// rest the same way for all of them: session, policy, the row bound, a consistent read, the file.

/** Keys are built from enum values (status names…), so the translator takes any string. */
export type ExportTranslator = (key: string, values?: Record<string, string | number>) => string;

export function exportTranslator(locale = "vi"): ExportTranslator {
  const t = translatorFor(locale);
  return (key, values) => t(key as never, values as never);
}

/** What a list's export reads: defined once per list in lib/export/lists. */
export type ExportSource<F, R> = {
  /** The list page's own policy check: the export is allowed exactly where the list is. */
  action: Action;
  resource: Resource;
  count: (db: Tx, actor: Actor, f: F) => Promise<number>;
  /** One batch of rows in the list's order; each batch loads its relations in a few queries, never one per row. */
  rows: (db: Tx, actor: Actor, f: F, skip: number, take: number) => Promise<R[]>;
  /** Sheet name, title, file name and columns; `filters` describes the active filters for the subtitle. */
  describe: (t: ExportTranslator, actor: Actor, f: F, db: Tx) => Promise<ExportDescription<R>> | ExportDescription<R>;
};

export type ExportDescription<R> = {
  sheetName: string;
  title: string;
  fileName: string;
  /** Human words for each active filter, e.g. "trạng thái Đã phê duyệt", "chu trình năm 2026". */
  filters: string[];
  columns: Column<R>[];
};

/** A URL's query as Next.js hands it to a page: a repeated key is an array. */
export function searchParamsOf(url: URL): SearchParams {
  const out: SearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

export type ExportResult<R> = { kind: "rows"; rows: R[]; description: ExportDescription<R>; scope: string } | { kind: "tooMany"; total: number };

/** Who the rows are about: the city, the officer's ward or the producer, named from the session. */
async function scopeLabel(t: ExportTranslator, actor: Actor, db: Tx): Promise<string> {
  if (actor.role === "WARD_OFFICER" && actor.wardId) {
    const ward = await db.adminUnit.findUnique({ where: { id: actor.wardId }, select: { name: true } });
    return t("reports.export.scopeWard", { ward: ward?.name ?? "—" });
  }
  if (actor.role === "PRODUCER" && actor.producerId) {
    const producer = await db.producer.findUnique({ where: { id: actor.producerId }, select: { name: true } });
    return t("reports.export.scopeProducer", { producer: producer?.name ?? "—" });
  }
  return t("reports.export.scopeCity");
}

/**
 * Every row of the filtered list, read in batches inside one repeatable-read transaction, so the
 * count, the batches and their relations all see the same moment even while others write.
 */
export async function readExport<F, R>(spec: ExportSource<F, R>, actor: Actor, f: F, t: ExportTranslator = exportTranslator()): Promise<ExportResult<R>> {
  return prisma.$transaction(
    async (db) => {
      const total = await spec.count(db, actor, f);
      if (total > EXPORT_MAX_ROWS) return { kind: "tooMany", total } as const;
      const rows: R[] = [];
      for (let skip = 0; skip < total; skip += EXPORT_BATCH_ROWS) {
        const batch = await spec.rows(db, actor, f, skip, Math.min(EXPORT_BATCH_ROWS, total - skip));
        rows.push(...batch);
        if (batch.length < EXPORT_BATCH_ROWS) break;
      }
      // One connection: its queries go one after another.
      const description = await spec.describe(t, actor, f, db);
      const scope = await scopeLabel(t, actor, db);
      return { kind: "rows", rows, description, scope } as const;
    },
    { isolationLevel: "RepeatableRead", maxWait: 10_000, timeout: 120_000 },
  );
}

/** The workbook of an export that fitted. */
export async function exportWorkbook<R>(t: ExportTranslator, result: Extract<ExportResult<R>, { kind: "rows" }>, now: Date = new Date()): Promise<Buffer> {
  const d = result.description;
  const subtitle = [
    result.scope,
    ...(d.filters.length ? [t("reports.export.filteredBy", { filters: d.filters.join("; ") })] : []),
    t("reports.export.rowCount", { count: result.rows.length }),
    t("reports.export.madeAt", { time: formatDateTime(now) }),
  ].join(" · ");
  return buildXlsx({ sheetName: d.sheetName, title: d.title, subtitle, columns: d.columns, rows: result.rows });
}

/**
 * The route handler of a list export. Signed out: to sign-in and back. Refused by the list's
 * policy: 404, as the list page answers. Past EXPORT_MAX_ROWS: 413 with the advice to filter.
 */
export async function listExportResponse<F, R>(
  request: Request,
  spec: ExportSource<F, R>,
  /** The list page's own parser of its URL (the same function the page calls). */
  filters: (sp: SearchParams, actor: Actor) => F | Promise<F>,
): Promise<Response> {
  const url = new URL(request.url);
  const actor = await getActor();
  if (!actor) return signInRedirect(url);
  const t = exportTranslator();
  if (!can(actor, spec.action, spec.resource)) return plain(404, t("reports.export.notFound"));
  const f = await filters(searchParamsOf(url), actor);
  const result = await readExport(spec, actor, f, t);
  if (result.kind === "tooMany") return plain(413, t("reports.export.tooMany", { count: result.total, max: EXPORT_MAX_ROWS }));
  const now = new Date();
  const file = await exportWorkbook(t, result, now);
  return xlsxResponse(file, `${result.description.fileName}-${vietnamDateOf(now)}`);
}

/** A signed-out visitor goes to sign-in and comes back to the same export afterwards. */
export function signInRedirect(url: URL): Response {
  const back = `/login?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`;
  return new Response(null, { status: 303, headers: { Location: back, "Cache-Control": "private, no-store" } });
}

export function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });
}
