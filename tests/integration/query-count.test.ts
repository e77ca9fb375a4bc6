// No N+1: the data functions behind the list and detail pages send the same number of SQL
// statements whether they show 3 rows or 30. Each case measures with 3 rows, adds 27 more and
// measures again; the exact count is pinned too, so a new query on a page is a deliberate change.
// Prisma 7 sends one batched statement per relation level (WHERE id IN (…)), hence counts above 2.
import { recordQueries } from "./query-counter"; // first: lib/db must get the counting client
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { findCatalogueProduct, searchCatalogue } from "@/lib/db/catalogue";
import { listCertificates } from "@/lib/db/certificates";
import { findDossier, listDossiers } from "@/lib/db/dossiers";
import { listPublicEvents } from "@/lib/db/events";
import { listApprovedPointsOfSale } from "@/lib/db/points-of-sale";
import { findOwnSheet, pinnedSheet, readCouncilSheets, scoringContext } from "@/lib/db/scoring";
import { productSearchText, searchTerms } from "@/lib/domain/catalogue";
import { addDays, vietnamDateOf } from "@/lib/domain/dates";
import { answersWithTotal, sheetData } from "./council-fixtures";
import { buildDossier, buildRound } from "./dossier-fixtures";
import { extraUser } from "./helpers";
import { db, makeWorld } from "./world";

const today = vietnamDateOf(new Date());
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
let ward: { id: string; name: string };
let producerId: string;
let decisionId: string;

beforeAll(async () => {
  w = await makeWorld();
  // A ward of this file's own, so ward filters see only the rows made here.
  ward = await db.adminUnit.create({ data: { code: `QC${w.tag}`, name: `Phường Đếm ${w.tag}`, kind: "WARD" }, select: { id: true, name: true } });
  producerId = (await db.producer.create({
    data: { type: "COOPERATIVE", name: `HTX Đếm ${w.tag}`, legalRepName: "Nguyễn Văn An", legalRepGender: "MALE", address: ward.name, wardId: ward.id, verificationStatus: "VERIFIED" },
  })).id;
  decisionId = (await db.decision.create({
    data: { kind: "RECOGNITION", number: `${w.tag}/QĐ-ĐẾM`, signedOn: day(addDays(today, -30)), signerName: "Nguyễn Văn An", signerTitle: "Chủ tịch UBND tỉnh", level: "PROVINCE" },
  })).id;
});

let seq = 0;
/** A product of the catalogue with its recognised dossier and active certificate. */
async function certifiedProduct(label: string) {
  const n = ++seq;
  const name = `${label} ${n}`;
  const dossier = await buildDossier({ producerId, status: "RECOGNISED", productName: name });
  const product = await db.product.create({
    data: {
      slug: `dem-${w.tag}-${n}`, producerId, name, criteriaSetNo: 7,
      searchText: productSearchText({ productName: name, producerName: `HTX Đếm ${w.tag}`, wardName: ward.name }),
    },
  });
  // The trigger on Certificate copies star, state and dates onto the product.
  await db.certificate.create({
    data: {
      number: `${n}/2026/QC-${w.tag}`, verifyCode: `qc${w.tag}${randomUUID().replace(/-/g, "")}`, dossierId: dossier.id, producerId,
      productName: name, criteriaSetNo: 7, star: 3 + (n % 2), level: "PROVINCE", ruleSetCode: "QD26_2026", averageTotal: 75,
      issuedOn: day(addDays(today, -30)), expiresOn: day(addDays(today, 1000)), decisionId, productId: product.id,
    },
  });
  return product;
}

/** Runs `measure` with 3 rows, grows the data to 30 and runs it again: same statements, same count. */
async function sameCountAt3And30<T>(o: { grow: (from: number, to: number) => Promise<void>; measure: () => Promise<T>; rows: (r: T) => number; expected: number }) {
  await o.grow(0, 3);
  // Once unmeasured: lib/db keeps some reference rows in memory after their first read (the
  // criteria sheets), as a running server would have.
  await o.measure();
  const small = await recordQueries(o.measure);
  await o.grow(3, 30);
  const large = await recordQueries(o.measure);
  // The rows really grew (else equal counts would prove nothing)…
  expect(o.rows(small.result)).toBe(3);
  expect(o.rows(large.result)).toBeGreaterThan(3);
  // …and the statements did not.
  const list = (qs: { query: string }[]) => qs.map((q) => q.query.slice(0, 160)).join("\n");
  expect(large.queries.length, `with 30:\n${list(large.queries)}\nwith 3:\n${list(small.queries)}`).toBe(small.queries.length);
  expect(small.queries.length, small.queries.map((q) => q.query).join("\n")).toBe(o.expected);
}

