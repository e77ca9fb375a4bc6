import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { promotionDesks } from "@/lib/db/promotion";

/** The hub of steps 1 and 6: every desk with what it holds and what waits there. */
export default async function PromotionHub() {
  const actor = await requireActor("/manage");
  if (!can(actor, "promotion.read", { type: "publication" })) notFound();
  const t = await getTranslations("promotionHub");
  const desks = await promotionDesks(actor);
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{t("intro")}</p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {desks.map((d) => (
          <li key={d.key} className="rounded-lg border border-stone-200 bg-white p-4" data-testid={`desk-${d.key}`}>
            <Link href={d.href} className="block rounded-md hover:text-brand-800">
              <span className="block text-3xl font-bold tabular-nums">{d.count}</span>
              <span className="block font-medium underline-offset-2 hover:underline">{t(`desks.${d.key}`)}</span>
            </Link>
            {d.waiting && d.waitingHref ? (
              <Link href={d.waitingHref} className="mt-1 inline-block text-sm font-medium text-red-800 underline">
                {t(`waiting.${d.key}`, { count: d.waiting })}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="mt-6 text-sm">
        <Link href="/products" className="underline">{t("publicSite")}</Link>
      </p>
    </div>
  );
}
