"use server";
import { headers } from "next/headers";
import type { Actor } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/auth/auth";
import type { Tx } from "@/lib/db/tx";
import { notify } from "@/lib/db/notifications";
import { createPointOfSale, findPointOfSale, pointOfSaleResource, unlistedProductIds, type PointOfSaleRecord } from "@/lib/db/points-of-sale";
import { findReceivingWard } from "@/lib/db/registration";
import { consumeAllowance } from "@/lib/db/sign-in";
import { recordStatusChange } from "@/lib/db/timeline";
import { compareIsoDate, vietnamDateOf } from "@/lib/domain/dates";
import { pointOfSaleTransition, type PointOfSaleAction } from "@/lib/domain/points-of-sale";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translate";
import { approvePointOfSaleSchema, pointOfSaleApplicationSchema, pointOfSaleNoteSchema } from "@/lib/validation/trade";
import { defineAction, definePublicAction } from "./define-action";

const APPLICATIONS_PER_ADDRESS_PER_HOUR = 5;

/**
 * The public application of an operator (no account). Each one alerts the Economic Office by
 * e-mail, so an address gets a few an hour. Status, tracking code and reviewer are never taken
 * from the form; the ward is, but only if it is one of the city's wards.
 */
export const applyForPointOfSale = definePublicAction({
  name: "pointOfSale.apply",
  input: pointOfSaleApplicationSchema,
  prepare: async () => {
    const ip = clientAddress((await headers()).get("x-forwarded-for"), env.TRUSTED_PROXY_COUNT);
    if (ip && !(await consumeAllowance(`point-of-sale:${ip}`, APPLICATIONS_PER_ADDRESS_PER_HOUR, 3_600_000))) throw new AppError("RATE_LIMITED");
  },
  run: async ({ input, tx }) => {
    const errors: Record<string, string[]> = {};
    if (!(await findReceivingWard(tx, input.wardId))) errors.wardId = ["validation.choose"];
    const unlisted = await unlistedProductIds(tx, input.products.map((p) => p.productId));
    if (unlisted.length > 0) errors.products = ["trade.productNotListed"];
    if (Object.keys(errors).length > 0) throw new AppError("VALIDATION", undefined, errors);
    const point = await createPointOfSale(tx, {
      name: input.name,
      operatorName: input.operatorName,
      address: input.address,
      wardId: input.wardId,
      locationKind: input.locationKind,
      contactName: input.contactName,
      phone: input.phone,
      email: input.email,
      openingHours: input.openingHours,
      description: input.description,
      totalItemCount: input.totalItemCount,
      ocopLocalItemCount: input.ocopLocalItemCount,
      products: input.products.map((p) => ({ productId: p.productId, hasOcopStamp: p.hasOcopStamp, hasTraceStamp: p.hasTraceStamp })),
    });
    await recordStatusChange(tx, null, { entityType: "PointOfSale", entityId: point.id, action: "apply", fromStatus: null, toStatus: "SUBMITTED" });
    await notify(tx, null, [{ kind: "role", role: "ECONOMIC_OFFICE" }], {
      kind: "trade.posSubmitted",
      params: { name: point.name, ward: point.ward.name },
      href: `/manage/points-of-sale/${point.id}`,
    });
    return { result: { trackingCode: point.trackingCode }, audit: { entityType: "PointOfSale", entityId: point.id, after: input } };
  },
});

const NOTICE: Record<PointOfSaleAction, string> = { approve: "trade.posApproved", refuse: "trade.posRefused", close: "trade.posClosed" };

/**
 * The decision, guarded on the version the officer read and on the state it leaves: a second
 * approval of the same version, or a decision on an application changed meanwhile, is a conflict.
 * Ward officers of the point's ward hear of it; the applicant, by e-mail if they gave one.
 */
