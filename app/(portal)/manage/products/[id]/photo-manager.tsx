"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { ConfirmAction } from "@/components/ocop/confirm-action";
import { FileUploadField } from "@/components/ocop/upload-form";
import { buttonClass } from "@/components/ui/button";
import { removeProductPhoto, setProductCover, uploadProductPhoto } from "@/lib/actions/products";

type Photo = { id: string; fileName: string };

/** Photos of the product's public page: add (images only), choose the cover, remove (confirmed). */
export function PhotoManager({ productId, productName, photos, coverId, maxMb }: { productId: string; productName: string; photos: Photo[]; coverId: string | null; maxMb: number }) {
  const t = useTranslations("productProfile");
  const root = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const makeCover = (photo: Photo) =>
    startTransition(async () => {
      const result = await callAction(() => setProductCover({ productId, attachmentId: photo.id }));
      setMessage(result.ok ? { ok: true, text: t("coverSet") } : { ok: false, text: root(`errors.${result.code}`) });
      if (result.ok) router.refresh();
    });

  return (
    <div>
      {photos.length === 0 ? <p className="text-stone-700">{t("noPhotos")}</p> : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {photos.map((p, i) => (
            <li key={p.id} className="overflow-hidden rounded-lg border border-stone-200 bg-white">
              {/* eslint-disable-next-line @next/next/no-img-element -- a stored upload served by /api/media; width and height reserve its box */}
              <img src={`/api/media/${p.id}`} alt={t("photoAlt", { name: productName, n: i + 1 })} width={320} height={240} loading="lazy" className="aspect-[4/3] h-auto w-full bg-stone-100 object-cover" />
              <div className="flex flex-wrap items-center gap-2 p-2">
                {p.id === coverId ? (
                  <span className="rounded-full bg-brand-100 px-2.5 py-0.5 text-sm font-medium text-brand-800">{t("cover")}</span>
                ) : (
                  <button type="button" className={buttonClass("secondary")} onClick={() => makeCover(p)} disabled={pending}>
                    {t("makeCover")}<span className="sr-only"> — {t("photoAlt", { name: productName, n: i + 1 })}</span>
                  </button>
                )}
                <ConfirmAction
                  label={t("removePhoto")}
                  context={t("photoAlt", { name: productName, n: i + 1 })}
                  question={t("removePhotoConfirm")}
                  done={t("photoRemoved")}
                  run={() => removeProductPhoto({ productId, attachmentId: p.id })}
                  onDone={() => router.refresh()}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className={message?.ok ? "mt-2 text-sm text-brand-700" : "mt-2 text-sm text-red-700"}>{message?.text}</p>
      <FileUploadField
        label={t("addPhoto")}
        hint={t("photoHint", { max: maxMb })}
        accept="image/jpeg,image/png,image/webp"
        maxMb={maxMb}
        fields={{ productId }}
        send={uploadProductPhoto}
        uploaded={(name) => t("photoAdded", { name })}
        uploadingLabel={t("uploading")}
        typeRefused={t("photoTypeRefused")}
        disabled={pending}
        className="mt-4 max-w-xl"
      />
    </div>
  );
}
