import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { areaResource, findArea, listAreaWards, listLinkOptions } from "@/lib/db/raw-material-areas";
import { isoOf, vietnamDateOf } from "@/lib/domain/dates";
import { certificateState, formatHectares, standardPoints } from "@/lib/domain/raw-material-areas";
import { formatDate } from "@/lib/i18n/format";
import type { SearchParams } from "@/lib/validation/search-params";
import { AreaForm } from "@/components/communication/area-form";
import { CertificateStateMark } from "@/components/communication/certificate-state";
import { DeleteArea } from "@/components/communication/delete-area";

/** One raw-material area: its certificate state, the form to change it, and deletion when unlinked. */
export default async function RawMaterialAreaPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const sp = await searchParams;
  const actor = await requireActor(`/manage/raw-material-areas/${id}`);
  const area = await findArea(actor, id);
  if (!area) notFound();
  const t = await getTranslations("areas");
  const format = await getFormatter();
  const state = certificateState(area.standard, area.standardExpiresOn ? isoOf(area.standardExpiresOn) : null, vietnamDateOf(new Date()));
  const canManage = can(actor, "rawMaterialArea.manage", areaResource(area));
  const linked = area.producers.length + area.products.length;
  const header = (
    <>
      <p>
        <Link href="/manage/raw-material-areas" className="text-sm text-brand-700 underline underline-offset-2">
          {t("backToList")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{area.name}</h1>
      <p className="mt-1 text-stone-700">
        {area.ward.name}
        {area.location ? ` · ${area.location}` : ""} · {t("hectares", { value: format.number(Number(area.areaHa), { maximumFractionDigits: 2 }) })} · {area.subject}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <span className="font-medium">{t(`standard.${area.standard}`)}</span>
        <CertificateStateMark state={state} />
        {area.standardExpiresOn ? <span className="text-sm tabular-nums">{t("expiresOn", { date: formatDate(area.standardExpiresOn) })}</span> : null}
        {standardPoints(area.standard) > 0 ? <span className="text-sm text-stone-700">{t("points", { count: standardPoints(area.standard) })}</span> : null}
      </div>
    </>
  );
  if (!canManage) {
    return (
      <>
        {header}
        <p className="mt-4 text-sm text-stone-700">{t("readOnly")}</p>
        <dl className="mt-4 grid gap-x-4 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-stone-700">{t("fieldCertificateNo")}</dt>
          <dd>{area.standardCertificateNo ?? "—"}</dd>
          <dt className="font-medium text-stone-700">{t("fieldIssuer")}</dt>
          <dd>{area.standardIssuer ?? "—"}</dd>
          <dt className="font-medium text-stone-700">{t("producersLegend")}</dt>
          <dd>{area.producers.map((p) => p.name).join(", ") || "—"}</dd>
          <dt className="font-medium text-stone-700">{t("productsLegend")}</dt>
          <dd>{area.products.map((p) => p.name).join(", ") || "—"}</dd>
          <dt className="font-medium text-stone-700">{t("fieldNote")}</dt>
          <dd className="whitespace-pre-line">{area.note || "—"}</dd>
        </dl>
      </>
    );
  }
  const [wards, links] = await Promise.all([listAreaWards(actor), listLinkOptions(actor)]);
  const producerOptions = new Set(links.producers.map((p) => p.id));
  const productOptions = new Set(links.products.map((p) => p.id));
  // Links outside the actor's scope stay as they are (the action keeps them); they are counted here.
  const hidden = area.producers.filter((p) => !producerOptions.has(p.id)).length + area.products.filter((p) => !productOptions.has(p.id)).length;
  const officer = actor.role === "WARD_OFFICER";
  return (
    <>
      {header}
      {hidden > 0 ? <p className="mt-4 rounded-md bg-stone-100 p-3 text-sm">{t("hiddenLinks", { count: hidden })}</p> : null}
      <AreaForm
        key={area.updatedAt.toISOString()}
        created={sp.created === "1"}
        options={{
          wards: officer ? null : wards,
          fixedWardName: officer ? area.ward.name : null,
          producers: links.producers.map((p) => ({ id: p.id, name: p.name, wardName: p.ward.name })),
          products: links.products,
        }}
        initial={{
          areaId: area.id,
          version: area.updatedAt.toISOString(),
          name: area.name,
          wardId: area.wardId,
          location: area.location,
          areaHa: formatHectares(Number(area.areaHa)),
          kind: area.kind,
          subject: area.subject,
          standard: area.standard,
          standardCertificateNo: area.standardCertificateNo ?? "",
          standardIssuer: area.standardIssuer ?? "",
          standardExpiresOn: area.standardExpiresOn ? isoOf(area.standardExpiresOn) : "",
          note: area.note,
          producerIds: area.producers.filter((p) => producerOptions.has(p.id)).map((p) => p.id),
          productIds: area.products.filter((p) => productOptions.has(p.id)).map((p) => p.id),
        }}
      />
      <section aria-labelledby="delete-area" className="mt-10 border-t border-stone-200 pt-6">
        <h2 id="delete-area" className="text-lg font-semibold">
          {t("delete")}
        </h2>
        {linked > 0 ? <p className="mt-2 text-sm text-stone-700">{t("stillLinked")}</p> : <div className="mt-2"><DeleteArea areaId={area.id} name={area.name} /></div>}
      </section>
    </>
  );
}
