import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { canManageDocuments } from "@/lib/db/documents";
import { DocumentForm } from "@/components/communication/document-form";

export default async function NewDocumentPage() {
  const actor = await requireActor("/manage/documents/new");
  if (!canManageDocuments(actor)) notFound();
  const t = await getTranslations("library");
  return (
    <>
      <p>
        <Link href="/manage/documents" className="text-sm text-brand-700 underline underline-offset-2">
          {t("backToDesk")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("newTitle")}</h1>
      <DocumentForm initial={{ title: "", number: "", issuedOn: "", issuer: "", kind: "" as never, summary: "" }} />
    </>
  );
}
