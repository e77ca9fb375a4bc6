// Monitoring after recognition (QĐ26 Art. 9): planning, editing, cancelling and concluding
// inspections through the server actions; scope (404 outside it), forged scope fields, the
// conclusion rules, version conflicts, photos under the inspection's read policy, and a
// revocation proposal that leads the certificate into revocation and the catalogue to "revoked".
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addDays, vietnamDateOf } from "@/lib/domain/dates";
import { actAs } from "./act-as";
import { issuedCertificate } from "./certificate-fixtures";
import { db, makeWorld } from "./world";
import { tinyPng } from "../support/tiny-png";

// Pages render here outside Next.js: translations from the catalogue, 404 as an error, and the
// client forms replaced by markers carrying the props the page gives them.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const { MESSAGES } = await import("@/lib/i18n/messages");
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh", messages: MESSAGES.vi as never, namespace: namespace as never }) };
});
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("@/components/inspections/conclude-form", async () => {
  const { createElement } = await import("react");
  return { ConcludeInspectionForm: (p: { kind: string; version: number }) => createElement("div", { "data-marker": "conclude-form", "data-kind": p.kind, "data-version": p.version }) };
});
vi.mock("@/components/inspections/plan-form", async () => {
  const { createElement } = await import("react");
  return { InspectionPlanForm: (p: { mode: string; certificateId?: string }) => createElement("div", { "data-marker": `plan-form-${p.mode}`, "data-certificate": p.certificateId }) };
});
vi.mock("@/components/inspections/cancel-inspection", async () => {
  const { createElement } = await import("react");
  return { CancelInspection: () => createElement("div", { "data-marker": "cancel-inspection" }) };
});
vi.mock("@/components/inspections/photo-controls", async () => {
  const { createElement } = await import("react");
  return { InspectionPhotoUpload: () => createElement("div", { "data-marker": "photo-upload" }), RemoveInspectionPhoto: () => createElement("div", { "data-marker": "photo-remove" }) };
});
vi.mock("@/components/certificates/revoke-form", async () => {
  const { createElement } = await import("react");
  return {
    RevokeForm: (p: { proposal: { revocationGround: string | null; findings: string } | null }) =>
      createElement("div", { "data-marker": "revoke-form", "data-ground": p.proposal?.revocationGround ?? "", "data-findings": p.proposal?.findings ?? "" }),
  };
});
vi.mock("@/components/certificates/renew-button", async () => {
  const { createElement } = await import("react");
  return { RenewButton: () => createElement("div", { "data-marker": "renew" }) };
});

// lib/env reads the environment once, on first use: the storage folder is set before any app
// module is loaded (they are imported below), so uploads do not land in the project's storage/.
const storageDir = mkdtempSync(path.join(os.tmpdir(), "ocop-inspections-test-"));
process.env.STORAGE_DIR = storageDir;

let actions: typeof import("@/lib/actions/inspections");
let attachmentActions: typeof import("@/lib/actions/attachments");
let certificates: typeof import("@/lib/actions/certificates");
let data: typeof import("@/lib/db/inspections");
let route: typeof import("@/app/api/files/[id]/route");
let h: typeof import("./helpers");

let w: Awaited<ReturnType<typeof makeWorld>>;
let wardOfficerB: Actor;
let office2: Actor;
const today = vietnamDateOf(new Date());
/** Issued this many days ago: well within its 36 months. */
const issued = (daysAgo = 400) => addDays(today, -daysAgo);

beforeAll(async () => {
  actions = await import("@/lib/actions/inspections");
  attachmentActions = await import("@/lib/actions/attachments");
  certificates = await import("@/lib/actions/certificates");
  data = await import("@/lib/db/inspections");
  route = await import("@/app/api/files/[id]/route");
  h = await import("./helpers");
  w = await makeWorld();
  wardOfficerB = await h.extraUser(w.tag, "Cán bộ xã B", "WARD_OFFICER", { wardId: w.wardB });
  // A second office account: the one acting is never notified of its own step.
  office2 = await h.extraUser(w.tag, "Chuyên viên Phòng Kinh tế", "ECONOMIC_OFFICE");
});
beforeEach(() => actAs(null));
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const CHECKED_ALL_MET = {
  criteriaMaintained: { result: "MET", note: "" },
  markUsedCorrectly: { result: "MET", note: "" },
  labelCorrect: { result: "MET", note: "" },
  advertisingCorrect: { result: "MET", note: "" },
};
const MARK_MISUSED = { ...CHECKED_ALL_MET, markUsedCorrectly: { result: "NOT_MET", note: "Tem OCOP 4 sao trên sản phẩm 3 sao" } };
const FINDINGS = "Biên bản số 15/BB-KT: 120 hộp dán tem OCOP 4 sao trong khi sản phẩm được công nhận 3 sao.";

async function certificateOf(producerId: string, productName = `Sản phẩm kiểm tra ${Math.random().toString(36).slice(2, 8)}`) {
  return (await issuedCertificate({ producerId, issuedOn: issued(), productName })).certificate;
}

async function plan(certificateId: string, extra: Record<string, unknown> = {}) {
  actAs(w.economicOffice);
  const r = h.ok(await actions.planInspection({ certificateId, kind: "PERIODIC", plannedOn: addDays(today, 10), team: "Hoàng Thị Lan, chuyên viên Phòng Kinh tế", ...extra }));
  actAs(null);
  return r;
}

