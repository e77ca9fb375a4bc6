// Demo data of monitoring after recognition (hậu kiểm, QĐ26 Art. 9): a few inspections of the
// demo certificates (prisma/seed/demo-catalogue.ts), so the list shows every state — one done
// and compliant, one that ended with a warning to the demo producer HTX Nông nghiệp Tân Thành,
// one overdue, one coming up, one called off. Dates are relative to the day the seed runs (never
// before the certificate's issue), as the office would have them. Idempotent: an inspection is
// made once per certificate and kind; a certificate that is missing or no longer in force is
// skipped.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { formatCertificateNumber } from "../../lib/domain/certificate-numbers";
import { addDays, compareIsoDate, vietnamDateOf, type IsoDate } from "../../lib/domain/dates";
import { emptyChecklist, type Checklist, type InspectionConclusion, type InspectionFollowUp, type InspectionKind } from "../../lib/domain/inspections";

const day = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);
const isoOf = (d: Date) => d.toISOString().slice(0, 10);

const TEAM_CITY = ["Hoàng Thị Lan, chuyên viên Phòng Kinh tế", "Nông Văn Hùng, Trung tâm Dịch vụ nông nghiệp thành phố", "Lý Thị Hoa, Đội Quản lý thị trường số 1"].join("\n");
const TEAM_LABEL = ["Hoàng Thị Lan, chuyên viên Phòng Kinh tế", "Đinh Văn Quý, Phòng Văn hóa – Khoa học và Thông tin", "Lộc Thị Hạnh, công chức Ủy ban nhân dân xã Nông Thượng"].join("\n");

const ALL_MET: Checklist = {
  criteriaMaintained: { met: true, note: "Vùng nguyên liệu, quy trình và giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm còn hiệu lực như hồ sơ." },
  markUsedCorrectly: { met: true, note: "" },
  labelCorrect: { met: true, note: "" },
  advertisingCorrect: { met: true, note: "" },
};

type DemoInspection = {
  /** The demo certificate, by the running number and year of demo-catalogue.ts. */
  seq: number;
  year: number;
  kind: InspectionKind;
  /** Days from the seed's day (negative: in the past). */
  plannedIn: number;
  team: string;
  outcome?:
    | { kind: "concluded"; inspectedIn: number; checklist: Checklist; findings: string; conclusion: InspectionConclusion; followUp: InspectionFollowUp; followUpNote: string }
    | { kind: "cancelled"; reason: string };
};

const INSPECTIONS: DemoInspection[] = [
  {
    // Miến dong Tài Hoan, 5★: the yearly check, all in order.
    seq: 21,
    year: 2025,
    kind: "PERIODIC",
    plannedIn: -76,
    team: TEAM_CITY,
    outcome: { kind: "concluded", inspectedIn: -75, checklist: ALL_MET, findings: "Cơ sở duy trì đúng quy trình sản xuất đã đánh giá; tem OCOP 5 sao và tem truy xuất nguồn gốc dán đúng trên các gói 300 g, 500 g và hộp quà 1 kg.", conclusion: "COMPLIANT", followUp: "NONE", followUpNote: "" },
  },
  {
    // Tinh bột nghệ nếp đen Bắc Kạn, 4★ of HTX Nông nghiệp Tân Thành: an ad hoc check after a
    // customer reported gift boxes printed with the mark but no star count.
    seq: 43,
    year: 2026,
    kind: "AD_HOC",
    plannedIn: -19,
    team: TEAM_LABEL,
    outcome: {
      kind: "concluded",
      inspectedIn: -18,
      checklist: {
        ...ALL_MET,
        markUsedCorrectly: { met: false, note: "Lô 600 hộp quà 200 g in biểu trưng OCOP nhưng không in số sao." },
        labelCorrect: { met: false, note: "Nhãn hộp quà thiếu mã truy xuất nguồn gốc." },
      },
      findings: "Biên bản kiểm tra số 07/BB-KT: lô hộp quà Tết 200 g (600 hộp) in biểu trưng OCOP không kèm số sao và thiếu mã truy xuất nguồn gốc trên nhãn. Các gói 100 g bán lẻ đúng quy định.",
      conclusion: "NON_COMPLIANT",
      followUp: "WARNING",
      followUpNote: "Thu hồi, dán tem OCOP 4 sao và tem truy xuất nguồn gốc cho toàn bộ lô hộp quà trước khi bán; báo cáo bằng văn bản về Phòng Kinh tế trước ngày kiểm tra lại.",
    },
  },
  // Gạo nếp Khẩu Nua Lếch Huyền Tụng: its day has passed and the conclusion is still to be written.
  { seq: 41, year: 2026, kind: "PERIODIC", plannedIn: -6, team: TEAM_CITY },
  // Thịt lợn gác bếp Dung Dinh (HTX Dương Quang): coming up.
  { seq: 121, year: 2025, kind: "PERIODIC", plannedIn: 9, team: TEAM_CITY },
  {
    // Trà thảo dược giảo cổ lam núi đá: called off at the producer's request.
    seq: 120,
    year: 2025,
    kind: "PERIODIC",
    plannedIn: -30,
    team: TEAM_CITY,
    outcome: { kind: "cancelled", reason: "Chủ thể đề nghị lùi lịch do đang sửa chữa nhà xưởng; chuyển sang kế hoạch kiểm tra quý I năm sau." },
  },
];

