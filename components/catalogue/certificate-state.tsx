import Link from "next/link";
import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import { StarRating } from "@/components/ocop/star-rating";
import type { DisplayStatus } from "@/lib/db/certificates";
import { formatDate } from "@/lib/i18n/format";

export type CertificateStateData = {
  status: DisplayStatus;
  valid: boolean;
  star: number;
  /** The last valid day (the grace end during a pending re-evaluation). */
  validUntil: string;
  /** The first day it was no longer valid, for an expired one. */
  expiredFrom: string | null;
  verifyCode: string;
  revocation: { number: string; signedOn: Date; ground: string | null } | null;
};

/**
 * The product's OCOP state, at the top of its page. Only a valid certificate shows the star
 * badge; an expired or revoked one says so in words and shows the former star as plain text, so
 * a page opened from an old packaging QR code never looks like a current recognition.
 */
export async function CertificateState({ state }: { state: CertificateStateData }) {
  const t = await getTranslations("catalogue");
  const root = await getTranslations();
  const tone = state.valid
    ? state.status === "REVOCATION_PROPOSED"
      ? "border-amber-600 bg-amber-50"
      : "border-brand-700 bg-brand-50"
    : state.status === "REVOKED"
      ? "border-red-700 bg-red-50"
      : "border-stone-500 bg-stone-100";
  return (
    <div className={clsx("rounded-lg border-2 p-4", tone)} data-testid="certificate-state">
      {state.valid ? (
        <>
          <p className="flex flex-wrap items-center gap-2 text-lg font-bold text-brand-800">
            <StarRating stars={state.star} />
            <span>{t("validBadge", { count: state.star })}</span>
          </p>
          <p className="mt-1 text-stone-800">{t("validUntil", { date: formatDate(state.validUntil) })}</p>
          {state.status === "REVOCATION_PROPOSED" ? <p className="mt-1 font-medium text-amber-900">{t("revocationProposed")}</p> : null}
        </>
      ) : (
        <>
          <p className={clsx("text-lg font-bold", state.status === "REVOKED" ? "text-red-800" : "text-stone-900")}>
            {state.status === "REVOKED" ? t("revokedBadge") : state.status === "EXPIRED" ? t("expiredBadge") : t("replacedBadge")}
          </p>
          {state.status === "REVOKED" && state.revocation ? (
            <p className="mt-1">
              {t("revokedBy", { number: state.revocation.number, date: formatDate(state.revocation.signedOn) })}
              {state.revocation.ground ? ` ${root("publicVerify.revokedGround", { ground: root(`revocationGrounds.${state.revocation.ground}`) })}` : null}
            </p>
          ) : null}
          {state.status === "EXPIRED" && state.expiredFrom ? <p className="mt-1">{t("expiredFrom", { date: formatDate(state.expiredFrom) })}</p> : null}
          <p className="mt-1 text-stone-800">{t("formerStar", { count: state.star })}</p>
          <p className="mt-1 text-stone-800">{t("notValidWarning")}</p>
        </>
      )}
      <p className="mt-2">
        <Link href={`/verify/${state.verifyCode}`} className="font-medium text-brand-800 underline underline-offset-2">{t("verifyLink")}</Link>
      </p>
    </div>
  );
}