async function decide(tx: Tx, actor: Actor, p: PointOfSaleRecord, action: PointOfSaleAction, version: number, data: Record<string, unknown>, comment: string) {
  if (version !== p.version) throw new AppError("CONFLICT");
  const to = pointOfSaleTransition(p.status, action);
  if (!to) throw new AppError("INVALID_TRANSITION");
  const { count } = await tx.pointOfSale.updateMany({
    where: { id: p.id, status: p.status, version: p.version },
    data: { ...data, status: to, version: { increment: 1 }, reviewedById: actor.userId, reviewedAt: new Date() },
  });
  if (count !== 1) throw new AppError("CONFLICT");
  await recordStatusChange(tx, actor, { entityType: "PointOfSale", entityId: p.id, action, fromStatus: p.status, toStatus: to, comment });
  const params = { name: p.name, decision: String(data.approvalDecisionNo ?? ""), note: comment };
  await notify(tx, actor, [{ kind: "ward", wardId: p.wardId }], { kind: NOTICE[action], params, href: `/manage/points-of-sale/${p.id}` });
  if (p.email) {
    // The applicant has no account: the tracking page is their only link, so it is in the e-mail.
    const t = translatorFor("vi");
    const subject = t(NOTICE[action] as never, params as never);
    const link = new URL(`/points-of-sale/track/${p.trackingCode}`, env.APP_URL).toString();
    await tx.outboxEmail.create({ data: { to: p.email, subject, body: `${subject}\n\n${t("pointsOfSale.trackLink")}: ${link}\n\n— ${t("common.appName")}` } });
  }
  return to;
}

const revalidateAll = (r: { id: string }) => ["/manage/points-of-sale", `/manage/points-of-sale/${r.id}`, "/points-of-sale", `/points-of-sale/${r.id}`];

export const approvePointOfSale = defineAction({
  name: "pointOfSale.approve",
  input: approvePointOfSaleSchema,
  permission: "pointOfSale.review",
  load: ({ actor, input, tx }) => findPointOfSale(actor, input.pointOfSaleId, tx),
  resource: pointOfSaleResource,
  run: async ({ actor, input, record, tx }) => {
    // A decision is signed on a day that has come.
    if (compareIsoDate(input.approvedOn, vietnamDateOf(new Date())) > 0) throw new AppError("VALIDATION", undefined, { approvedOn: ["trade.dateInFuture"] });
    const data = { approvalDecisionNo: input.decisionNo, approvedOn: new Date(`${input.approvedOn}T00:00:00Z`), reviewNote: input.note };
    const to = await decide(tx, actor, record, "approve", input.version, data, [input.decisionNo, input.note].filter(Boolean).join(" — "));
    return {
      result: { id: record.id, status: to },
      audit: { entityType: "PointOfSale", entityId: record.id, before: { status: record.status, version: record.version }, after: { status: to, decisionNo: input.decisionNo, approvedOn: input.approvedOn, note: input.note } },
    };
  },
  revalidate: revalidateAll,
});

function noteAction(action: "refuse" | "close") {
  return defineAction({
    name: `pointOfSale.${action}`,
    input: pointOfSaleNoteSchema,
    permission: "pointOfSale.review",
    load: ({ actor, input, tx }) => findPointOfSale(actor, input.pointOfSaleId, tx),
    resource: pointOfSaleResource,
    run: async ({ actor, input, record, tx }) => {
      const to = await decide(tx, actor, record, action, input.version, { reviewNote: input.note }, input.note);
      return {
        result: { id: record.id, status: to },
        audit: { entityType: "PointOfSale", entityId: record.id, before: { status: record.status, version: record.version }, after: { status: to, note: input.note } },
      };
    },
    revalidate: revalidateAll,
  });
}

/** The office refuses an application, saying why (the applicant reads it). */
export const refusePointOfSale = noteAction("refuse");

/** An approved point that no longer meets the rules or stopped trading leaves the public list. */
export const closePointOfSale = noteAction("close");
