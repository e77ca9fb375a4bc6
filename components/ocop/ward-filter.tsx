import { getTranslations } from "next-intl/server";
import type { PlaceChoice } from "@/lib/domain/places";

export type WardFilterLabels = { region: string; allRegions: string; ward: string; allWards: string; chooseRegionFirst: string };

/** The filter's words for a choice (the "all wards" option names the chosen province). */
export async function wardFilterLabels(choice: PlaceChoice): Promise<WardFilterLabels> {
  const t = await getTranslations("places");
  return {
    region: t("region"),
    allRegions: t("allRegions"),
    ward: t("ward"),
    allWards: choice.region ? t("allWardsOf", { region: choice.region.name }) : t("allWards"),
    chooseRegionFirst: t("chooseRegionFirst"),
  };
}

/**
 * The place fields of a GET filter form (lib/domain/places.ts): one ward select where every ward
 * on offer is in one province, otherwise the province first and then its wards. Each field is
 * its own labelled block, so it sits in the form's grid like the other filters. Synchronous (the
 * words come from wardFilterLabels), so pages render it in one pass.
 */
export function WardFilter({ choice, labels, name = "ward", idPrefix, controlClass, blockClass = "flex flex-col gap-1" }: { choice: PlaceChoice; labels: WardFilterLabels; name?: string; idPrefix: string; controlClass: string; blockClass?: string }) {
  const waiting = choice.regions.length > 0 && !choice.region;
  return (
    <>
      {choice.regions.length > 0 ? (
        <div className={blockClass}>
          <label htmlFor={`${idPrefix}-province`} className="text-sm font-medium">{labels.region}</label>
          <select id={`${idPrefix}-province`} name="province" defaultValue={choice.region?.code ?? ""} className={controlClass}>
            <option value="">{labels.allRegions}</option>
            {choice.regions.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
          </select>
        </div>
      ) : null}
      <div className={blockClass}>
        <label htmlFor={`${idPrefix}-ward`} className="text-sm font-medium">{labels.ward}</label>
        {waiting ? (
          <select id={`${idPrefix}-ward`} name={name} defaultValue="" disabled aria-describedby={`${idPrefix}-ward-hint`} className={`${controlClass} bg-stone-100`}>
            <option value="">{labels.allWards}</option>
          </select>
        ) : (
          <select id={`${idPrefix}-ward`} name={name} defaultValue={choice.ward?.value ?? ""} className={controlClass}>
            <option value="">{labels.allWards}</option>
            {choice.wards.map((w) => <option key={w.value} value={w.value}>{w.name}</option>)}
          </select>
        )}
        {waiting ? <p id={`${idPrefix}-ward-hint`} className="text-xs text-stone-600">{labels.chooseRegionFirst}</p> : null}
      </div>
    </>
  );
}
