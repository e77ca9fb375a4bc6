import clsx from "clsx";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CURRENT_POINT_OF_SALE_RULES, notCountedReason, type Compliance, type ComplianceDetail } from "@/lib/domain/points-of-sale";

const percent = (share: number) => Math.round(share * 1000) / 10;

/** The two QĐ736 criteria, met or not, as computed from today's catalogue. */
export async function CompliancePanel({ compliance, headingLevel = 2 }: { compliance: Compliance | ComplianceDetail; headingLevel?: 2 | 3 }) {
  const t = await getTranslations();
  const rules = CURRENT_POINT_OF_SALE_RULES;
  const Heading = `h${headingLevel}` as const;
  const line = (met: boolean, text: string) => (
    <li className="flex gap-2">
      <span aria-hidden="true" className={clsx("font-bold", met ? "text-brand-700" : "text-red-700")}>{met ? "✓" : "✗"}</span>
      <span>
        <span className="sr-only">{met ? t("trade.met") : t("trade.notMet")}: </span>
        {text}
      </span>
    </li>
  );
  const detail = "notCounted" in compliance ? compliance.notCounted : null;
  return (
    <section aria-labelledby="compliance" className={clsx("mt-6 rounded-lg border-2 p-4", compliance.compliant ? "border-brand-700 bg-brand-50" : "border-amber-600 bg-amber-50")}>
      <Heading id="compliance" className="text-lg font-semibold">{t("trade.checkTitle")}</Heading>
      <p className={clsx("mt-1 font-semibold", compliance.compliant ? "text-brand-800" : "text-amber-900")} data-testid="compliance-verdict">
        {compliance.compliant ? t("trade.compliant") : t("trade.notCompliant")}
      </p>
      <ul className="mt-2 space-y-1">
        {line(compliance.productsMet, t("trade.checkProducts", { count: compliance.qualifyingProducts, required: compliance.requiredProducts, star: rules.minStar }))}
        {line(
          compliance.shareMet,
          compliance.share === null ? t("trade.checkShareNone") : t("trade.checkShare", { share: percent(compliance.share), above: Math.round(compliance.shareAbove * 100) }),
        )}
      </ul>
      {detail && detail.notListed + detail.belowStar + detail.noOcopStamp + detail.noTraceStamp > 0 ? (
        <p className="mt-2 text-sm text-stone-700">
          {t("trade.notCountedSummary", { notListed: detail.notListed, belowStar: detail.belowStar, noOcopStamp: detail.noOcopStamp, noTraceStamp: detail.noTraceStamp })}
        </p>
      ) : null}
      <p className="mt-2 text-xs text-stone-600">{t("trade.ruleBasis", { basis: rules.legalBasis })} {t("trade.ruleCaveat")}</p>
    </section>
  );
}

type Row = {
  hasOcopStamp: boolean;
  hasTraceStamp: boolean;
  listed: boolean;
  product: { id: string; slug: string; name: string; star: number | null; producer: { name: string } };
};

/** The products a point carries, each with its star today and whether it counts. */
export async function CarriedProducts({ rows, caption }: { rows: Row[]; caption: string }) {
  const t = await getTranslations();
  if (rows.length === 0) return <p className="mt-2 text-stone-600">{t("trade.noProducts")}</p>;
  const yes = (v: boolean) => (v ? t("trade.yes") : t("trade.no"));
  return (
    <div className="relative mt-2 overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse bg-white text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th scope="col" className="p-2">{t("trade.product")}</th>
            <th scope="col" className="p-2">{t("trade.star")}</th>
            <th scope="col" className="p-2">{t("trade.hasOcopStamp")}</th>
            <th scope="col" className="p-2">{t("trade.hasTraceStamp")}</th>
            <th scope="col" className="p-2">{t("trade.counted")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const reason = notCountedReason({ star: r.product.star, listed: r.listed, hasOcopStamp: r.hasOcopStamp, hasTraceStamp: r.hasTraceStamp });
            return (
              <tr key={r.product.id} className="border-b border-stone-100">
                <td className="p-2">
                  {r.listed ? (
                    <Link href={`/products/${r.product.slug}`} className="text-brand-700 underline underline-offset-2">{r.product.name}</Link>
                  ) : (
                    r.product.name
                  )}
                  <span className="block text-xs text-stone-600">{r.product.producer.name}</span>
                </td>
                <td className="p-2">{r.listed && r.product.star ? t("common.stars", { count: r.product.star }) : t("trade.notRecognised")}</td>
                <td className="p-2">{yes(r.hasOcopStamp)}</td>
                <td className="p-2">{yes(r.hasTraceStamp)}</td>
                <td className="p-2">{reason === null ? <span className="font-medium text-brand-700">{t("trade.yes")}</span> : t(`trade.reason.${reason}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
