import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CertificateState, type CertificateStateData } from "@/components/catalogue/certificate-state";
import { ProductPhoto } from "@/components/catalogue/product-photo";
import { findCatalogueProduct, type CatalogueProduct } from "@/lib/db/catalogue";
import { displayStatus, isValidStatus } from "@/lib/db/certificates";
import { graceEndsOn } from "@/lib/domain/certificates";
import { addDays, isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { publicUrl } from "@/lib/env";
import { formatDate, formatDateTime, formatVnd } from "@/lib/i18n/format";
import { qrPngDataUrl } from "@/lib/pdf/qr";
import { readEcommerceLinks, readLivestreams } from "@/lib/validation/product-profile";

// Read on every request: the certificate's state is shown as it is now.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

function stateOf(p: CatalogueProduct, today: string): CertificateStateData {
  const c = p.certificate;
  const status = displayStatus(c, today);
  const grace = status === "GRACE_PERIOD" ? graceEndsOn({ issuedOn: isoOf(c.issuedOn), expiresOn: isoOf(c.expiresOn) }) : null;
  return {
    status,
    valid: isValidStatus(status),
    star: c.star,
    validUntil: grace ?? isoOf(c.expiresOn),
    expiredFrom: status === "EXPIRED" ? addDays(isoOf(c.expiresOn), 1) : null,
    verifyCode: c.verifyCode,
    revocation: c.revocationDecision ? { number: c.revocationDecision.number, signedOn: c.revocationDecision.signedOn, ground: c.revocationGround } : null,
  };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const today = vietnamDateOf(new Date());
  const p = await findCatalogueProduct(slug, today);
  if (!p) return {};
  const t = await getTranslations("catalogue");
  const state = stateOf(p, today);
  const where = `${p.producer.name}, ${p.producer.ward.name}`;
  const description = !state.valid
    ? t("metaNotValid", { name: p.name, where })
    : p.summary || t("metaDescription", { name: p.name, count: state.star, where });
  return {
    title: p.name,
    description,
    openGraph: {
      title: p.name,
      description,
      url: `/products/${p.slug}`,
      type: "website",
      images: p.coverPhotoId ? [{ url: `/api/media/${p.coverPhotoId}`, alt: p.name }] : undefined,
    },
  };
}

/** Paragraphs as the producer typed them (blank lines between), rendered as text. */
function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
}

/**
 * A product's public page, also what the QR code on its packaging opens. It outlives each
 * certificate: a revoked or expired product keeps its page with its state in words, and the
 * shopping sections (where to buy, livestreams, fairs) are shown only while it is valid.
 */
