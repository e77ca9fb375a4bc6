import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { findDocumentForDesk } from "@/lib/db/documents";
import type { SearchParams } from "@/lib/validation/search-params";
import { DocumentForm } from "@/components/communication/document-form";
import { FileUpload } from "@/components/communication/file-upload";
import { PublicationHistory } from "@/components/communication/history";
import { PublicationActions } from "@/components/communication/publication-actions";
import { StatusPill } from "@/components/ocop/status-pill";
import { RemovePublicFile } from "@/components/communication/remove-file";
import { isoOf } from "@/lib/domain/dates";

/** One library document: its details, its file, publishing and history. */
export default async function DocumentDeskPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(`/manage/documents/${id}`);
  const doc = await findDocumentForDesk(actor, id);
  if (!doc) notFound();
  const t = await getTranslations("library");
  const format = await getFormatter();
  return (
    <>
      <p>
        <Link href="/manage/documents" className="text-sm text-brand-700 underline underline-offset-2">
          {t("backToDesk")}
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("editTitle")}</h1>
        <StatusPill tone={doc.status}>{t(`status.${doc.status}`)}</StatusPill>
      </div>
      {doc.status === "PUBLISHED" ? (
        <p className="mt-2">
          <Link href={`/documents?q=${encodeURIComponent(doc.number ?? doc.title.slice(0, 60))}`} className="text-brand-700 underline underline-offset-2">
            {t("viewPublic")}
          </Link>
        </p>
      ) : (
        <p className="mt-2 text-sm text-stone-700">{t("draftHidden")}</p>
      )}
      <section aria-labelledby="publishing" className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="publishing" className="text-lg font-semibold">
          {t("actionsTitle")}
        </h2>
        <div className="mt-3">
          <PublicationActions kind="library" id={doc.id} status={doc.status} />
        </div>
      </section>
      <DocumentForm
        key={doc.updatedAt.toISOString()}
        created={sp.created === "1"}
        initial={{
          documentId: doc.id,
          version: doc.updatedAt.toISOString(),
          title: doc.title,
          number: doc.number ?? "",
          issuedOn: doc.issuedOn ? isoOf(doc.issuedOn) : "",
          issuer: doc.issuer,
          kind: doc.kind,
          summary: doc.summary,
        }}
      />
      <section aria-labelledby="file" className="mt-8">
        <h2 id="file" className="text-lg font-semibold">
          {t("fileTitle")}
        </h2>
        {doc.file ? (
          <div className="mt-2 flex flex-wrap items-start gap-4">
            <p className="text-sm">
              {doc.status === "PUBLISHED" ? (
                <a href={`/api/media/${doc.file.id}`} className="text-brand-700 underline underline-offset-2">
                  {doc.file.fileName}
                </a>
              ) : (
                doc.file.fileName
              )}{" "}
              <span className="text-stone-600">({format.number(Math.max(1, Math.round(doc.file.size / 1024)))} KB)</span>
            </p>
            <RemovePublicFile target="documentFile" id={doc.id} />
          </div>
        ) : (
          <p className="mt-2 text-stone-600">{t("fileNone")}</p>
        )}
        <FileUpload target="documentFile" id={doc.id} maxMb={env.UPLOAD_MAX_MB} />
      </section>
      <PublicationHistory kind="library" record={{ entityType: "LibraryDocument", id: doc.id }} />
    </>
  );
}
