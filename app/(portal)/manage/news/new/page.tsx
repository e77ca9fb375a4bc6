import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { canManageNews } from "@/lib/db/news";
import { NewsForm } from "@/components/communication/news-form";

export default async function NewNewsPage() {
  const actor = await requireActor("/manage/news/new");
  if (!canManageNews(actor)) notFound();
  const t = await getTranslations("news");
  return (
    <>
      <p>
        <Link href="/manage/news" className="text-sm text-brand-700 underline underline-offset-2">
          {t("backToDesk")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("newTitle")}</h1>
      <NewsForm initial={{ title: "", summary: "", body: "" }} />
    </>
  );
}
