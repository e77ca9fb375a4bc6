import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ResultExplanation as Explanation } from "@/lib/db/results";
import { formatDate } from "@/lib/i18n/format";
import { StarRating } from "./star-rating";

type Level = "DISTRICT" | "PROVINCE" | "CENTRAL";

export type ResultExplanationProps = {
  /** The DossierResult row as findVisibleResult returns it (explanation parsed). */
  result: {
    status: string;
    memberCount: number;
    averageTotal: number;
    bandStar: number;
    star: number | null;
    knockedOut: boolean;
    recognitionLevel: Level | null;
    referralTo: Level | null;
    explanation: Explanation;
  };
  certificate?: { id: string; number: string; expiresOn: Date } | null;
};

const twoDecimals = (n: number) => new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
const points = (n: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(n);

/**
 * The council's result in words a producer can act on: the star, the average, who recognises
 * it or where it was referred, and — item by item — what holds the product below the next star
 * and what that item would need (the option's wording and its points against what it got). It
 * reads the explanation stored with the result, so it says exactly what the rules decided.
 */
export async function ResultExplanation({ result, certificate }: ResultExplanationProps) {
  const t = await getTranslations();
  const e = result.explanation;
  const requirement = (b: Explanation["blockedBy"][number]) =>
    t("resultExplanation.requirement", { code: b.itemCode, name: b.itemName, option: b.optionText, required: points(b.requiredPoints), actual: points(b.actualPoints) });
  const standing = e.knockOuts.filter((k) => k.stands);
  return (
    <section aria-labelledby="result-explanation" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="result-explanation" className="text-lg font-semibold">{t("resultExplanation.title")}</h2>
      {result.status !== "RELEASED" ? <p className="mt-1 rounded bg-amber-50 p-2 text-sm text-amber-900">{t("resultExplanation.notReleased")}</p> : null}
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-stone-700">{t("resultExplanation.average")}</dt>
        <dd className="tabular-nums">{t("resultExplanation.averageOf", { value: twoDecimals(result.averageTotal), count: result.memberCount })}</dd>
        <dt className="font-medium text-stone-700">{t("resultExplanation.star")}</dt>
        <dd>
          {result.knockedOut || result.star === null ? (
            <span className="font-semibold text-red-800">{t("resultExplanation.rejected")}</span>
          ) : (
            <>
              <StarRating stars={result.star} /> <span className="ml-1">{t("common.stars", { count: result.star })}</span>
            </>
          )}
        </dd>
        {result.recognitionLevel && !result.referralTo ? (
          <>
            <dt className="font-medium text-stone-700">{t("resultExplanation.recognisedBy")}</dt>
            <dd>{t(`certificates.levels.${result.recognitionLevel}`)}</dd>
          </>
        ) : null}
      </dl>

      {result.referralTo && !result.knockedOut ? (
        <p className="mt-3">{t("resultExplanation.referred", { average: twoDecimals(result.averageTotal), level: t(`resultExplanation.referTo.${result.referralTo}`) })}</p>
      ) : null}
      {!result.knockedOut && result.star !== null && result.star < 3 ? <p className="mt-3 text-stone-700">{t("resultExplanation.noRecognition")}</p> : null}

      {standing.length > 0 ? (
        <>
          <p className="mt-3 font-medium">{t("resultExplanation.knockOuts")}</p>
          <ul className="mt-1 list-disc space-y-1 pl-6">
            {standing.map((k, i) => <li key={i}>{k.knockOut.text}</li>)}
          </ul>
        </>
      ) : null}

      {!result.knockedOut && result.star !== null && e.blockedBy.length > 0 ? (
        <>
          <p className="mt-3">{t("resultExplanation.heldBelow", { band: result.bandStar, star: result.star })}</p>
          <ul className="mt-1 list-disc space-y-1 pl-6">
            {e.blockedBy.map((b) => <li key={b.itemCode}>{requirement(b)}</li>)}
          </ul>
        </>
      ) : null}

      {!result.knockedOut && result.star !== null ? (
        e.nextStar === null ? (
          <p className="mt-3">{t("resultExplanation.topStar")}</p>
        ) : (
          <>
            <p className="mt-3">{t("resultExplanation.nextStar", { star: e.nextStar, min: points(e.nextStarMinAverage ?? 0), value: twoDecimals(result.averageTotal) })}</p>
            {e.nextStarBlockers.length > 0 ? (
              <>
                <p className="mt-1">{t("resultExplanation.nextStarItems")}</p>
                <ul className="mt-1 list-disc space-y-1 pl-6">
                  {e.nextStarBlockers.map((b) => <li key={b.itemCode}>{requirement(b)}</li>)}
                </ul>
              </>
            ) : (
              <p className="mt-1 text-stone-700">{t("resultExplanation.nextStarNoItems", { star: e.nextStar })}</p>
            )}
          </>
        )
      ) : null}

      {certificate ? (
        <p className="mt-4 rounded bg-brand-50 p-2">
          {t("resultExplanation.certificate", { number: certificate.number, date: formatDate(certificate.expiresOn) })} —{" "}
          <Link href={`/certificates/${certificate.id}`} className="text-brand-700 underline underline-offset-2">{t("resultExplanation.viewCertificate")}</Link>
        </p>
      ) : null}
    </section>
  );
}
