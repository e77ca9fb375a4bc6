import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { listProducers } from "@/lib/db/producers";
import { listWards } from "@/lib/db/reference";
import { findRegionName } from "@/lib/db/admin-units";
import { HiddenFilters, ListFilterNote, type ListFilter } from "@/components/dashboard/list-filter-note";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { enumParam, intParam, textParam, type SearchParams } from "@/lib/validation/search-params";

const PRODUCER_PAGE_SIZE = 25;
const PRODUCER_TYPES = ["COOPERATIVE", "COOPERATIVE_GROUP", "ENTERPRISE", "FARM", "HOUSEHOLD_BUSINESS", "ASSOCIATION_OR_CENTRE"] as const;

export default async function ProducersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const q = textParam(sp, "q");
  const page = intParam(sp, "page", 1, 100_000) ?? 1;
  const status = enumParam(sp, "status", ["PENDING", "VERIFIED", "REJECTED"] as const);
  const type = enumParam(sp, "type", PRODUCER_TYPES);
  const actor = await requireActor("/producers");
  if (!can(actor, "producer.list", { type: "producer", id: "", wardId: actor.wardId ?? "" })) notFound();
  const t = await getTranslations();
  // A ward officer's ward is its scope; the ward filter (from the dashboard) is for city roles.
  const wardId = actor.role === "WARD_OFFICER" ? undefined : textParam(sp, "ward", 64);
  const provinceCode = actor.role === "WARD_OFFICER" ? undefined : textParam(sp, "province", 10);
  const [{ rows, total }, wardName, provinceName] = await Promise.all([
    listProducers(actor, { q, page, status, type, wardId, provinceCode, pageSize: PRODUCER_PAGE_SIZE }),
    wardId ? listWards().then((ws) => ws.find((w) => w.id === wardId)?.name ?? "—") : undefined,
    provinceCode ? findRegionName(provinceCode) : undefined,
  ]);
  // Filters the dashboard's figures open this list with (issue 6); the form keeps them.
  const extra: ListFilter[] = [
    ...(type ? [{ name: "type", value: type, label: t(`producerTypes.${type}`) }] : []),
    ...(wardId ? [{ name: "ward", value: wardId, label: wardName ?? "" }] : []),
    ...(provinceCode ? [{ name: "province", value: provinceCode, label: provinceName ?? provinceCode }] : []),
  ];
  return (
    <>
      <h1 className="text-2xl font-bold">{t("producers.title")}</h1>
      <ListFilterNote filters={extra} clearHref="/producers" />
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search">
        <HiddenFilters filters={extra} />
        <label className="flex flex-col text-sm">
          {t("producers.searchLabel")}
          <input name="q" defaultValue={q} className="min-h-11 rounded-md border border-stone-400 px-3" />
        </label>
        <label className="flex flex-col text-sm">
          {t("producers.status")}
          <select name="status" defaultValue={status ?? ""} className="min-h-11 rounded-md border border-stone-400 bg-white px-3">
            <option value="">{t("ideas.allStatuses")}</option>
            {(["PENDING", "VERIFIED", "REJECTED"] as const).map((s) => (
              <option key={s} value={s}>{t(`verification.${s}`)}</option>
            ))}
          </select>
        </label>
        <button className={buttonClass("secondary")}>{t("common.search")}</button>
      </form>
      <p className="mt-4 text-sm text-stone-700">{t("producers.count", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="mt-4">{t("producers.empty")}</p>
      ) : (
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th scope="col" className="p-2">{t("producers.name")}</th>
                <th scope="col" className="p-2">{t("producers.type")}</th>
                <th scope="col" className="p-2">{t("producers.ward")}</th>
                <th scope="col" className="p-2">{t("producers.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} className="border-b border-stone-100">
                  <td className="p-2">
                    <Link href={`/producers/${p.id}`} className="text-brand-700 underline underline-offset-2">
                      {p.name}
                    </Link>
                  </td>
                  <td className="p-2">{t(`producerTypes.${p.type}`)}</td>
                  <td className="p-2">{p.ward.name}</td>
                  <td className="p-2">{t(`verification.${p.verificationStatus}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination basePath="/producers" searchParams={sp} page={page} pageSize={PRODUCER_PAGE_SIZE} total={total} />
    </>
  );
}
