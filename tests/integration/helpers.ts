// Shared steps for the ideas, plans and files tests: form-shaped inputs and a few walks through
// the workflow through the real server actions (never by writing statuses into the database).
import { expect } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { saveIdeaDraft, transitionIdea } from "@/lib/actions/ideas";
import type { ActionResult } from "@/lib/errors";
import { buildProducer, buildUser } from "@/prisma/seed/builders";
import { actAs, actorOf } from "./act-as";
import { db, PASSWORD, type makeWorld } from "./world";

export type World = Awaited<ReturnType<typeof makeWorld>>;

export const CYCLE_YEAR = 2026;

/** What the idea form sends for a new draft: every field, all but the name left empty. */
export function blankIdea(productName: string) {
  return {
    productName,
    novelty: "NEW_PRODUCT",
    criteriaSetNo: "",
    description: "",
    rawMaterials: "",
    localLabour: "",
    localWorkerCount: "",
    ideaOrigin: "",
    localIdentity: "",
    targetMarket: "",
    cycleYear: CYCLE_YEAR,
  };
}

/** A draft with everything the ward needs to receive it. */
export function completeIdea(productName: string) {
  return {
    ...blankIdea(productName),
    criteriaSetNo: "1",
    description: "Sản phẩm làm từ nguyên liệu địa phương, chế biến thủ công theo cách truyền thống.",
    rawMaterials: "Nguyên liệu trồng tại xã",
    localLabour: "12 lao động địa phương",
    localWorkerCount: "12",
    ideaOrigin: "TRADITIONAL",
    localIdentity: "Gắn với nghề truyền thống của địa phương",
    targetMarket: "Tỉnh Bắc Kạn và Hà Nội",
  };
}

/** The data of a successful result, or a failed assertion showing the refusal. */
export function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) expect.fail(`expected ok, got ${JSON.stringify(result)}`);
  return result.data;
}

export async function versionOfIdea(id: string) {
  return (await db.productIdea.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();
}

/** One more account, e.g. a ward officer of ward B (makeWorld has one only for ward A). */
export async function extraUser(tag: string, label: string, role: Actor["role"], extra: { wardId?: string; producerId?: string } = {}) {
  return actorOf(await buildUser(db, { name: `${label} ${tag}`, role, password: PASSWORD, ...extra }));
}

/** Another producer (with its user) in a ward, verified unless told otherwise. */
export async function extraProducer(tag: string, label: string, wardId: string, verificationStatus: "PENDING" | "VERIFIED" = "VERIFIED") {
  const producer = await buildProducer(db, { name: `${label} ${tag}`, type: "HOUSEHOLD_BUSINESS", wardId, verificationStatus });
  const user = await extraUser(tag, `Người dùng ${label}`, "PRODUCER", { producerId: producer.id });
  return { producer, user };
}

type Stage = "DRAFT" | "SUBMITTED" | "WARD_ACCEPTED" | "ACCEPTED";

/**
 * An idea of the producer's, walked to `stage` by the people who take each step: the producer
 * saves and submits, the ward officer forwards, the Economic Office accepts.
 */
export async function ideaAt(stage: Stage, name: string, by: { producer: Actor; ward: Actor; office: Actor }) {
  actAs(by.producer);
  const { ideaId } = ok(await saveIdeaDraft(completeIdea(name)));
  if (stage !== "DRAFT") ok(await transitionIdea({ ideaId, action: "submit" }));
  if (stage === "WARD_ACCEPTED" || stage === "ACCEPTED") {
    actAs(by.ward);
    ok(await transitionIdea({ ideaId, action: "forward" }));
  }
  if (stage === "ACCEPTED") {
    actAs(by.office);
    ok(await transitionIdea({ ideaId, action: "accept" }));
  }
  actAs(null);
  expect((await db.productIdea.findUniqueOrThrow({ where: { id: ideaId } })).status).toBe(stage);
  return ideaId;
}

/** Notifications a user received about one record (by its link). */
export function noticesFor(userId: string, href: string) {
  return db.notification.findMany({ where: { userId, href }, orderBy: { createdAt: "asc" } });
}

/** The users notified with `kind` about the record at `href`. */
export async function notifiedUsers(kind: string, href: string) {
  const rows = await db.notification.findMany({ where: { kind, href }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

export async function emailOf(userId: string) {
  return (await db.user.findUniqueOrThrow({ where: { id: userId } })).email!;
}
