import { uploadLimitMb } from "@/lib/storage";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { findProductProfile, listProductPhotos, productResource } from "@/lib/db/products";
import { isListed } from "@/lib/domain/catalogue";
import { isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { formatDateTime, formatVnd } from "@/lib/i18n/format";
import { formatVndInput } from "@/lib/validation/money";
import { instantToVietnamLocal, readEcommerceLinks, readLivestreams } from "@/lib/validation/product-profile";
import { StatusPill } from "@/components/ocop/status-pill";
import { PhotoManager } from "./photo-manager";
import { ProfileForm } from "./profile-form";

export default async function ManageProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/manage/products/${id}`);
  const product = await findProductProfile(actor, id);
  if (!product) notFound();
  const t = await getTranslations("productProfile");
  const tc = await getTranslations("catalogue");
  const editable = can(actor, "product.editProfile", productResource(product));
  const photos = await listProductPhotos(product);
  const today = vietnamDateOf(new Date());
  const listed = isListed({ certificateStatus: product.certificateStatus, certificateExpiresOn: product.certificateExpiresOn ? isoOf(product.certificateExpiresOn) : null }, today);
  const links = readEcommerceLinks(product.ecommerceLinks);
  const streams = readLivestreams(product.livestreams);
  const publicHref = `/products/${product.slug}`;

  return (
    <>
      <p className="text-sm"><Link href="/manage/products" className="text-brand-700 underline underline-offset-2">{t("backToList")}</Link></p>
      <h1 className="mt-2 text-2xl font-bold">{product.name}</h1>
      <p className="mt-1 text-stone-700">
        {product.producer.name} · {product.producer.ward.name} · {tc("criteriaSetText", { no: product.criteriaSet.no, name: product.criteriaSet.name })}
      </p>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <StatusPill tone={listed ? "APPROVED" : product.certificateStatus === "REVOKED" ? "REJECTED" : "WITHDRAWN"}>
          {t(`catalogueStates.${listed ? "listed" : product.certificateStatus === "REVOKED" ? "revoked" : "expired"}`)}
        </StatusPill>
        {product.star ? <span>{t("starText", { count: product.star })}</span> : null}
        {product.certificate ? (
          <Link href={`/certificates/${product.certificate.id}`} className="text-brand-700 underline underline-offset-2">{t("certificateLink", { number: product.certificate.number })}</Link>
        ) : null}
        <Link href={publicHref} className="text-brand-700 underline underline-offset-2">{t("viewPublic")}</Link>
      </p>
      {!listed ? <p className="mt-3 max-w-3xl rounded-md border border-stone-300 bg-stone-50 p-3 text-stone-800">{t("notListedNote")}</p> : null}

      <section aria-labelledby="photos" className="mt-8">
        <h2 id="photos" className="text-xl font-semibold">{t("photos")}</h2>
        {editable ? (
          <div className="mt-3">
            <PhotoManager productId={product.id} productName={product.name} photos={photos} coverId={product.coverPhotoId} maxMb={uploadLimitMb("photo")} />
          </div>
        ) : photos.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("noPhotos")}</p>
        ) : (
          <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
            {photos.map((p, i) => (
              <li key={p.id}>
                {/* eslint-disable-next-line @next/next/no-img-element -- a stored upload served by /api/media; width and height reserve its box */}
                <img src={`/api/media/${p.id}`} alt={t("photoAlt", { name: product.name, n: i + 1 })} width={320} height={240} loading="lazy" className="aspect-[4/3] h-auto w-full rounded-md border border-stone-200 bg-stone-100 object-cover" />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="profile" className="mt-8">
        <h2 id="profile" className="text-xl font-semibold">{t("profileTitle")}</h2>
        <p className="mt-1 max-w-3xl text-sm text-stone-700">{editable ? t("profileIntro") : t("readOnly")}</p>
        <div className="mt-3">
          {editable ? (
            <ProfileForm
              publicHref={publicHref}
              initial={{
                productId: product.id,
                version: product.updatedAt.toISOString(),
                summary: product.summary,
                story: product.story,
                packaging: product.packaging,
                priceFromVnd: product.priceFromVnd === null ? "" : formatVndInput(Number(product.priceFromVnd)),
                qualitySystems: product.qualitySystems,
                ecommerceLinks: links,
                livestreams: streams.map((s) => ({ title: s.title, startsAt: instantToVietnamLocal(new Date(s.startsAt)), url: s.url })),
                website: product.website ?? "",
              }}
            />
          ) : (
            <dl className="grid max-w-3xl gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
              <dt className="font-medium text-stone-700">{t("summary")}</dt>
              <dd>{product.summary || "—"}</dd>
              <dt className="font-medium text-stone-700">{t("story")}</dt>
              <dd className="whitespace-pre-line">{product.story || "—"}</dd>
              <dt className="font-medium text-stone-700">{t("packaging")}</dt>
              <dd className="whitespace-pre-line">{product.packaging || "—"}</dd>
              <dt className="font-medium text-stone-700">{t("priceFrom")}</dt>
              <dd>{product.priceFromVnd === null ? "—" : formatVnd(product.priceFromVnd)}</dd>
              <dt className="font-medium text-stone-700">{t("qualitySystems")}</dt>
              <dd>{product.qualitySystems.length ? product.qualitySystems.map((q) => tc(`quality.${q}`)).join(", ") : "—"}</dd>
              <dt className="font-medium text-stone-700">{t("ecommerceLinks")}</dt>
              <dd>
                {links.length ? (
                  <ul>{links.map((l, i) => <li key={i}><a href={l.url} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-700 underline">{l.platform}: {l.url}</a></li>)}</ul>
                ) : "—"}
              </dd>
              <dt className="font-medium text-stone-700">{t("livestreams")}</dt>
              <dd>
                {streams.length ? (
                  <ul>{streams.map((s, i) => <li key={i}>{formatDateTime(new Date(s.startsAt))} — {s.title}</li>)}</ul>
                ) : "—"}
              </dd>
              <dt className="font-medium text-stone-700">{t("website")}</dt>
              <dd>{product.website ? <a href={product.website} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-700 underline">{product.website}</a> : "—"}</dd>
            </dl>
          )}
        </div>
      </section>
    </>
  );
}
