import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { findPublicEvent } from "@/lib/db/events";
import { isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { eventPhase } from "@/lib/domain/events";
import { formatDate, formatVnd } from "@/lib/i18n/format";
import { Facts } from "@/components/ui/facts";

export const dynamic = "force-dynamic";

// generateMetadata and the page read the same event once per request.
const load = cache((slug: string) => findPublicEvent(slug));

const summaryOf = (text: string, max = 180) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const e = await load(slug);
  const t = await getTranslations();
  if (!e) return { title: t("publicEvents.notFound") };
  const when = t("publicEvents.whenWhere", { start: formatDate(e.startsOn), end: formatDate(e.endsOn), place: e.place });
  const description = e.description ? summaryOf(`${when}. ${e.description}`) : when;
  const cover = e.participants.flatMap((p) => p.products).find((p) => p.coverPhotoId)?.coverPhotoId;
  const url = `/events/${e.slug}`;
  return {
    title: e.name,
    description,
    alternates: { canonical: url },
    openGraph: { title: e.name, description, url, type: "website", ...(cover ? { images: [{ url: `/api/media/${cover}`, alt: e.name }] } : {}) },
  };
}

/** An event's public page: when, where, who organises it, the producers confirmed and the products they show. */
export default async function EventPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const e = await load(slug);
  if (!e) notFound();
  const t = await getTranslations();
  const phase = eventPhase({ startsOn: isoOf(e.startsOn), endsOn: isoOf(e.endsOn) }, vietnamDateOf(new Date()));
  const cancelled = e.status === "CANCELLED";
  const facts: [string, React.ReactNode][] = [
    [t("events.dates"), <span key="d"><time dateTime={isoOf(e.startsOn)}>{formatDate(e.startsOn)}</time> – <time dateTime={isoOf(e.endsOn)}>{formatDate(e.endsOn)}</time></span>],
    [t("events.place"), e.place],
    [t("events.organiser"), e.organiser],
    [t("events.level"), t(`eventLevels.${e.level}`)],
    [t("events.kind"), t(`eventKinds.${e.kind}`)],
  ];
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <p className="text-sm"><Link href="/events" className="text-brand-700 underline underline-offset-2">{t("publicEvents.title")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{e.name}</h1>
      {cancelled ? (
        <p role="status" className="mt-3 rounded-lg border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-800">{t("publicEvents.cancelled")}</p>
      ) : (
        <p className="mt-2 text-sm font-medium text-brand-800">{t(`eventPhase.${phase}`)}</p>
      )}
      <Facts facts={facts} narrow />
      {e.description ? <p className="mt-4 whitespace-pre-line">{e.description}</p> : null}

      {!cancelled ? (
        <section aria-labelledby="participants" className="mt-8">
          <h2 id="participants" className="text-xl font-semibold">{t("publicEvents.participants")}</h2>
          {e.participants.length === 0 ? (
            <p className="mt-2 text-stone-600">{phase === "PAST" ? t("publicEvents.noParticipantsPast") : t("publicEvents.noParticipants")}</p>
          ) : (
            <ul className="mt-3 grid gap-4" data-testid="event-participants">
              {e.participants.map((p) => (
                <li key={p.id} className="rounded-lg border border-stone-200 bg-white p-4">
                  <h3 className="font-semibold">{p.producer.name}</h3>
                  <p className="text-sm text-stone-700">{p.producer.ward.name}</p>
                  {p.products.length > 0 ? (
                    <ul className="mt-2 grid gap-2 sm:grid-cols-2" aria-label={t("publicEvents.productsOf", { producer: p.producer.name })}>
                      {p.products.map((product) => (
                        <li key={product.id} className="flex items-center gap-3">
                          {product.coverPhotoId ? (
                            // eslint-disable-next-line @next/next/no-img-element -- served by /api/media with its own caching; sized to avoid layout shift
                            <img src={`/api/media/${product.coverPhotoId}`} alt="" width={56} height={56} loading="lazy" decoding="async" className="h-14 w-14 shrink-0 rounded-md object-cover" />
                          ) : null}
                          <span>
                            <Link href={`/products/${product.slug}`} className="text-brand-700 underline underline-offset-2">{product.name}</Link>
                            {product.star ? <span className="block text-sm text-stone-700">{t("common.stars", { count: product.star })}</span> : null}
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {e.resultsRecordedAt && !cancelled ? (
        <section aria-labelledby="results" className="mt-8">
          <h2 id="results" className="text-xl font-semibold">{t("events.results")}</h2>
          <dl className="mt-2 grid gap-x-6 gap-y-1 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[12rem_1fr]" data-testid="public-results">
            {e.visitorCount !== null ? (
              <>
                <dt className="font-medium text-stone-700">{t("events.visitors")}</dt>
                <dd className="tabular-nums">{new Intl.NumberFormat("vi-VN").format(e.visitorCount)}</dd>
              </>
            ) : null}
            {e.salesVnd !== null ? (
              <>
                <dt className="font-medium text-stone-700">{t("events.sales")}</dt>
                <dd className="tabular-nums">{formatVnd(e.salesVnd)}</dd>
              </>
            ) : null}
            {e.contractsSigned !== null ? (
              <>
                <dt className="font-medium text-stone-700">{t("events.contracts")}</dt>
                <dd className="tabular-nums">{e.contractsSigned}</dd>
              </>
            ) : null}
          </dl>
          {e.resultNote ? <p className="mt-2 whitespace-pre-line">{e.resultNote}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
