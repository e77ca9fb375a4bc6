import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import { displayStatus, findCertificateForVerification, isValidStatus } from "@/lib/db/certificates";
import { addDays, vietnamDateOf } from "@/lib/domain/dates";
import { graceEndsOn } from "@/lib/domain/certificates";
import { formatDate } from "@/lib/i18n/format";
import { StarRating } from "@/components/ocop/star-rating";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const { code } = await params;
  const t = await getTranslations();
  const c = await findCertificateForVerification(code);
  const title = c ? `${t("publicVerify.heading")} ${c.number}` : t("publicVerify.notFoundTitle");
  const description = c ? t("verifyPage.description", { number: c.number, name: c.productName, producer: c.producer.name }) : t("publicVerify.notFoundText");
  return { title, description, openGraph: { title, description, url: `/verify/${code}` } };
}

/**
 * The page a certificate's QR code opens: no sign-in, one query, only what the certificate
 * itself shows the public. The status is computed for today from the same row the portal
 * changes, so a revocation or an expiry shows here at once.
 */
export default async function VerifyCertificatePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const c = await findCertificateForVerification(code);
  if (!c) notFound();
  const t = await getTranslations();
  const today = vietnamDateOf(new Date());
  const status = displayStatus(c, today);
  const valid = isValidStatus(status);
  const newer = c.nextDossiers.find((d) => d.certificate !== null)?.certificate ?? null;
  const headline =
    valid ? t("publicVerify.valid") : status === "REVOKED" ? t("publicVerify.revoked") : status === "SUPERSEDED" ? t("publicVerify.superseded") : status === "RENEWED" ? t("publicVerify.renewed") : t("publicVerify.expired");
  // What the state means for someone holding a package with the OCOP stamp.
  const meaning = valid ? t("verifyPage.meaningValid", { count: c.star }) : status === "REVOKED" ? t("verifyPage.meaningRevoked") : status === "EXPIRED" ? t("verifyPage.meaningExpired") : t("verifyPage.meaningReplaced");
  const mark = valid ? "✓" : status === "REVOKED" ? "✕" : status === "EXPIRED" ? "⌛" : "↻";
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const grace = status === "GRACE_PERIOD" ? graceEndsOn({ issuedOn: iso(c.issuedOn), expiresOn: iso(c.expiresOn) }) : null;
  const rows: [string, React.ReactNode][] = [
    [t("publicVerify.number"), <span key="n" className="font-semibold tabular-nums">{c.number}</span>],
    [t("publicVerify.product"), c.productName],
    [t("publicVerify.criteriaSet"), `${c.dossier.criteriaSet.no}. ${c.dossier.criteriaSet.name}`],
    [t("publicVerify.producer"), c.producer.name],
    [t("publicVerify.ward"), c.producer.ward.name],
    [t("publicVerify.star"), <StarRating key="s" stars={c.star} />],
    [t("publicVerify.level"), t(`certificates.levels.${c.level}`)],
    [t("publicVerify.decision"), t("verifyPage.decisionText", { number: c.decision.number, date: formatDate(c.decision.signedOn), signer: c.decision.signerName, title: c.decision.signerTitle })],
    [t("publicVerify.issuedOn"), formatDate(c.issuedOn)],
    [t("publicVerify.validUntil"), formatDate(grace ?? iso(c.expiresOn))],
  ];
  if (status === "REVOKED" && c.revocationDecision) {
    rows.push([t("verifyPage.revocationDecision"), t("verifyPage.decisionText", { number: c.revocationDecision.number, date: formatDate(c.revocationDecision.signedOn), signer: c.revocationDecision.signerName, title: c.revocationDecision.signerTitle })]);
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm font-medium uppercase tracking-wide text-stone-600">{t("publicVerify.heading")}</p>
      <div
        role="status"
        className={clsx(
          "mt-3 rounded-lg border-2 p-4",
          valid ? "border-brand-700 bg-brand-50" : status === "REVOKED" ? "border-red-700 bg-red-50" : status === "EXPIRED" ? "border-stone-500 bg-stone-100" : "border-sky-700 bg-sky-50",
        )}
      >
        <p className={clsx("flex items-center gap-2 text-2xl font-bold", valid ? "text-brand-800" : status === "REVOKED" ? "text-red-800" : "text-stone-800")}>
          <span aria-hidden="true">{mark}</span>
          {headline}
        </p>
        <p className="mt-1 font-medium">{meaning}</p>
        {status === "GRACE_PERIOD" ? <p className="mt-1">{t("publicVerify.grace")}</p> : null}
        {status === "REVOCATION_PROPOSED" ? <p className="mt-1 text-amber-900">{t("certificateStatus.REVOCATION_PROPOSED")}</p> : null}
        {status === "EXPIRED" ? <p className="mt-1">{t("publicVerify.expiredOn", { date: formatDate(addDays(iso(c.expiresOn), 1)) })}</p> : null}
        {status === "REVOKED" && c.revocationDecision ? (
          <>
            <p className="mt-1">{t("publicVerify.revokedBy", { number: c.revocationDecision.number, date: formatDate(c.revocationDecision.signedOn) })}</p>
            {c.revocationGround ? <p className="mt-1">{t("publicVerify.revokedGround", { ground: t(`revocationGrounds.${c.revocationGround}`) })}</p> : null}
          </>
        ) : null}
        {(status === "SUPERSEDED" || status === "RENEWED") && newer ? (
          <p className="mt-2">
            <Link href={`/verify/${newer.verifyCode}`} className="font-medium text-brand-700 underline underline-offset-2">
              {t("publicVerify.newer", { number: newer.number, count: newer.star })}
            </Link>
          </p>
        ) : null}
      </div>
      <h1 className="mt-6 text-2xl font-bold">{c.productName}</h1>
      <dl className="mt-3 grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-stone-700">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {c.product ? (
        <p className="mt-3">
          <Link href={`/products/${c.product.slug}`} className="font-medium text-brand-700 underline underline-offset-2">{t("verifyPage.productPage")}</Link>
        </p>
      ) : null}
      <p className="mt-3 text-sm text-stone-600">{t("publicVerify.checkedAt", { date: formatDate(today) })}</p>
      <p className="mt-4">
        <Link href="/verify" className="text-brand-700 underline underline-offset-2">{t("publicVerify.anotherLookup")}</Link>
      </p>
    </div>
  );
}