export default async function ProductPage({ params }: Params) {
  const { slug } = await params;
  const today = vietnamDateOf(new Date());
  const p = await findCatalogueProduct(slug, today);
  if (!p) notFound();
  const t = await getTranslations("catalogue");
  const root = await getTranslations();
  const state = stateOf(p, today);
  const c = p.certificate;
  const pageUrl = new URL(`/products/${p.slug}`, publicUrl()).toString();
  const qr = await qrPngDataUrl(pageUrl);
  const now = new Date().getTime();
  const ecommerce = readEcommerceLinks(p.ecommerceLinks);
  const livestreams = readLivestreams(p.livestreams)
    .filter((l) => Date.parse(l.startsAt) >= now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const [cover, ...others] = p.photos;
  const story = paragraphs(p.story);
  const external = "font-medium text-brand-800 underline underline-offset-2 break-words";

  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap gap-1 text-stone-700">
          <li><Link href="/products" className="underline underline-offset-2">{t("title")}</Link><span aria-hidden="true"> ›</span></li>
          <li aria-current="page" className="text-stone-900">{p.name}</li>
        </ol>
      </nav>

      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-label={t("photos")}>
          <div className="overflow-hidden rounded-lg border border-stone-200">
            <ProductPhoto photoId={cover?.id ?? null} name={p.name} alt={cover ? t("photoAlt", { name: p.name, n: 1 }) : ""} width={800} height={600} eager />
          </div>
          {others.length ? (
            <ul className="mt-3 grid grid-cols-3 gap-2 sm:grid-cols-4">
              {others.map((ph, i) => (
                <li key={ph.id}>
                  <a href={`/api/media/${ph.id}`} className="block overflow-hidden rounded-md border border-stone-200">
                    <ProductPhoto photoId={ph.id} name={p.name} alt={t("photoAlt", { name: p.name, n: i + 2 })} width={200} height={150} />
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <div className="flex min-w-0 flex-col gap-4">
          <div>
            <h1 className="text-2xl font-bold sm:text-3xl">{p.name}</h1>
            <p className="mt-1 text-stone-800">
              {p.producer.name} · {root(`producerTypes.${p.producer.type}`)}
            </p>
            <p className="text-stone-700">{p.producer.ward.name}</p>
          </div>
          <CertificateState state={state} />
          {p.summary ? <p className="text-lg leading-relaxed text-stone-900">{p.summary}</p> : null}
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
            <dt className="font-medium text-stone-700">{t("criteriaSet")}</dt>
            <dd>{t("criteriaSetText", { no: p.criteriaSet.no, name: p.criteriaSet.name })}</dd>
            {p.priceFromVnd !== null ? (
              <>
                <dt className="font-medium text-stone-700">{t("priceFrom")}</dt>
                <dd>{formatVnd(p.priceFromVnd)}</dd>
              </>
            ) : null}
            {p.packaging ? (
              <>
                <dt className="font-medium text-stone-700">{t("packaging")}</dt>
                <dd className="whitespace-pre-line">{p.packaging}</dd>
              </>
            ) : null}
            {p.website ? (
              <>
                <dt className="font-medium text-stone-700">{t("website")}</dt>
                <dd><a href={p.website} rel="noopener noreferrer nofollow" target="_blank" className={external}>{p.website}</a></dd>
              </>
            ) : null}
          </dl>
        </div>
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-8 lg:col-span-2">
          {story.length ? (
            <section aria-labelledby="story">
              <h2 id="story" className="text-xl font-semibold">{t("story")}</h2>
              <div className="mt-2 space-y-3 leading-relaxed text-stone-900">
                {story.map((para, i) => <p key={i} className="whitespace-pre-line">{para}</p>)}
              </div>
            </section>
          ) : null}

          <section aria-labelledby="certificate">
            <h2 id="certificate" className="text-xl font-semibold">{t("certificate")}</h2>
            <dl className="mt-2 grid gap-x-4 gap-y-1 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
              <dt className="font-medium text-stone-700">{t("certificateNumber")}</dt>
              <dd className="font-semibold tabular-nums">{c.number}</dd>
              <dt className="font-medium text-stone-700">{t("certificateStatus")}</dt>
              <dd>{root(`certificateStatus.${state.status}`)}</dd>
              <dt className="font-medium text-stone-700">{t("level")}</dt>
              <dd>{root(`certificates.levels.${c.level}`)}</dd>
              <dt className="font-medium text-stone-700">{t("issuedOn")}</dt>
              <dd>{formatDate(c.issuedOn)}</dd>
              <dt className="font-medium text-stone-700">{t("expiresOn")}</dt>
              <dd>{formatDate(c.expiresOn)}</dd>
              <dt className="font-medium text-stone-700">{t("decision")}</dt>
              <dd>{t("decisionText", { number: c.decision.number, date: formatDate(c.decision.signedOn), signer: c.decision.signerName, title: c.decision.signerTitle })}</dd>
            </dl>
            <p className="mt-2">
              <Link href={`/verify/${c.verifyCode}`} className={external}>{t("verifyLink")}</Link>
            </p>
          </section>

          {p.rawMaterialAreas.length ? (
            <section aria-labelledby="areas">
              <h2 id="areas" className="text-xl font-semibold">{t("rawMaterialAreas")}</h2>
              <ul className="mt-2 grid gap-3 sm:grid-cols-2">
                {p.rawMaterialAreas.map((a) => {
                  const expired = a.standardExpiresOn !== null && isoOf(a.standardExpiresOn) < today;
                  return (
                    <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-4">
                      <h3 className="font-semibold">{a.name}</h3>
                      <p className="text-sm text-stone-700">{a.ward.name} · {t("hectares", { value: a.areaHa.toNumber() })}</p>
                      <p className="mt-1 text-sm">{t(`rawKinds.${a.kind}`)}: {a.subject}</p>
                      {a.standard !== "NONE" ? (
                        <p className="mt-1 text-sm">
                          {t(`rawStandards.${a.standard}`)}
                          {a.standardCertificateNo ? ` · ${t("standardNumber", { number: a.standardCertificateNo })}` : ""}
                          {a.standardExpiresOn ? ` · ${expired ? t("standardExpired", { date: formatDate(a.standardExpiresOn) }) : t("standardValidUntil", { date: formatDate(a.standardExpiresOn) })}` : ""}
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}

          {p.qualitySystems.length ? (
            <section aria-labelledby="quality">
              <h2 id="quality" className="text-xl font-semibold">{t("qualitySystems")}</h2>
              <ul className="mt-2 flex flex-wrap gap-2">
                {p.qualitySystems.map((q) => (
                  <li key={q} className="rounded-full border border-brand-700 bg-white px-3 py-1 text-sm font-medium text-brand-800">{t(`quality.${q}`)}</li>
                ))}
              </ul>
            </section>
          ) : null}

          {state.valid ? (
            <section aria-labelledby="buy">
              <h2 id="buy" className="text-xl font-semibold">{t("whereToBuy")}</h2>
              {p.pointsOfSale.length === 0 && ecommerce.length === 0 && livestreams.length === 0 ? <p className="mt-2 text-stone-700">{t("noWhereToBuy")}</p> : null}
              {p.pointsOfSale.length ? (
                <>
                  <h3 className="mt-3 font-semibold">{t("pointsOfSale")}</h3>
                  <ul className="mt-2 grid gap-3 sm:grid-cols-2">
                    {p.pointsOfSale.map(({ pointOfSale: s }) => (
                      <li key={s.id} className="rounded-lg border border-stone-200 bg-white p-4">
                        <Link href={`/points-of-sale/${s.id}`} className="font-semibold text-brand-800 underline underline-offset-2">{s.name}</Link>
                        <p className="text-sm text-stone-700">{s.address}, {s.ward.name}</p>
                        {s.openingHours ? <p className="text-sm text-stone-700">{s.openingHours}</p> : null}
                        <p className="text-sm"><a href={`tel:${s.phone}`} className="underline underline-offset-2">{s.phone}</a></p>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {ecommerce.length ? (
                <>
                  <h3 className="mt-4 font-semibold">{t("ecommerce")}</h3>
                  <ul className="mt-2 flex flex-col gap-1">
                    {ecommerce.map((l, i) => (
                      <li key={i}>
                        <a href={l.url} rel="noopener noreferrer nofollow" target="_blank" className={external}>{t("ecommerceLink", { platform: l.platform })}</a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {livestreams.length ? (
                <>
                  <h3 className="mt-4 font-semibold">{t("livestreams")}</h3>
                  <ul className="mt-2 flex flex-col gap-2">
                    {livestreams.map((l, i) => (
                      <li key={i} className="rounded-lg border border-stone-200 bg-white p-3">
                        <p className="font-medium">{l.title}</p>
                        <p className="text-sm text-stone-700"><time dateTime={l.startsAt}>{formatDateTime(new Date(l.startsAt))}</time></p>
                        <a href={l.url} rel="noopener noreferrer nofollow" target="_blank" className={`${external} text-sm`}>{t("livestreamLink", { title: l.title })}</a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          ) : null}

          {state.valid && p.eventEntries.length ? (
            <section aria-labelledby="fairs">
              <h2 id="fairs" className="text-xl font-semibold">{t("fairs")}</h2>
              <ul className="mt-2 flex flex-col gap-2">
                {p.eventEntries.map(({ event: e }) => (
                  <li key={e.id} className="rounded-lg border border-stone-200 bg-white p-3">
                    <Link href={`/events/${e.slug}`} className="font-semibold text-brand-800 underline underline-offset-2">{e.name}</Link>
                    <p className="text-sm text-stone-700">{t("fairDates", { from: formatDate(e.startsOn), to: formatDate(e.endsOn) })} · {e.place}</p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>

        <section aria-labelledby="qr" className="h-fit rounded-lg border border-stone-200 bg-white p-4 text-center">
          <h2 id="qr" className="text-lg font-semibold">{t("qrTitle")}</h2>
          {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL */}
          <img src={qr} alt={t("qrAlt", { name: p.name })} width={180} height={180} className="mx-auto mt-2" />
          <p className="mt-2 text-sm text-stone-700">{t("qrText")}</p>
          <p className="mt-1 break-all text-xs text-stone-600">{pageUrl}</p>
        </section>
      </div>
    </div>
  );
}