const versionOf = async (id: string) => (await db.inspection.findUniqueOrThrow({ where: { id } })).version;

function conclusion(inspectionId: string, version: number, extra: Record<string, unknown> = {}) {
  return {
    inspectionId,
    version,
    inspectedOn: today,
    team: "Hoàng Thị Lan, chuyên viên Phòng Kinh tế\nLý Văn Nam, Chi cục Quản lý thị trường",
    checklist: CHECKED_ALL_MET,
    findings: "",
    conclusion: "COMPLIANT",
    followUp: "NONE",
    followUpNote: "",
    revocationGround: "",
    ...extra,
  };
}

describe("planning", () => {
  it("copies producer and ward from the certificate, ignoring forged ones, notifies the producer and its ward, and a second click finds the first", async () => {
    const cert = await certificateOf(w.producerA.id);
    actAs(w.economicOffice);
    const input = { certificateId: cert.id, kind: "AD_HOC", plannedOn: addDays(today, 5), team: "", producerId: w.producerB.id, wardId: w.wardB, status: "CONCLUDED" };
    const first = h.ok(await actions.planInspection(input));
    expect(first.created).toBe(true);
    const row = await db.inspection.findUniqueOrThrow({ where: { id: first.inspectionId } });
    expect(row).toMatchObject({ certificateId: cert.id, producerId: w.producerA.id, wardId: w.wardA, status: "PLANNED", kind: "AD_HOC", version: 0, createdById: w.economicOffice.userId });
    expect(h.ok(await actions.planInspection(input))).toEqual({ ...first, created: false });
    expect(await db.inspection.count({ where: { certificateId: cert.id } })).toBe(1);

    const href = `/inspections/${first.inspectionId}`;
    const notified = await h.notifiedUsers("inspectionNotices.planned", href);
    expect(notified).toEqual(expect.arrayContaining([w.producerUserA.userId, w.wardOfficerA.userId]));
    // Everyone else told is an officer of the same ward (other files add officers to ward A).
    const others = await db.user.findMany({ where: { id: { in: notified.filter((id) => id !== w.producerUserA.userId) } }, select: { role: true, wardId: true } });
    expect(others.every((u) => u.role === "WARD_OFFICER" && u.wardId === w.wardA)).toBe(true);
    const events = await db.statusEvent.findMany({ where: { entityType: "Inspection", entityId: first.inspectionId } });
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([["plan", null, "PLANNED"]]);
    // Both clicks are in the audit log; the second says it found the first.
    const audit = await db.auditEntry.findMany({ where: { action: "inspection.plan", entityId: first.inspectionId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.after)).toEqual([expect.objectContaining({ producerId: w.producerA.id, wardId: w.wardA }), { reused: true }]);
  });

  it("falls within the certificate's validity and needs a certificate in force", async () => {
    const cert = await certificateOf(w.producerA.id);
    actAs(w.economicOffice);
    expect(await actions.planInspection({ certificateId: cert.id, kind: "PERIODIC", plannedOn: addDays(issued(), -1) })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { plannedOn: ["inspections.beforeIssue"] } });
    expect(await actions.planInspection({ certificateId: cert.id, kind: "WEEKLY", plannedOn: "31/12/2026" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { kind: ["validation.choose"], plannedOn: ["validation.date"] } });
    await db.certificate.update({ where: { id: cert.id }, data: { status: "REVOKED" } });
    expect(await actions.planInspection({ certificateId: cert.id, kind: "PERIODIC", plannedOn: addDays(today, 3) })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    // Past its last day, even before the nightly sweep marks it expired.
    const old = (await issuedCertificate({ producerId: w.producerA.id, issuedOn: addDays(today, -1200) })).certificate;
    expect(await actions.planInspection({ certificateId: old.id, kind: "PERIODIC", plannedOn: addDays(today, -1190) })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await db.inspection.count({ where: { certificateId: { in: [cert.id, old.id] } } })).toBe(0);
  });

  it("is the office's alone: others in scope are refused, others out of scope get 404", async () => {
    const cert = await certificateOf(w.producerA.id);
    const input = { certificateId: cert.id, kind: "PERIODIC", plannedOn: addDays(today, 3) };
    for (const who of [w.wardOfficerA, w.producerUserA, w.leader, w.admin]) {
      actAs(who);
      expect(await actions.planInspection(input), who.role).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    for (const who of [w.producerUserB, wardOfficerB, w.council, w.communications]) {
      actAs(who);
      expect(await actions.planInspection(input), who.role).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    actAs(null);
    expect(await actions.planInspection(input)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await db.inspection.count({ where: { certificateId: cert.id } })).toBe(0);
  });
});

describe("scope", () => {
  it("the office, leaders and admins see every inspection; a ward its own; a producer its own; others get 404", async () => {
    const cert = await certificateOf(w.producerA.id);
    const { inspectionId } = await plan(cert.id);
    for (const who of [w.economicOffice, w.leader, w.admin, w.wardOfficerA, w.producerUserA]) {
      expect((await data.findInspection(who, inspectionId))?.id, who.role).toBe(inspectionId);
      expect((await data.listInspections(who, { certificateId: cert.id })).rows.map((r) => r.id), who.role).toEqual([inspectionId]);
    }
    for (const who of [wardOfficerB, w.producerUserB, w.council, w.communications]) {
      expect(await data.findInspection(who, inspectionId), who.role).toBeNull();
      expect((await data.listInspections(who, { certificateId: cert.id })).total, who.role).toBe(0);
    }
    // A ward officer's list holds only its ward, whatever ward it asks for.
    const otherCert = await certificateOf(w.producerB.id);
    await plan(otherCert.id);
    expect((await data.listInspections(w.wardOfficerA, { wardId: w.wardB, q: w.tag })).total).toBe(0);
    const own = await data.listInspections(w.wardOfficerA, { q: w.tag });
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.every((r) => r.ward.id === w.wardA)).toBe(true);
    expect((await data.listInspections(w.economicOffice, { q: w.tag, wardId: w.wardB })).rows.map((r) => r.certificate.id)).toContain(otherCert.id);
  });

  it("writes by someone who cannot see the inspection answer 404, by someone who can but may not, 403", async () => {
    const cert = await certificateOf(w.producerA.id);
    const { inspectionId } = await plan(cert.id);
    const attempts = [
      () => actions.editInspectionPlan({ inspectionId, version: 0, kind: "AD_HOC", plannedOn: addDays(today, 20), team: "" }),
      () => actions.cancelInspection({ inspectionId, version: 0, reason: "Đoàn kiểm tra bận công tác khác" }),
      () => actions.concludeInspection(conclusion(inspectionId, 0)),
    ];
    for (const attempt of attempts) {
      for (const who of [w.producerUserB, wardOfficerB, w.council]) {
        actAs(who);
        expect(await attempt(), who.role).toMatchObject({ ok: false, code: "NOT_FOUND" });
      }
      for (const who of [w.producerUserA, w.wardOfficerA, w.leader]) {
        actAs(who);
        expect(await attempt(), who.role).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
    }
    expect(await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } })).toMatchObject({ status: "PLANNED", version: 0 });
  });
});

describe("editing and cancelling a plan", () => {
  it("changes date, kind and team with the version read, tells the producer of a new date, and refuses a stale version", async () => {
    const cert = await certificateOf(w.producerA.id);
    const { inspectionId } = await plan(cert.id);
    actAs(w.economicOffice);
    const edited = h.ok(await actions.editInspectionPlan({ inspectionId, version: 0, kind: "AD_HOC", plannedOn: addDays(today, 20), team: "Đoàn liên ngành", producerId: w.producerB.id }));
    expect(edited.version).toBe(1);
    expect(await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } })).toMatchObject({ kind: "AD_HOC", team: "Đoàn liên ngành", producerId: w.producerA.id, version: 1 });
    expect(await h.notifiedUsers("inspectionNotices.rescheduled", `/inspections/${inspectionId}`)).toContain(w.producerUserA.userId);
    // Someone else's change came first.
    expect(await actions.editInspectionPlan({ inspectionId, version: 0, kind: "PERIODIC", plannedOn: addDays(today, 30), team: "" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await actions.editInspectionPlan({ inspectionId, version: 1, kind: "PERIODIC", plannedOn: addDays(issued(), -3), team: "" })).toMatchObject({ ok: false, fieldErrors: { plannedOn: ["inspections.beforeIssue"] } });
    expect(await versionOf(inspectionId)).toBe(1);
  });

  it("cancels with a reason the producer is told, once; a cancelled inspection is not concluded", async () => {
    const cert = await certificateOf(w.producerA.id);
    const { inspectionId } = await plan(cert.id);
    actAs(w.economicOffice);
    const noReason = await actions.cancelInspection({ inspectionId, version: 0, reason: "  " });
    expect(noReason).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(!noReason.ok && noReason.fieldErrors?.reason?.[0]).toBe("validation.required");
    h.ok(await actions.cancelInspection({ inspectionId, version: 0, reason: "Chủ thể tạm dừng sản xuất do lũ, dời sang quý sau" }));
    expect(await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } })).toMatchObject({ status: "CANCELLED", version: 1 });
    const events = await db.statusEvent.findMany({ where: { entityType: "Inspection", entityId: inspectionId }, orderBy: { id: "asc" } });
    expect(events.at(-1)).toMatchObject({ action: "cancel", fromStatus: "PLANNED", toStatus: "CANCELLED", comment: "Chủ thể tạm dừng sản xuất do lũ, dời sang quý sau" });
    expect(await h.notifiedUsers("inspectionNotices.cancelled", `/inspections/${inspectionId}`)).toContain(w.producerUserA.userId);
    expect(await actions.cancelInspection({ inspectionId, version: 1, reason: "Hủy lần nữa" })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await actions.concludeInspection(conclusion(inspectionId, 1))).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await actions.editInspectionPlan({ inspectionId, version: 1, kind: "PERIODIC", plannedOn: addDays(today, 3), team: "" })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });
});

