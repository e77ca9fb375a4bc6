import { uploadLimitMb } from "@/lib/storage";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { listAttachments } from "@/lib/db/attachments";
import { findGiftSet, withListing } from "@/lib/db/gift-sets";
import { listStatusEvents } from "@/lib/db/timeline";
import { formatDateTime, formatVnd } from "@/lib/i18n/format";
import { textParam, type SearchParams } from "@/lib/validation/search-params";
import { buttonClass } from "@/components/ui/button";
import { GiftSetCoverUpload, GiftSetPublish } from "@/components/trade/gift-set-controls";
import { GiftSetItems } from "@/components/trade/gift-set-items";
import { PointOfSaleStatusPill, TradeHistory } from "@/components/trade/status";

export default async function GiftSetDeskDetail({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(`/manage/gift-sets/${id}`);
  const set = await findGiftSet(actor, id);
  if (!set) notFound();
  const t = await getTranslations();
  const [events, files] = await Promise.all([listStatusEvents({ entityType: "GiftSet", id: set.id }), listAttachments({ type: "GiftSet", id: set.id })]);
  const cover = files.find((f) => f.id === set.coverPhotoId) ?? null;
  const items = withListing(set.items);
  return (
    <>
      <p className="text-sm"><Link href="/manage/gift-sets" className="text-brand-700 underline underline-offset-2">{t("giftSets.deskTitle")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{set.name}</h1>
      {textParam(sp, "saved", 1) ? <p role="status" className="mt-2 rounded-md bg-brand-50 p-3 text-brand-800">{t("giftSets.saved")}</p> : null}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <PointOfSaleStatusPill status={set.published ? "PUBLISHED" : "DRAFT"} />
        {set.published ? <Link href={`/gift-sets/${set.slug}`} className="text-brand-700 underline underline-offset-2">{t("giftSets.publicPage")}</Link> : null}
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-stone-700">{t("giftSets.occasion")}</dt>
        <dd>{set.occasion || "—"}</dd>
        <dt className="font-medium text-stone-700">{t("giftSets.price")}</dt>
        <dd>{set.priceVnd === null ? "—" : formatVnd(set.priceVnd)}</dd>
        <dt className="font-medium text-stone-700">{t("giftSets.address")}</dt>
        <dd className="break-all">/gift-sets/{set.slug}</dd>
        <dt className="font-medium text-stone-700">{t("giftSets.updatedAt")}</dt>
        <dd>{formatDateTime(set.updatedAt)}</dd>
      </dl>
      <div className="mt-4 flex flex-wrap items-start gap-3">
        <Link href={`/manage/gift-sets/${set.id}/edit`} className={buttonClass("secondary")}>{t("giftSets.edit")}</Link>
        <GiftSetPublish giftSetId={set.id} version={set.updatedAt.toISOString()} published={set.published} name={set.name} />
      </div>
      <section aria-labelledby="cover" className="mt-6">
        <h2 id="cover" className="text-lg font-semibold">{t("giftSets.cover")}</h2>
        {cover ? (
          set.published ? (
            // eslint-disable-next-line @next/next/no-img-element -- a stored upload of unknown size, served by /api/media
            <img src={`/api/media/${cover.id}`} alt={t("giftSets.coverAlt", { name: set.name })} width={480} height={320} loading="lazy" className="mt-2 h-auto max-w-full rounded-md border border-stone-200 object-cover" />
          ) : (
            <p className="mt-2 text-sm">{t("giftSets.coverPrivate", { name: cover.fileName })}</p>
          )
        ) : (
          <p className="mt-2 text-sm text-stone-600">{t("giftSets.noCover")}</p>
        )}
        <GiftSetCoverUpload giftSetId={set.id} maxMb={uploadLimitMb("photo")} />
      </section>
      <section aria-labelledby="story" className="mt-6">
        <h2 id="story" className="text-lg font-semibold">{t("giftSets.story")}</h2>
        {set.story ? <p className="mt-2 max-w-3xl whitespace-pre-line">{set.story}</p> : <p className="mt-2 text-stone-600">—</p>}
      </section>
      <section aria-labelledby="items" className="mt-6">
        <h2 id="items" className="text-lg font-semibold">{t("giftSets.itemsHeading", { count: items.length })}</h2>
        <GiftSetItems items={items} />
      </section>
      <TradeHistory events={events} />
    </>
  );
}
