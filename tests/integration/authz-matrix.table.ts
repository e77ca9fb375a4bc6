// The authorization matrix: for every server action (lib/actions/*.ts) and every route handler
// (app/**/route.ts), what each role gets on a record in its scope and on one outside it.
//
// Each row's `expect` has eight cells, one per role, in this order:
//
//        ECONOMIC_OFFICE  WARD_OFFICER  PRODUCER  COUNCIL_MEMBER  LEADER  ADMIN  COMMUNICATIONS  anonymous
//
// A cell is A (allowed), 4 (404: not found, the house's answer out of scope), F (forbidden: the
// record is visible but the step is not the role's), S (sign-in: no session); "A/4" gives the
// in-scope and the out-of-scope answer. For routes, A is a 200 and S a redirect to sign-in.
//
// In scope is producer A's record, ward A's place, a round the world's council member chairs,
// a published event, course or article; out of scope is producer B's (ward B's), a round of
// another council, a draft. The acting users: the office's officer, ward A's officer, producer
// A's user, the council member, a leader, an administrator, the communications centre.
//
// "Allowed" means the action got past load-in-scope and can() (its `run` was entered); what the
// run answers then (a conflict, a state that does not allow the step) is the domain's business.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { addDays } from "@/lib/domain/dates";
import * as fx from "./authz-fixtures";
import type { MatrixWorld, Side } from "./authz-fixtures";
import { scoredDossier } from "./certificate-fixtures";
import { freshYear } from "./council-fixtures";
import { blankIdea } from "./helpers";
import { db } from "./world";

export const ROLES = ["ECONOMIC_OFFICE", "WARD_OFFICER", "PRODUCER", "COUNCIL_MEMBER", "LEADER", "ADMIN", "COMMUNICATIONS", "anonymous"] as const;
export type RoleKey = (typeof ROLES)[number];
export type Outcome = "allowed" | "404" | "forbidden" | "sign-in";

const CELL: Record<string, Outcome> = { A: "allowed", "4": "404", F: "forbidden", S: "sign-in" };

/** The expected outcome of one cell of a row. */
export function expectationOf(cells: string, role: RoleKey, side: Side): Outcome {
  const parts = cells.trim().split(/\s+/);
  if (parts.length !== ROLES.length) throw new Error(`"${cells}": ${ROLES.length} cells expected`);
  const [inScope, outOfScope = inScope] = parts[ROLES.indexOf(role)]!.split("/");
  const outcome = CELL[(side === "in" ? inScope : outOfScope) ?? ""];
  if (!outcome) throw new Error(`"${cells}": unknown cell for ${role}`);
  return outcome;
}

export type Ctx = { mw: MatrixWorld; actor: Actor | null; side: Side };

export type ActionRow<F = unknown> = {
  setup: (mw: MatrixWorld) => Promise<F>;
  /** A valid input pointing at the side's record (FormData for the upload actions). */
  input: (f: F, ctx: Ctx) => unknown;
  expect: string;
  /** A new arrangement for every case (the allowed step consumes the record, e.g. a delete). */
  fresh?: boolean;
  /** The forged-fields check: who sends it (default the first role allowed in scope), what, and what must hold after. */
  forge?: { role?: RoleKey; input?: (f: F, ctx: Ctx) => unknown; check?: (f: F, mw: MatrixWorld) => Promise<void> };
  /** A record of someone else that no case of this row may change (compared before and after the row). */
  untouched?: (f: F, mw: MatrixWorld) => Promise<unknown>;
};
export type Exempt = { exempt: string };
export type Row = ActionRow | Exempt;

const row = <F>(r: ActionRow<F>): ActionRow => r as unknown as ActionRow;
const pick = <T>(side: Side, a: T, b: T) => (side === "in" ? a : b);
const both = async <T>(make: (s: Side) => Promise<T>) => ({ in: await make("in"), out: await make("out") });
const iso = (d: Date) => d.toISOString();
const unique = () => randomUUID().slice(0, 8);
const todayIso = () => fx.today();

// ---------------------------------------------------------------------------------------------
// Inputs shared by several rows

const ideaFields = (name: string) => blankIdea(name);
const planFields = () => ({ market: "", production: "", capacity: "", rawMaterialArea: "", packaging: "", standards: [], capital: "", fundingSources: "", labour: "", financials: fx.financials(), milestones: [] });
const dossierDraft = () => ({
  productName: "Tinh bột nghệ Phủ Thông",
  criteriaSetNo: 7,
  evaluationType: "FIRST",
  previousCertificateId: "",
  sampleCount: "5",
  form01: {},
  form02: {},
  selfScore: { items: {} },
});
const eventForm = (e: { startsOn: Date; endsOn: Date }) => ({
  name: "Hội chợ OCOP Bắc Kạn",
  kind: "FAIR",
  level: "LOCAL",
  startsOn: iso(e.startsOn).slice(0, 10),
  endsOn: iso(e.endsOn).slice(0, 10),
  place: "Quảng trường thành phố",
  organiser: "Phòng Kinh tế",
  boothCapacity: 20,
  registrationClosesOn: "",
  description: "",
});
const courseForm = (c: { startsOn: Date; endsOn: Date }) => ({
  title: "Tập huấn xây dựng hồ sơ OCOP",
  audience: "ALL",
  startsOn: iso(c.startsOn).slice(0, 10),
  endsOn: iso(c.endsOn).slice(0, 10),
  place: "Hội trường UBND thành phố",
  capacity: 60,
  registrationClosesOn: "",
  description: "",
});
const areaForm = () => ({
  name: "Vùng trồng nghệ Phủ Thông",
  wardId: "",
  location: "Thôn Nà Cà",
  areaHa: "5",
  kind: "CROP",
  subject: "Nghệ vàng",
  standard: "NONE",
  standardCertificateNo: "",
  standardIssuer: "",
  standardExpiresOn: "",
  note: "",
  producerIds: [],
  productIds: [],
});
const roundForm = () => ({ title: "Đợt đánh giá", level: "PROVINCE", proposalsBy: "2026-10-30", completeBy: "2026-12-30", maxSpread: 10, knockOutRule: "MAJORITY", councilDecision: "" });