const times = async (from: number, to: number, fn: (i: number) => Promise<unknown>) => {
  for (let i = from; i < to; i++) await fn(i);
};

describe("query counts do not grow with the rows shown", () => {
  it("catalogue search: one page query and one count", async () => {
    const label = `Miến Kỳ${w.tag}`;
    await sameCountAt3And30({
      grow: (a, b) => times(a, b, () => certifiedProduct(label)),
      measure: () => searchCatalogue({ terms: searchTerms(`mien ky${w.tag}`), sort: "newest", page: 1 }, today),
      rows: (r) => r.rows.length,
      expected: 2,
    });
  });

  it("product page: the product with its points of sale, fairs and raw-material areas, then its photos", async () => {
    const product = await certifiedProduct(`Trang ${w.tag}`);
    const event = async (i: number) => db.tradeEvent.create({
      data: {
        slug: `qc-${w.tag}-${i}`, name: `Hội chợ ${i}`, kind: "FAIR", level: "PROVINCIAL", startsOn: day(addDays(today, 10 + i)), endsOn: day(addDays(today, 12 + i)),
        place: "Nhà văn hóa", organiser: "Sở Công Thương", boothCapacity: 50, status: "PUBLISHED",
        participants: { create: { producerId: (await db.producer.create({ data: { type: "FARM", name: `Trại ${w.tag} ${i}`, legalRepName: "Lê Thị Hoa", legalRepGender: "FEMALE", address: "x", wardId: ward.id } })).id, status: "CONFIRMED", products: { connect: { id: product.id } } } },
      },
    });
    await sameCountAt3And30({
      grow: (a, b) => times(a, b, async (i) => {
        await db.pointOfSale.create({
          data: {
            trackingCode: `qc${w.tag}p${i}${randomUUID().slice(0, 8)}`, name: `Điểm ${i}`, operatorName: "HTX", address: "Số 1", wardId: ward.id, locationKind: "OTHER",
            contactName: "An", phone: "0912000000", totalItemCount: 50, ocopLocalItemCount: 40, status: "APPROVED", products: { create: { productId: product.id } },
          },
        });
        await event(i);
        await db.rawMaterialArea.create({ data: { name: `Vùng ${i}`, wardId: ward.id, areaHa: 3, kind: "CROP", subject: "Dong riềng", products: { connect: { id: product.id } } } });
        await db.attachment.create({ data: { entityType: "Product", entityId: product.id, purpose: "photo", storageKey: `qc-${w.tag}-${i}-${randomUUID()}`, fileName: `${i}.jpg`, mime: "image/jpeg", size: 1, sha256: "0" } });
      }),
      measure: () => findCatalogueProduct(product.slug, today),
      rows: (p) => Math.min(p!.pointsOfSale.length, p!.eventEntries.length, p!.rawMaterialAreas.length, p!.photos.length),
      // Prisma reads each relation level in one batched query (no joins): 15 for the product, 1 for photos.
      expected: 16,
    });
  });

  it("the Economic Office's dossier queue (/dossiers?status=FORWARDED)", async () => {
    const label = `Hồ sơ ${w.tag}`;
    await sameCountAt3And30({
      grow: (a, b) => times(a, b, async (i) => {
        const d = await buildDossier({ producerId, status: "FORWARDED", productName: `${label} ${i}` });
        // Intake flags read each row's evidence: it must come in one query for the page.
        const file = await db.attachment.create({ data: { entityType: "Dossier", entityId: d.id, storageKey: `qc-d-${d.id}`, fileName: "attp.pdf", mime: "application/pdf", size: 1, sha256: "0" } });
        await db.dossierEvidence.create({ data: { dossierId: d.id, attachmentId: file.id, kind: "FOOD_SAFETY_CERTIFICATE", title: "Giấy ATTP", expiresOn: day(addDays(today, 400)) } });
      }),
      measure: () => listDossiers(w.economicOffice, { status: "FORWARDED", q: label }),
      rows: (r) => r.rows.length,
      expected: 7,
    });
  });

  it("the certificate list", async () => {
    const label = `Chứng nhận ${w.tag}`;
    await sameCountAt3And30({
      grow: (a, b) => times(a, b, () => certifiedProduct(label)),
      measure: () => listCertificates(w.economicOffice, { q: label }, today),
      rows: (r) => r.rows.length,
      expected: 6,
    });
  });

  it("the public points of sale, each with the listed products it carries", async () => {
    const products = [await certifiedProduct(`Bày bán ${w.tag}`), await certifiedProduct(`Bày bán ${w.tag}`)];
    await sameCountAt3And30({
      grow: (a, b) => times(a, b, (i) => db.pointOfSale.create({
        data: {
          trackingCode: `qc${w.tag}s${i}${randomUUID().slice(0, 8)}`, name: `Cửa hàng ${i}`, operatorName: "HTX", address: "Số 2", wardId: ward.id, locationKind: "TOURIST_SITE",
          contactName: "Bình", phone: "0912000001", totalItemCount: 50, ocopLocalItemCount: 40, status: "APPROVED",
          products: { create: products.map((p) => ({ productId: p.id, hasOcopStamp: true })) },
        },
      })),
      measure: () => listApprovedPointsOfSale({ wardIds: [ward.id] }),
      // Points made by the product-page case sit in the same ward: count this case's own.
      rows: (r) => r.rows.filter((p) => p.name.startsWith("Cửa hàng ")).length,
      expected: 5,
    });
  });

  it("the public events calendar with each event's confirmed participants", async () => {
    const tag = `Lịch ${w.tag}`;
    await sameCountAt3And30({
      grow: (a, b) => times(a, b, async (i) => {
        const p = await db.producer.create({ data: { type: "FARM", name: `Trại lịch ${w.tag} ${i}`, legalRepName: "Lê Thị Hoa", legalRepGender: "FEMALE", address: "x", wardId: ward.id } });
        await db.tradeEvent.create({
          data: {
            slug: `qc-lich-${w.tag}-${i}`, name: `${tag} ${i}`, kind: "FESTIVAL", level: "LOCAL", startsOn: day(addDays(today, 3000 + i)), endsOn: day(addDays(today, 3001 + i)),
            place: "Quảng trường", organiser: "UBND", boothCapacity: 20, status: "PUBLISHED", participants: { create: { producerId: p.id, status: "CONFIRMED" } },
          },
        });
      }),
      measure: () => listPublicEvents({ past: false, pageSize: 1000 }),
      rows: (r) => r.rows.filter((e) => e.name.startsWith(tag)).length,
      expected: 2,
    });
  });

  it("a council member's scoring sheet (/evaluation/[dossierId]) with 3 and 30 members and documents", async () => {
    const sheet = await sheetData(7);
    /** What the scoring page loads for a member whose own sheet is in (app/(portal)/evaluation/[dossierId]/page.tsx). */
    const loadPage = async (actor: Actor, dossierId: string) => {
      const dossier = (await findDossier(actor, dossierId))!;
      const [pinned, context, own] = await Promise.all([pinnedSheet(dossier), scoringContext(dossier), findOwnSheet(actor, dossier)]);
      const council = await readCouncilSheets(actor, dossier);
      return { pinned, context, own, council };
    };
    const councilOf = async (size: number) => {
      const members: Actor[] = [];
      for (let i = 0; i < size; i++) members.push(await extraUser(w.tag, `Hội đồng ${size}-${i}`, "COUNCIL_MEMBER"));
      const round = await buildRound({ members: members.map((actor, i) => ({ actor, role: i === 0 ? "CHAIR" : "MEMBER" })) });
      const d = await buildDossier({ producerId, status: "COUNCIL_SCORING", roundId: round.id, productName: `Phiếu ${w.tag} ${size}` });
      await db.scoreSheet.createMany({
        data: members.map((m, i) => ({ dossierId: d.id, userId: m.userId, answers: answersWithTotal(sheet, 80 + (i % 10)), status: "SUBMITTED" as const, total: 80 + (i % 10), submittedAt: new Date() })),
      });
      for (let i = 0; i < size; i++) {
        const file = await db.attachment.create({ data: { entityType: "Dossier", entityId: d.id, storageKey: `qc-e-${d.id}-${i}`, fileName: `${i}.pdf`, mime: "application/pdf", size: 1, sha256: "0" } });
        await db.dossierEvidence.create({ data: { dossierId: d.id, attachmentId: file.id, kind: "TEST_RESULTS", title: `Kết quả ${i}`, itemCodes: ["1"] } });
      }
      return { chair: members[0]!, dossierId: d.id };
    };
    // Two dossiers rather than one grown: the council of a round is fixed once scoring starts.
    const small = await councilOf(3);
    const large = await councilOf(30);
    await loadPage(small.chair, small.dossierId); // warm, as above
    const a = await recordQueries(() => loadPage(small.chair, small.dossierId));
    const b = await recordQueries(() => loadPage(large.chair, large.dossierId));
    expect(a.result.council.sheets).toHaveLength(3);
    expect(b.result.council.sheets).toHaveLength(30);
    expect(b.result.context.evidence).toHaveLength(30);
    expect(b.queries.length, b.queries.map((q) => q.query).join("\n")).toBe(a.queries.length);
    expect(a.queries.length, a.queries.map((q) => q.query).join("\n")).toBe(23);
  });
});