describe("concluding", () => {
  it("records a compliant inspection with its checklist and tells the producer; it is concluded once", async () => {
    const cert = await certificateOf(w.producerA.id);
    const { inspectionId } = await plan(cert.id);
    actAs(w.economicOffice);
    h.ok(await actions.concludeInspection(conclusion(inspectionId, 0, { findings: "Cơ sở duy trì đúng quy trình." })));
    const row = await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } });
    expect(row).toMatchObject({ status: "CONCLUDED", conclusion: "COMPLIANT", followUp: "NONE", revocationGround: null, version: 1, findings: "Cơ sở duy trì đúng quy trình." });
    expect(row.checklist).toEqual({
      criteriaMaintained: { met: true, note: "" },
      markUsedCorrectly: { met: true, note: "" },
      labelCorrect: { met: true, note: "" },
      advertisingCorrect: { met: true, note: "" },
    });
    expect(row.inspectedOn?.toISOString().slice(0, 10)).toBe(today);
    expect(await h.notifiedUsers("inspectionNotices.compliant", `/inspections/${inspectionId}`)).toContain(w.producerUserA.userId);
    expect(await actions.concludeInspection(conclusion(inspectionId, 1))).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect((await db.certificate.findUniqueOrThrow({ where: { id: cert.id } })).status).toBe("ACTIVE");
  });

  it("applies the conclusion rules with the stored kind, and writes nothing when they fail", async () => {
    const cert = await certificateOf(w.producerA.id);
    const { inspectionId } = await plan(cert.id);
    actAs(w.economicOffice);
    const refused = async (extra: Record<string, unknown>, fieldErrors: Record<string, string[]>) =>
      expect(await actions.concludeInspection(conclusion(inspectionId, 0, extra))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors });
    await refused({ checklist: MARK_MISUSED }, { conclusion: ["inspections.ruleFailedMeansNonCompliant"] });
    await refused({ conclusion: "NON_COMPLIANT", followUp: "WARNING", findings: FINDINGS }, { conclusion: ["inspections.ruleNonCompliantNeedsFailedItem"] });
    await refused({ checklist: MARK_MISUSED, conclusion: "NON_COMPLIANT", followUp: "NONE", findings: FINDINGS }, { followUp: ["inspections.ruleNonCompliantNeedsFollowUp"] });
    await refused({ checklist: MARK_MISUSED, conclusion: "NON_COMPLIANT", followUp: "WARNING", findings: "sai tem" }, { findings: ["inspections.ruleFindingsRequired"] });
    await refused({ followUp: "WARNING" }, { followUp: ["inspections.ruleCompliantNoFollowUp"] });
    await refused({ checklist: MARK_MISUSED, conclusion: "NON_COMPLIANT", followUp: "REVOCATION_PROPOSAL", findings: FINDINGS }, { revocationGround: ["inspections.ruleGroundRequired"] });
    await refused({ checklist: MARK_MISUSED, conclusion: "NON_COMPLIANT", followUp: "REVOCATION_PROPOSAL", findings: FINDINGS, revocationGround: "B" }, { revocationGround: ["inspections.ruleGroundBNeedsCriteria"] });
    await refused({ checklist: MARK_MISUSED, conclusion: "NON_COMPLIANT", followUp: "WARNING", findings: FINDINGS, revocationGround: "D" }, { revocationGround: ["inspections.ruleGroundOnlyForProposal"] });
    // Planned as periodic: every item of Art. 9.2 must be checked before it is compliant.
    await refused({ checklist: { ...CHECKED_ALL_MET, advertisingCorrect: { result: "NOT_CHECKED", note: "" } } }, { checklist: ["inspections.rulePeriodicComplete"] });
    await refused({ inspectedOn: addDays(today, 1) }, { inspectedOn: ["inspections.inFuture"] });
    await refused({ revocationGround: "Z", conclusion: "MAYBE" }, { revocationGround: ["validation.choose"], conclusion: ["validation.choose"] });
    expect(await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } })).toMatchObject({ status: "PLANNED", version: 0, conclusion: null });

    // The same partial checklist is a lawful conclusion of an ad hoc inspection.
    h.ok(await actions.editInspectionPlan({ inspectionId, version: 0, kind: "AD_HOC", plannedOn: addDays(today, 1), team: "" }));
    h.ok(await actions.concludeInspection(conclusion(inspectionId, 1, { checklist: { ...CHECKED_ALL_MET, advertisingCorrect: { result: "NOT_CHECKED", note: "" } } })));
    expect((await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } })).checklist).toMatchObject({ advertisingCorrect: { met: null } });
  });

  it("refuses a conclusion on a version someone else changed, and of two at once exactly one wins", async () => {
    const cert = await certificateOf(w.producerA.id);
    const { inspectionId } = await plan(cert.id);
    actAs(w.economicOffice);
    h.ok(await actions.editInspectionPlan({ inspectionId, version: 0, kind: "PERIODIC", plannedOn: addDays(today, 2), team: "Đoàn kiểm tra" }));
    expect(await actions.concludeInspection(conclusion(inspectionId, 0))).toMatchObject({ ok: false, code: "CONFLICT" });
    const results = await Promise.all([actions.concludeInspection(conclusion(inspectionId, 1)), actions.concludeInspection(conclusion(inspectionId, 1, { checklist: MARK_MISUSED, conclusion: "NON_COMPLIANT", followUp: "WARNING", findings: FINDINGS }))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)[0]).toMatch(/CONFLICT|INVALID_TRANSITION/);
    expect(await db.statusEvent.count({ where: { entityType: "Inspection", entityId: inspectionId, action: "conclude" } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "inspection.conclude", entityId: inspectionId } })).toBe(1);
  });

  it("a warning tells the producer and leaves the certificate in force", async () => {
    const cert = await certificateOf(w.producerA.id);
    const { inspectionId } = await plan(cert.id);
    actAs(w.economicOffice);
    h.ok(await actions.concludeInspection(conclusion(inspectionId, 0, { checklist: MARK_MISUSED, conclusion: "NON_COMPLIANT", followUp: "WARNING", findings: FINDINGS, followUpNote: "Thu hồi, thay tem trước ngày 31/12/2026." })));
    expect(await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } })).toMatchObject({ conclusion: "NON_COMPLIANT", followUp: "WARNING", followUpNote: "Thu hồi, thay tem trước ngày 31/12/2026." });
    expect(await h.notifiedUsers("inspectionNotices.warning", `/inspections/${inspectionId}`)).toContain(w.producerUserA.userId);
    expect((await db.certificate.findUniqueOrThrow({ where: { id: cert.id } })).status).toBe("ACTIVE");
  });
});

