// The public catalogue on a real database: search without diacritics, filters and sorts, the
// listing rule as certificates are revoked or expire, the product page, the producer's profile
// editor (scope, version, photos), the open data files and the demo data.
import { readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { removeProductPhoto, saveProductProfile, setProductCover, uploadProductPhoto } from "@/lib/actions/products";
import { revokeCertificate } from "@/lib/actions/certificates";
import { catalogueFilterOptions, criteriaSetsOfGroup, findCatalogueProduct, listFeaturedProducts, searchCatalogue, sitemapProducts, type CatalogueQuery } from "@/lib/db/catalogue";
import { displayStatus, findCertificateForVerification, issueCertificate } from "@/lib/db/certificates";
import { catalogueProductFor, findProductProfile, listProductProfiles } from "@/lib/db/products";
import { findPublicFile } from "@/lib/db/public-files";
import { searchTerms } from "@/lib/domain/catalogue";
import { addDays, addMonths, vietnamDateOf } from "@/lib/domain/dates";
import { runCertificateSweep } from "@/lib/jobs/certificate-sweep";
import { GET as productsCsv } from "@/app/api/open-data/products.csv/route";
import { GET as productsJson } from "@/app/api/open-data/products.json/route";
import { GET as pointsOfSaleCsv } from "@/app/api/open-data/points-of-sale.csv/route";
import { buildProducer } from "@/prisma/seed/builders";
import { seedDemoCertificates } from "@/prisma/seed/demo-evaluation";
import { seedDemoCatalogue } from "@/prisma/seed/demo-catalogue";
import { actAs } from "./act-as";
import { issuedCertificate } from "./certificate-fixtures";
import { buildDossier } from "./dossier-fixtures";
import { extraProducer, extraUser, ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
const today = vietnamDateOf(new Date());
/** Issued so that today is `daysBeforeExpiry` days before the certificate's last valid day. */
const issuedFor = (daysBeforeExpiry: number) => addMonths(addDays(today, daysBeforeExpiry), -36);

beforeAll(async () => {
  w = await makeWorld();
});

/** A recognised product: a certificate (fixture) and its catalogue product, as issueCertificate links them. */
async function recognised(producerId: string, name: string, o: { star?: number; issuedOn?: string; criteriaSetNo?: number } = {}) {
  const { certificate, dossier } = await issuedCertificate({ producerId, issuedOn: o.issuedOn ?? issuedFor(400), star: o.star ?? 4, productName: name });
  if (o.criteriaSetNo) await db.dossier.update({ where: { id: dossier.id }, data: { criteriaSetNo: o.criteriaSetNo } });
  const productId = await db.$transaction((tx) =>
    catalogueProductFor(tx, { producerId, productName: name, criteriaSetNo: o.criteriaSetNo ?? certificate.criteriaSetNo, previousCertificateId: null }),
  );
  await db.certificate.update({ where: { id: certificate.id }, data: { productId } });
  const product = await db.product.findUniqueOrThrow({ where: { id: productId } });
  return { certificate, product };
}

const query = (q: string, extra: Partial<CatalogueQuery> = {}): CatalogueQuery => ({ terms: searchTerms(q), sort: "newest", page: 1, ...extra });
const slugsOf = async (q: CatalogueQuery, day = today) => (await searchCatalogue(q, day)).rows.map((r) => r.slug);

describe("search", () => {
  it("finds a product typed without diacritics, by its name, its producer or its ward", async () => {
    const { product } = await recognised(w.producerA.id, `Miến dong Tài Hoan ${w.tag}`);
    expect(product).toMatchObject({ star: 4, certificateStatus: "ACTIVE" });
    for (const q of [`mien dong ${w.tag}`, `MIẾN DONG tài hoan ${w.tag}`, `${w.tag} dong`, `htx a ${w.tag} mien`, `${w.tag} duc xuan mien dong tai`]) {
      expect(await slugsOf(query(q)), q).toEqual([product.slug]);
    }
    expect(await slugsOf(query(`mien ga ${w.tag}`))).toEqual([]);
    // The home page and the sitemap read the same listing (other test files add products too,
    // so the home page's newest 48 need not include this one, but must all be listed).
    const listed = new Set((await sitemapProducts()).map((p) => p.slug));
    expect(listed.has(product.slug)).toBe(true);
    const featured = await listFeaturedProducts(48);
    expect(featured.length).toBeGreaterThan(0);
    expect(featured.filter((p) => !listed.has(p.slug))).toEqual([]);
  });
});

describe("filters, sorts and pages", () => {
  let tag: string;
  let p3: { slug: string }, p4: { slug: string }, p5: { slug: string };
  let household: { producer: { id: string; name: string } };

  beforeAll(async () => {
    tag = `loc${randomUUID().slice(0, 6)}`;
    household = await extraProducer(tag, "Hộ Lò Văn", w.wardB);
    p3 = (await recognised(w.producerA.id, `Bánh gio ${tag}`, { star: 3, issuedOn: issuedFor(300), criteriaSetNo: 6 })).product;
    p4 = (await recognised(household.producer.id, `Trà Shan tuyết ${tag}`, { star: 4, issuedOn: issuedFor(600), criteriaSetNo: 11 })).product;
    p5 = (await recognised(w.producerB.id, `Ấm trà ${tag}`, { star: 5, issuedOn: issuedFor(500), criteriaSetNo: 21 })).product;
  });

  it("filters by star, product group, ward and producer type", async () => {
    expect(await slugsOf(query(tag, { star: 4 }))).toEqual([p4.slug]);
    const { categories } = await catalogueFilterOptions();
    // Category I (food) covers sets 1–13; group I.5 (tea) covers 11 and 12; IV.1 (handicraft) is set 21.
    expect(criteriaSetsOfGroup(categories, "I.5")).toEqual([11, 12]);
    expect(criteriaSetsOfGroup(categories, "nope")).toBeUndefined();
    expect(new Set(await slugsOf(query(tag, { criteriaSetNos: criteriaSetsOfGroup(categories, "I") })))).toEqual(new Set([p3.slug, p4.slug]));
    expect(await slugsOf(query(tag, { criteriaSetNos: criteriaSetsOfGroup(categories, "IV.1") }))).toEqual([p5.slug]);
    expect(await slugsOf(query(tag, { criteriaSetNos: [] }))).toEqual([]);
    expect(await slugsOf(query(tag, { wardCodes: ["01840"] }))).toEqual([p3.slug]);
    expect(new Set(await slugsOf(query(tag, { wardCodes: ["01852"] })))).toEqual(new Set([p4.slug, p5.slug]));
    expect(await slugsOf(query(tag, { producerType: "HOUSEHOLD_BUSINESS" }))).toEqual([p4.slug]);
    expect(await slugsOf(query(tag, { producerType: "COOPERATIVE", wardCodes: ["01852"] }))).toEqual([p5.slug]);
  });

  it("sorts by newest recognition, stars, or name A–Z, and pages through", async () => {
    // Newest issue first: p4 (600 days before expiry) was issued latest, then p5, then p3.
    expect(await slugsOf(query(tag))).toEqual([p4.slug, p5.slug, p3.slug]);
    expect(await slugsOf(query(tag, { sort: "stars" }))).toEqual([p5.slug, p4.slug, p3.slug]);
    // "Ấm" folds to "am" and sorts first, as in the Vietnamese alphabet (not after "Z").
    expect(await slugsOf(query(tag, { sort: "name" }))).toEqual([p5.slug, p3.slug, p4.slug]);
    const page2 = await searchCatalogue(query(tag, { pageSize: 2, page: 2 }), today);
    expect(page2).toMatchObject({ total: 3, rows: [{ slug: p3.slug, producerName: `HTX A ${w.tag}`, producerType: "COOPERATIVE", wardName: "Phường Đức Xuân" }] });
    const page1 = await searchCatalogue(query(tag, { pageSize: 2 }), today);
    expect(page1.rows[0]).toMatchObject({ slug: p4.slug, producerName: household.producer.name, producerType: "HOUSEHOLD_BUSINESS", wardName: "Xã Nông Thượng", star: 4 });
  });
});

describe("the listing follows the certificate at once", () => {
  const revocation = (certificateId: string, number: string) => ({
    certificateId,
    ground: "C",
    decisionNumber: number,
    decidedOn: today,
    signerName: "Nguyễn Văn An",
    signerTitle: "Chủ tịch Ủy ban nhân dân tỉnh",
    note: "Biên bản kiểm tra: mẫu sản phẩm không đạt chỉ tiêu an toàn thực phẩm.",
  });

  it("a revoked product leaves the catalogue and its page says revoked", async () => {
    const { certificate, product } = await recognised(w.producerA.id, `Mật ong rừng ${w.tag}`);
    expect(await slugsOf(query(`mat ong rung ${w.tag}`))).toEqual([product.slug]);
    actAs(w.economicOffice);
    ok(await revokeCertificate(revocation(certificate.id, `${w.tag}/QĐ-TH-SP`)));
    actAs(null);
    expect(await slugsOf(query(`mat ong rung ${w.tag}`))).toEqual([]);
    expect((await listFeaturedProducts(48)).map((p) => p.slug)).not.toContain(product.slug);
    expect((await sitemapProducts()).map((p) => p.slug)).not.toContain(product.slug);

    const page = await findCatalogueProduct(product.slug, today);
    expect(page).toMatchObject({ name: `Mật ong rừng ${w.tag}`, certificate: { status: "REVOKED", revocationGround: "C", revocationDecision: { number: `${w.tag}/QĐ-TH-SP` } } });
    expect(displayStatus(page!.certificate, today)).toBe("REVOKED");
    // The verification page links back to the product.
    expect((await findCertificateForVerification(certificate.verifyCode))?.product?.slug).toBe(product.slug);
  });

  it("an expired one leaves it the day after its last valid day, before and after the sweep", async () => {
    const lastDayToday = await recognised(w.producerA.id, `Gạo nếp hôm nay ${w.tag}`, { issuedOn: issuedFor(0) });
    const pastLastDay = await recognised(w.producerA.id, `Gạo nếp hôm qua ${w.tag}`, { issuedOn: issuedFor(-1) });
    expect(pastLastDay.product.certificateStatus).toBe("ACTIVE");
    expect(await slugsOf(query(`gao nep ${w.tag}`))).toEqual([lastDayToday.product.slug]);
    // Tomorrow the first one is out too.
    expect(await slugsOf(query(`gao nep ${w.tag}`), addDays(today, 1))).toEqual([]);
    await runCertificateSweep(today);
    expect(await db.product.findUniqueOrThrow({ where: { id: pastLastDay.product.id } })).toMatchObject({ certificateStatus: "EXPIRED" });
    expect(await slugsOf(query(`gao nep ${w.tag}`))).toEqual([lastDayToday.product.slug]);
    const page = await findCatalogueProduct(pastLastDay.product.slug, today);
    expect(displayStatus(page!.certificate, today)).toBe("EXPIRED");
  });

  it("a re-evaluation's certificate keeps the same product, page and address", async () => {
    const name = `Trà giảo cổ lam ${w.tag}`;
    const decision = (n: string, signedOn: string) => db.decision.create({ data: { kind: "RECOGNITION", number: `${w.tag}/${n}`, signedOn: new Date(`${signedOn}T00:00:00Z`), signerName: "Nguyễn Văn An", signerTitle: "Chủ tịch UBND tỉnh", level: "PROVINCE" } });
    const first = await buildDossier({ producerId: w.producerA.id, status: "RECOGNISED", productName: name });
    const d1 = await decision("QĐ-1", issuedFor(150));
    const c1 = await db.$transaction((tx) =>
      issueCertificate(tx, w.economicOffice, { dossier: { ...first, previousCertificateId: null }, star: 3, level: "PROVINCE", averageTotal: 65, decision: d1 }),
    );
    const product = await db.product.findFirstOrThrow({ where: { certificates: { some: { id: c1.id } } } });
    expect(product).toMatchObject({ certificateId: c1.id, star: 3 });

    const renewal = await buildDossier({ producerId: w.producerA.id, status: "RECOGNISED", productName: `${name} túi lọc`, evaluationType: "RE_EVALUATION" });
    const d2 = await decision("QĐ-2", today);
    const c2 = await db.$transaction((tx) =>
      issueCertificate(tx, w.economicOffice, { dossier: { ...renewal, previousCertificateId: c1.id }, star: 4, level: "PROVINCE", averageTotal: 78, decision: d2 }),
    );
    const after = await db.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(after).toMatchObject({ slug: product.slug, certificateId: c2.id, star: 4, certificateStatus: "ACTIVE", name: `${name} túi lọc` });
    expect(await db.product.count({ where: { producerId: w.producerA.id, name: { startsWith: name } } })).toBe(1);
    expect((await db.certificate.findUniqueOrThrow({ where: { id: c1.id } })).status).toBe("RENEWED");
    expect(await slugsOf(query(`giao co lam tui loc ${w.tag}`))).toEqual([product.slug]);
    expect((await findCatalogueProduct(product.slug, today))?.certificate.number).toBe(c2.number);
  });
});

describe("the product page", () => {
  it("shows only public places and upcoming fairs, and nothing for an unknown address", async () => {
    const { product } = await recognised(w.producerA.id, `Tinh bột nghệ ${w.tag}`);
    const pos = (status: "APPROVED" | "SUBMITTED", name: string) =>
      db.pointOfSale.create({
        data: {
          trackingCode: randomUUID(), name, operatorName: "Bưu điện", address: "Số 1 Trường Chinh", wardId: w.wardA, locationKind: "POST_OFFICE",
          contactName: "Chị Lan", phone: "0912345678", totalItemCount: 100, ocopLocalItemCount: 70, status,
          approvalDecisionNo: status === "APPROVED" ? `${w.tag}/QĐ-ĐB` : null, approvedOn: status === "APPROVED" ? new Date() : null,
          products: { create: { productId: product.id, hasOcopStamp: true } },
        },
      });
    await pos("APPROVED", `Điểm bán đã duyệt ${w.tag}`);
    await pos("SUBMITTED", `Điểm bán chờ duyệt ${w.tag}`);
    const event = (name: string, status: "PUBLISHED" | "DRAFT", endsOn: string, participant: "CONFIRMED" | "REGISTERED") =>
      db.tradeEvent.create({
        data: {
          slug: `hoi-cho-${randomUUID().slice(0, 8)}`, name, kind: "FAIR", level: "PROVINCIAL", startsOn: new Date(`${addDays(endsOn, -3)}T00:00:00Z`), endsOn: new Date(`${endsOn}T00:00:00Z`),
          place: "Quảng trường 19/8", organiser: "Sở Công Thương", boothCapacity: 50, status,
          participants: { create: { producerId: w.producerA.id, status: participant, products: { connect: { id: product.id } } } },
        },
      });
    await event(`Hội chợ sắp tới ${w.tag}`, "PUBLISHED", addDays(today, 20), "CONFIRMED");
    await event(`Hội chợ đã qua ${w.tag}`, "PUBLISHED", addDays(today, -1), "CONFIRMED");
    await event(`Hội chợ nháp ${w.tag}`, "DRAFT", addDays(today, 20), "CONFIRMED");
    await event(`Hội chợ chưa xác nhận ${w.tag}`, "PUBLISHED", addDays(today, 20), "REGISTERED");
    await db.rawMaterialArea.create({
      data: { name: `Vùng nghệ ${w.tag}`, wardId: w.wardA, areaHa: "12.50", kind: "CROP", subject: "Nghệ vàng", standard: "VIETGAP", products: { connect: { id: product.id } } },
    });

    const page = await findCatalogueProduct(product.slug, today);
    expect(page!.pointsOfSale.map((p) => p.pointOfSale.name)).toEqual([`Điểm bán đã duyệt ${w.tag}`]);
    expect(page!.eventEntries.map((e) => e.event.name)).toEqual([`Hội chợ sắp tới ${w.tag}`]);
    expect(page!.rawMaterialAreas.map((a) => [a.name, a.areaHa.toNumber(), a.ward.name])).toEqual([[`Vùng nghệ ${w.tag}`, 12.5, "Phường Đức Xuân"]]);
    expect(page!.certificate.decision).toMatchObject({ signerName: "Nguyễn Văn An" });
    expect(await findCatalogueProduct("khong-co-san-pham-nay", today)).toBeNull();
    expect(await findCatalogueProduct("../../etc/passwd", today)).toBeNull();
  });
});

describe("the producer's product profile", () => {
  const profile = (productId: string, version: string, extra: Record<string, unknown> = {}) => ({
    productId,
    version,
    summary: "Miến dong sợi dai, không chất tẩy trắng.",
    story: "Đoạn một.\n\nĐoạn hai.",
    packaging: "Gói 500 g",
    priceFromVnd: "65.000",
    qualitySystems: ["VIETGAP", "HACCP"],
    ecommerceLinks: [{ platform: "Postmart", url: "https://postmart.vn/mien-dong" }],
    livestreams: [{ title: "Phiên Tết", startsAt: "2026-12-20T20:00", url: "https://facebook.com/htx/live" }],
    website: "",
    ...extra,
  });
  const version = async (id: string) => (await db.product.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();

  it("is edited by its producer and the office, never through another producer or a forged owner", async () => {
    const { product } = await recognised(w.producerA.id, `Miến dong hồ sơ ${w.tag}`);
    actAs(w.producerUserA);
    const saved = ok(await saveProductProfile({ ...profile(product.id, await version(product.id)), producerId: w.producerB.id, star: 5 }));
    const row = await db.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(row).toMatchObject({ producerId: w.producerA.id, star: 4, priceFromVnd: BigInt(65_000), qualitySystems: ["VIETGAP", "HACCP"], website: null });
    expect(row.livestreams).toEqual([{ title: "Phiên Tết", startsAt: "2026-12-20T13:00:00.000Z", url: "https://facebook.com/htx/live" }]);
    expect(saved.version).toBe(row.updatedAt.toISOString());
    expect(await db.auditEntry.count({ where: { action: "product.editProfile", entityId: product.id } })).toBe(1);

    // A save from a form loaded before that one is a conflict, not an overwrite.
    actAs(w.economicOffice);
    expect(await saveProductProfile(profile(product.id, product.updatedAt.toISOString(), { summary: "cũ" }))).toMatchObject({ ok: false, code: "CONFLICT" });
    ok(await saveProductProfile(profile(product.id, saved.version, { summary: "Phòng Kinh tế sửa" })));

    actAs(w.producerUserB);
    expect(await saveProductProfile(profile(product.id, await version(product.id)))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    actAs(w.wardOfficerA);
    expect(await saveProductProfile(profile(product.id, await version(product.id)))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    for (const who of [w.leader, w.council, w.communications]) {
      actAs(who);
      expect((await saveProductProfile(profile(product.id, await version(product.id)))).ok, who.role).toBe(false);
    }
    actAs(null);
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ summary: "Phòng Kinh tế sửa" });
  });

  it("takes only http(s) links", async () => {
    const { product } = await recognised(w.producerA.id, `Trà ${w.tag} liên kết`);
    actAs(w.producerUserA);
    const result = await saveProductProfile(profile(product.id, await version(product.id), { website: "javascript:alert(1)", ecommerceLinks: [{ platform: "Voso", url: "data:text/html,x" }] }));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { website: ["catalogue.urlInvalid"], "ecommerceLinks.0.url": ["catalogue.urlInvalid"] } });
    actAs(null);
  });

  it("lists what each actor looks after", async () => {
    const a = await recognised(w.producerA.id, `Danh sách ${w.tag} A`);
    const b = await recognised(w.producerB.id, `Danh sách ${w.tag} B`);
    const names = async (who: typeof w.economicOffice) => (await listProductProfiles(who, { q: `danh sach ${w.tag}` }, today)).rows.map((r) => r.name).sort();
    expect(await names(w.producerUserA)).toEqual([a.product.name]);
    expect(await names(w.producerUserB)).toEqual([b.product.name]);
    expect(await names(w.wardOfficerA)).toEqual([a.product.name]);
    expect(await names(w.economicOffice)).toEqual([a.product.name, b.product.name].sort());
    expect(await names(w.council)).toEqual([]);
    expect(await findProductProfile(w.producerUserB, a.product.id)).toBeNull();
    expect(await findProductProfile(w.wardOfficerA, a.product.id)).not.toBeNull();
    // "To complete": listed, without a summary or a photo.
    expect((await listProductProfiles(w.producerUserA, { q: `danh sach ${w.tag}`, state: "incomplete" }, today)).rows.map((r) => r.name)).toEqual([a.product.name]);
  });

  it("adds photos (images only), sets the cover and removes one without a version conflict", async () => {
    const { product } = await recognised(w.producerA.id, `Ảnh ${w.tag}`);
    const loadedVersion = await version(product.id);
    const file = (name: string, bytes: Uint8Array, type: string) => new File([new Uint8Array(bytes)], name, { type });
    const png = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, "../fixtures/san-pham.png")));
    const pdf = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, "../fixtures/giay-chung-nhan.pdf")));
    const upload = (f: File, productId = product.id) => {
      const data = new FormData();
      data.set("productId", productId);
      data.set("file", f);
      return uploadProductPhoto(data);
    };
    actAs(w.producerUserA);
    const first = ok(await upload(file("anh-1.png", png, "image/png")));
    expect(first.cover).toBe(true);
    const second = ok(await upload(file("anh-2.png", png, "image/png")));
    expect(second.cover).toBe(false);
    // A PDF renamed to .jpg is read by its content and refused.
    expect(await upload(file("anh.jpg", pdf, "image/jpeg"))).toMatchObject({ ok: false, code: "FILE_TYPE_NOT_ALLOWED" });
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).coverPhotoId).toBe(first.id);
    expect(await findPublicFile(first.id)).toMatchObject({ mime: "image/png" });

    ok(await setProductCover({ productId: product.id, attachmentId: second.id }));
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).coverPhotoId).toBe(second.id);
    // The profile text saved from the form loaded before the photos is not a conflict.
    ok(await saveProductProfile(profile(product.id, loadedVersion)));

    ok(await removeProductPhoto({ productId: product.id, attachmentId: second.id }));
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).coverPhotoId).toBe(first.id);
    expect(await findPublicFile(second.id)).toBeNull();
    expect((await findCatalogueProduct(product.slug, today))!.photos.map((p) => p.id)).toEqual([first.id]);

    // Another producer's product, or a photo of another product, is not found.
    const other = await recognised(w.producerB.id, `Ảnh khác ${w.tag}`);
    expect(await setProductCover({ productId: other.product.id, attachmentId: first.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await upload(file("anh-3.png", png, "image/png"), other.product.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    actAs(w.producerUserB);
    expect(await setProductCover({ productId: other.product.id, attachmentId: first.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await removeProductPhoto({ productId: product.id, attachmentId: first.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    actAs(w.wardOfficerA);
    expect(await removeProductPhoto({ productId: product.id, attachmentId: first.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(null);
  });
});

describe("open data", () => {
  it("lists only listed products, as CSV with a BOM and as JSON", async () => {
    const listed = await recognised(w.producerA.id, `Dữ liệu mở, "có ngoặc" ${w.tag}`);
    const revoked = await recognised(w.producerA.id, `Dữ liệu mở thu hồi ${w.tag}`);
    await db.certificate.update({ where: { id: revoked.certificate.id }, data: { status: "REVOKED" } });
    await recognised(w.producerA.id, `Dữ liệu mở hết hạn ${w.tag}`, { issuedOn: issuedFor(-2) });

    const csv = await productsCsv();
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="san-pham-ocop\.csv"$/);
    expect(csv.headers.get("cache-control")).toContain("max-age=300");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("url,name,producer,producer_type,producer_type_name,ward,ward_code,criteria_set,criteria_set_name,star,certificate_number,issued_on,expires_on");
    const mine = lines.filter((l) => l.includes("Dữ liệu mở") && l.includes(w.tag));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain(`/products/${listed.product.slug},"Dữ liệu mở, ""có ngoặc"" ${w.tag}",HTX A ${w.tag},COOPERATIVE,Hợp tác xã,Phường Đức Xuân,01840,`);
    expect(mine[0]).toContain(`,4,${listed.certificate.number},${listed.certificate.issuedOn.toISOString().slice(0, 10)},`);

    const json = (await (await productsJson()).json()) as { count: number; items: { name: string; star: number }[] };
    expect(json.items.filter((i) => i.name.includes(`Dữ liệu mở`) && i.name.includes(w.tag))).toEqual([expect.objectContaining({ name: listed.product.name, star: 4 })]);
    expect(json.count).toBe(json.items.length);
  });

  it("lists approved points of sale with how many listed products each carries", async () => {
    const { product } = await recognised(w.producerA.id, `Sản phẩm điểm bán ${w.tag}`);
    const lapsed = await recognised(w.producerA.id, `Sản phẩm điểm bán hết hạn ${w.tag}`, { issuedOn: issuedFor(-3) });
    for (const status of ["APPROVED", "SUBMITTED", "REFUSED"] as const) {
      await db.pointOfSale.create({
        data: {
          trackingCode: randomUUID(), name: `=Điểm ${status} ${w.tag}`, operatorName: "HTX", address: "Tổ 1", wardId: w.wardA, locationKind: "TOURIST_SITE",
          contactName: "Anh Minh", phone: "0912345678", totalItemCount: 50, ocopLocalItemCount: 40, status,
          approvalDecisionNo: status === "APPROVED" ? `${w.tag}/QĐ-UBND` : null, approvedOn: status === "APPROVED" ? new Date(`${today}T00:00:00Z`) : null,
          products: { create: [{ productId: product.id }, { productId: lapsed.product.id }] },
        },
      });
    }
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await (await pointsOfSaleCsv()).arrayBuffer()));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const mine = text.split("\r\n").filter((l) => l.includes("Điểm ") && l.includes(`${w.tag}/QĐ-UBND`));
    // A name starting with "=" is written so a spreadsheet shows it as text, never runs it.
    expect(mine).toEqual([`'=Điểm APPROVED ${w.tag},Tổ 1,Phường Đức Xuân,01840,TOURIST_SITE,"Khu, điểm du lịch; nhà hàng, khách sạn",0912345678,,${w.tag}/QĐ-UBND,${today},1`]);
  });
});

describe("demo data", () => {
  it("makes recognised products with their certificates once, findable without diacritics", async () => {
    // The demo producers it builds on, without their accounts (demo accounts would receive
    // other test files' notifications), and the two earlier certificates.
    const wards = new Map((await db.adminUnit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]));
    const demo = [
      ["4700000001", "HTX Nông nghiệp Tân Thành", "01852"],
      ["4700000002", "HTX Dương Quang", "01849"],
      ["4700000003", "Công ty CP Curcumin Bắc Hà", "01852"],
      ["4700000004", "HTX Tân Dân", "01840"],
    ] as const;
    for (const [taxCode, name, ward] of demo) await buildProducer(db, { taxCode, name, type: "COOPERATIVE", wardId: wards.get(ward)! });
    await seedDemoCertificates(db);
    await seedDemoCatalogue(db);
    const counts = async () => [await db.product.count(), await db.certificate.count(), await db.decision.count(), await db.attachment.count({ where: { entityType: "Product" } }), await db.rawMaterialArea.count()];
    const first = await counts();
    await seedDemoCatalogue(db);
    await seedDemoCertificates(db);
    expect(await counts()).toEqual(first);

    // With its ward in the words: other test files add many "Miến dong Tài Hoan số N" elsewhere.
    const found = (await searchCatalogue(query("mien dong tai hoan xuat hoa"), today)).rows;
    expect(found.map((r) => [r.name, r.star, r.producerName])).toContainEqual(["Miến dong Tài Hoan", 5, "HTX Tài Hoan"]);
    const page = await findCatalogueProduct(found.find((r) => r.name === "Miến dong Tài Hoan")!.slug, today);
    expect(page).toMatchObject({ qualitySystems: ["VIETGAP", "HACCP", "TRACEABILITY"], certificate: { level: "CENTRAL", star: 5 } });
    expect(page!.photos.length).toBe(2);
    expect(page!.rawMaterialAreas.map((a) => a.name)).toEqual(["Vùng trồng dong riềng đỏ Xuất Hóa"]);

    // The expired and the revoked products keep their pages, out of the catalogue.
    for (const [name, status] of [["Rượu chuối men lá Mạnh Minh", "EXPIRED"], ["Thịt lợn sấy Nà Pài", "REVOKED"]] as const) {
      const product = await db.product.findFirstOrThrow({ where: { name } });
      expect(product.certificateStatus, name).toBe(status);
      expect(await slugsOf(query(name))).toEqual([]);
      expect(displayStatus((await findCatalogueProduct(product.slug, today))!.certificate, today)).toBe(status);
    }
    // The two certificates of the evaluation demo have products too.
    expect(await db.certificate.count({ where: { productId: null, number: { in: ["012/2024/OCOP-06", "003/2025/OCOP-06"] } } })).toBe(0);
    expect(await db.certificate.count({ where: { number: { in: ["012/2024/OCOP-06", "003/2025/OCOP-06"] } } })).toBe(2);
    expect((await searchCatalogue(query("mien dong tan dan"), today)).rows.map((r) => r.name)).toEqual(["Miến dong Tân Dân"]);
    // The demo producer (tanthanh@ocop.demo) finds its product in the portal, profile filled in.
    const tanThanh = await db.producer.findUniqueOrThrow({ where: { taxCode: "4700000001" } });
    const actor = await extraUser(w.tag, "Chủ thể Tân Thành", "PRODUCER", { producerId: tanThanh.id });
    const own = (await listProductProfiles(actor, {}, today)).rows;
    expect(own.map((r) => [r.name, r.summary !== "", r.coverPhotoId !== null])).toEqual([["Tinh bột nghệ nếp đen Bắc Kạn", true, true]]);
  }, 120_000);
});