async function inspectionVersion(id: string) {
  return (await db.inspection.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

async function version(kind: "idea" | "plan" | "dossier" | "producer" | "product" | "area" | "round" | "news" | "document" | "giftSet", id: string) {
  const where = { where: { id }, select: { updatedAt: true } } as const;
  const rowOf = {
    idea: () => db.productIdea.findUniqueOrThrow(where),
    plan: () => db.businessPlan.findUniqueOrThrow(where),
    dossier: () => db.dossier.findUniqueOrThrow(where),
    producer: () => db.producer.findUniqueOrThrow(where),
    product: () => db.product.findUniqueOrThrow(where),
    area: () => db.rawMaterialArea.findUniqueOrThrow(where),
    round: () => db.evaluationRound.findUniqueOrThrow(where),
    news: () => db.newsArticle.findUniqueOrThrow(where),
    document: () => db.libraryDocument.findUniqueOrThrow(where),
    giftSet: () => db.giftSet.findUniqueOrThrow(where),
  }[kind];
  return iso((await rowOf()).updatedAt);
}

// ---------------------------------------------------------------------------------------------
// Server actions, by exported name ("name[variant]" when one action takes several steps).

//                                                  EO   WO   PR   CM   LE   AD   CO   anon
export const ACTION_TABLE: Record<string, Row> = {
  // ---- lib/actions/ideas.ts
  saveIdeaDraft: row({
    setup: (mw) => both((s) => fx.idea(mw, s, "RETURNED")),
    input: async (f, { side }) => {
      const idea = f[side];
      return { ...ideaFields("Miến dong Côn Minh"), ideaId: idea.id, version: await version("idea", idea.id) };
    },
    expect: "                                            F    F/4  A/4  4    F    F    4    S",
    // A new idea with a forged producer lands on the producer of the session.
    forge: {
      input: () => ideaFields(`Ý tưởng giả mạo ${unique()}`),
      check: async (_f, mw) => {
        const mine = await db.productIdea.findFirst({ where: { productName: { startsWith: "Ý tưởng giả mạo" }, producerId: { in: [mw.producerA.id, mw.producerB.id] } }, orderBy: { createdAt: "desc" } });
        if (mine?.producerId !== mw.producerA.id) throw new Error(`the forged idea belongs to ${mine?.producerId}`);
      },
    },
  }),
  // Until its first submission an idea is the producer's notebook: officials do not see it at all.
  "saveIdeaDraft[never submitted]": row({
    setup: (mw) => both((s) => fx.idea(mw, s, "DRAFT")),
    input: async (f, { side }) => ({ ...ideaFields("Miến dong Côn Minh"), ideaId: f[side].id, version: await version("idea", f[side].id) }),
    expect: "                                            4    4    A/4  4    4    4    4    S",
  }),
  "transitionIdea[forward]": row({
    setup: (mw) => both((s) => fx.idea(mw, s, "SUBMITTED")),
    input: (f, { side }) => ({ ideaId: f[side].id, action: "forward" }),
    expect: "                                            F    A/4  F/4  4    F    F    4    S",
  }),
  "transitionIdea[accept]": row({
    setup: (mw) => both((s) => fx.idea(mw, s, "WARD_ACCEPTED")),
    input: (f, { side }) => ({ ideaId: f[side].id, action: "accept" }),
    expect: "                                            A    F/4  F/4  4    F    F    4    S",
  }),
  "transitionIdea[withdraw]": row({
    setup: (mw) => both((s) => fx.idea(mw, s, "SUBMITTED")),
    input: (f, { side }) => ({ ideaId: f[side].id, action: "withdraw" }),
    expect: "                                            F    F/4  A/4  4    F    F    4    S",
  }),
  // The batch is authorised as a whole for the office, then idea by idea: nobody else gets a 404.
  bulkDecideIdeas: row({
    setup: (mw) => both((s) => fx.idea(mw, s, "WARD_ACCEPTED")),
    input: (f, { side }) => ({ ideaIds: [f[side].id], action: "accept" }),
    expect: "                                            A    F    F    F    F    F    F    S",
  }),

  // ---- lib/actions/plans.ts
  savePlanDraft: row({
    setup: (mw) => both((s) => fx.plan(mw, s, "RETURNED")),
    input: async (f, { side }) => ({ ...planFields(), planId: f[side].plan.id, ideaId: f[side].ideaId, version: await version("plan", f[side].plan.id) }),
    expect: "                                            F    F/4  A/4  4    F    F    4    S",
  }),
  "transitionPlan[approve]": row({
    setup: (mw) => both((s) => fx.plan(mw, s, "SUBMITTED")),
    input: (f, { side }) => ({ planId: f[side].plan.id, action: "approve" }),
    expect: "                                            A    F/4  F/4  4    F    F    4    S",
  }),
  "transitionPlan[withdraw]": row({
    setup: (mw) => both((s) => fx.plan(mw, s, "SUBMITTED")),
    input: (f, { side }) => ({ planId: f[side].plan.id, action: "withdraw" }),
    expect: "                                            F    F/4  A/4  4    F    F    4    S",
  }),
  commentOnPlan: row({
    setup: (mw) => both((s) => fx.plan(mw, s, "SUBMITTED")),
    input: (f, { side }) => ({ planId: f[side].plan.id, comment: "Bổ sung phương án bao bì" }),
    expect: "                                            A    A/4  F/4  4    F    F    4    S",
  }),
  logSupportActivity: row({
    setup: (mw) => both((s) => fx.plan(mw, s, "IMPLEMENTING")),
    input: (f, { side }) => ({ planId: f[side].plan.id, kind: "TRAINING", fundingSource: "CITY", amount: "", date: todayIso(), status: "PLANNED", note: "" }),
    expect: "                                            A    A/4  F/4  4    F    F    4    S",
  }),
  reportMilestone: row({
    setup: (mw) => both((s) => fx.plan(mw, s, "IMPLEMENTING")),
    input: (f, { side }) => ({ planId: f[side].plan.id, milestoneId: f[side].milestoneId, doneOn: todayIso(), report: "Đã nộp hồ sơ đăng ký nhãn hiệu" }),
    expect: "                                            F    F/4  A/4  4    F    F    4    S",
  }),
  updateSupportStatus: row({
    setup: (mw) => both((s) => fx.plan(mw, s, "IMPLEMENTING")),
    input: (f, { side }) => ({ planId: f[side].plan.id, supportId: f[side].supportId, status: "DONE" }),
    expect: "                                            A    A/4  F/4  4    F    F    4    S",
  }),

  // ---- lib/actions/attachments.ts
  uploadAttachment: row({
    setup: (mw) => both((s) => fx.idea(mw, s, "RETURNED")),
    input: (f, { side }) => fx.formData({ entityType: "ProductIdea", entityId: f[side].id, file: fx.pngFile() }),
    expect: "                                            F    F/4  A/4  4    F    F    4    S",
  }),
  removeAttachment: row({
    setup: (mw) =>
      both(async (s) => {
        const idea = await fx.idea(mw, s, "RETURNED");
        return fx.attachFile("ProductIdea", idea.id);
      }),
    input: (f, { side }) => ({ attachmentId: f[side].id }),
    expect: "                                            F    F/4  A/4  4    F    F    4    S",
  }),

  // The generic removal does not reach an inspection's photos: they are the office's, through
  // removeInspectionPhoto, and no one may take them away here.
  "removeAttachment[inspection photo]": row({
    setup: (mw) => both((s) => fx.inspection(mw, s)),
    input: (f, { side }) => ({ attachmentId: f[side].photoId }),
    expect: "                                            F    F/4  F/4  4    F    F    4    S",
  }),

  // ---- lib/actions/dossiers.ts
  // The producer comes from the session; out of scope is "from producer B's approved plan".
  createDossier: row({
    setup: (mw) => fx.plan(mw, "out", "APPROVED"),
    input: (f, { side }) => ({ evaluationType: "FIRST", productName: "Tinh bột nghệ Phủ Thông", criteriaSetNo: 7, planId: pick(side, "", f.plan.id) }),
    expect: "                                            4    4    A/4  4    4    4    4    S",
  }),
  saveDossierDraft: row({
    setup: (mw) => both((s) => fx.dossier(mw, s, "RETURNED")),
    input: async (f, { side }) => ({ ...dossierDraft(), dossierId: f[side].id, version: await version("dossier", f[side].id) }),
    expect: "                                            F    F/4  A/4  4    F    F    4    S",
  }),
  uploadEvidence: row({
    setup: (mw) => both((s) => fx.dossier(mw, s, "RETURNED")),
    input: (f, { side }) => fx.formData({ dossierId: f[side].id, kind: "BUSINESS_REGISTRATION", title: "Giấy chứng nhận đăng ký HTX", issuedOn: "", expiresOn: "", file: fx.pdfFile() }),
    expect: "                                            F    F/4  A/4  4    F    F    4    S",
  }),
  removeEvidence: row({
    setup: (mw) =>
      both(async (s) => {
        const d = await fx.dossier(mw, s, "RETURNED");
        const file = await fx.attachFile("Dossier", d.id);
        const evidence = await db.dossierEvidence.create({ data: { dossierId: d.id, attachmentId: file.id, kind: "BUSINESS_REGISTRATION", title: "Giấy chứng nhận đăng ký HTX" } });
        return { dossierId: d.id, evidenceId: evidence.id };
      }),
    input: (f, { side }) => f[side],
    expect: "                                            F    F/4  A/4  4    F    F    4    S",
  }),
  saveForm03: row({
    setup: (mw) => both((s) => fx.dossier(mw, s, "SUBMITTED")),
    input: async (f, { side }) => ({ dossierId: f[side].id, version: await version("dossier", f[side].id), form03: {} }),
    expect: "                                            F    A/4  F/4  4    F    F    4    S",
  }),
  "transitionDossier[forward]": row({
    setup: (mw) => both((s) => fx.dossier(mw, s, "SUBMITTED")),
    input: (f, { side }) => ({ dossierId: f[side].id, action: "forward" }),
    expect: "                                            F    A/4  F/4  4    F    F    4    S",
  }),
  "transitionDossier[withdraw]": row({
    setup: (mw) => both((s) => fx.dossier(mw, s, "SUBMITTED")),
    input: (f, { side }) => ({ dossierId: f[side].id, action: "withdraw" }),
    expect: "                                            F    F/4  A/4  4    F    F    4    S",
  }),
  "transitionDossier[request-supplement]": row({
    setup: (mw) => both((s) => fx.dossier(mw, s, "FORWARDED")),
    input: (f, { side }) => ({ dossierId: f[side].id, action: "request-supplement", comment: "Thiếu giấy chứng nhận an toàn thực phẩm", missingItems: ["foodSafetyCertificate"] }),
    expect: "                                            A    F/4  F/4  4    F    F    4    S",
  }),

  // ---- lib/actions/certificates.ts
  revokeCertificate: row({
    setup: (mw) => both((s) => fx.certificate(mw, s)),
    input: (f, { side }) => ({
      certificateId: f[side].certificate.id,
      ground: "B",
      decisionNumber: `${unique()}/QĐ-UBND`,
      decidedOn: todayIso(),
      signerName: "Nguyễn Văn An",
      signerTitle: "Chủ tịch UBND tỉnh",
      note: "Kết luận hậu kiểm: sản phẩm không còn đáp ứng tiêu chí.",
    }),
    expect: "                                            A    F/4  F/4  4    F    F    4    S",
  }),
  startReEvaluation: row({
    setup: (mw) => both((s) => fx.certificate(mw, s)),
    input: (f, { side }) => ({ certificateId: f[side].certificate.id }),
    expect: "                                            F    F/4  A/4  4    F    F    4    S",
  }),

  // ---- lib/actions/inspections.ts (the office plans and concludes; producer and ward read)
  planInspection: row({
    setup: (mw) => both((s) => fx.certificate(mw, s)),
    input: (f, { side }) => ({ certificateId: f[side].certificate.id, kind: "PERIODIC", plannedOn: addDays(todayIso(), 14), team: "Phòng Kinh tế thành phố" }),
    expect: "                                            A    F/4  F/4  4    F    F    4    S",
  }),
  editInspectionPlan: row({
    setup: (mw) => both((s) => fx.inspection(mw, s)),
    input: async (f, { side }) => ({ inspectionId: f[side].inspection.id, version: await inspectionVersion(f[side].inspection.id), kind: "AD_HOC", plannedOn: addDays(todayIso(), 12), team: "Phòng Kinh tế" }),
    expect: "                                            A    F/4  F/4  4    F    F    4    S",
  }),
  cancelInspection: row({
    setup: (mw) => both((s) => fx.inspection(mw, s)),
    input: async (f, { side }) => ({ inspectionId: f[side].inspection.id, version: await inspectionVersion(f[side].inspection.id), reason: "Cơ sở tạm ngừng sản xuất" }),
    expect: "                                            A    F/4  F/4  4    F    F    4    S",
  }),
  concludeInspection: row({
    setup: (mw) => both((s) => fx.inspection(mw, s)),
    input: async (f, { side }) => ({
      inspectionId: f[side].inspection.id,
      version: await inspectionVersion(f[side].inspection.id),
      inspectedOn: todayIso(),
      team: "Phòng Kinh tế thành phố",
      checklist: Object.fromEntries(["criteriaMaintained", "markUsedCorrectly", "labelCorrect", "advertisingCorrect"].map((k) => [k, { result: "MET", note: "" }])),
      findings: "",
      conclusion: "COMPLIANT",
      followUp: "NONE",
      followUpNote: "",
      revocationGround: "",
    }),
    expect: "                                            A    F/4  F/4  4    F    F    4    S",
  }),
  uploadInspectionPhoto: row({
    setup: (mw) => both((s) => fx.inspection(mw, s)),
    input: (f, { side }) => fx.formData({ inspectionId: f[side].inspection.id, file: fx.pngFile() }),
    expect: "                                            A    F/4  F/4  4    F    F    4    S",
  }),
  removeInspectionPhoto: row({
    setup: (mw) => both((s) => fx.inspection(mw, s)),
    input: (f, { side }) => ({ attachmentId: f[side].photoId }),
    expect: "                                            A    F/4  F/4  4    F    F    4    S",
  }),

  // ---- lib/actions/annual-plans.ts (the office writes; leaders and wards read, so they see the
  // plan and are refused; a plan is the city's, so in and out of scope are two cycles' plans)
  createAnnualPlan: row({
    setup: async () => ({ in: await fx.freeCycle(), out: await fx.freeCycle() }),
    input: (f, { side }) => ({ year: f[side].year, title: `Kế hoạch thực hiện Chương trình OCOP năm ${f[side].year}`, decisionNumber: "", approvedOn: "", note: "" }),
    expect: "                                            A    F    4    4    F    F    4    S",
  }),
  updateAnnualPlanHeader: row({
    setup: () => both(() => fx.annualPlan()),
    input: async (f, { side }) => ({
      planId: f[side].plan.id,
      version: (await db.annualPlan.findUniqueOrThrow({ where: { id: f[side].plan.id } })).version,
      title: `Kế hoạch thực hiện Chương trình OCOP năm ${f[side].year}`,
      decisionNumber: "45/KH-UBND",
      approvedOn: "",
      note: "",
    }),
    expect: "                                            A    F    4    4    F    F    4    S",
  }),
  saveAnnualTarget: row({
    setup: () => both(() => fx.annualPlan()),
    input: (f, { side }) => ({ planId: f[side].plan.id, targetId: f[side].targetId, kind: "IDEAS", star: "", wardId: "", quantity: 25 }),
    expect: "                                            A    F    4    4    F    F    4    S",
  }),
  deleteAnnualTarget: row({
    setup: () => both(() => fx.annualPlan()),
    input: (f, { side }) => ({ planId: f[side].plan.id, itemId: f[side].targetId }),
    expect: "                                            A    F    4    4    F    F    4    S",
  }),
  saveAnnualBudgetLine: row({
    setup: () => both(() => fx.annualPlan()),
    input: (f, { side }) => ({ planId: f[side].plan.id, lineId: f[side].lineId, source: "CITY", stepNo: "", description: "Tập huấn xây dựng hồ sơ", amount: "60.000.000" }),
    expect: "                                            A    F    4    4    F    F    4    S",
  }),
  deleteAnnualBudgetLine: row({
    setup: () => both(() => fx.annualPlan()),
    input: (f, { side }) => ({ planId: f[side].plan.id, itemId: f[side].lineId }),
    expect: "                                            A    F    4    4    F    F    4    S",
  }),
  saveAnnualActivity: row({
    setup: () => both(() => fx.annualPlan()),
    input: (f, { side }) => ({ planId: f[side].plan.id, activityId: f[side].activityId, stepNo: 1, title: "Tuyên truyền Chương trình OCOP", owner: "Phòng Kinh tế", startsOn: `${f[side].year}-03-01`, endsOn: `${f[side].year}-04-15` }),
    expect: "                                            A    F    4    4    F    F    4    S",
  }),
  setAnnualActivityDone: row({
    setup: () => both(() => fx.annualPlan()),
    input: (f, { side }) => ({ planId: f[side].plan.id, activityId: f[side].activityId, done: false }),
    expect: "                                            A    F    4    4    F    F    4    S",
  }),
  deleteAnnualActivity: row({
    setup: () => both(() => fx.annualPlan()),
    input: (f, { side }) => ({ planId: f[side].plan.id, itemId: f[side].activityId }),
    expect: "                                            A    F    4    4    F    F    4    S",
  }),

  // ---- lib/actions/producers.ts
  updateProducerContact: row({
    setup: async (mw) => ({ in: mw.producerA.id, out: mw.producerB.id }),
    input: async (f, { side }) => ({ producerId: f[side], version: await version("producer", f[side]), address: "Tổ 7, phường Đức Xuân, thành phố Bắc Kạn", phone: "", email: "" }),
    expect: "                                            A    A/4  A/4  4    F    F    4    S",
  }),
  verifyProducer: row({
    setup: async (mw) => ({ in: mw.producerA.id, out: mw.producerB.id }),
    // Both are verified already: an allowed decision meets INVALID_TRANSITION and changes nothing.
    input: (f, { side }) => ({ producerId: f[side], decision: "VERIFIED" }),
    expect: "                                            A    A/4  F/4  4    F    F    4    S",
  }),

  // ---- lib/actions/products.ts
  saveProductProfile: row({
    setup: (mw) => both((s) => fx.product(mw, s)),
    input: async (f, { side }) => ({
      productId: f[side].product.id,
      version: await version("product", f[side].product.id),
      summary: "Gạo nếp thơm trồng ở ruộng bậc thang",
      story: "",
      packaging: "",
      priceFromVnd: "",
      qualitySystems: [],
      ecommerceLinks: [],
      livestreams: [],
      website: "",
    }),
    expect: "                                            A    F/4  A/4  4    F    F    4    S",
  }),
  uploadProductPhoto: row({
    setup: (mw) => both((s) => fx.product(mw, s)),
    input: (f, { side }) => fx.formData({ productId: f[side].product.id, file: fx.pngFile() }),
    expect: "                                            A    F/4  A/4  4    F    F    4    S",
  }),
  setProductCover: row({
    setup: (mw) => both((s) => fx.product(mw, s)),
    input: (f, { side }) => ({ productId: f[side].product.id, attachmentId: f[side].photoId }),
    expect: "                                            A    F/4  A/4  4    F    F    4    S",
  }),
  removeProductPhoto: row({
    setup: (mw) => both((s) => fx.product(mw, s)),
    input: (f, { side }) => ({ productId: f[side].product.id, attachmentId: f[side].photoId }),
    expect: "                                            A    F/4  A/4  4    F    F    4    S",
  }),

  // ---- lib/actions/raw-material-areas.ts
  saveRawMaterialArea: row({
    setup: (mw) => both((s) => fx.area(mw, s)),
    input: async (f, { side }) => ({ ...areaForm(), areaId: f[side].id, version: await version("area", f[side].id) }),
    expect: "                                            A    A/4  4    4    F    F    4    S",
    // A ward officer's new area is in their own ward whatever wardId the form sends.
    forge: {
      role: "WARD_OFFICER",
      input: (_f, { mw }) => ({ ...areaForm(), name: `Vùng giả mạo ${unique()}`, wardId: mw.wardB }),
      check: async (_f, mw) => {
        const created = await db.rawMaterialArea.findFirst({ where: { name: { startsWith: "Vùng giả mạo" }, createdById: mw.wardOfficerA.userId }, orderBy: { createdAt: "desc" } });
        if (created?.wardId !== mw.wardA) throw new Error(`the ward officer's new area is in ${created?.wardId}`);
      },
    },
  }),
  deleteRawMaterialArea: row({
    setup: (mw) => both((s) => fx.area(mw, s)),
    input: (f, { side }) => ({ areaId: f[side].id }),
    expect: "                                            A    A/4  4    4    F    F    4    S",
    fresh: true,
  }),

  // ---- lib/actions/points-of-sale.ts
  // A public form (no account): every role and a visitor may apply, in any of the city's wards.
  applyForPointOfSale: row({
    setup: (mw) => fx.product(mw, "in"),
    input: (f, { side, mw }) => ({
      name: "Cửa hàng đặc sản Bắc Kạn",
      operatorName: "Hộ kinh doanh Hoàng Thị Lan",
      address: "Số 12 đường Trường Chinh",
      wardId: pick(side, mw.wardA, mw.wardB),
      locationKind: "MALL_SUPERMARKET_MARKET",
      contactName: "Hoàng Thị Lan",
      phone: "0912345678",
      email: "",
      openingHours: "7:00 - 21:00",
      description: "",
      totalItemCount: 100,
      ocopLocalItemCount: 70,
      products: [{ productId: f.product.id, hasOcopStamp: true, hasTraceStamp: false }],
    }),
    expect: "                                            A    A    A    A    A    A    A    A",
  }),
  approvePointOfSale: row({
    setup: (mw) => both((s) => fx.pointOfSale(mw, s)),
    input: (f, { side }) => ({ pointOfSaleId: f[side].id, version: 0, decisionNo: `${unique()}/QĐ-UBND`, approvedOn: todayIso(), note: "" }),
    expect: "                                            A    F/4  4    4    F    F    4    S",
  }),
  refusePointOfSale: row({
    setup: (mw) => both((s) => fx.pointOfSale(mw, s)),
    input: (f, { side }) => ({ pointOfSaleId: f[side].id, version: 0, note: "Chưa đủ tỷ lệ sản phẩm OCOP trưng bày" }),
    expect: "                                            A    F/4  4    4    F    F    4    S",
  }),
  closePointOfSale: row({
    setup: (mw) => both((s) => fx.pointOfSale(mw, s)),
    input: (f, { side }) => ({ pointOfSaleId: f[side].id, version: 0, note: "Điểm bán đã ngừng kinh doanh" }),
    expect: "                                            A    F/4  4    4    F    F    4    S",
  }),

  // ---- lib/actions/events.ts (in scope: a published fair; out: a draft only the office sees)
  saveEvent: row({
    setup: async () => ({ in: await fx.tradeEvent("PUBLISHED"), out: await fx.tradeEvent("DRAFT") }),
    input: (f, { side }) => ({ ...eventForm(f[side]), eventId: f[side].id, version: f[side].version }),
    expect: "                                            A    F/4  F/4  4    F/4  F/4  4    S",
  }),
  transitionEvent: row({
    setup: async () => ({ in: await fx.tradeEvent("PUBLISHED"), out: await fx.tradeEvent("DRAFT") }),
    input: (f, { side }) => ({ eventId: f[side].id, action: "cancel", comment: "Hoãn do thời tiết" }),
    expect: "                                            A    F/4  F/4  4    F/4  F/4  4    S",
  }),
  recordEventResults: row({
    setup: async () => ({ in: await fx.tradeEvent("PUBLISHED"), out: await fx.tradeEvent("DRAFT") }),
    input: (f, { side }) => ({ eventId: f[side].id, version: f[side].version, visitorCount: "1200", salesVnd: "", contractsSigned: "", resultNote: "", participants: [] }),
    expect: "                                            A    F/4  F/4  4    F/4  F/4  4    S",
  }),
  registerForEvent: row({
    setup: async (mw) => ({ in: await fx.tradeEvent("PUBLISHED"), out: await fx.tradeEvent("DRAFT"), product: await fx.product(mw, "in") }),
    input: (f, { side }) => ({ eventId: f[side].id, productIds: [f.product.product.id], booths: 1, note: "" }),
    expect: "                                            F    F/4  A/4  4    F/4  F/4  4    S",
  }),
  decideParticipant: row({
    setup: async (mw) => {
      const event = await fx.tradeEvent("PUBLISHED");
      return { in: await fx.participant(mw, "in", event.id), out: await fx.participant(mw, "out", event.id) };
    },
    input: (f, { side }) => ({ participantId: f[side].id, decision: "confirm", note: "" }),
    expect: "                                            A    4    F/4  4    4    4    4    S",
  }),
  withdrawFromEvent: row({
    setup: async (mw) => {
      const event = await fx.tradeEvent("PUBLISHED");
      return { in: await fx.participant(mw, "in", event.id), out: await fx.participant(mw, "out", event.id) };
    },
    input: (f, { side }) => ({ participantId: f[side].id }),
    expect: "                                            F    4    A/4  4    4    4    4    S",
  }),

  // ---- lib/actions/gift-sets.ts (only the office loads a gift set; everyone else gets 404)
  saveGiftSet: row({
    setup: async () => ({ in: await fx.giftSet(true), out: await fx.giftSet(false) }),
    input: async (f, { side }) => ({ giftSetId: f[side].id, version: await version("giftSet", f[side].id), name: "Bộ quà Tết Bắc Kạn", occasion: "Tết", story: "", priceVnd: "", items: [] }),
    expect: "                                            A    4    4    4    4    4    4    S",
  }),
  setGiftSetPublished: row({
    setup: async () => ({ in: await fx.giftSet(true), out: await fx.giftSet(false) }),
    input: async (f, { side }) => ({ giftSetId: f[side].id, publish: side === "out", version: await version("giftSet", f[side].id) }),
    expect: "                                            A    4    4    4    4    4    4    S",
  }),
  uploadGiftSetCover: row({
    setup: async () => ({ in: await fx.giftSet(true), out: await fx.giftSet(false) }),
    input: (f, { side }) => fx.formData({ giftSetId: f[side].id, file: fx.pngFile() }),
    expect: "                                            A    4    4    4    4    4    4    S",
  }),

  // ---- lib/actions/news.ts and documents.ts: publications are not scoped, so an article or a
  // document id of someone who may not edit answers "forbidden" (ids are unguessable cuids).
  saveNewsArticle: row({
    setup: async () => ({ in: await fx.news("PUBLISHED"), out: await fx.news("DRAFT") }),
    input: async (f, { side }) => ({ articleId: f[side].id, version: await version("news", f[side].id), title: "Bắc Kạn có thêm 12 sản phẩm OCOP", summary: "Kết quả đánh giá đợt 2 năm 2026.", body: "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh đã họp." }),
    expect: "                                            A    F    F    F    F    F    A    S",
  }),
  transitionNews: row({
    setup: async () => ({ in: await fx.news("PUBLISHED"), out: await fx.news("DRAFT") }),
    input: (f, { side }) => ({ articleId: f[side].id, action: "archive" }),
    expect: "                                            A    F    F    F    F    F    A    S",
  }),
  setNewsCover: row({
    setup: async () => ({ in: await fx.news("PUBLISHED"), out: await fx.news("DRAFT") }),
    input: (f, { side }) => fx.formData({ articleId: f[side].id, file: fx.pngFile() }),
    expect: "                                            A    F    F    F    F    F    A    S",
  }),
  removeNewsCover: row({
    setup: async () => ({ in: await fx.news("PUBLISHED"), out: await fx.news("DRAFT") }),
    input: (f, { side }) => ({ articleId: f[side].id }),
    expect: "                                            A    F    F    F    F    F    A    S",
  }),
  saveLibraryDocument: row({
    setup: async () => ({ in: await fx.libraryDocument("PUBLISHED"), out: await fx.libraryDocument("DRAFT") }),
    input: async (f, { side }) => ({ documentId: f[side].id, version: await version("document", f[side].id), title: "Hướng dẫn thực hiện Chương trình OCOP", number: "", issuedOn: "", issuer: "UBND tỉnh Bắc Kạn", kind: "GUIDANCE", summary: "" }),
    expect: "                                            A    F    F    F    F    F    A    S",
  }),
  transitionDocument: row({
    setup: async () => ({ in: await fx.libraryDocument("PUBLISHED"), out: await fx.libraryDocument("DRAFT") }),
    input: (f, { side }) => ({ documentId: f[side].id, action: "archive" }),
    expect: "                                            A    F    F    F    F    F    A    S",
  }),
  setDocumentFile: row({
    setup: async () => ({ in: await fx.libraryDocument("PUBLISHED"), out: await fx.libraryDocument("DRAFT") }),
    input: (f, { side }) => fx.formData({ documentId: f[side].id, file: fx.pdfFile() }),
    expect: "                                            A    F    F    F    F    F    A    S",
  }),
  removeDocumentFile: row({
    setup: async () => ({ in: await fx.libraryDocument("PUBLISHED"), out: await fx.libraryDocument("DRAFT") }),
    input: (f, { side }) => ({ documentId: f[side].id }),
    expect: "                                            A    F    F    F    F    F    A    S",
  }),

  // ---- lib/actions/notifications.ts: in scope one's own notice, out of scope someone else's.
  markNotificationsRead: row({
    setup: async (mw) => {
      const other = await fx.plainUser(mw.tag, "Người nhận khác", "PRODUCER");
      return { other, notice: await fx.notification(other.userId) };
    },
    input: async (f, { side, actor }) => ({ ids: [side === "in" && actor ? (await fx.notification(actor.userId)).id : f.notice.id] }),
    expect: "                                            A    A    A    A    A    A    A    S",
    untouched: (f) => db.notification.findUniqueOrThrow({ where: { id: f.notice.id }, select: { readAt: true } }),
  }),

  // ---- lib/actions/users.ts: in scope another user, out of scope the actor's own account.
  endUserSessions: row({
    setup: (mw) => fx.plainUser(mw.tag, "Tài khoản đích", "LEADER"),
    input: (f, { side, actor }) => ({ userId: side === "out" && actor ? actor.userId : f.userId }),
    expect: "                                            4/F  4/F  4/F  4/F  4/F  A/F  4/F  S",
  }),
  setUserActive: row({
    setup: (mw) => fx.plainUser(mw.tag, "Tài khoản đích", "LEADER"),
    input: (f, { side, actor }) => ({ userId: side === "out" && actor ? actor.userId : f.userId, isActive: true }),
    expect: "                                            4/F  4/F  4/F  4/F  4/F  A/F  4/F  S",
  }),
  saveOwnLocale: row({
    setup: async () => null,
    input: () => ({ locale: "vi" }),
    expect: "                                            A    A    A    A    A    A    A    S",
    forge: { input: () => ({ locale: "en" }) },
  }),

  // ---- lib/actions/results.ts
  checkResult: row({
    setup: (mw) => both((s) => fx.scoringDossier(mw, s)),
    input: (f, { side }) => ({ dossierId: f[side].dossier.id }),
    expect: "                                            A    F/4  F/4  F/4  F    F    4    S",
  }),
  returnResult: row({
    setup: (mw) => both((s) => fx.scoringDossier(mw, s)),
    input: (f, { side }) => ({ dossierId: f[side].dossier.id, note: "Cần kiểm tra lại phiếu của thành viên" }),
    expect: "                                            A    F/4  F/4  F/4  F    F    4    S",
  }),
  recordRecognitionDecision: row({
    setup: (mw) => both((s) => fx.round(mw, s)),
    input: (f, { side }) => ({ roundId: f[side].id, number: `${unique()}/QĐ-UBND`, signedOn: todayIso(), signerName: "Nguyễn Văn An", signerTitle: "Chủ tịch UBND tỉnh", note: "" }),
    expect: "                                            A    4    4    F/4  F    F    4    S",
  }),
  releaseRoundResults: row({
    setup: (mw) => both((s) => fx.round(mw, s)),
    input: (f, { side }) => ({ roundId: f[side].id, decisionId: "" }),
    expect: "                                            A    4    4    F/4  F    F    4    S",
  }),
  recordReferralOutcome: row({
    setup: (mw) => both((s) => fx.referral(mw, s)),
    input: (f, { side }) => ({ referralId: f[side].referral.id, star: "", average: "", decidedOn: todayIso(), decisionNumber: "", level: "" }),
    expect: "                                            A    F/4  F/4  F/4  F    F    4    S",
  }),

  // ---- lib/actions/rounds.ts (a new round has no record to scope: the others are refused)
  createRound: row({
    setup: async () => null,
    input: async () => ({ cycleYear: await freshYear() }),
    expect: "                                            A    F    F    F    F    F    F    S",
  }),
  updateRound: row({
    setup: (mw) => both((s) => fx.round(mw, s)),
    input: async (f, { side }) => ({ ...roundForm(), roundId: f[side].id, version: await version("round", f[side].id) }),
    expect: "                                            A    4    4    F/4  F    F    4    S",
  }),
  startRoundScoring: row({
    setup: (mw) => both((s) => fx.round(mw, s)),
    input: (f, { side }) => ({ roundId: f[side].id }),
    expect: "                                            A    4    4    F/4  F    F    4    S",
  }),
  closeRound: row({
    setup: (mw) => both((s) => fx.round(mw, s)),
    input: (f, { side }) => ({ roundId: f[side].id }),
    expect: "                                            A    4    4    F/4  F    F    4    S",
  }),
  addCouncilMember: row({
    setup: async (mw) => ({ ...(await both((s) => fx.round(mw, s))), newcomer: await fx.plainUser(mw.tag, "Thành viên mới", "COUNCIL_MEMBER") }),
    input: (f, { side }) => ({ roundId: f[side].id, userId: f.newcomer.userId, role: "MEMBER", scores: true, title: "Chuyên gia" }),
    expect: "                                            A    4    4    F/4  F    F    4    S",
  }),
  updateCouncilMember: row({
    setup: async (mw) => {
      const extra = await fx.plainUser(mw.tag, "Thành viên", "COUNCIL_MEMBER");
      return both(async (s) => {
        const r = await fx.round(mw, s);
        return db.councilMember.create({ data: { roundId: r.id, userId: extra.userId, role: "MEMBER" } });
      });
    },
    input: (f, { side }) => ({ memberId: f[side].id, role: "MEMBER", scores: true, title: "Chuyên gia chế biến" }),
    expect: "                                            A    4    4    F/4  F    F    4    S",
  }),
  removeCouncilMember: row({
    setup: async (mw) => {
      const extra = await fx.plainUser(mw.tag, "Thành viên", "COUNCIL_MEMBER");
      return both(async (s) => {
        const r = await fx.round(mw, s);
        return db.councilMember.create({ data: { roundId: r.id, userId: extra.userId, role: "MEMBER" } });
      });
    },
    input: (f, { side }) => ({ memberId: f[side].id }),
    expect: "                                            A    4    4    F/4  F    F    4    S",
  }),
  assignDossiers: row({
    setup: (mw) => both(async (s) => ({ round: await fx.round(mw, s), dossier: await fx.dossier(mw, s, "FORWARDED") })),
    input: (f, { side }) => ({ roundId: f[side].round.id, dossierIds: [f[side].dossier.id] }),
    expect: "                                            A    4    4    F/4  F    F    4    S",
  }),
  removeDossierFromRound: row({
    setup: (mw) =>
      both(async (s) => {
        const r = await fx.round(mw, s);
        return { round: r, dossier: await fx.dossier(mw, s, "FORWARDED", r.id) };
      }),
    input: (f, { side }) => ({ roundId: f[side].round.id, dossierId: f[side].dossier.id }),
    expect: "                                            A    4    4    F/4  F    F    4    S",
  }),
  // The office's officer keeps the minutes of round A (a seat), not of round B.
  declareConflict: row({
    setup: (mw) => both((s) => fx.round(mw, s, { officeSecretary: true })),
    input: (f, { side, mw }) => ({ roundId: f[side].id, kind: "PRODUCER", producerId: mw.side(side).producerId, note: "Người thân làm việc tại HTX" }),
    expect: "                                            A/F  4    4    A/4  F    F    4    S",
  }),
  // One's own declaration only: anyone else's answers 404, the office's included.
  removeDeclaration: row({
    setup: (mw) =>
      both(async (s) => {
        const r = await fx.round(mw, s);
        return db.conflictDeclaration.create({ data: { roundId: r.id, userId: mw.side(s).council.userId, kind: "OTHER", note: "Quen biết chủ cơ sở" } });
      }),
    input: (f, { side }) => ({ declarationId: f[side].id }),
    expect: "                                            4    4    4    A/4  4    4    4    S",
  }),

  // ---- lib/actions/scoring.ts (the council member chairs round A and scores)
  saveScoreDraft: row({
    setup: (mw) => both((s) => fx.scoringDossier(mw, s)),
    input: (f, { side }) => ({ dossierId: f[side].dossier.id, answers: { items: {} }, comment: "" }),
    expect: "                                            F    F/4  F/4  A/4  F    F    4    S",
  }),
  // A member with a declared interest in the dossier does not see it; a secretary keeping the
  // minutes sees it and does not score.
  "saveScoreDraft[conflict of interest]": row({
    setup: (mw) => both((s) => fx.scoringDossier(mw, s, { conflicted: true })),
    input: (f, { side }) => ({ dossierId: f[side].dossier.id, answers: { items: {} }, comment: "" }),
    expect: "                                            F    F/4  F/4  4    F    F    4    S",
  }),
  "saveScoreDraft[non-scoring secretary]": row({
    setup: (mw) => both((s) => fx.scoringDossier(mw, s, { minuteTaker: true })),
    input: (f, { side }) => ({ dossierId: f[side].dossier.id, answers: { items: {} }, comment: "" }),
    expect: "                                            F    F/4  F/4  F/4  F    F    4    S",
  }),
  submitScoreSheet: row({
    setup: (mw) => both((s) => fx.scoringDossier(mw, s)),
    input: (f, { side }) => ({ dossierId: f[side].dossier.id, answers: { items: {} }, comment: "" }),
    expect: "                                            F    F/4  F/4  A/4  F    F    4    S",
  }),
  reopenScoreSheet: row({
    setup: (mw) => both((s) => fx.scoringDossier(mw, s)),
    input: (f, { side, mw }) => ({ dossierId: f[side].dossier.id, userId: mw.side(side).council.userId, reason: "Cần chấm lại tiêu chí 1.2 sau thảo luận" }),
    expect: "                                            F    F/4  F/4  A/4  F    F    4    S",
  }),
  remindMembers: row({
    setup: (mw) => both((s) => fx.round(mw, s)),
    input: (f, { side }) => ({ roundId: f[side].id }),
    expect: "                                            A    4    4    A/4  F    F    4    S",
  }),
  closeScoring: row({
    setup: (mw) => both((s) => fx.scoringDossier(mw, s)),
    input: (f, { side }) => ({ dossierId: f[side].dossier.id, discussionNote: "" }),
    expect: "                                            A    F/4  F/4  A/4  F    F    4    S",
  }),

  // ---- lib/actions/training.ts (in scope: a published course for everyone; out: a draft)
  saveCourse: row({
    setup: async () => ({ in: await fx.course("PUBLISHED"), out: await fx.course("DRAFT") }),
    input: (f, { side }) => ({ ...courseForm(f[side].course), courseId: f[side].course.id, version: f[side].course.version }),
    expect: "                                            A    F/4  F/4  F/4  F/4  F/4  F/4  S",
  }),
  transitionCourse: row({
    setup: async () => ({ in: await fx.course("PUBLISHED"), out: await fx.course("DRAFT") }),
    input: (f, { side }) => ({ courseId: f[side].course.id, action: "cancel", comment: "" }),
    expect: "                                            A    F/4  F/4  F/4  F/4  F/4  F/4  S",
  }),
  registerForCourse: row({
    setup: async () => ({ in: await fx.course("PUBLISHED"), out: await fx.course("DRAFT") }),
    input: (f, { side }) => ({ courseId: f[side].course.id }),
    expect: "                                            A/F  A/4  A/4  A/4  A/4  F/4  A/4  S",
  }),
  cancelCourseRegistration: row({
    setup: async () => ({ in: await fx.course("PUBLISHED"), out: await fx.course("DRAFT") }),
    input: (f, { side }) => ({ courseId: f[side].course.id }),
    expect: "                                            A/F  A/4  A/4  A/4  A/4  F/4  A/4  S",
  }),
  recordAttendance: row({
    setup: async () => ({ in: await fx.course("PUBLISHED"), out: await fx.course("DRAFT") }),
    input: (f, { side }) => ({ courseId: f[side].course.id, entries: [{ registrationId: "khong-co", attended: true }] }),
    expect: "                                            A    F/4  F/4  F/4  F/4  F/4  F/4  S",
  }),
  uploadCourseMaterial: row({
    setup: async () => ({ in: await fx.course("PUBLISHED"), out: await fx.course("DRAFT") }),
    input: (f, { side }) => fx.formData({ courseId: f[side].course.id, file: fx.pdfFile() }),
    expect: "                                            A    F/4  F/4  F/4  F/4  F/4  F/4  S",
  }),
  removeCourseMaterial: row({
    setup: async () => ({ in: await fx.course("PUBLISHED"), out: await fx.course("DRAFT") }),
    input: (f, { side }) => ({ courseId: f[side].course.id, attachmentId: f[side].materialId }),
    expect: "                                            A    F/4  F/4  F/4  F/4  F/4  F/4  S",
  }),

  // ---- lib/actions/registration.ts: the public self-registration (Auth.js sign-in mocked).
  registerProducer: row({
    setup: async () => null,
    input: (_f, { side, mw }) => ({
      fullName: "Lường Văn Thắng",
      loginEmail: `dang-ky-${unique()}@test.ocop`,
      loginPhone: "",
      password: "Mat-khau-dang-ky-2026",
      passwordConfirm: "Mat-khau-dang-ky-2026",
      type: "HOUSEHOLD_BUSINESS",
      name: `Hộ kinh doanh Lường Văn Thắng ${unique()}`,
      businessRegNo: "",
      taxCode: "",
      legalRepName: "Lường Văn Thắng",
      legalRepPosition: "",
      legalRepGender: "MALE",
      legalRepEthnicity: "Tày",
      address: "Thôn Nà Ngần, xã Nông Thượng",
      wardId: pick(side, mw.wardA, mw.wardB),
      phone: "",
      email: "",
      memberCount: "",
      workerCount: "",
    }),
    expect: "                                            A    A    A    A    A    A    A    A",
  }),

  // ---- Outside the wrapper: they establish or end the session, or only set a cookie.
  signInWithPassword: { exempt: "establishes the session (Auth.js credentials, throttled in lib/auth/credentials.ts): tests/integration/sign-in.test.ts" },
  signOutAction: { exempt: "ends the caller's own session and nothing else" },
  setLocale: { exempt: "sets the language cookie; for a signed-in user it calls saveOwnLocale, whose row is above" },
};

// ---------------------------------------------------------------------------------------------
// Route handlers, by path under app/ ("path#variant" for a second kind of record). GET is called
// with a Request built here.

export type RouteRow<F = unknown> = {
  setup: (mw: MatrixWorld) => Promise<F>;
  request: (f: F, ctx: Ctx) => { url: string; params?: Record<string, string> };
  expect: string;
  /**
   * For a list or a report: text of the side's record. A 200 counts as "allowed" only if the
   * record is in it, and as "4" (not returned) if it is not: a list answers in scope, not 404.
   */
  marker?: (f: F, ctx: Ctx) => string | Promise<string>;
};
export type RouteTableRow = RouteRow | Exempt;
const route = <F>(r: RouteRow<F>): RouteRow => r as unknown as RouteRow;
// The world's two wards (tests/integration/world.ts), by the code the desks' ward filter takes.
const WARD_A_CODE = "01840";
const WARD_B_CODE = "01852";
const publicRoute = (url: string) => route({ setup: async () => null, request: () => ({ url }), expect: "A A A A A A A A" });

//                                                  EO   WO   PR   CM   LE   AD   CO   anon
export const ROUTE_TABLE: Record<string, RouteTableRow> = {
  "(portal)/manage/training/[id]/attendance.csv/route.ts": route({
    setup: async () => ({ in: await fx.course("PUBLISHED"), out: await fx.course("DRAFT") }),
    request: (f, { side }) => ({ url: `/manage/training/${f[side].course.id}/attendance.csv`, params: { id: f[side].course.id } }),
    expect: "                                            A    4    4    4    4    4    4    4",
  }),
  "(portal)/manage/training/[id]/materials/[fileId]/route.ts": route({
    setup: async () => ({ in: await fx.course("PUBLISHED"), out: await fx.course("DRAFT") }),
    request: (f, { side }) => ({ url: `/manage/training/${f[side].course.id}/materials/${f[side].materialId}`, params: { id: f[side].course.id, fileId: f[side].materialId } }),
    expect: "                                            A    4    4    4    4    4    4    4",
  }),
  // ---- Excel exports of the lists (issue 6): the list's policy, the list's scope. The world's
  // tag is in both producers' names, so ?q= finds the two sides' records and little else.
  "(portal)/ideas/export/route.ts": route({
    setup: (mw) => both((s) => fx.idea(mw, s, "SUBMITTED")),
    request: (_f, { mw }) => ({ url: `/ideas/export?q=${mw.tag}` }),
    marker: (f, { side }) => f[side].productName,
    expect: "                                            A    A/4  A/4  4    A    A    4    S",
  }),
  "(portal)/plans/export/route.ts": route({
    setup: (mw) => both(async (s) => (await db.productIdea.findUniqueOrThrow({ where: { id: (await fx.plan(mw, s, "SUBMITTED")).ideaId } })).productName),
    request: (_f, { mw }) => ({ url: `/plans/export?q=${mw.tag}` }),
    marker: (f, { side }) => f[side],
    expect: "                                            A    A/4  A/4  4    A    A    4    S",
  }),
  "(portal)/dossiers/export/route.ts": route({
    setup: (mw) => both(async (s) => (await fx.scoringDossier(mw, s)).dossier),
    request: (_f, { mw }) => ({ url: `/dossiers/export?status=ALL&q=${mw.tag}` }),
    marker: (f, { side }) => f[side].productName,
    expect: "                                            A    A/4  A/4  A/4  A    A    4    S",
  }),
  "(portal)/certificates/export/route.ts": route({
    setup: (mw) => both((s) => fx.certificate(mw, s)),
    request: (_f, { mw }) => ({ url: `/certificates/export?q=${mw.tag}` }),
    marker: (f, { side }) => f[side].certificate.productName,
    expect: "                                            A    A/4  A/4  4    A    A    4    S",
  }),
  "(portal)/inspections/export/route.ts": route({
    setup: (mw) => both((s) => fx.inspection(mw, s)),
    request: (_f, { mw }) => ({ url: `/inspections/export?q=${mw.tag}` }),
    marker: (f, { side }) => f[side].certificate.productName,
    expect: "                                            A    A/4  A/4  4    A    A    4    S",
  }),
  "(portal)/manage/products/export/route.ts": route({
    setup: (mw) => both((s) => fx.product(mw, s)),
    request: (_f, { mw }) => ({ url: `/manage/products/export?q=${mw.tag}` }),
    marker: (f, { side }) => f[side].product.name,
    expect: "                                            A    A/4  A/4  4    A    A    4    S",
  }),
  // The office may filter by ward (its code); a ward officer's list is its ward whatever it asks.
  "(portal)/manage/points-of-sale/export/route.ts": route({
    setup: (mw) => both((s) => fx.pointOfSale(mw, s)),
    request: (_f, { side }) => ({ url: `/manage/points-of-sale/export?ward=${side === "in" ? WARD_A_CODE : WARD_B_CODE}` }),
    marker: (f, { side }) => f[side].name,
    expect: "                                            A    A/4  4    4    A    A    4    S",
  }),
  // The exhibitors of a published fair are public to whoever may open it; a draft is the office's.
  "(portal)/manage/events/[id]/export/route.ts": route({
    setup: async (mw) => {
      const published = await fx.tradeEvent("PUBLISHED");
      const draft = await fx.tradeEvent("DRAFT");
      await db.eventParticipant.create({ data: { eventId: published.id, producerId: mw.producerA.id, status: "CONFIRMED" } });
      await db.eventParticipant.create({ data: { eventId: draft.id, producerId: mw.producerB.id, status: "CONFIRMED" } });
      return { in: published, out: draft };
    },
    request: (f, { side }) => ({ url: `/manage/events/${f[side].id}/export`, params: { id: f[side].id } }),
    marker: (_f, { side, mw }) => mw.side(side).producer.name,
    expect: "                                            A    A/4  A/4  4    A/4  A/4  4    S",
  }),
  // A registration still waiting for the office is not public: only the office's export lists it.
  "(portal)/manage/events/[id]/export/route.ts#waiting registration": route({
    setup: async (mw) => {
      const published = await fx.tradeEvent("PUBLISHED");
      await db.eventParticipant.create({ data: { eventId: published.id, producerId: mw.producerB.id, status: "REGISTERED" } });
      return published;
    },
    request: (f) => ({ url: `/manage/events/${f.id}/export`, params: { id: f.id } }),
    marker: (_f, { mw }) => mw.producerB.name,
    expect: "                                            A    4    4    4    4    4    4    S",
  }),
  // The annual report of a ward: the city's roles choose any ward, a ward officer gets its own.
  "(portal)/dashboard/report/route.ts": route({
    setup: async () => null,
    request: (_f, { side, mw }) => ({ url: `/dashboard/report?year=2026&ward=${side === "in" ? mw.wardA : mw.wardB}` }),
    marker: async (_f, { side, mw }) => (await db.adminUnit.findUniqueOrThrow({ where: { id: mw.side(side).wardId } })).name,
    expect: "                                            A    A/4  4    4    A    A    4    S",
  }),
  "api/auth/[...nextauth]/route.ts": { exempt: "Auth.js's own endpoints (session, CSRF, sign-in): no record of the portal; tests/integration/sign-in.test.ts" },
  "api/certificates/[id]/pdf/route.ts": route({
    setup: (mw) => both((s) => fx.certificate(mw, s)),
    request: (f, { side }) => ({ url: `/api/certificates/${f[side].certificate.id}/pdf`, params: { id: f[side].certificate.id } }),
    expect: "                                            A    A/4  A/4  4    A    A    4    4",
  }),
  // The minutes carry every member's total: the office, leaders and a seat that has submitted.
  "api/dossiers/[id]/minutes/route.ts": route({
    setup: async (mw) => ({
      in: (await scoredDossier({ producerId: mw.producerA.id, members: [mw.council], points: 80, keepStar: 4 })).dossier,
      out: (await scoredDossier({ producerId: mw.producerB.id, members: [mw.councilB], points: 80, keepStar: 4 })).dossier,
    }),
    request: (f, { side }) => ({ url: `/api/dossiers/${f[side].id}/minutes`, params: { id: f[side].id } }),
    expect: "                                            A    4    4    A/4  A    4    4    4",
  }),
  // A council member with a declared interest gets no minutes of that dossier.
  "api/dossiers/[id]/minutes/route.ts#conflict of interest": route({
    setup: async (mw) => {
      const { dossier } = await scoredDossier({ producerId: mw.producerA.id, members: [mw.council, mw.councilB], points: 80, keepStar: 4 });
      await db.dossierConflict.create({ data: { dossierId: dossier.id, userId: mw.council.userId, source: "DECLARED", reason: "Người thân của chủ cơ sở" } });
      return dossier;
    },
    request: (f) => ({ url: `/api/dossiers/${f.id}/minutes`, params: { id: f.id } }),
    expect: "                                            A    4    4    4    A    4    4    4",
  }),
  "api/files/[id]/route.ts": route({
    setup: (mw) => both(async (s) => fx.attachFile("ProductIdea", (await fx.idea(mw, s, "RETURNED")).id)),
    request: (f, { side }) => ({ url: `/api/files/${f[side].id}`, params: { id: f[side].id } }),
    expect: "                                            A    A/4  A/4  4    A    A    4    4",
  }),
  // A dossier's papers: its producer and ward, the city, and the council of its round.
  "api/files/[id]/route.ts#dossier paper": route({
    setup: (mw) => both(async (s) => fx.attachFile("Dossier", (await fx.scoringDossier(mw, s)).dossier.id)),
    request: (f, { side }) => ({ url: `/api/files/${f[side].id}`, params: { id: f[side].id } }),
    expect: "                                            A    A/4  A/4  A/4  A    A    4    4",
  }),
  // A catalogue photo before the product is listed: those who may read the product.
  "api/files/[id]/route.ts#unlisted product photo": route({
    setup: (mw) => both((s) => fx.product(mw, s)),
    request: (f, { side }) => ({ url: `/api/files/${f[side].photoId}`, params: { id: f[side].photoId } }),
    expect: "                                            A    A/4  A/4  4    A    A    4    4",
  }),
  // An inspection's photos follow its read policy: the office, leaders, its ward and its producer.
  "api/files/[id]/route.ts#inspection photo": route({
    setup: (mw) => both((s) => fx.inspection(mw, s)),
    request: (f, { side }) => ({ url: `/api/files/${f[side].photoId}`, params: { id: f[side].photoId } }),
    expect: "                                            A    A/4  A/4  4    A    A    4    4",
  }),
  "api/health/route.ts": publicRoute("/api/health"),
  // Files of published records for everyone; a draft's file does not exist here.
  "api/media/[id]/route.ts": route({
    setup: async () => ({ in: await fx.news("PUBLISHED"), out: await fx.news("DRAFT") }),
    request: (f, { side }) => ({ url: `/api/media/${f[side].coverPhotoId}`, params: { id: f[side].coverPhotoId! } }),
    expect: "                                            A/4  A/4  A/4  A/4  A/4  A/4  A/4  A/4",
  }),
  // …and not the photo of a product that is not (yet) in the catalogue, to anyone.
  "api/media/[id]/route.ts#unlisted product photo": route({
    setup: (mw) => both((s) => fx.product(mw, s)),
    request: (f, { side }) => ({ url: `/api/media/${f[side].photoId}`, params: { id: f[side].photoId } }),
    expect: "                                            4    4    4    4    4    4    4    4",
  }),
  "api/open-data/points-of-sale.csv/route.ts": publicRoute("/api/open-data/points-of-sale.csv"),
  "api/open-data/points-of-sale.json/route.ts": publicRoute("/api/open-data/points-of-sale.json"),
  "api/open-data/products.csv/route.ts": publicRoute("/api/open-data/products.csv"),
  "api/open-data/products.json/route.ts": publicRoute("/api/open-data/products.json"),
  "api/ping/route.ts": publicRoute("/api/ping"),
  "api/products/suggest/route.ts": publicRoute("/api/products/suggest?q=mien"),
};

// ---------------------------------------------------------------------------------------------
// Ids of someone else's records inside an input whose main record is the actor's own: the action
// must refuse them (with the code given) and leave everything outside the actor's scope as it was.

export type SecondaryRow<F = unknown> = {
  action: string;
  role: Exclude<RoleKey, "anonymous">;
  what: string;
  setup: (mw: MatrixWorld) => Promise<F>;
  input: (f: F, ctx: Ctx) => unknown;
  refusal: "VALIDATION" | "NOT_FOUND";
};
const secondary = <F>(r: SecondaryRow<F>): SecondaryRow => r as unknown as SecondaryRow;

export const SECONDARY_TABLE: SecondaryRow[] = [
  secondary({
    action: "registerForEvent",
    role: "PRODUCER",
    what: "another producer's product",
    setup: async (mw) => ({ event: await fx.tradeEvent("PUBLISHED"), product: await fx.product(mw, "out") }),
    input: (f) => ({ eventId: f.event.id, productIds: [f.product.product.id], booths: 1, note: "" }),
    refusal: "VALIDATION",
  }),
  secondary({
    action: "saveRawMaterialArea",
    role: "WARD_OFFICER",
    what: "a producer of another ward",
    setup: async () => null,
    input: (_f, { mw }) => ({ ...areaForm(), producerIds: [mw.producerB.id] }),
    refusal: "VALIDATION",
  }),
  secondary({
    action: "saveRawMaterialArea",
    role: "WARD_OFFICER",
    what: "a product of another ward",
    setup: (mw) => fx.product(mw, "out"),
    input: (f) => ({ ...areaForm(), productIds: [f.product.id] }),
    refusal: "VALIDATION",
  }),
  secondary({
    action: "createDossier",
    role: "PRODUCER",
    what: "another producer's certificate to upgrade",
    setup: (mw) => fx.certificate(mw, "out"),
    input: (f) => ({ evaluationType: "UPGRADE", productName: "Tinh bột nghệ Phủ Thông", criteriaSetNo: 7, previousCertificateId: f.certificate.id }),
    refusal: "VALIDATION",
  }),
  secondary({
    action: "saveDossierDraft",
    role: "PRODUCER",
    what: "another producer's certificate to re-evaluate",
    setup: async (mw) => ({ dossier: await fx.dossier(mw, "in", "DRAFT"), cert: await fx.certificate(mw, "out") }),
    input: async (f) => ({ ...dossierDraft(), dossierId: f.dossier.id, version: await version("dossier", f.dossier.id), evaluationType: "RE_EVALUATION", previousCertificateId: f.cert.certificate.id }),
    refusal: "VALIDATION",
  }),
  secondary({
    action: "savePlanDraft",
    role: "PRODUCER",
    what: "another producer's accepted idea",
    setup: (mw) => fx.idea(mw, "out", "ACCEPTED"),
    input: (f) => ({ ...planFields(), ideaId: f.id }),
    refusal: "NOT_FOUND",
  }),
  secondary({
    action: "setProductCover",
    role: "PRODUCER",
    what: "another product's photo",
    setup: async (mw) => ({ mine: await fx.product(mw, "in"), theirs: await fx.product(mw, "out") }),
    input: (f) => ({ productId: f.mine.product.id, attachmentId: f.theirs.photoId }),
    refusal: "NOT_FOUND",
  }),
  secondary({
    action: "removeProductPhoto",
    role: "PRODUCER",
    what: "another product's photo",
    setup: async (mw) => ({ mine: await fx.product(mw, "in"), theirs: await fx.product(mw, "out") }),
    input: (f) => ({ productId: f.mine.product.id, attachmentId: f.theirs.photoId }),
    refusal: "NOT_FOUND",
  }),
  secondary({
    action: "reportMilestone",
    role: "PRODUCER",
    what: "a milestone of another producer's plan",
    setup: async (mw) => ({ mine: await fx.plan(mw, "in", "IMPLEMENTING"), theirs: await fx.plan(mw, "out", "IMPLEMENTING") }),
    input: (f) => ({ planId: f.mine.plan.id, milestoneId: f.theirs.milestoneId, doneOn: todayIso(), report: "Đã hoàn thành" }),
    refusal: "NOT_FOUND",
  }),
  secondary({
    action: "updateSupportStatus",
    role: "WARD_OFFICER",
    what: "a support activity of another ward's plan",
    setup: async (mw) => ({ mine: await fx.plan(mw, "in", "IMPLEMENTING"), theirs: await fx.plan(mw, "out", "IMPLEMENTING") }),
    input: (f) => ({ planId: f.mine.plan.id, supportId: f.theirs.supportId, status: "CANCELLED" }),
    refusal: "NOT_FOUND",
  }),
  secondary({
    action: "removeEvidence",
    role: "PRODUCER",
    what: "a paper of another producer's dossier",
    setup: async (mw) => {
      const mine = await fx.dossier(mw, "in", "RETURNED");
      const theirs = await fx.dossier(mw, "out", "RETURNED");
      const file = await fx.attachFile("Dossier", theirs.id);
      const evidence = await db.dossierEvidence.create({ data: { dossierId: theirs.id, attachmentId: file.id, kind: "BUSINESS_REGISTRATION", title: "Giấy đăng ký" } });
      return { mine, evidenceId: evidence.id };
    },
    input: (f) => ({ dossierId: f.mine.id, evidenceId: f.evidenceId }),
    refusal: "NOT_FOUND",
  }),
  secondary({
    action: "declareConflict",
    role: "COUNCIL_MEMBER",
    what: "a dossier of another round",
    setup: async (mw) => ({ mine: await fx.round(mw, "in"), theirs: await fx.scoringDossier(mw, "out") }),
    input: (f) => ({ roundId: f.mine.id, kind: "OTHER", dossierId: f.theirs.dossier.id, note: "Quen biết chủ cơ sở" }),
    refusal: "VALIDATION",
  }),
  secondary({
    action: "remindMembers",
    role: "COUNCIL_MEMBER",
    what: "a member of another council",
    setup: (mw) => fx.round(mw, "in"),
    input: (f, { mw }) => ({ roundId: f.id, userId: mw.councilB.userId }),
    refusal: "NOT_FOUND",
  }),
  secondary({
    action: "reopenScoreSheet",
    role: "COUNCIL_MEMBER",
    what: "the sheet of a member of another council",
    setup: (mw) => fx.scoringDossier(mw, "in"),
    input: (f, { mw }) => ({ dossierId: f.dossier.id, userId: mw.councilB.userId, reason: "Cần chấm lại tiêu chí 1.2 sau thảo luận" }),
    refusal: "NOT_FOUND",
  }),
  secondary({
    action: "removeDossierFromRound",
    role: "ECONOMIC_OFFICE",
    what: "a dossier of another round",
    setup: async (mw) => {
      const mine = await fx.round(mw, "in");
      const theirs = await fx.round(mw, "out");
      return { mine, dossier: await fx.dossier(mw, "out", "FORWARDED", theirs.id) };
    },
    input: (f) => ({ roundId: f.mine.id, dossierId: f.dossier.id }),
    refusal: "NOT_FOUND",
  }),
  secondary({
    action: "releaseRoundResults",
    role: "ECONOMIC_OFFICE",
    what: "the decision of another round",
    setup: async (mw) => {
      const mine = await fx.round(mw, "in");
      const theirs = await fx.round(mw, "out");
      const decision = await db.decision.create({ data: { kind: "RECOGNITION", number: `${unique()}/QĐ-UBND`, signedOn: new Date(), signerName: "Nguyễn Văn An", signerTitle: "Chủ tịch UBND tỉnh", level: "PROVINCE", roundId: theirs.id } });
      return { mine, decisionId: decision.id };
    },
    input: (f) => ({ roundId: f.mine.id, decisionId: f.decisionId }),
    refusal: "VALIDATION",
  }),
  secondary({
    action: "removeCourseMaterial",
    role: "ECONOMIC_OFFICE",
    what: "the material of another course",
    setup: async () => ({ mine: await fx.course("PUBLISHED"), theirs: await fx.course("PUBLISHED") }),
    input: (f) => ({ courseId: f.mine.course.id, attachmentId: f.theirs.materialId }),
    refusal: "NOT_FOUND",
  }),
];
