import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { findGiftSet, withListing } from "@/lib/db/gift-sets";
import { formatVndInput } from "@/lib/validation/money";
import { GiftSetForm } from "@/components/trade/gift-set-form";

export default async function EditGiftSetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/manage/gift-sets/${id}/edit`);
  const set = await findGiftSet(actor, id);
  if (!set) notFound();
  const t = await getTranslations();
  return (
    <>
      <p className="text-sm"><Link href={`/manage/gift-sets/${set.id}`} className="text-brand-700 underline underline-offset-2">{set.name}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{t("giftSets.edit")}</h1>
      <GiftSetForm
        initial={{
          giftSetId: set.id,
          version: set.updatedAt.toISOString(),
          name: set.name,
          occasion: set.occasion,
          story: set.story,
          priceVnd: set.priceVnd === null ? "" : formatVndInput(Number(set.priceVnd)),
          items: withListing(set.items).map((i) => ({ productId: i.product.id, note: i.note, name: i.product.name, producer: i.product.producer.name, star: i.product.star, listed: i.listed })),
        }}
      />
    </>
  );
}
