import "server-only";
import { Document, Image, Page, renderToBuffer, View } from "@react-pdf/renderer";
import type { IsoDate } from "@/lib/domain/dates";
import type { EvaluationLevel } from "@/lib/domain/rule-sets";
import { translatorFor } from "@/lib/i18n/translate";
import { base, ddmmyyyy, GOLD, GREEN, NationalHeading, nfc, placeDate, StarRow, T, type PdfTranslator } from "./common";
import { registerPdfFonts } from "./fonts";
import { qrPngDataUrl } from "./qr";

export type CertificatePdfData = {
  number: string;
  productName: string;
  producerName: string;
  producerAddress: string;
  wardName: string;
  star: number;
  level: EvaluationLevel;
  /** The issuing UBND's unit, e.g. "Tỉnh Bắc Kạn" (ignored for the ministry). */
  issuerUnit: string;
  /** Place on the date line, e.g. "Bắc Kạn". */
  place: string;
  decisionNumber: string;
  decisionSignedOn: IsoDate;
  signerName: string;
  signerTitle: string;
  issuedOn: IsoDate;
  expiresOn: IsoDate;
  /** The public verification page the QR code opens (printed under it too). */
  verifyUrl: string;
  /** Printed across the page when the certificate no longer stands ("ĐÃ THU HỒI"), else null. */
  stamp: string | null;
};

/** The issuing authority in two lines, as the heading of its papers reads. */
function issuerLines(t: PdfTranslator, level: EvaluationLevel, unit: string): [string, string] {
  if (level === "CENTRAL") return [t("certificatePdf.ministryLine1"), t("certificatePdf.ministryLine2")];
  return [t("certificatePdf.peoplesCommittee"), unit.toLocaleUpperCase("vi")];
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <View style={{ flexDirection: "row", marginTop: 5 }}>
      <T style={{ width: 150, color: "#44403c" }}>{label}:</T>
      <View style={{ flex: 1 }}>{children}</View>
    </View>
  );
}

export function CertificateDocument({ data, qr, t }: { data: CertificatePdfData; qr: string; t: PdfTranslator }) {
  const [issuer1, issuer2] = issuerLines(t, data.level, data.issuerUnit);
  const title = `${t("certificatePdf.title")} ${t("certificatePdf.subtitle")}`;
  return (
    <Document title={`${title} ${data.number}`} author={issuer2} subject={data.productName} language="vi" creator={t("common.appName")} producer={t("common.appName")}>
      <Page size="A4" orientation="landscape" style={[base.page, { padding: 18 }]}>
        <View style={{ flex: 1, borderWidth: 3, borderColor: GREEN, padding: 4 }}>
          <View style={{ flex: 1, borderWidth: 1, borderColor: GOLD, paddingHorizontal: 34, paddingVertical: 18 }}>
            <View style={{ flexDirection: "row", justifyContent: "space-between" }}>
              <View style={{ width: 260, alignItems: "center" }}>
                <T style={{ fontSize: 11 }}>{issuer1}</T>
                <T style={[base.bold, { fontSize: 12, borderBottomWidth: 0.8, paddingBottom: 1 }]}>{issuer2}</T>
              </View>
              <NationalHeading t={t} />
            </View>

            <View style={{ alignItems: "center", marginTop: 22 }}>
              <T style={[base.bold, { fontSize: 30, color: GREEN, letterSpacing: 1 }]}>{t("certificatePdf.title")}</T>
              <T style={[base.bold, { fontSize: 20, color: GREEN, marginTop: 2 }]}>{t("certificatePdf.subtitle")}</T>
              <T style={[base.bold, { fontSize: 22, marginTop: 14, textAlign: "center" }]}>{data.productName}</T>
              <View style={{ marginTop: 8, alignItems: "center" }}>
                <StarRow count={data.star} size={28} />
                <T style={[base.bold, { fontSize: 13, color: GOLD, marginTop: 3 }]}>{t("certificatePdf.rankStars", { count: data.star })}</T>
              </View>
            </View>

            <View style={{ marginTop: 12, fontSize: 12 }}>
              <Row label={t("certificatePdf.producer")}><T style={base.bold}>{data.producerName}</T></Row>
              <Row label={t("certificatePdf.address")}><T>{[data.producerAddress, data.wardName].filter(Boolean).join(", ")}</T></Row>
              <Row label={t("certificatePdf.level")}><T>{t(`certificatePdf.levels.${data.level}`)}</T></Row>
              <Row label={t("certificatePdf.decision")}>
                <T>{t("certificatePdf.decisionText", { number: data.decisionNumber, date: ddmmyyyy(data.decisionSignedOn) })}</T>
              </Row>
            </View>

            <View style={{ flex: 1 }} />

            <View style={{ flexDirection: "row", justifyContent: "space-between", alignItems: "flex-end" }}>
              <View style={{ width: 250 }}>
                {/* eslint-disable-next-line jsx-a11y/alt-text -- a react-pdf Image is drawn into the PDF; it has no alt attribute */}
                <Image src={qr} style={{ width: 92, height: 92 }} />
                <T style={{ fontSize: 7.5, color: "#44403c", marginTop: 2 }}>{t("certificatePdf.scan")}</T>
                <T style={{ fontSize: 7.5, color: "#44403c" }}>{data.verifyUrl}</T>
              </View>
              <View style={{ width: 220, fontSize: 12 }}>
                <T>{t("certificatePdf.number")}:</T>
                <T style={[base.bold, { fontSize: 14 }]}>{data.number}</T>
                <T style={{ marginTop: 3 }}>{t("certificatePdf.issuedOn", { date: ddmmyyyy(data.issuedOn) })}</T>
                <T style={[base.bold, { marginTop: 3 }]}>{t("certificatePdf.validUntil", { date: ddmmyyyy(data.expiresOn) })}</T>
              </View>
              <View style={{ width: 240, alignItems: "center" }}>
                <T style={[base.italic, { fontSize: 11 }]}>{placeDate(t, data.place, data.decisionSignedOn)}</T>
                <T style={[base.bold, { marginTop: 4, textAlign: "center" }]}>{data.signerTitle.toLocaleUpperCase("vi")}</T>
                <View style={{ height: 46 }} />
                <T style={base.bold}>{data.signerName}</T>
              </View>
            </View>
          </View>
        </View>
        {data.stamp ? (
          <View fixed style={{ position: "absolute", top: 250, left: 0, right: 0, alignItems: "center", transform: "rotate(-18deg)" }}>
            <T style={[base.bold, { fontSize: 60, color: "#b91c1c", opacity: 0.35, borderWidth: 5, borderColor: "#b91c1c", paddingHorizontal: 18 }]}>{data.stamp}</T>
          </View>
        ) : null}
      </Page>
    </Document>
  );
}

/** The certificate as PDF bytes (A4 landscape), with its QR code to the verification page. */
export async function renderCertificatePdf(data: CertificatePdfData, locale = "vi"): Promise<Buffer> {
  registerPdfFonts();
  const t = translatorFor(locale);
  const qr = await qrPngDataUrl(data.verifyUrl);
  return renderToBuffer(<CertificateDocument data={nfc(data)} qr={qr} t={t} />);
}
