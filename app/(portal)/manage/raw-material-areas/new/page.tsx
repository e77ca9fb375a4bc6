import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { canCreateArea, listAreaWards, listLinkOptions } from "@/lib/db/raw-material-areas";
import { AreaForm } from "@/components/communication/area-form";

export default async function NewRawMaterialAreaPage() {
  const actor = await requireActor("/manage/raw-material-areas/new");
  if (!canCreateArea(actor)) notFound();
  const t = await getTranslations("areas");
  const [wards, links] = await Promise.all([listAreaWards(actor), listLinkOptions(actor)]);
  const officer = actor.role === "WARD_OFFICER";
  return (
    <>
      <p>
        <Link href="/manage/raw-material-areas" className="text-sm text-brand-700 underline underline-offset-2">
          {t("backToList")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("newTitle")}</h1>
      <AreaForm
        options={{
          wards: officer ? null : wards,
          fixedWardName: officer ? (wards[0]?.name ?? null) : null,
          producers: links.producers.map((p) => ({ id: p.id, name: p.name, wardName: p.ward.name })),
          products: links.products,
        }}
        initial={{
          name: "",
          wardId: "",
          location: "",
          areaHa: "",
          kind: "" as never,
          subject: "",
          standard: "NONE",
          standardCertificateNo: "",
          standardIssuer: "",
          standardExpiresOn: "",
          note: "",
          producerIds: [],
          productIds: [],
        }}
      />
    </>
  );
}
