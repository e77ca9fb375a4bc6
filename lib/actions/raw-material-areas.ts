"use server";
import type { Actor } from "@/lib/auth/actor";
import { deleteRawMaterialAreaSchema, rawMaterialAreaSchema } from "@/lib/validation/communication";
import { notify } from "@/lib/db/notifications";
import { areaResource, findArea, findAreaWard, producersInScope, productsInScope, visibleLinks, type AreaRecord } from "@/lib/db/raw-material-areas";
import type { Tx } from "@/lib/db/tx";
import { AppError } from "@/lib/errors";
import { defineAction } from "./define-action";
import { isoOf } from "@/lib/domain/dates";

type Loaded = { kind: "new"; wardId: string } | { kind: "existing"; area: AreaRecord; wardId: string };

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const invalid = (field: string, key: string) => new AppError("VALIDATION", undefined, { [field]: [key] });

/**
 * The ward an area is placed in. A ward officer's comes from their account, whatever the form
 * says (a forged wardId is ignored); the Economic Office picks any current ward of the city.
 */
async function wardFor(tx: Tx, actor: Actor, requested: string | null, current: string | null): Promise<string> {
  if (actor.role === "WARD_OFFICER") {
    if (!actor.wardId) throw new AppError("NOT_FOUND");
    return current ?? actor.wardId;
  }
  const wardId = requested ?? current;
  if (!wardId) throw invalid("wardId", "validation.choose");
  if (!(await findAreaWard(tx, wardId))) throw invalid("wardId", "validation.choose");
  return wardId;
}

