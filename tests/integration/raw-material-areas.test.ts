// Raw-material areas (vùng nguyên liệu): a ward officer keeps their own ward's areas, the
// Economic Office the whole city's; links to producers and products stay within the actor's
// scope; an area still linked cannot be deleted; every change is audited.
import { randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { deleteRawMaterialArea, saveRawMaterialArea } from "@/lib/actions/raw-material-areas";
import { canCreateArea, findArea, listAreas, listLinkOptions } from "@/lib/db/raw-material-areas";
import { actAs } from "./act-as";
import { extraProducer, extraUser, ok, type World } from "./helpers";
import { db, makeWorld } from "./world";

let w: World;
let wardOfficerB: Actor;
let productA: string;
let productA2: string;
let productB: string;
let secondProducerA: { id: string };

/** A catalogue product as issuing a certificate makes it (only the precondition is written here). */
async function product(producerId: string, name: string) {
  const row = await db.product.create({ data: { slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${randomBytes(3).toString("hex")}`, producerId, name, criteriaSetNo: 7 } });
  return row.id;
}

beforeAll(async () => {
  w = await makeWorld();
  wardOfficerB = await extraUser(w.tag, "Cán bộ xã B", "WARD_OFFICER", { wardId: w.wardB });
  await db.producer.updateMany({ where: { id: { in: [w.producerA.id, w.producerB.id] } }, data: { verificationStatus: "VERIFIED" } });
  secondProducerA = (await extraProducer(w.tag, "Hộ Nông Văn Sáu", w.wardA)).producer;
  productA = await product(w.producerA.id, `Tinh bột nghệ nếp đỏ ${w.tag}`);
  productA2 = await product(secondProducerA.id, `Miến dong ${w.tag}`);
  productB = await product(w.producerB.id, `Trà giảo cổ lam ${w.tag}`);
});
beforeEach(() => actAs(null));

/** What the area form sends. */
function areaInput(over: Record<string, unknown> = {}) {
  return {
    name: `Vùng dong riềng đỏ ${w.tag}`,
    wardId: "",
    location: "Thôn Nà Pài",
    areaHa: "12,5",
    kind: "CROP",
    subject: "Dong riềng đỏ",
    standard: "VIETGAP",
    standardCertificateNo: "VietGAP-TT-15-06-0042",
    standardIssuer: "Tổ chức chứng nhận VietGAP",
    standardExpiresOn: "2027-06-30",
    note: "",
    producerIds: [] as string[],
    productIds: [] as string[],
    ...over,
  };
}

const rowOf = (id: string) => db.rawMaterialArea.findUniqueOrThrow({ where: { id }, include: { producers: { select: { id: true } }, products: { select: { id: true } } } });
const versionOf = async (id: string) => (await rowOf(id)).updatedAt.toISOString();

async function save(actor: Actor, input: Record<string, unknown>) {
  actAs(actor);
  const result = await saveRawMaterialArea(input);
  actAs(null);
  return result;
}

describe("raw-material areas", () => {
  it("a ward officer creates an area in their own ward; a wardId of another ward in the form is ignored", async () => {
    const { areaId } = ok(await save(w.wardOfficerA, areaInput({ wardId: w.wardB, producerIds: [w.producerA.id], productIds: [productA] })));
    const row = await rowOf(areaId);
    expect(row).toMatchObject({ wardId: w.wardA, standard: "VIETGAP", standardCertificateNo: "VietGAP-TT-15-06-0042", createdById: w.wardOfficerA.userId, location: "Thôn Nà Pài" });
    expect(row.areaHa.toString()).toBe("12.5");
    expect(row.standardExpiresOn).toEqual(new Date("2027-06-30T00:00:00Z"));
    expect(row.producers.map((p) => p.id)).toEqual([w.producerA.id]);
    expect(row.products.map((p) => p.id)).toEqual([productA]);
    expect(await db.auditEntry.findFirst({ where: { action: "rawMaterialArea.save", entityId: areaId } })).toMatchObject({ actorId: w.wardOfficerA.userId, before: null, after: { wardId: w.wardA, areaHa: 12.5 } });
    // The Economic Office hears of it.
    expect(await db.notification.findFirst({ where: { userId: w.economicOffice.userId, kind: "areas.noticeSaved", href: `/manage/raw-material-areas/${areaId}` } })).not.toBeNull();
  });

  it("another ward's officer cannot see, edit or delete the area (NOT_FOUND); the office edits it and may move it", async () => {
    const { areaId } = ok(await save(w.wardOfficerA, areaInput({ name: `Vùng nghệ nếp ${w.tag}` })));
    const version = await versionOf(areaId);
    expect(await findArea(wardOfficerB, areaId)).toBeNull();
    expect(await save(wardOfficerB, areaInput({ areaId, version, name: "Đổi tên trộm" }))).toEqual({ ok: false, code: "NOT_FOUND" });
    actAs(wardOfficerB);
    expect(await deleteRawMaterialArea({ areaId })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await rowOf(areaId)).name).toBe(`Vùng nghệ nếp ${w.tag}`);

    ok(await save(w.economicOffice, areaInput({ areaId, version, name: `Vùng nghệ nếp Nông Thượng ${w.tag}`, wardId: w.wardB, areaHa: "1.250,75" })));
    const moved = await rowOf(areaId);
    expect(moved).toMatchObject({ name: `Vùng nghệ nếp Nông Thượng ${w.tag}`, wardId: w.wardB });
    expect(moved.areaHa.toString()).toBe("1250.75");
    // Moved to ward B, the area now belongs to ward B's officer and no longer to ward A's.
    expect(await findArea(w.wardOfficerA, areaId)).toBeNull();
    expect(await findArea(wardOfficerB, areaId)).not.toBeNull();
    expect(await db.auditEntry.findFirst({ where: { action: "rawMaterialArea.save", entityId: areaId, actorId: w.economicOffice.userId } })).toMatchObject({
      before: { wardId: w.wardA, areaHa: "12.5" },
      after: { wardId: w.wardB, areaHa: 1250.75 },
    });
  });

  it("a ward officer editing their area cannot move it to another ward", async () => {
    const { areaId } = ok(await save(w.wardOfficerA, areaInput({ name: `Vùng chè ${w.tag}`, kind: "CROP" })));
    ok(await save(w.wardOfficerA, areaInput({ areaId, version: await versionOf(areaId), name: `Vùng chè Shan ${w.tag}`, wardId: w.wardB })));
    expect(await rowOf(areaId)).toMatchObject({ wardId: w.wardA, name: `Vùng chè Shan ${w.tag}` });
  });

  it("the office must choose a current ward; hectares follow Vietnamese writing; a standard needs its certificate", async () => {
    expect(await save(w.economicOffice, areaInput())).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { wardId: ["validation.choose"] } });
    expect(await save(w.economicOffice, areaInput({ wardId: "khong-co-phuong-nay" }))).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { wardId: ["validation.choose"] } });
    expect(await save(w.economicOffice, areaInput({ wardId: w.wardA, areaHa: "12.5" }))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { areaHa: ["areas.hectaresFormat"] } });
    expect(await save(w.economicOffice, areaInput({ wardId: w.wardA, areaHa: "0" }))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { areaHa: ["areas.hectaresRange"] } });
    expect(await save(w.economicOffice, areaInput({ wardId: w.wardA, standardCertificateNo: "", standardIssuer: "", standardExpiresOn: "" }))).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { standardCertificateNo: ["areas.certificateRequired"], standardIssuer: ["areas.certificateRequired"], standardExpiresOn: ["areas.certificateRequired"] },
    });
    // Without a standard, certificate details are not kept.
    const { areaId } = ok(await save(w.economicOffice, areaInput({ wardId: w.wardA, name: `Vùng chăn nuôi lợn đen ${w.tag}`, kind: "LIVESTOCK", standard: "NONE", areaHa: "8" })));
    expect(await rowOf(areaId)).toMatchObject({ standard: "NONE", standardCertificateNo: null, standardIssuer: null, standardExpiresOn: null });
  });

  it("links stay in scope: a ward officer cannot link another ward's producer, nor a product of a producer not linked", async () => {
    expect(await save(w.wardOfficerA, areaInput({ producerIds: [w.producerB.id] }))).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { producerIds: ["validation.invalid"] } });
    expect(await save(w.wardOfficerA, areaInput({ producerIds: [w.producerA.id], productIds: [productB] }))).toEqual({ ok: false, code: "VALIDATION", fieldErrors: { productIds: ["validation.invalid"] } });
    expect(await save(w.wardOfficerA, areaInput({ producerIds: [w.producerA.id], productIds: [productA2] }))).toEqual({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { productIds: ["areas.productOfUnlinkedProducer"] },
    });
    const options = await listLinkOptions(w.wardOfficerA);
    expect(options.producers.map((p) => p.id)).toEqual(expect.arrayContaining([w.producerA.id, secondProducerA.id]));
    expect(options.producers.map((p) => p.id)).not.toContain(w.producerB.id);
    expect(options.products.map((p) => p.id)).not.toContain(productB);
  });

  it("a link the office made to a producer of another ward survives a ward officer's save", async () => {
    const { areaId } = ok(await save(w.economicOffice, areaInput({ wardId: w.wardA, name: `Vùng liên kết hai xã ${w.tag}`, producerIds: [w.producerA.id, w.producerB.id], productIds: [productA, productB] })));
    // The ward officer's form shows only what is in their scope and unticks producer A's product.
    ok(await save(w.wardOfficerA, areaInput({ areaId, version: await versionOf(areaId), name: `Vùng liên kết hai xã ${w.tag}`, producerIds: [w.producerA.id], productIds: [] })));
    const row = await rowOf(areaId);
    expect(row.producers.map((p) => p.id).sort()).toEqual([w.producerA.id, w.producerB.id].sort());
    expect(row.products.map((p) => p.id)).toEqual([productB]);
  });

  it("deleting is refused while producers or products are linked, with the reason; once unlinked the area is deleted and audited", async () => {
    const { areaId } = ok(await save(w.wardOfficerA, areaInput({ name: `Vùng sẽ xóa ${w.tag}`, producerIds: [w.producerA.id], productIds: [productA] })));
    actAs(w.wardOfficerA);
    expect(await deleteRawMaterialArea({ areaId })).toEqual({ ok: false, code: "CONFLICT", fieldErrors: { _: ["areas.stillLinked"] } });
    expect(await db.rawMaterialArea.count({ where: { id: areaId } })).toBe(1);
    ok(await save(w.wardOfficerA, areaInput({ areaId, version: await versionOf(areaId), name: `Vùng sẽ xóa ${w.tag}`, producerIds: [w.producerA.id], productIds: [] })));
    actAs(w.wardOfficerA);
    expect(await deleteRawMaterialArea({ areaId })).toMatchObject({ ok: false, code: "CONFLICT" });
    ok(await save(w.wardOfficerA, areaInput({ areaId, version: await versionOf(areaId), name: `Vùng sẽ xóa ${w.tag}` })));
    actAs(w.wardOfficerA);
    ok(await deleteRawMaterialArea({ areaId }));
    expect(await db.rawMaterialArea.count({ where: { id: areaId } })).toBe(0);
    expect(await db.auditEntry.findFirst({ where: { action: "rawMaterialArea.delete", entityId: areaId } })).toMatchObject({ actorId: w.wardOfficerA.userId, before: { name: `Vùng sẽ xóa ${w.tag}`, wardId: w.wardA } });
  });

  it("a stale form is a CONFLICT", async () => {
    const { areaId, version } = ok(await save(w.wardOfficerA, areaInput({ name: `Vùng hai người sửa ${w.tag}` })));
    ok(await save(w.wardOfficerA, areaInput({ areaId, version, name: `Vùng hai người sửa ${w.tag}`, areaHa: "13" })));
    expect(await save(w.economicOffice, areaInput({ areaId, version, name: `Vùng hai người sửa ${w.tag}`, areaHa: "14" }))).toEqual({ ok: false, code: "CONFLICT" });
    expect((await rowOf(areaId)).areaHa.toString()).toBe("13");
  });

  it("lists are scoped and sorted by certificate expiry, soonest first, uncertified last", async () => {
    const q = `Xếp hạn ${w.tag}`;
    const mk = (name: string, standard: string, standardExpiresOn: string) =>
      save(w.wardOfficerA, areaInput({ name: `${q} ${name}`, standard, standardExpiresOn, standardCertificateNo: standard === "NONE" ? "" : "GCN-01", standardIssuer: standard === "NONE" ? "" : "Tổ chức chứng nhận" }));
    ok(await mk("muộn", "GLOBALGAP", "2029-01-01"));
    ok(await mk("không", "NONE", ""));
    ok(await mk("đã hết", "ORGANIC_VN", "2026-01-15"));
    ok(await mk("sớm", "VIETGAP", "2027-01-20"));
    const names = async (actor: Actor) => (await listAreas(actor, { q })).rows.map((r) => r.name.replace(`${q} `, ""));
    expect(await names(w.wardOfficerA)).toEqual(["đã hết", "sớm", "muộn", "không"]);
    expect(await names(w.economicOffice)).toEqual(["đã hết", "sớm", "muộn", "không"]);
    expect(await names(w.leader)).toHaveLength(4);
    expect(await names(wardOfficerB)).toEqual([]);
    for (const outsider of [w.producerUserA, w.communications, w.council]) expect(await listAreas(outsider, { q })).toEqual({ rows: [], total: 0 });
    expect((await listAreas(w.economicOffice, { q, wardId: w.wardB })).total).toBe(0);
    expect((await listAreas(w.economicOffice, { q, standard: "VIETGAP" })).rows.map((r) => r.name)).toEqual([`${q} sớm`]);
  });

  it("a producer, a leader and the communications centre cannot create or change areas (FORBIDDEN or NOT_FOUND by scope)", async () => {
    const { areaId, version } = ok(await save(w.wardOfficerA, areaInput({ name: `Vùng chỉ xã quản lý ${w.tag}` })));
    for (const outsider of [w.producerUserA, w.leader, w.communications]) {
      expect(canCreateArea(outsider)).toBe(false);
      expect(await save(outsider, areaInput({ wardId: w.wardA, name: `Vùng trái phép ${w.tag}` }))).toEqual({ ok: false, code: "FORBIDDEN" });
    }
    // A leader reads the area but may not change it; the others do not see it at all.
    expect(await save(w.leader, areaInput({ areaId, version, name: "Đổi tên" }))).toEqual({ ok: false, code: "FORBIDDEN" });
    for (const outsider of [w.producerUserA, w.communications]) {
      expect(await save(outsider, areaInput({ areaId, version, name: "Đổi tên" }))).toEqual({ ok: false, code: "NOT_FOUND" });
    }
    expect(await db.rawMaterialArea.count({ where: { name: `Vùng trái phép ${w.tag}` } })).toBe(0);
    expect((await rowOf(areaId)).name).toBe(`Vùng chỉ xã quản lý ${w.tag}`);
  });
});
