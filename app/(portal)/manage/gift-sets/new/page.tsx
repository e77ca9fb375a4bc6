import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { GIFT_SET_RESOURCE } from "@/lib/db/gift-sets";
import { GiftSetForm } from "@/components/trade/gift-set-form";

export default async function NewGiftSetPage() {
  const actor = await requireActor("/manage/gift-sets/new");
  if (!can(actor, "giftSet.manage", GIFT_SET_RESOURCE)) notFound();
  const t = await getTranslations();
  return (
    <>
      <p className="text-sm"><Link href="/manage/gift-sets" className="text-brand-700 underline underline-offset-2">{t("giftSets.deskTitle")}</Link></p>
      <h1 className="mt-1 text-2xl font-bold">{t("giftSets.new")}</h1>
      <GiftSetForm initial={{ name: "", occasion: "", story: "", priceVnd: "", items: [] }} />
    </>
  );
}
