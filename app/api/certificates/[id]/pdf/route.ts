import { getActor } from "@/lib/auth/session";
import { displayStatus, findCertificate, issuersOf } from "@/lib/db/certificates";
import { isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { env } from "@/lib/env";
import { translatorFor } from "@/lib/i18n/translate";
import { renderCertificatePdf } from "@/lib/pdf/certificate";
import { verificationUrl } from "@/lib/pdf/qr";
import { pdfResponse } from "@/lib/pdf/response";

export const dynamic = "force-dynamic";

// The printable certificate, for whoever may read it (certificate.read: the producer, its ward,
// the office, leaders); anyone else, signed in or not, gets the same 404. A copy printed after a
// revocation, expiry or replacement says so across the page.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  const c = actor ? await findCertificate(actor, id) : null;
  if (!c) return new Response("Not found", { status: 404 });
  const t = translatorFor("vi");
  const status = displayStatus(c, vietnamDateOf(new Date()));
  const stamp =
    status === "REVOKED" ? t("certificatePdf.stampRevoked") : status === "EXPIRED" ? t("certificatePdf.stampExpired") : status === "SUPERSEDED" || status === "RENEWED" ? t("certificatePdf.stampReplaced") : null;
  const { province, city } = issuersOf(c.producer.ward);
  const issuer = c.level === "DISTRICT" ? city : province;
  const pdf = await renderCertificatePdf({
    number: c.number,
    productName: c.productName,
    producerName: c.producer.name,
    producerAddress: c.producer.address,
    wardName: c.producer.ward.name,
    star: c.star,
    level: c.level,
    issuerUnit: issuer?.name ?? "",
    place: (province?.name ?? "").replace(/^Tỉnh\s+/i, ""),
    decisionNumber: c.decision.number,
    decisionSignedOn: isoOf(c.decision.signedOn),
    signerName: c.decision.signerName,
    signerTitle: c.decision.signerTitle,
    issuedOn: isoOf(c.issuedOn),
    expiresOn: isoOf(c.expiresOn),
    verifyUrl: verificationUrl(env.APP_URL, c.verifyCode),
    stamp,
  });
  return pdfResponse(pdf, t("certificatePdf.fileName", { number: c.number }));
}
