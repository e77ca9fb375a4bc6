import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { foldVietnamese, searchTerms } from "@/lib/domain/catalogue";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LibraryDocumentKind, PublicationStatus } from "@/lib/generated/prisma/enums";
import { checkUpload, type AllowedUploadMime } from "@/lib/storage/file-type";
import { storeAttachment, type PublicFileParentType } from "./attachments";
import { prisma, type Tx } from "./client";
import { likeLiteral } from "./like";

// The document library: the decisions, guidance and forms the programme works by (step 1). The
// Economic Office and the communications centre keep it; the public sees what is published.

export const DOCUMENT_PAGE_SIZE = 20;
export const DOCUMENT_DESK_PAGE_SIZE = 25;
export const LIBRARY_KIND_VALUES = ["LEGAL", "GUIDANCE", "FORM", "REPORT", "OTHER"] as const satisfies readonly LibraryDocumentKind[];

const PUBLISHED = { status: "PUBLISHED" } as const satisfies Prisma.LibraryDocumentWhereInput;

export function canManageDocuments(actor: Actor | null): boolean {
  return actor !== null && can(actor, "document.manage", { type: "publication" });
}

/**
 * Checks a file's type by its content against `accept` before storing it as an attachment, so a
 * refused file never reaches storage. storeAttachment checks size and content again.
 */
export async function storePublicFile(tx: Tx, actor: Actor, parent: { type: PublicFileParentType; id: string }, file: File, purpose: string, accept: readonly AllowedUploadMime[]) {
  const maxBytes = Math.floor(env.UPLOAD_MAX_MB * 1024 * 1024);
  if (file.size > maxBytes) throw new AppError("FILE_TOO_LARGE");
  const check = checkUpload({ bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name, maxBytes, accept });
  if (!check.ok) throw new AppError(check.code);
  return storeAttachment(tx, actor, parent, file, purpose);
}

const deskView = {
  id: true,
  title: true,
  number: true,
  issuedOn: true,
  issuer: true,
  kind: true,
  summary: true,
  fileId: true,
  status: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.LibraryDocumentSelect;

export type LibraryDocumentRecord = Prisma.LibraryDocumentGetPayload<{ select: typeof deskView }>;

/** A document as its editors load it (not scoped: the policy's document.manage decides). */
export async function loadLibraryDocument(db: Tx | typeof prisma, id: string): Promise<LibraryDocumentRecord | null> {
  return db.libraryDocument.findUnique({ where: { id }, select: deskView });
}

/** The document for the desk page, with its current file; null (404) for anyone else. */
export async function findDocumentForDesk(actor: Actor, id: string) {
  if (!canManageDocuments(actor)) return null;
  const doc = await prisma.libraryDocument.findUnique({ where: { id }, select: deskView });
  if (!doc) return null;
  const file = doc.fileId ? await prisma.attachment.findFirst({ where: { id: doc.fileId, deletedAt: null }, select: { id: true, fileName: true, size: true, mime: true } }) : null;
  return { ...doc, file };
}

/** The desk's list: drafts first, then by last change; counts per status. */
export async function listDocumentsForDesk(actor: Actor, f: { status?: PublicationStatus; kind?: LibraryDocumentKind; q?: string; page?: number }) {
  if (!canManageDocuments(actor)) return { rows: [], total: 0, counts: {} as Partial<Record<PublicationStatus, number>> };
  const page = Math.max(1, f.page ?? 1);
  const where: Prisma.LibraryDocumentWhereInput = {
    AND: [
      f.status ? { status: f.status } : {},
      f.kind ? { kind: f.kind } : {},
      f.q ? { OR: [{ title: { contains: likeLiteral(f.q), mode: "insensitive" } }, { number: { contains: likeLiteral(f.q), mode: "insensitive" } }] } : {},
    ],
  };
  const [rows, total, grouped] = await Promise.all([
    prisma.libraryDocument.findMany({
      where,
      orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
      skip: (page - 1) * DOCUMENT_DESK_PAGE_SIZE,
      take: DOCUMENT_DESK_PAGE_SIZE,
      select: { id: true, title: true, number: true, issuedOn: true, issuer: true, kind: true, status: true, fileId: true, updatedAt: true },
    }),
    prisma.libraryDocument.count({ where }),
    prisma.libraryDocument.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts: Partial<Record<PublicationStatus, number>> = {};
  for (const g of grouped) counts[g.status] = g._count._all;
  return { rows, total, counts };
}

const publicRow = { id: true, title: true, number: true, issuedOn: true, issuer: true, kind: true, summary: true, fileId: true } satisfies Prisma.LibraryDocumentSelect;
// Newest issue first; a document without a date (a form, an undated plan) after the dated ones.
const publicOrder: Prisma.LibraryDocumentOrderByWithRelationInput[] = [{ issuedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }];

/**
 * A city's library holds dozens of documents, at most a few hundred; this bound keeps a search
 * that folds text in the application (below) cheap even if it grows.
 */
const SEARCH_CEILING = 2000;

/**
 * Published documents, optionally of one kind and matching a search on title, number and issuer.
 * The search ignores case and Vietnamese diacritics on both sides ("quyet dinh 26" finds
 * "Quyết định 26/2026/QĐ-TTg", "qd-ttg" finds "QĐ-TTg") by folding with the catalogue's own
 * foldVietnamese, which PostgreSQL's ILIKE cannot do without the unaccent extension.
 */
export async function listPublishedDocuments(f: { kind?: LibraryDocumentKind; q?: string; page?: number }) {
  const page = Math.max(1, f.page ?? 1);
  const where: Prisma.LibraryDocumentWhereInput = { AND: [PUBLISHED, f.kind ? { kind: f.kind } : {}] };
  const terms = f.q ? searchTerms(f.q) : [];
  if (terms.length === 0) {
    const [rows, total] = await Promise.all([
      prisma.libraryDocument.findMany({ where, orderBy: publicOrder, skip: (page - 1) * DOCUMENT_PAGE_SIZE, take: DOCUMENT_PAGE_SIZE, select: publicRow }),
      prisma.libraryDocument.count({ where }),
    ]);
    return { rows: await withFiles(rows), total };
  }
  const candidates = await prisma.libraryDocument.findMany({ where, orderBy: publicOrder, take: SEARCH_CEILING, select: publicRow });
  const matching = candidates.filter((d) => {
    const haystack = foldVietnamese(`${d.title} ${d.number ?? ""} ${d.issuer}`);
    return terms.every((term) => haystack.includes(term));
  });
  return { rows: await withFiles(matching.slice((page - 1) * DOCUMENT_PAGE_SIZE, page * DOCUMENT_PAGE_SIZE)), total: matching.length };
}

/** The live file of each listed document, in one query for the page. */
async function withFiles<T extends { fileId: string | null }>(rows: T[]) {
  const ids = rows.flatMap((r) => (r.fileId ? [r.fileId] : []));
  const files = ids.length
    ? await prisma.attachment.findMany({ where: { id: { in: ids }, deletedAt: null }, select: { id: true, fileName: true, size: true, mime: true } })
    : [];
  const byId = new Map(files.map((f) => [f.id, f]));
  return rows.map((r) => ({ ...r, file: r.fileId ? (byId.get(r.fileId) ?? null) : null }));
}

/** Published documents, for the home page and the promotion desk. */
export async function countPublishedDocuments(): Promise<number> {
  return prisma.libraryDocument.count({ where: PUBLISHED });
}