describe("a revocation proposal", () => {
  it("moves the certificate to REVOCATION_PROPOSED with the ground and the inspection in its history; the revocation that follows shows in the catalogue", async () => {
    const cert = await certificateOf(w.producerA.id, `Mơ ngâm Nà Pài ${w.tag}`);
    const product = await db.product.create({ data: { slug: `mo-ngam-${w.tag}`, producerId: w.producerA.id, name: cert.productName, criteriaSetNo: cert.criteriaSetNo, searchText: `mo ngam ${w.tag}` } });
    await db.certificate.update({ where: { id: cert.id }, data: { productId: product.id } });
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ certificateStatus: "ACTIVE" });

    const { inspectionId } = await plan(cert.id);
    actAs(w.economicOffice);
    const done = h.ok(await actions.concludeInspection(conclusion(inspectionId, 0, { checklist: MARK_MISUSED, conclusion: "NON_COMPLIANT", followUp: "REVOCATION_PROPOSAL", findings: FINDINGS, revocationGround: "D" })));
    expect(done.certificate).toEqual({ from: "ACTIVE", to: "REVOCATION_PROPOSED" });
    expect(await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } })).toMatchObject({ followUp: "REVOCATION_PROPOSAL", revocationGround: "D" });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: cert.id } })).toMatchObject({ status: "REVOCATION_PROPOSED" });
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ certificateStatus: "REVOCATION_PROPOSED" });
    const proposed = await db.statusEvent.findFirstOrThrow({ where: { entityType: "Certificate", entityId: cert.id, action: "propose-revocation" } });
    expect(proposed).toMatchObject({ fromStatus: "ACTIVE", toStatus: "REVOCATION_PROPOSED" });
    expect(proposed.comment).toContain("Sử dụng nhãn hiệu chứng nhận OCOP không đúng quy định");
    expect(proposed.comment).toContain(`/inspections/${inspectionId}`);
    expect(await h.notifiedUsers("inspectionNotices.revocationProposed", `/inspections/${inspectionId}`)).toContain(w.producerUserA.userId);
    const toDecide = await h.notifiedUsers("inspectionNotices.revocationToDecide", `/certificates/${cert.id}`);
    expect(toDecide).toContain(office2.userId);
    expect(toDecide).not.toContain(w.economicOffice.userId);
    // The revocation form is prefilled from it.
    expect(await data.findRevocationProposal(w.economicOffice, { id: cert.id })).toMatchObject({ id: inspectionId, revocationGround: "D", findings: FINDINGS });
    expect(await data.findRevocationProposal(w.producerUserB, { id: cert.id })).toBeNull();

    h.ok(
      await certificates.revokeCertificate({
        certificateId: cert.id,
        ground: "D",
        decisionNumber: `${w.tag}/QĐ-UBND-KT`,
        decidedOn: today,
        signerName: "Nguyễn Đăng Bình",
        signerTitle: "Phó Chủ tịch Ủy ban nhân dân tỉnh",
        note: FINDINGS,
      }),
    );
    expect(await db.certificate.findUniqueOrThrow({ where: { id: cert.id } })).toMatchObject({ status: "REVOKED", revocationGround: "D" });
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ certificateStatus: "REVOKED" });
    const history = await db.statusEvent.findMany({ where: { entityType: "Certificate", entityId: cert.id }, orderBy: { id: "asc" } });
    expect(history.map((e) => e.action)).toEqual(["propose-revocation", "revoke"]);
  });

  it("a second proposal on a certificate already proposed keeps its state and adds to its history", async () => {
    const cert = await certificateOf(w.producerA.id);
    const first = await plan(cert.id);
    const second = await plan(cert.id, { kind: "AD_HOC" });
    actAs(w.economicOffice);
    const propose = (id: string) => actions.concludeInspection(conclusion(id, 0, { checklist: MARK_MISUSED, conclusion: "NON_COMPLIANT", followUp: "REVOCATION_PROPOSAL", findings: FINDINGS, revocationGround: "D" }));
    h.ok(await propose(first.inspectionId));
    expect(h.ok(await propose(second.inspectionId)).certificate).toEqual({ from: "REVOCATION_PROPOSED", to: "REVOCATION_PROPOSED" });
    const history = await db.statusEvent.findMany({ where: { entityType: "Certificate", entityId: cert.id }, orderBy: { id: "asc" } });
    expect(history.map((e) => [e.action, e.toStatus])).toEqual([["propose-revocation", "REVOCATION_PROPOSED"], ["inspection-proposal", "REVOCATION_PROPOSED"]]);
  });

  it("is refused, with nothing written, when the certificate left force meanwhile", async () => {
    const cert = await certificateOf(w.producerA.id);
    const { inspectionId } = await plan(cert.id);
    await db.certificate.update({ where: { id: cert.id }, data: { status: "REVOKED" } });
    actAs(w.economicOffice);
    expect(await actions.concludeInspection(conclusion(inspectionId, 0, { checklist: MARK_MISUSED, conclusion: "NON_COMPLIANT", followUp: "REVOCATION_PROPOSAL", findings: FINDINGS, revocationGround: "D" }))).toMatchObject({
      ok: false,
      code: "INVALID_TRANSITION",
      fieldErrors: { followUp: ["inspections.certificateNotInForce"] },
    });
    expect(await db.inspection.findUniqueOrThrow({ where: { id: inspectionId } })).toMatchObject({ status: "PLANNED", version: 0 });
    expect(await db.statusEvent.count({ where: { entityType: "Inspection", entityId: inspectionId, action: "conclude" } })).toBe(0);
  });
});

