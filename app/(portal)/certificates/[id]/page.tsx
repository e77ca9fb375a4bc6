import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { certificateResource, displayStatus, findCertificate, isValidStatus, OPEN_DOSSIER_STATES } from "@/lib/db/certificates";
import { findRevocationProposal } from "@/lib/db/inspections";
import { listStatusEvents } from "@/lib/db/timeline";
import { renewalWindow } from "@/lib/domain/certificates";
import { isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { getRuleSet, isRuleSetCode, ruleSetInForce } from "@/lib/domain/rule-sets";
import { formatDate, formatScore } from "@/lib/i18n/format";
import { CertificateHistory } from "@/components/certificates/history";
import { RenewButton } from "@/components/certificates/renew-button";
import { RevokeForm } from "@/components/certificates/revoke-form";
import { CertificateStatusBadge } from "@/components/certificates/status-badge";
import { CertificateInspections } from "@/components/inspections/certificate-inspections";
import { StarRating } from "@/components/ocop/star-rating";
import { buttonClass } from "@/components/ui/button";

export default async function CertificatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/certificates/${id}`);
  const c = await findCertificate(actor, id);
  if (!c) notFound();
  const t = await getTranslations();
  const today = vietnamDateOf(new Date());
  const status = displayStatus(c, today);
  const resource = certificateResource(c);
  const events = await listStatusEvents({ entityType: "Certificate", id: c.id });
  const window = renewalWindow(isoOf(c.expiresOn), ruleSetInForce(today) ?? getRuleSet("QD26_2026"));
  const openRenewal = c.nextDossiers.find((d) => d.evaluationType === "RE_EVALUATION" && (OPEN_DOSSIER_STATES as string[]).includes(d.status));
  const replacement = c.nextDossiers.find((d) => d.certificate !== null)?.certificate ?? null;
  const canRevoke = can(actor, "certificate.revoke", resource) && (status === "ACTIVE" || status === "RENEWAL_WINDOW_OPEN" || status === "RENEWAL_WINDOW_CLOSED" || status === "GRACE_PERIOD" || status === "REVOCATION_PROPOSED");
  const canRenew = can(actor, "certificate.renew", resource) && status === "RENEWAL_WINDOW_OPEN";
  const rows: [string, React.ReactNode][] = [
    [t("certificates.number"), <span key="n" className="font-semibold tabular-nums">{c.number}</span>],
    [t("certificates.product"), c.productName],
    [t("certificates.criteriaSet"), `${c.dossier.criteriaSet.no}. ${c.dossier.criteriaSet.name}`],
    [t("certificates.producer"), c.producer.name],
    [t("certificates.address"), [c.producer.address, c.producer.ward.name].filter(Boolean).join(", ")],
    [t("certificates.star"), <StarRating key="s" stars={c.star} />],
    [t("certificates.level"), t(`certificates.levels.${c.level}`)],
    [t("certificates.average"), formatScore(c.averageTotal)],
    [t("certificates.decision"), t("certificates.decisionText", { number: c.decision.number, date: formatDate(c.decision.signedOn) })],
    [t("certificates.signer"), [c.decision.signerName, c.decision.signerTitle].filter(Boolean).join(", ")],
    [t("certificates.issuedOn"), formatDate(c.issuedOn)],
    [t("certificates.expiresOn"), formatDate(c.expiresOn)],
    [t("certificates.ruleSet"), isRuleSetCode(c.ruleSetCode) ? getRuleSet(c.ruleSetCode).name : c.ruleSetCode],
  ];
  if (window && isValidStatus(status)) rows.push([t("certificates.renewalWindow"), t("certificates.renewalWindowText", { from: formatDate(window.opensOn), to: formatDate(window.closesOn) })]);
  if (c.dossier.round) rows.push([t("certificates.round"), c.dossier.round.title]);
  return (
    <>
      <p className="text-sm"><Link href="/certificates" className="text-brand-700 underline underline-offset-2">{t("certificates.back")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{c.productName}</h1>
      <p className="text-stone-700">{c.producer.name} · {c.producer.ward.name}</p>
      <div className="mt-2"><CertificateStatusBadge status={status} /></div>
      <div className="mt-4 flex flex-wrap gap-2">
        <a href={`/api/certificates/${c.id}/pdf`} target="_blank" rel="noopener" className={buttonClass("primary")}>{t("certificates.pdf")}</a>
        <Link href={`/verify/${c.verifyCode}`} className={buttonClass("secondary")}>{t("certificates.publicPage")}</Link>
        <Link href={`/dossiers/${c.dossierId}`} className={buttonClass("ghost")}>{t("certificates.openDossier")}</Link>
      </div>

      <section aria-labelledby="certificate-details" className="mt-6">
        <h2 id="certificate-details" className="sr-only">{t("certificates.details")}</h2>
        <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[14rem_1fr]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-stone-700">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>

      {c.status === "REVOKED" && c.revocationDecision ? (
        <section aria-labelledby="revocation" className="mt-6 rounded-lg border border-red-200 bg-red-50 p-4">
          <h2 id="revocation" className="font-semibold text-red-900">{t("certificates.revocation")}</h2>
          <p className="mt-1">{t("certificates.revokedBy", { number: c.revocationDecision.number, date: formatDate(c.revocationDecision.signedOn) })}</p>
          {c.revocationGround ? <p className="mt-1"><span className="font-medium">{t("certificates.revocationGround")}:</span> {t(`revocationGrounds.${c.revocationGround}`)}</p> : null}
          {c.revocationNote ? <p className="mt-1 whitespace-pre-line"><span className="font-medium">{t("certificates.revocationNote")}:</span> {c.revocationNote}</p> : null}
        </section>
      ) : null}
      {replacement ? (
        <p className="mt-6 rounded-lg border border-sky-200 bg-sky-50 p-4">
          <Link href={`/certificates/${replacement.id}`} className="text-brand-700 underline underline-offset-2">{t("certificates.replacedBy", { number: replacement.number })}</Link>
        </p>
      ) : null}
      {openRenewal ? (
        <p className="mt-6">
          <Link href={`/dossiers/${openRenewal.id}`} className="text-brand-700 underline underline-offset-2">{t("certificates.renewalInProgress")}</Link>
        </p>
      ) : null}
      {canRenew && window ? (
        <section aria-labelledby="renew" className="mt-6 max-w-3xl rounded-lg border border-amber-200 bg-amber-50 p-4">
          <h2 id="renew" className="text-lg font-semibold">{t("certificates.renewTitle")}</h2>
          <p className="mt-1">{t("certificates.renewOpen", { from: formatDate(window.opensOn), to: formatDate(window.closesOn) })}</p>
          <p className="mt-1 text-sm text-stone-700">{openRenewal ? t("certificates.renewExisting") : t("certificates.renewExplain")}</p>
          <RenewButton certificateId={c.id} />
        </section>
      ) : null}
      {canRevoke ? <RevokeForm certificateId={c.id} number={c.number} today={today} proposal={c.status === "REVOCATION_PROPOSED" ? await findRevocationProposal(actor, c) : null} /> : null}
      <CertificateInspections actor={actor} certificate={{ id: c.id, producerId: c.producerId, wardId: c.producer.wardId }} inForce={isValidStatus(status)} />
      <CertificateHistory events={events} />
    </>
  );
}
