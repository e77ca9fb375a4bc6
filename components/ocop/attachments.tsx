import { getFormatter, getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { listAttachments, type AttachmentParentType } from "@/lib/db/attachments";
import { formatDateTime } from "@/lib/i18n/format";
import { UploadForm } from "./upload-form";
import { RemoveFile } from "./remove-file";

/** Files of a record the page has already loaded in the actor's scope. */
export async function Attachments({ entity, canUpload }: { entity: { type: AttachmentParentType; id: string }; canUpload: boolean }) {
  const t = await getTranslations();
  const files = await listAttachments(entity);
  const format = await getFormatter();
  const kb = (n: number) => `${format.number(Math.max(1, Math.round(n / 1024)))} KB`;
  return (
    <section aria-labelledby={`files-${entity.id}`} className="mt-8">
      <h2 id={`files-${entity.id}`} className="text-lg font-semibold">{t("ideas.attachments")}</h2>
      {files.length === 0 ? (
        <p className="mt-2 text-stone-600">{t("files.none")}</p>
      ) : (
        <ul className="mt-2 space-y-1" data-testid="attachments">
          {files.map((f) => (
            <li key={f.id} className="flex flex-wrap items-baseline gap-x-3">
              <a href={`/api/files/${f.id}`} className="text-brand-700 underline underline-offset-2">{f.fileName}</a>
              <span className="text-sm text-stone-600">{kb(f.size)} · {formatDateTime(f.createdAt)}</span>
              {canUpload ? <RemoveFile attachmentId={f.id} name={f.fileName} /> : null}
            </li>
          ))}
        </ul>
      )}
      {canUpload ? <UploadForm entityType={entity.type} entityId={entity.id} maxMb={env.UPLOAD_MAX_MB} /> : null}
    </section>
  );
}