/** Creates an area or saves one in the actor's scope, with its linked producers and products. */
export const saveRawMaterialArea = defineAction({
  name: "rawMaterialArea.save",
  input: rawMaterialAreaSchema,
  permission: "rawMaterialArea.manage",
  load: async ({ actor, input, tx }): Promise<Loaded | null> => {
    if (!input.areaId) return { kind: "new", wardId: await wardFor(tx, actor, input.wardId, null) };
    const area = await findArea(actor, input.areaId, tx);
    if (!area) return null;
    return { kind: "existing", area, wardId: await wardFor(tx, actor, input.wardId, area.wardId) };
  },
  // Checked against the area as it is: a ward officer may change only an area of their ward.
  resource: (l) => (l.kind === "existing" ? areaResource(l.area) : { type: "rawMaterialArea", id: "", wardId: l.wardId }),
  run: async ({ actor, input, record, tx }) => {
    const producerIds = await producersInScope(tx, actor, input.producerIds);
    if (producerIds.length !== input.producerIds.length) throw invalid("producerIds", "validation.invalid");
    const products = await productsInScope(tx, actor, input.productIds);
    if (products.length !== input.productIds.length) throw invalid("productIds", "validation.invalid");
    // Links the actor cannot see (a producer of another ward linked by the office) are kept.
    const hidden =
      record.kind === "existing"
        ? await visibleLinks(tx, actor, record.area).then((v) => ({
            producers: record.area.producers.filter((p) => !v.producerIds.has(p.id)).map((p) => p.id),
            products: record.area.products.filter((p) => !v.productIds.has(p.id)),
          }))
        : { producers: [], products: [] };
    const allProducers = new Set([...hidden.producers, ...producerIds]);
    // A product is linked through its producer: the area supplies that producer.
    if (products.some((p) => !allProducers.has(p.producerId))) throw invalid("productIds", "areas.productOfUnlinkedProducer");
    const allProducts = [...new Set([...hidden.products.map((p) => p.id), ...products.map((p) => p.id)])];

    const certified = input.standard !== "NONE";
    const data = {
      name: input.name,
      wardId: record.wardId,
      location: input.location,
      areaHa: input.areaHa,
      kind: input.kind,
      subject: input.subject,
      standard: input.standard,
      standardCertificateNo: certified ? input.standardCertificateNo : null,
      standardIssuer: certified ? input.standardIssuer : null,
      standardExpiresOn: certified ? day(input.standardExpiresOn) : null,
      note: input.note,
    };
    const links = { producers: [...allProducers].sort(), products: allProducts.sort() };
    const after = { ...data, standardExpiresOn: certified ? input.standardExpiresOn : null, ...links };
    let id: string;
    if (record.kind === "new") {
      id = (
        await tx.rawMaterialArea.create({
          data: { ...data, createdById: actor.userId, producers: { connect: links.producers.map((p) => ({ id: p })) }, products: { connect: links.products.map((p) => ({ id: p })) } },
          select: { id: true },
        })
      ).id;
    } else {
      const a = record.area;
      if (input.version !== a.updatedAt.toISOString()) throw new AppError("CONFLICT");
      const { count } = await tx.rawMaterialArea.updateMany({ where: { id: a.id, updatedAt: a.updatedAt }, data });
      if (count !== 1) throw new AppError("CONFLICT");
      await tx.rawMaterialArea.update({
        where: { id: a.id },
        data: { producers: { set: links.producers.map((p) => ({ id: p })) }, products: { set: links.products.map((p) => ({ id: p })) } },
      });
      id = a.id;
    }
    const saved = await tx.rawMaterialArea.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
    // The ward hears about what the office records in it (and the office about a ward's own areas).
    const audience = actor.role === "WARD_OFFICER" ? { kind: "role" as const, role: "ECONOMIC_OFFICE" as const } : { kind: "ward" as const, wardId: record.wardId };
    await notify(tx, actor, [audience], { kind: "areas.noticeSaved", params: { name: input.name }, href: `/manage/raw-material-areas/${id}` });
    const before =
      record.kind === "existing"
        ? {
            name: record.area.name,
            wardId: record.area.wardId,
            location: record.area.location,
            areaHa: record.area.areaHa.toString(),
            kind: record.area.kind,
            subject: record.area.subject,
            standard: record.area.standard,
            standardCertificateNo: record.area.standardCertificateNo,
            standardIssuer: record.area.standardIssuer,
            standardExpiresOn: record.area.standardExpiresOn ? isoOf(record.area.standardExpiresOn) : null,
            note: record.area.note,
            producers: record.area.producers.map((p) => p.id).sort(),
            products: record.area.products.map((p) => p.id).sort(),
          }
        : null;
    return { result: { areaId: id, version: saved.updatedAt.toISOString() }, audit: { entityType: "RawMaterialArea", entityId: id, before, after } };
  },
  revalidate: (r) => ["/manage/raw-material-areas", `/manage/raw-material-areas/${r.areaId}`],
});

/**
 * Deletes an area nothing links to any more. While a producer or a product is linked the area is
 * evidence for their dossiers (QĐ26 sheet items 1.1 and 1.2) and shows on product pages, so it stays.
 */
export const deleteRawMaterialArea = defineAction({
  name: "rawMaterialArea.delete",
  input: deleteRawMaterialAreaSchema,
  permission: "rawMaterialArea.manage",
  load: ({ actor, input, tx }) => findArea(actor, input.areaId, tx),
  resource: areaResource,
  run: async ({ record, tx }) => {
    // One statement decides, so a link added meanwhile is not deleted with the area.
    const { count } = await tx.rawMaterialArea.deleteMany({ where: { id: record.id, producers: { none: {} }, products: { none: {} } } });
    if (count !== 1) throw new AppError("CONFLICT", undefined, { _: ["areas.stillLinked"] });
    return {
      result: { areaId: record.id },
      audit: { entityType: "RawMaterialArea", entityId: record.id, before: { name: record.name, wardId: record.wardId, areaHa: record.areaHa.toString(), standard: record.standard, standardCertificateNo: record.standardCertificateNo } },
    };
  },
  revalidate: () => ["/manage/raw-material-areas"],
});
