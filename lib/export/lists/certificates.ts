import "server-only";
import { certificateListOrder, certificateListWhere, displayStatus, PENDING_DOSSIER_STATES, type CertificateListFilters } from "@/lib/db/certificates";
import { isoOf, type IsoDate } from "@/lib/domain/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportSource } from "../run";
import { described, h, searchFilter, wardFilter } from "./common";

const select = {
  id: true,
  number: true,
  productName: true,
  criteriaSetNo: true,
  star: true,
  level: true,
  issuedOn: true,
  expiresOn: true,
  status: true,
  revokedOn: true,
  revocationGround: true,
  producer: { select: { name: true, type: true, ward: { select: { name: true } } } },
  decision: { select: { number: true, signedOn: true } },
  dossier: { select: { evaluationType: true, productCode: true } },
  // What displayStatus needs to tell the Art. 12.3 grace, as the list loads it.
  nextDossiers: { where: { status: { in: PENDING_DOSSIER_STATES } }, select: { status: true, evaluationType: true } },
} satisfies Prisma.CertificateSelect;

export type CertificateExportRow = Prisma.CertificateGetPayload<{ select: typeof select }>;
export type CertificateExportFilters = CertificateListFilters & { today: IsoDate };

/** /certificates: the list's where (lib/db/certificates.ts certificateListWhere) and order, with the status shown for today. */
export const certificateExport: ExportSource<CertificateExportFilters, CertificateExportRow> = {
  action: "certificate.list",
  resource: { type: "dashboard" },
  count: (db, actor, f) => db.certificate.count({ where: certificateListWhere(actor, f, f.today) }),
  rows: (db, actor, f, skip, take) => db.certificate.findMany({ where: certificateListWhere(actor, f, f.today), orderBy: certificateListOrder(f), skip, take, select }),
  describe: async (t, _actor, f, db) => ({
    sheetName: t("reports.export.certificates.sheet"),
    title: t("reports.export.certificates.title"),
    fileName: t("reports.export.certificates.file"),
    filters: described([
      f.status && t("reports.export.filter.certificateStatus", { value: t(`certificates.filter${f.status[0]!.toUpperCase()}${f.status.slice(1)}`) }),
      f.star && t("reports.export.filter.star", { star: f.star }),
      f.expiringWithin && t("reports.export.filter.expiring", { days: f.expiringWithin }),
      await wardFilter(t, db, f.wardId),
      f.issuedYear && t("reports.export.filter.issuedYear", { year: f.issuedYear }),
      f.evaluationType && t("reports.export.filter.evaluationType", { type: t(`evaluationType.${f.evaluationType}`) }),
      f.revokedYear && t("reports.export.filter.revokedYear", { year: f.revokedYear }),
      searchFilter(t, f.q),
    ]),
    columns: [
      { header: h(t, "certificateNumber"), key: "number", type: "text" },
      { header: h(t, "productName"), key: "productName", type: "text" },
      { header: h(t, "productCode"), key: "productCode", type: "text", value: (r) => r.dossier.productCode },
      { header: h(t, "producer"), key: "producer", type: "text", value: (r) => r.producer.name },
      { header: h(t, "producerType"), key: "producerType", type: "text", value: (r) => t(`producerTypes.${r.producer.type}`) },
      { header: h(t, "ward"), key: "ward", type: "text", value: (r) => r.producer.ward.name },
      { header: h(t, "star"), key: "star", type: "integer" },
      { header: h(t, "level"), key: "level", type: "text", value: (r) => t(`certificates.levels.${r.level}`) },
      { header: h(t, "evaluationType"), key: "evaluationType", type: "text", value: (r) => t(`evaluationType.${r.dossier.evaluationType}`) },
      { header: h(t, "criteriaSetNo"), key: "criteriaSetNo", type: "integer" },
      { header: h(t, "decisionNumber"), key: "decisionNumber", type: "text", value: (r) => r.decision.number },
      { header: h(t, "decisionSignedOn"), key: "decisionSignedOn", type: "date", value: (r) => isoOf(r.decision.signedOn) },
      { header: h(t, "issuedOn"), key: "issuedOn", type: "date", value: (r) => isoOf(r.issuedOn) },
      { header: h(t, "expiresOn"), key: "expiresOn", type: "date", value: (r) => isoOf(r.expiresOn) },
      { header: h(t, "certificateStatus"), key: "status", type: "text", value: (r) => t(`certificateStatus.${displayStatus(r, f.today)}`) },
      { header: h(t, "revokedOn"), key: "revokedOn", type: "date", value: (r) => (r.revokedOn ? isoOf(r.revokedOn) : null) },
      { header: h(t, "revocationGround"), key: "revocationGround", type: "text", value: (r) => (r.revocationGround ? t(`revocationGrounds.${r.revocationGround}`) : null) },
    ],
  }),
};
