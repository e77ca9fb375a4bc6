// Arrangement for the authorization matrix (authz-matrix.test.ts): every kind of record an action
// or a route can be pointed at, once on the actor's side (producer A, ward A, a round the council
// member sits on, a published record) and once outside it (producer B, ward B, a round of another
// council, a draft). Only preconditions are written here, straight to the database; every
// behaviour under test goes through the real actions and route handlers.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { addDays, vietnamDateOf, type IsoDate } from "@/lib/domain/dates";
import type { DossierStatus, IdeaStatus, PlanStatus, PublicationStatus, Role, TradeEventStatus, TrainingStatus } from "@/lib/generated/prisma/enums";
import { fileStorage } from "@/lib/storage";
import { tinyPng } from "../support/tiny-png";
import { actorOf } from "./act-as";
import { issuedCertificate } from "./certificate-fixtures";
import { buildDossier, buildRound } from "./dossier-fixtures";
import { db, makeWorld } from "./world";

export type Side = "in" | "out";
export const SIDES: readonly Side[] = ["in", "out"];

export type MatrixWorld = Awaited<ReturnType<typeof makeMatrixWorld>>;

const short = () => randomUUID().slice(0, 8);
const day = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);
export const today = () => vietnamDateOf(new Date());

/** An account that never signs in (no password to hash): a target of the admin's actions, a second council. */
export async function plainUser(tag: string, label: string, role: Role, extra: { wardId?: string; producerId?: string } = {}) {
  const user = await db.user.create({
    data: { name: `${label} ${tag}`, role, email: `authz-${short()}@test.ocop`, passwordHash: "not-a-hash", wardId: extra.wardId ?? null, producerId: extra.producerId ?? null },
  });
  return actorOf(user);
}

/** The world of tests/integration/world.ts plus a second council member (the "other council"). */
export async function makeMatrixWorld() {
  const w = await makeWorld();
  const councilB = await plainUser(w.tag, "Thành viên hội đồng B", "COUNCIL_MEMBER");
  const side = (s: Side) =>
    s === "in"
      ? { producer: w.producerA, producerId: w.producerA.id, wardId: w.wardA, producerUser: w.producerUserA, council: w.council }
      : { producer: w.producerB, producerId: w.producerB.id, wardId: w.wardB, producerUser: w.producerUserB, council: councilB };
  return { ...w, councilB, side };
}

// ---------------------------------------------------------------------------------------------
// Files

export const PNG = tinyPng();
export const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const bufferOf = (bytes: Uint8Array) => new Uint8Array(bytes).buffer as ArrayBuffer;
export const pngFile = (name = "anh.png") => new File([bufferOf(PNG)], name, { type: "image/png" });
export const pdfFile = (name = "tai-lieu.pdf") => new File([bufferOf(PDF)], name, { type: "application/pdf" });

/** FormData as the upload forms send it. */
export function formData(fields: Record<string, string | string[] | File>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (Array.isArray(v)) for (const item of v) data.append(k, item);
    else data.set(k, v);
  }
  return data;
}