describe("photos of the findings", () => {
  const PNG = tinyPng();
  const form = (inspectionId: string) => {
    const f = new FormData();
    f.set("inspectionId", inspectionId);
    f.set("file", new File([new Uint8Array(PNG).buffer as ArrayBuffer], "Tem sai số sao.png", { type: "image/png" }));
    return f;
  };
  async function download(actor: Actor | null, id: string) {
    actAs(actor);
    const response = await route.GET(new Request(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id }) });
    actAs(null);
    return response.status;
  }

  it("are added by the office while the inspection is open and downloaded by whoever may read the inspection", async () => {
    const cert = await certificateOf(w.producerA.id);
    const { inspectionId } = await plan(cert.id);
    for (const who of [w.producerUserA, w.wardOfficerA]) {
      actAs(who);
      expect(await actions.uploadInspectionPhoto(form(inspectionId)), who.role).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    actAs(w.producerUserB);
    expect(await actions.uploadInspectionPhoto(form(inspectionId))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    actAs(w.economicOffice);
    const photo = h.ok(await actions.uploadInspectionPhoto(form(inspectionId)));
    expect(await db.attachment.findUniqueOrThrow({ where: { id: photo.id } })).toMatchObject({ entityType: "Inspection", entityId: inspectionId, mime: "image/png" });

    for (const who of [w.economicOffice, w.leader, w.wardOfficerA, w.producerUserA]) expect(await download(who, photo.id), who.role).toBe(200);
    for (const who of [wardOfficerB, w.producerUserB, w.council, null]) expect(await download(who, photo.id), who?.role ?? "anonymous").toBe(404);

    // Removal: not by the producer, and not through the idea/plan file action.
    actAs(w.producerUserA);
    expect(await actions.removeInspectionPhoto({ attachmentId: photo.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(w.economicOffice);
    expect(await attachmentActions.removeAttachment({ attachmentId: photo.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const second = h.ok(await actions.uploadInspectionPhoto(form(inspectionId)));
    h.ok(await actions.removeInspectionPhoto({ attachmentId: second.id }));
    expect(await download(w.economicOffice, second.id)).toBe(404);

    // Concluded, the record is closed: nothing added or removed.
    actAs(w.economicOffice);
    h.ok(await actions.concludeInspection(conclusion(inspectionId, 0)));
    expect(await actions.uploadInspectionPhoto(form(inspectionId))).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await actions.removeInspectionPhoto({ attachmentId: photo.id })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await download(w.producerUserA, photo.id)).toBe(200);
  });
});

describe("the list", () => {
  it("puts what waits first, counts each status tab and filters by status, kind, conclusion, year and ward", async () => {
    const { producer } = await h.extraProducer(w.tag, "HTX Bản Cạu", w.wardB);
    const name = `Cơm lam Bản Cạu ${w.tag}`;
    const certs = [await certificateOf(producer.id, `${name} 1`), await certificateOf(producer.id, `${name} 2`), await certificateOf(producer.id, `${name} 3`), await certificateOf(producer.id, `${name} 4`)];
    const overdue = await plan(certs[0]!.id, { plannedOn: addDays(today, -20) });
    const soon = await plan(certs[1]!.id, { plannedOn: addDays(today, 7), kind: "AD_HOC" });
    const concluded = await plan(certs[2]!.id, { plannedOn: addDays(today, -40) });
    const cancelled = await plan(certs[3]!.id, { plannedOn: addDays(today, -5) });
    actAs(w.economicOffice);
    h.ok(await actions.concludeInspection(conclusion(concluded.inspectionId, 0, { inspectedOn: addDays(today, -38), checklist: MARK_MISUSED, conclusion: "NON_COMPLIANT", followUp: "WARNING", findings: FINDINGS })));
    h.ok(await actions.cancelInspection({ inspectionId: cancelled.inspectionId, version: 0, reason: "Trùng lịch kiểm tra liên ngành" }));

    const all = await data.listInspections(w.economicOffice, { q: name }, { today });
    expect(all.rows.map((r) => r.id)).toEqual([overdue.inspectionId, soon.inspectionId, concluded.inspectionId, cancelled.inspectionId]);
    expect(all.counts).toEqual({ PLANNED: 2, CONCLUDED: 1, CANCELLED: 1, OVERDUE: 1 });
    expect(all.total).toBe(4);

    const ids = async (f: Parameters<typeof data.listInspections>[1]) => (await data.listInspections(w.economicOffice, { q: name, ...f }, { today })).rows.map((r) => r.id);
    expect(await ids({ status: "OVERDUE" })).toEqual([overdue.inspectionId]);
    expect(await ids({ status: "PLANNED" })).toEqual([overdue.inspectionId, soon.inspectionId]);
    expect(await ids({ kind: "AD_HOC" })).toEqual([soon.inspectionId]);
    expect(await ids({ conclusion: "NON_COMPLIANT" })).toEqual([concluded.inspectionId]);
    expect(await ids({ followUp: "WARNING" })).toEqual([concluded.inspectionId]);
    expect(await ids({ wardId: w.wardA })).toEqual([]);
    expect(await ids({ wardId: w.wardB, status: "CANCELLED" })).toEqual([cancelled.inspectionId]);
    const year = Number(addDays(today, 7).slice(0, 4));
    expect(await ids({ year })).toContain(soon.inspectionId);
    expect(await ids({ year: 2001 })).toEqual([]);
    // Counts follow the other filters.
    expect((await data.listInspections(w.economicOffice, { q: name, kind: "AD_HOC" }, { today })).counts).toEqual({ PLANNED: 1, CONCLUDED: 0, CANCELLED: 0, OVERDUE: 0 });
    // The certificate number finds it too; pages hold what the page size says.
    expect((await data.listInspections(w.economicOffice, { q: certs[2]!.number }, { today })).rows.map((r) => r.id)).toEqual([concluded.inspectionId]);
    const paged = await data.listInspections(w.economicOffice, { q: name, page: 2 }, { today, pageSize: 3 });
    expect(paged.rows.map((r) => r.id)).toEqual([cancelled.inspectionId]);
  });

  it("offers certificates in force to plan from, with their last inspection", async () => {
    const { producer } = await h.extraProducer(w.tag, "HTX Khuổi Cuồng", w.wardA);
    const live = await certificateOf(producer.id, `Măng khô Khuổi Cuồng ${w.tag}`);
    const gone = await certificateOf(producer.id, `Măng ớt Khuổi Cuồng ${w.tag}`);
    await db.certificate.update({ where: { id: gone.id }, data: { status: "REVOKED" } });
    const { inspectionId } = await plan(live.id);
    const found = await data.searchInspectableCertificates(w.economicOffice, `Khuổi Cuồng ${w.tag}`, today);
    expect(found.rows.map((r) => r.id)).toEqual([live.id]);
    expect(found.rows[0]!.inspections.map((i) => i.id)).toEqual([inspectionId]);
    expect((await data.searchInspectableCertificates(w.producerUserB, `Khuổi Cuồng ${w.tag}`, today)).rows).toEqual([]);
  });
});

describe("the pages", () => {
  /** Server components may be async; renderToStaticMarkup renders only sync ones, so they are awaited first. */
  async function resolveTree(node: unknown): Promise<unknown> {
    if (Array.isArray(node)) return Promise.all(node.map(resolveTree));
    if (!isValidElement(node)) return node;
    const el = node as ReactElement<Record<string, unknown>>;
    if (typeof el.type === "function" && el.type.constructor.name === "AsyncFunction") return resolveTree(await (el.type as (p: object) => Promise<unknown>)(el.props));
    const { children, ...rest } = el.props ?? {};
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) props[k] = await resolveTree(v);
    // Siblings written side by side in JSX stay arguments (no keys needed); a mapped list stays an array.
    if (Array.isArray(children)) return cloneElement(el, props, ...((await resolveTree(children)) as ReactNode[]));
    return cloneElement(el, children === undefined ? props : { ...props, children: await resolveTree(children) });
  }
  const html = async (element: Promise<unknown>) => renderToStaticMarkup((await resolveTree(await element)) as ReactElement);
  async function list(actor: Actor, sp: Record<string, string> = {}) {
    actAs(actor);
    const { default: Page } = await import("@/app/(portal)/inspections/page");
    return html(Page({ searchParams: Promise.resolve(sp) }));
  }
  async function detail(actor: Actor, id: string) {
    actAs(actor);
    const { default: Page } = await import("@/app/(portal)/inspections/[id]/page");
    return html(Page({ params: Promise.resolve({ id }) }));
  }
  async function planPage(actor: Actor, sp: Record<string, string>) {
    actAs(actor);
    const { default: Page } = await import("@/app/(portal)/inspections/new/page");
    return html(Page({ searchParams: Promise.resolve(sp) }));
  }
  async function certificatePage(actor: Actor, id: string) {
    actAs(actor);
    const { default: Page } = await import("@/app/(portal)/certificates/[id]/page");
    return html(Page({ params: Promise.resolve({ id }) }));
  }

  it("the list shows the tabs with their counts and the office's link to plan; a producer sees its own only; others get 404", async () => {
    const name = `Khau nhục Phja Đán ${w.tag}`;
    const cert = await certificateOf(w.producerA.id, name);
    const { inspectionId } = await plan(cert.id, { plannedOn: addDays(today, -3) });
    const office = await list(w.economicOffice, { q: name });
    expect(office).toContain(`href="/inspections/${inspectionId}"`);
    expect(office).toContain(name);
    expect(office).toContain(`href="/inspections?q=${encodeURIComponent(name).replace(/%20/g, "+")}&amp;status=OVERDUE"`);
    expect(office).toMatch(/Quá hạn chưa kết luận <span class="tabular-nums">\(1\)<\/span>/);
    expect(office).toContain("Quá hạn 3 ngày");
    expect(office).toContain(`href="/inspections/new"`);
    const producer = await list(w.producerUserA);
    expect(producer).toContain(name);
    expect(producer).not.toContain(`href="/inspections/new"`);
    expect(await list(w.producerUserB, { q: name })).not.toContain(`href="/inspections/${inspectionId}"`);
    await expect(list(w.council)).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(list(w.communications)).rejects.toThrow("NEXT_NOT_FOUND");
  });

  it("the detail gives the office its forms while planned, shows the conclusion to the producer read-only, and is 404 outside scope", async () => {
    const cert = await certificateOf(w.producerA.id, `Bánh cuốn trứng ${w.tag}`);
    const { inspectionId } = await plan(cert.id);
    const planned = await detail(w.economicOffice, inspectionId);
    expect(planned).toContain(`data-marker="conclude-form" data-kind="PERIODIC" data-version="0"`);
    expect(planned).toContain(`data-marker="plan-form-edit"`);
    expect(planned).toContain(`data-marker="photo-upload"`);
    expect(planned).toContain("Đã lên kế hoạch");
    expect(await detail(w.producerUserA, inspectionId)).not.toContain("conclude-form");

    actAs(w.economicOffice);
    h.ok(await actions.concludeInspection(conclusion(inspectionId, 0, { checklist: MARK_MISUSED, conclusion: "NON_COMPLIANT", followUp: "WARNING", findings: FINDINGS, followUpNote: "Thay toàn bộ tem <b>trước</b> ngày 31/12." })));
    const producer = await detail(w.producerUserA, inspectionId);
    expect(producer).toContain("Không đạt yêu cầu");
    expect(producer).toContain("Yêu cầu khắc phục");
    // What users typed is text, never markup.
    expect(producer).toContain("Thay toàn bộ tem &lt;b&gt;trước&lt;/b&gt; ngày 31/12.");
    expect(producer).toContain("Tem OCOP 4 sao trên sản phẩm 3 sao");
    expect(producer).not.toMatch(/data-marker="(conclude-form|plan-form-edit|cancel-inspection|photo-upload)"/);
    expect(await detail(w.wardOfficerA, inspectionId)).toContain(FINDINGS.slice(0, 20));
    for (const who of [wardOfficerB, w.producerUserB, w.council]) await expect(detail(who, inspectionId), who.role).rejects.toThrow("NEXT_NOT_FOUND");
  });

  it("planning starts from a certificate in force, chosen from a search or from its page; only the office may", async () => {
    const cert = await certificateOf(w.producerA.id, `Chè Shan Nà Cù ${w.tag}`);
    const found = await planPage(w.economicOffice, { q: `Chè Shan Nà Cù ${w.tag}` });
    expect(found).toContain(`href="/inspections/new?certificate=${cert.id}"`);
    const chosen = await planPage(w.economicOffice, { certificate: cert.id });
    expect(chosen).toContain(`data-marker="plan-form-new" data-certificate="${cert.id}"`);
    await expect(planPage(w.producerUserA, { certificate: cert.id })).rejects.toThrow("NEXT_NOT_FOUND");
    await expect(planPage(w.wardOfficerA, {})).rejects.toThrow("NEXT_NOT_FOUND");
    await db.certificate.update({ where: { id: cert.id }, data: { status: "REVOKED" } });
    const gone = await planPage(w.economicOffice, { certificate: cert.id });
    expect(gone).not.toContain("plan-form-new");
    expect(gone).toContain("Giấy chứng nhận không còn hiệu lực");
  });

  it("the certificate's page lists its inspections, links the office to plan one, and prefills the revocation from the proposal", async () => {
    const cert = await certificateOf(w.producerA.id, `Miến dong Côn Minh ${w.tag}`);
    const before = await certificatePage(w.economicOffice, cert.id);
    expect(before).toContain("Chưa có cuộc kiểm tra nào đối với giấy chứng nhận này.");
    expect(before).toContain(`href="/inspections/new?certificate=${cert.id}"`);
    expect(before).toContain(`data-marker="revoke-form" data-ground="" data-findings=""`);
    expect(await certificatePage(w.producerUserA, cert.id)).not.toContain(`href="/inspections/new?certificate=`);

    const { inspectionId } = await plan(cert.id);
    actAs(w.economicOffice);
    h.ok(await actions.concludeInspection(conclusion(inspectionId, 0, { checklist: MARK_MISUSED, conclusion: "NON_COMPLIANT", followUp: "REVOCATION_PROPOSAL", findings: FINDINGS, revocationGround: "D" })));
    const after = await certificatePage(w.economicOffice, cert.id);
    expect(after).toContain(`href="/inspections/${inspectionId}"`);
    expect(after).toContain("Đề nghị thu hồi giấy chứng nhận");
    expect(after).toContain(`data-marker="revoke-form" data-ground="D" data-findings="${FINDINGS}"`);
    expect(await certificatePage(w.producerUserA, cert.id)).toContain(`href="/inspections/${inspectionId}"`);
  });
});
