"use client";
import { useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { ConfirmAction } from "@/components/ocop/confirm-action";
import { buttonClass } from "@/components/ui/button";
import { removeProductPhoto, setProductCover, uploadProductPhoto } from "@/lib/actions/products";

type Photo = { id: string; fileName: string };

/** Photos of the product's public page: add (images only), choose the cover, remove (confirmed). */
export function PhotoManager({ productId, productName, photos, coverId, maxMb }: { productId: string; productName: string; photos: Photo[]; coverId: string | null; maxMb: number }) {
  const t = useTranslations("productProfile");
  const root = useTranslations();
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const upload = () => {
    const file = input.current?.files?.[0];
    if (!file) return;
    // Checked here too so a phone does not spend minutes sending a file the server will refuse.
    if (file.size > maxMb * 1024 * 1024) return setMessage({ ok: false, text: root("errors.FILE_TOO_LARGE") });
    const data = new FormData();
    data.set("productId", productId);
    data.set("file", file);
    setMessage(null);
    startTransition(async () => {
      const result = await callAction(() => uploadProductPhoto(data));
      if (input.current) input.current.value = "";
      if (!result.ok) return setMessage({ ok: false, text: result.code === "FILE_TYPE_NOT_ALLOWED" ? t("photoTypeRefused") : root(`errors.${result.code}`) });
      setMessage({ ok: true, text: t("photoAdded", { name: result.data.fileName }) });
      router.refresh();
    });
  };

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
                  run={async () => {
                    const result = await callAction(() => removeProductPhoto({ productId, attachmentId: p.id }));
                    if (result.ok) router.refresh();
                    return result;
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-4 max-w-xl">
        <label htmlFor={id} className="block text-sm font-medium">{t("addPhoto")}</label>
        <p id={`${id}-hint`} className="text-xs text-stone-600">{t("photoHint", { max: maxMb })}</p>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <input ref={input} id={id} type="file" accept="image/jpeg,image/png,image/webp" aria-describedby={`${id}-hint`} className="min-h-11 text-sm" onChange={upload} disabled={pending} />
          {pending ? <span className={buttonClass("ghost")} aria-live="polite">{t("uploading")}</span> : null}
        </div>
        <p role="status" className={message?.ok ? "mt-1 text-sm text-brand-700" : "mt-1 text-sm text-red-700"}>{message?.text}</p>
      </div>
    </div>
  );
}