/** A stored file attached to a record (bytes in the storage, row in Attachment). */
export async function attachFile(entityType: string, entityId: string, o: { purpose?: string; png?: boolean } = {}) {
  const bytes = o.png ? PNG : PDF;
  const stored = await fileStorage().put(bytes);
  return db.attachment.create({
    data: {
      entityType,
      entityId,
      purpose: o.purpose ?? "document",
      storageKey: stored.key,
      fileName: o.png ? "anh.png" : "tai-lieu.pdf",
      mime: o.png ? "image/png" : "application/pdf",
      size: stored.size,
      sha256: stored.sha256,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Ideas and plans (version 1 unless a draft: officials see a record from its first submission)

export async function idea(mw: MatrixWorld, s: Side, status: IdeaStatus) {
  return db.productIdea.create({
    data: {
      producerId: mw.side(s).producerId,
      cycleYear: 2026,
      status,
      productName: `Miến dong ${s} ${short()}`,
      criteriaSetNo: 1,
      version: status === "DRAFT" ? 0 : 1,
      submittedAt: status === "DRAFT" ? null : new Date(),
    },
  });
}

export async function plan(mw: MatrixWorld, s: Side, status: PlanStatus) {
  const accepted = await idea(mw, s, "ACCEPTED");
  const row = await db.businessPlan.create({
    data: {
      ideaId: accepted.id,
      producerId: accepted.producerId,
      status,
      standards: [],
      financials: [2026, 2027, 2028].map((year) => ({ year, revenue: null, cost: null, profit: null })),
      version: status === "DRAFT" ? 0 : 1,
      submittedAt: status === "DRAFT" ? null : new Date(),
    },
  });
  const milestone = await db.planMilestone.create({ data: { planId: row.id, title: "Đăng ký nhãn hiệu", dueOn: day(addDays(today(), 60)) } });
  const support = await db.supportActivity.create({ data: { planId: row.id, kind: "TRAINING", fundingSource: "CITY", date: day(today()) } });
  return { plan: row, ideaId: accepted.id, milestoneId: milestone.id, supportId: support.id };
}

export const financials = () => [2026, 2027, 2028].map((year) => ({ year, revenue: "", cost: "", profit: "" }));

// ---------------------------------------------------------------------------------------------
// Dossiers, rounds, results

/**
 * A round in scoring on each side: on "in" the world's council member chairs it (and, when
 * asked, the office's officer keeps the minutes as a non-scoring secretary); on "out" the other
 * council chairs it.
 */
export async function round(mw: MatrixWorld, s: Side, o: { officeSecretary?: boolean; minuteTaker?: boolean } = {}) {
  // As a minute-taker the council member sits on round A as its non-scoring secretary; another member chairs.
  const members: Parameters<typeof buildRound>[0]["members"] =
    o.minuteTaker && s === "in" ? [{ actor: mw.councilB, role: "CHAIR" }, { actor: mw.council, role: "SECRETARY", scores: false }] : [{ actor: mw.side(s).council, role: "CHAIR" }];
  if (o.officeSecretary && s === "in") members.push({ actor: mw.economicOffice, role: "SECRETARY", scores: false });
  return buildRound({ members });
}

export async function dossier(mw: MatrixWorld, s: Side, status: DossierStatus, roundId: string | null = null) {
  return buildDossier({ producerId: mw.side(s).producerId, status, roundId, productName: `Tinh bột nghệ ${s} ${short()}` });
}

/**
 * A dossier under scoring in a round of each side's council. `conflicted`: the council member has
 * declared an interest in dossier A (for them it does not exist); `minuteTaker`: they sit on round
 * A as its non-scoring secretary.
 */
export async function scoringDossier(mw: MatrixWorld, s: Side, o: { conflicted?: boolean; minuteTaker?: boolean } = {}) {
  const r = await round(mw, s, { minuteTaker: o.minuteTaker });
  const d = await dossier(mw, s, "COUNCIL_SCORING", r.id);
  if (o.conflicted && s === "in") await db.dossierConflict.create({ data: { dossierId: d.id, userId: mw.council.userId, source: "DECLARED", reason: "Người thân của chủ cơ sở" } });
  return { round: r, dossier: d };
}

export async function referral(mw: MatrixWorld, s: Side) {
  const r = await round(mw, s);
  const d = await dossier(mw, s, "SENT_TO_CENTRAL", r.id);
  const row = await db.referral.create({ data: { dossierId: d.id, fromLevel: "PROVINCE", toLevel: "CENTRAL", averageTotal: 91, sentOn: day(today()) } });
  return { round: r, dossier: d, referral: row };
}

export async function certificate(mw: MatrixWorld, s: Side) {
  return issuedCertificate({ producerId: mw.side(s).producerId, issuedOn: "2026-06-01", productName: `Trà hoa vàng ${s} ${short()}` });
}

/** A planned inspection of a certificate of the side's producer, with one photo of its findings. */
export async function inspection(mw: MatrixWorld, s: Side) {
  const { certificate: cert } = await certificate(mw, s);
  const row = await db.inspection.create({
    data: { certificateId: cert.id, producerId: cert.producerId, wardId: mw.side(s).wardId, kind: "PERIODIC", plannedOn: day(addDays(today(), 10)), team: "Phòng Kinh tế" },
  });
  const photo = await attachFile("Inspection", row.id, { png: true, purpose: "finding" });
  return { certificate: cert, inspection: row, photoId: photo.id };
}

// ---------------------------------------------------------------------------------------------
// Catalogue, places, trade, communication, training

export async function product(mw: MatrixWorld, s: Side) {
  // The world's tag in the search text: the products list and its export find them by it.
  const row = await db.product.create({
    data: { slug: `authz-${short()}`, producerId: mw.side(s).producerId, name: `Gạo nếp ${s} ${short()}`, criteriaSetNo: 7, searchText: `gao nep ${mw.tag}` },
  });
  const photo = await attachFile("Product", row.id, { png: true, purpose: "photo" });
  return { product: row, photoId: photo.id };
}

export async function area(mw: MatrixWorld, s: Side) {
  return db.rawMaterialArea.create({ data: { name: `Vùng nghệ ${s} ${short()}`, wardId: mw.side(s).wardId, areaHa: 5, kind: "CROP", subject: "Nghệ vàng" } });
}

export async function pointOfSale(mw: MatrixWorld, s: Side) {
  return db.pointOfSale.create({
    data: {
      trackingCode: `authz${randomUUID().replace(/-/g, "")}`,
      name: `Điểm bán ${s} ${short()}`,
      operatorName: "Hộ kinh doanh Hoàng Thị Lan",
      address: "Tổ 5, phường Đức Xuân",
      wardId: mw.side(s).wardId,
      locationKind: "MALL_SUPERMARKET_MARKET",
      contactName: "Hoàng Thị Lan",
      phone: "0912345678",
      totalItemCount: 100,
      ocopLocalItemCount: 70,
    },
  });
}

/** A fair three weeks ahead, open for registration. */
export async function tradeEvent(status: TradeEventStatus) {
  return db.tradeEvent.create({
    data: {
      slug: `authz-${short()}`,
      name: `Hội chợ OCOP ${short()}`,
      kind: "FAIR",
      level: "LOCAL",
      startsOn: day(addDays(today(), 20)),
      endsOn: day(addDays(today(), 22)),
      place: "Quảng trường thành phố",
      organiser: "Phòng Kinh tế",
      boothCapacity: 20,
      status,
    },
  });
}

export async function participant(mw: MatrixWorld, s: Side, eventId: string) {
  return db.eventParticipant.create({ data: { eventId, producerId: mw.side(s).producerId } });
}

/** A course a month ahead for everyone (producers and officials), with one handed-out material. */
export async function course(status: TrainingStatus) {
  const row = await db.trainingCourse.create({
    data: {
      title: `Lớp tập huấn OCOP ${short()}`,
      audience: "ALL",
      startsOn: day(addDays(today(), 30)),
      endsOn: day(addDays(today(), 31)),
      place: "Hội trường UBND thành phố",
      capacity: 60,
      status,
    },
  });
  const material = await attachFile("TrainingCourse", row.id, { purpose: "material" });
  return { course: row, materialId: material.id };
}

export async function giftSet(published: boolean) {
  return db.giftSet.create({ data: { slug: `authz-${short()}`, name: `Bộ quà Tết ${short()}`, published, publishedAt: published ? new Date() : null } });
}

export async function news(status: PublicationStatus) {
  const row = await db.newsArticle.create({
    data: { slug: `authz-${short()}`, title: `Tin OCOP ${short()}`, summary: "Tóm tắt tin", body: "Nội dung bài viết về chương trình OCOP.", status, publishedAt: status === "PUBLISHED" ? new Date() : null },
  });
  const cover = await attachFile("NewsArticle", row.id, { png: true, purpose: "photo" });
  return db.newsArticle.update({ where: { id: row.id }, data: { coverPhotoId: cover.id } });
}

export async function libraryDocument(status: PublicationStatus) {
  const row = await db.libraryDocument.create({ data: { title: `Hướng dẫn OCOP ${short()}`, kind: "GUIDANCE", issuer: "UBND tỉnh", status } });
  const file = await attachFile("LibraryDocument", row.id);
  return db.libraryDocument.update({ where: { id: row.id }, data: { fileId: file.id } });
}

export async function notification(userId: string) {
  return db.notification.create({ data: { userId, kind: "ideaSubmitted", params: { name: "Miến dong", producer: "HTX" }, href: "/ideas" } });
}

/**
 * The annual plan of a cycle of its own (a year no cycle had: the shared database holds other
 * files' cycles), with a target, a budget line and an activity.
 */
export async function annualPlan() {
  const cycle = await freeCycle();
  const plan = await db.annualPlan.create({ data: { cycleId: cycle.id, title: `Kế hoạch thực hiện Chương trình OCOP năm ${cycle.year}` } });
  const target = await db.annualTarget.create({ data: { annualPlanId: plan.id, kind: "IDEAS", quantity: 20 } });
  const line = await db.annualBudgetLine.create({ data: { annualPlanId: plan.id, source: "CITY", description: "Tập huấn xây dựng hồ sơ", amount: 50_000_000n } });
  const activity = await db.annualActivity.create({
    data: { annualPlanId: plan.id, stepNo: 1, title: "Tuyên truyền Chương trình OCOP", owner: "Phòng Kinh tế", startsOn: day(`${cycle.year}-03-01` as IsoDate), endsOn: day(`${cycle.year}-03-31` as IsoDate) },
  });
  return { year: cycle.year, plan, targetId: target.id, lineId: line.id, activityId: activity.id };
}

export async function freeCycle() {
  let year = 2031 + Math.floor(Math.random() * 69);
  while (await db.ocopCycle.findUnique({ where: { year } })) year = year === 2099 ? 2031 : year + 1;
  return db.ocopCycle.create({ data: { year, title: `Chu trình OCOP năm ${year}` } });
}

// ---------------------------------------------------------------------------------------------
// What lies outside the actor's scope: it must come out of every forged call unchanged.

/**
 * Everything of producer B, ward B, producer B's user and the other council's rounds, with the
 * columns a write would change. Files run one after another, so nothing else writes meanwhile.
 */
export async function outOfScopeSnapshot(mw: MatrixWorld) {
  const producerId = mw.producerB.id;
  const wardId = mw.wardB;
  const userId = mw.producerUserB.userId;
  const byId = { orderBy: { id: "asc" as const } };
  const rounds = await db.evaluationRound.findMany({ where: { members: { some: { userId: mw.councilB.userId } } }, select: { id: true, updatedAt: true, status: true }, ...byId });
  const roundIds = rounds.map((r) => r.id);
  const [producer, ideas, plans, dossiers, certificates, products, inspections, areas, pointsOfSale, participants, registrations, user, notifications, members, declarations] = await Promise.all([
    db.producer.findUniqueOrThrow({ where: { id: producerId } }),
    db.productIdea.findMany({ where: { producerId }, select: { id: true, status: true, updatedAt: true }, ...byId }),
    db.businessPlan.findMany({ where: { producerId }, select: { id: true, status: true, updatedAt: true, supports: { select: { id: true, status: true, updatedAt: true } } }, ...byId }),
    db.dossier.findMany({ where: { producerId }, select: { id: true, status: true, updatedAt: true, roundId: true }, ...byId }),
    db.certificate.findMany({ where: { producerId }, select: { id: true, status: true, updatedAt: true }, ...byId }),
    db.product.findMany({ where: { producerId }, select: { id: true, updatedAt: true, coverPhotoId: true }, ...byId }),
    db.inspection.findMany({ where: { OR: [{ producerId }, { wardId }] }, select: { id: true, status: true, updatedAt: true }, ...byId }),
    db.rawMaterialArea.findMany({ where: { wardId }, select: { id: true, updatedAt: true }, ...byId }),
    db.pointOfSale.findMany({ where: { wardId }, select: { id: true, status: true, updatedAt: true }, ...byId }),
    db.eventParticipant.findMany({ where: { producerId }, select: { id: true, status: true, updatedAt: true }, ...byId }),
    db.trainingRegistration.findMany({ where: { OR: [{ producerId }, { userId }] }, select: { id: true, status: true, updatedAt: true }, ...byId }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { updatedAt: true, isActive: true, sessionVersion: true, locale: true } }),
    db.notification.findMany({ where: { userId }, select: { id: true, readAt: true }, ...byId }),
    db.councilMember.findMany({ where: { roundId: { in: roundIds } }, select: { id: true, userId: true, role: true, scores: true }, ...byId }),
    db.conflictDeclaration.findMany({ where: { OR: [{ roundId: { in: roundIds } }, { producerId }, { wardId }] }, select: { id: true }, ...byId }),
  ]);
  // Files of those records (and any file producer B's user uploaded).
  const entityIds = [producerId, ...ideas, ...plans, ...dossiers, ...products, ...inspections].map((r) => (typeof r === "string" ? r : r.id));
  const attachments = await db.attachment.findMany({ where: { OR: [{ entityId: { in: entityIds } }, { uploadedById: userId }] }, select: { id: true, deletedAt: true }, ...byId });
  return { producer, ideas, plans, dossiers, certificates, products, inspections, areas, pointsOfSale, participants, registrations, user, notifications, rounds, members, declarations, attachments };
}

/** The ids of every record in a snapshot: an audit entry of a forged call must name none of them. */
export function idsOf(snapshot: Awaited<ReturnType<typeof outOfScopeSnapshot>>): Set<string> {
  const ids = new Set<string>([snapshot.producer.id]);
  for (const list of Object.values(snapshot)) if (Array.isArray(list)) for (const r of list as { id: string }[]) ids.add(r.id);
  return ids;
}

export type { Actor };
