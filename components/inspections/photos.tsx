import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { listAttachments } from "@/lib/db/attachments";
import { formatDateTime } from "@/lib/i18n/format";
import { InspectionPhotoUpload, RemoveInspectionPhoto } from "./photo-controls";

// Types every browser shows inline; HEIC and documents are offered as links.
const SHOWN_INLINE = new Set(["image/jpeg", "image/png", "image/webp"]);

/** Photos and minutes of an inspection the page has loaded in the actor's scope (downloads check it again). */
export async function InspectionPhotos({ inspectionId, productName, canUpload }: { inspectionId: string; productName: string; canUpload: boolean }) {
  const t = await getTranslations("inspections");
  const files = await listAttachments({ type: "Inspection", id: inspectionId });
  const photos = files.filter((f) => SHOWN_INLINE.has(f.mime));
  const others = files.filter((f) => !SHOWN_INLINE.has(f.mime));
  return (
    <section aria-labelledby="inspection-photos" className="mt-8">
      <h2 id="inspection-photos" className="text-lg font-semibold">{t("photos")}</h2>
      {files.length === 0 ? <p className="mt-2 text-stone-600">{t("photosNone")}</p> : null}
      {photos.length > 0 ? (
        <ul className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="inspection-photos">
          {photos.map((f, i) => (
            <li key={f.id} className="rounded-md border border-stone-200 bg-white p-2">
              <a href={`/api/files/${f.id}`} target="_blank" rel="noopener">
                {/* eslint-disable-next-line @next/next/no-img-element -- a stored upload served by /api/files under the inspection's read policy */}
                <img src={`/api/files/${f.id}`} alt={t("photoAlt", { n: i + 1, name: productName })} width={320} height={240} loading="lazy" className="aspect-[4/3] h-auto w-full rounded bg-stone-100 object-cover" />
              </a>
              <p className="mt-1 break-words text-xs text-stone-700">{f.fileName} · {formatDateTime(f.createdAt)}</p>
              {canUpload ? <RemoveInspectionPhoto attachmentId={f.id} name={f.fileName} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {others.length > 0 ? (
        <ul className="mt-2 space-y-1">
          {others.map((f) => (
            <li key={f.id} className="flex flex-wrap items-baseline gap-x-3">
              <a href={`/api/files/${f.id}`} className="break-all text-brand-700 underline underline-offset-2">{f.fileName}</a>
              <span className="text-sm text-stone-600">{formatDateTime(f.createdAt)}</span>
              {canUpload ? <RemoveInspectionPhoto attachmentId={f.id} name={f.fileName} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canUpload ? <InspectionPhotoUpload inspectionId={inspectionId} maxMb={env.UPLOAD_MAX_MB} /> : null}
    </section>
  );
}
