import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { AREA_PAGE_SIZE, canCreateArea, canListAreas, listAreas, listAreaWards } from "@/lib/db/raw-material-areas";
import { isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { certificateState, RAW_MATERIAL_STANDARDS } from "@/lib/domain/raw-material-areas";
import { formatDate } from "@/lib/i18n/format";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { CertificateStateMark } from "@/components/communication/certificate-state";

/** Raw-material areas in the actor's scope, certificates expiring soonest first. */
export default async function RawMaterialAreasPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const actor = await requireActor("/manage/raw-material-areas");
  if (!canListAreas(actor)) notFound();
  const t = await getTranslations("areas");
  const format = await getFormatter();
  const wards = actor.role === "WARD_OFFICER" ? [] : await listAreaWards(actor);
  const f = {
    q: textParam(sp, "q", 120),
    wardId: wards.some((w) => w.id === textParam(sp, "ward", 64)) ? textParam(sp, "ward", 64) : undefined,
    standard: enumParam(sp, "standard", RAW_MATERIAL_STANDARDS),
    page: intParam(sp, "page", 1, 100_000) ?? 1,
  };
  const { rows, total } = await listAreas(actor, f);
  const today = vietnamDateOf(new Date());
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("deskTitle")}</h1>
        {canCreateArea(actor) ? (
          <Link href="/manage/raw-material-areas/new" className={buttonClass("primary")}>
            {t("newArea")}
          </Link>
        ) : null}
      </div>
      <p className="mt-1 max-w-3xl text-stone-700">{t("deskIntro")}</p>
      <form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          {t("search")}
          <input name="q" defaultValue={f.q} maxLength={120} className="min-h-11 rounded-md border border-stone-400 bg-white px-2" />
        </label>
        {wards.length > 0 ? (
          <label className="flex flex-col text-sm">
            {t("fieldWard")}
            <select name="ward" defaultValue={f.wardId ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-2">
              <option value="">{t("allWards")}</option>
              {wards.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col text-sm">
          {t("filterStandard")}
          <select name="standard" defaultValue={f.standard ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-2">
            <option value="">{t("allStandards")}</option>
            {RAW_MATERIAL_STANDARDS.map((s) => (
              <option key={s} value={s}>
                {t(`standard.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t("apply")}
        </button>
      </form>
      <p className="mt-4 text-sm text-stone-700">{t("count", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="mt-2">{t("empty")}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("colName")}</th>
                <th scope="col" className="p-2">{t("colWard")}</th>
                <th scope="col" className="p-2 text-right">{t("colArea")}</th>
                <th scope="col" className="p-2">{t("colStandard")}</th>
                <th scope="col" className="p-2">{t("colLinks")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-100 align-top">
                  <td className="p-2">
                    <Link href={`/manage/raw-material-areas/${r.id}`} className="text-brand-700 underline underline-offset-2">
                      {r.name}
                    </Link>
                    <span className="block text-xs text-stone-600">
                      {r.subject} · {t(`kind.${r.kind}`)}
                    </span>
                  </td>
                  <td className="p-2">
                    {r.ward.name}
                    {r.location ? <span className="block text-xs text-stone-600">{r.location}</span> : null}
                  </td>
                  <td className="p-2 text-right tabular-nums">{t("hectares", { value: format.number(Number(r.areaHa), { maximumFractionDigits: 2 }) })}</td>
                  <td className="p-2">
                    <span className="block">{t(`standard.${r.standard}`)}</span>
                    {r.standardCertificateNo ? <span className="block text-xs text-stone-600">{r.standardCertificateNo}</span> : null}
                    <span className="mt-1 flex flex-wrap items-center gap-2">
                      <CertificateStateMark state={certificateState(r.standard, r.standardExpiresOn ? isoOf(r.standardExpiresOn) : null, today)} />
                      {r.standardExpiresOn ? <span className="text-xs tabular-nums">{t("expiresOn", { date: formatDate(r.standardExpiresOn) })}</span> : null}
                    </span>
                  </td>
                  <td className="p-2">{t("links", { producers: r._count.producers, products: r._count.products })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/manage/raw-material-areas" searchParams={sp} page={f.page} pageSize={AREA_PAGE_SIZE} total={total} />
    </>
  );
}
