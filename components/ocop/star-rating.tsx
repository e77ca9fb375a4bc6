import { getTranslations } from "next-intl/server";

export async function StarRating({ stars }: { stars: number }) {
  const t = await getTranslations("common");
  return (
    <span className="inline-flex items-center text-star" role="img" aria-label={t("stars", { count: stars })}>
      {"★".repeat(stars)}
      <span className="text-stone-500">{"★".repeat(Math.max(0, 5 - stars))}</span>
    </span>
  );
}
