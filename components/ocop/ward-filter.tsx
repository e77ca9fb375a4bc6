import { getTranslations } from "next-intl/server";
import type { PlaceChoice } from "@/lib/domain/places";

/**
 * The place fields of a GET filter form (lib/domain/places.ts): one ward select where every ward
 * on offer is in one province, otherwise the province first and then its wards. Each field is
 * its own labelled block, so it sits in the form's grid like the other filters.
 */
export async function WardFilter({ choice, name = "ward", idPrefix, controlClass, blockClass = "flex flex-col gap-1" }: { choice: PlaceChoice; name?: string; idPrefix: string; controlClass: string; blockClass?: string }) {
  const t = await getTranslations("places");
  return (
    <>
      {choice.regions.length > 0 ? (
        <div className={blockClass}>
          <label htmlFor={`${idPrefix}-province`} className="text-sm font-medium">{t("region")}</label>
          <select id={`${idPrefix}-province`} name="province" defaultValue={choice.region?.code ?? ""} className={controlClass}>
            <option value="">{t("allRegions")}</option>
            {choice.regions.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
          </select>
        </div>
      ) : null}
      <div className={blockClass}>
        <label htmlFor={`${idPrefix}-ward`} className="text-sm font-medium">{t("ward")}</label>
        {choice.wards.length > 0 || choice.regions.length === 0 ? (
          <select id={`${idPrefix}-ward`} name={name} defaultValue={choice.ward?.value ?? ""} className={controlClass}>
            <option value="">{choice.region ? t("allWardsOf", { region: choice.region.name }) : t("allWards")}</option>
            {choice.wards.map((w) => <option key={w.value} value={w.value}>{w.name}</option>)}
          </select>
        ) : (
          <select id={`${idPrefix}-ward`} name={name} defaultValue="" disabled aria-describedby={`${idPrefix}-ward-hint`} className={`${controlClass} bg-stone-100`}>
            <option value="">{t("allWards")}</option>
          </select>
        )}
        {choice.regions.length > 0 && !choice.region ? <p id={`${idPrefix}-ward-hint`} className="text-xs text-stone-600">{t("chooseRegionFirst")}</p> : null}
      </div>
    </>
  );
}