export async function seedDemoInspections(db: PrismaClient) {
  const today = vietnamDateOf(new Date());
  const office = await db.user.findUnique({ where: { email: "kinhte@ocop.demo" }, select: { id: true, name: true } });
  const by = { actorId: office?.id ?? null, actorName: office?.name ?? null, actorRole: office ? ("ECONOMIC_OFFICE" as const) : null };
  let made = 0;
  for (const d of INSPECTIONS) {
    const cert = await db.certificate.findUnique({
      where: { number: formatCertificateNumber({ seq: d.seq, year: d.year, province: "06" }) },
      select: { id: true, status: true, issuedOn: true, expiresOn: true, producerId: true, producer: { select: { wardId: true } } },
    });
    if (!cert || (cert.status !== "ACTIVE" && cert.status !== "REVOCATION_PROPOSED")) continue;
    // Never before the certificate (nor on its first day), never past its last day.
    const within = (offset: number) => {
      const wanted = addDays(today, offset);
      const first = addDays(isoOf(cert.issuedOn), 7);
      const clamped = compareIsoDate(wanted, first) < 0 ? first : wanted;
      return compareIsoDate(clamped, isoOf(cert.expiresOn)) > 0 ? isoOf(cert.expiresOn) : clamped;
    };
    const plannedOn = within(d.plannedIn);
    const inspectedOn = d.outcome?.kind === "concluded" ? within(d.outcome.inspectedIn) : null;
    // A conclusion is of a day that has come.
    if (inspectedOn && compareIsoDate(inspectedOn, today) > 0) continue;
    // Once per certificate and kind: a later run (another day) must not plan it again.
    if (await db.inspection.findFirst({ where: { certificateId: cert.id, kind: d.kind }, select: { id: true } })) continue;
    const plannedAt = new Date(day(plannedOn).getTime() - 14 * 86_400_000);
    const outcome = d.outcome;
    const inspection = await db.inspection.create({
      data: {
        certificateId: cert.id,
        producerId: cert.producerId,
        wardId: cert.producer.wardId,
        kind: d.kind,
        plannedOn: day(plannedOn),
        team: d.team,
        createdById: office?.id ?? null,
        createdAt: plannedAt,
        ...(outcome?.kind === "concluded"
          ? {
              status: "CONCLUDED",
              inspectedOn: day(inspectedOn!),
              checklist: outcome.checklist,
              findings: outcome.findings,
              conclusion: outcome.conclusion,
              followUp: outcome.followUp,
              followUpNote: outcome.followUpNote,
              version: 1,
            }
          : outcome?.kind === "cancelled"
            ? { status: "CANCELLED", checklist: emptyChecklist(), version: 1 }
            : { status: "PLANNED", checklist: emptyChecklist() }),
      },
      select: { id: true },
    });
    const kindText = d.kind === "PERIODIC" ? "Định kỳ" : "Đột xuất";
    const events: { action: string; from: string | null; to: string; at: Date; comment: string }[] = [
      { action: "plan", from: null, to: "PLANNED", at: plannedAt, comment: `${kindText} — ${plannedOn.split("-").reverse().join("/")}` },
    ];
    if (outcome?.kind === "concluded") {
      const conclusion = outcome.conclusion === "COMPLIANT" ? "Đạt yêu cầu" : "Không đạt yêu cầu";
      const followUp = outcome.followUp === "NONE" ? "Không phải xử lý" : outcome.followUp === "WARNING" ? "Nhắc nhở, yêu cầu khắc phục" : "Đề nghị thu hồi giấy chứng nhận";
      events.push({ action: "conclude", from: "PLANNED", to: "CONCLUDED", at: new Date(day(inspectedOn!).getTime() + 10 * 3_600_000), comment: [`${conclusion} — ${followUp}`, outcome.followUpNote].filter(Boolean).join("\n") });
    } else if (outcome?.kind === "cancelled") {
      events.push({ action: "cancel", from: "PLANNED", to: "CANCELLED", at: new Date(day(plannedOn).getTime() - 3 * 86_400_000), comment: outcome.reason });
    }
    for (const e of events) {
      await db.statusEvent.create({ data: { entityType: "Inspection", entityId: inspection.id, action: e.action, fromStatus: e.from, toStatus: e.to, comment: e.comment, at: e.at, ...by } });
    }
    made += 1;
  }
  return made;
}
