import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NAV_BY_ROLE } from "@/components/ocop/nav-items";
import { requireActor } from "@/lib/auth/session";
import { findProducer } from "@/lib/db/producers";
import { findWardName } from "@/lib/db/admin-units";
import { workQueue } from "@/lib/db/work-queue";
import { vietnamDateOf } from "@/lib/domain/dates";

export default async function PortalHome() {
  const actor = await requireActor("/home");
  const t = await getTranslations();
  const [wardName, producer, work] = await Promise.all([
    actor.wardId ? findWardName(actor.wardId) : null,
    actor.producerId ? findProducer(actor, actor.producerId) : null,
    workQueue(actor, new Date(`${vietnamDateOf(new Date())}T00:00:00Z`)),
  ]);
  const areas = NAV_BY_ROLE[actor.role].filter((i) => i.key !== "home");
  return (
    <div data-testid={`home-${actor.role}`}>
      <h1 className="text-2xl font-bold">{t("portalHome.greeting", { name: actor.name })}</h1>
      <p className="mt-1 text-stone-700">{t("portalHome.roleLine", { role: t(`roles.${actor.role}`) })}</p>
      {wardName ? <p className="text-stone-700">{t("portalHome.scopeWard", { ward: wardName })}</p> : null}
      <p className="mt-3 max-w-3xl">{t(`portalHome.${actor.role}`)}</p>
      {producer && producer.verificationStatus !== "VERIFIED" ? (
        <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {t("portalHome.pendingVerification")}
        </p>
      ) : null}
      {work.length > 0 ? (
        <section aria-labelledby="work" className="mt-6">
          <h2 id="work" className="text-lg font-semibold">{t("portalHome.workTitle")}</h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {work.map((w) => (
              <li key={w.key}>
                <Link href={w.href} className="block rounded-lg border border-stone-200 bg-white p-4 hover:border-brand-600" data-testid={`work-${w.key}`}>
                  <span className="block text-3xl font-bold tabular-nums">{w.count}</span>
                  <span className="block font-medium">{t(`portalHome.work.${w.key}`)}</span>
                  {w.urgent ? <span className="mt-1 block text-sm font-medium text-red-700">{t(`portalHome.workUrgent.${w.key}`, { count: w.urgent })}</span> : null}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 className="mt-8 text-lg font-semibold">{t("portalHome.areas")}</h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {areas.map((a) => (
          <li key={a.key}>
            {a.ready ? (
              <Link href={a.href} className="block min-h-20 rounded-lg border border-stone-200 bg-white p-4 font-medium hover:border-brand-600">
                {t(`nav.${a.key}`)}
              </Link>
            ) : (
              <div className="min-h-20 rounded-lg border border-dashed border-stone-300 bg-stone-50 p-4 text-stone-600">
                <span className="font-medium">{t(`nav.${a.key}`)}</span>
                <span className="block text-sm">{t("common.comingSoon")}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
