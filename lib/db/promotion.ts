import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { vietnamDateOf } from "@/lib/domain/dates";
import { prisma } from "./client";
import { listedWhere } from "./catalogue";
import { countEventRegistrationsWaiting } from "./events";
import { countPointsOfSaleWaiting } from "./points-of-sale";

/** One desk of steps 1 and 6 on the hub: where it is, and what waits there. */
export type PromotionDesk = { key: string; href: string; count: number; waiting?: number; waitingHref?: string };

/**
 * The hub of trade promotion and communication (/manage): each desk the actor may open, with the
 * number behind it. Every count is the length of the list its link opens. The hub is for the roles
 * of "promotion.read", whose scope is the whole city, so the counts need no ward filter.
 */
export async function promotionDesks(actor: Actor): Promise<PromotionDesk[]> {
  if (!can(actor, "promotion.read", { type: "publication" })) return [];
  const todayIso = vietnamDateOf(new Date());
  const pub = { type: "publication" } as const;
  const desks: Promise<PromotionDesk>[] = [];
  if (can(actor, "product.list", pub)) {
    desks.push(prisma.product.count({ where: listedWhere(todayIso) }).then((count) => ({ key: "products", href: "/manage/products?state=listed", count })));
  }
  if (can(actor, "pointOfSale.list", pub)) {
    desks.push(
      Promise.all([prisma.pointOfSale.count({ where: { status: "APPROVED" } }), countPointsOfSaleWaiting()]).then(([count, waiting]) => ({
        key: "pointsOfSale",
        href: "/manage/points-of-sale?status=APPROVED",
        count,
        waiting,
        waitingHref: "/manage/points-of-sale?status=SUBMITTED",
      })),
    );
  }
  if (can(actor, "event.list", pub)) {
    // Registrations wait for whoever confirms them; a leader reads the events, not that queue.
    const decides = can(actor, "event.manage", { type: "tradeEvent", id: "", status: "PUBLISHED" });
    desks.push(
      Promise.all([prisma.tradeEvent.count({ where: { status: "PUBLISHED" } }), decides ? countEventRegistrationsWaiting() : 0]).then(([count, waiting]) => ({
        key: "events",
        href: "/manage/events?status=PUBLISHED",
        count,
        waiting,
        waitingHref: "/manage/events",
      })),
    );
  }
  if (can(actor, "giftSet.manage", pub)) {
    desks.push(prisma.giftSet.count({ where: { published: true } }).then((count) => ({ key: "giftSets", href: "/manage/gift-sets?status=PUBLISHED", count })));
  }
  if (can(actor, "news.manage", pub)) {
    desks.push(
      Promise.all([prisma.newsArticle.count({ where: { status: "PUBLISHED" } }), prisma.newsArticle.count({ where: { status: "DRAFT" } })]).then(([count, waiting]) => ({
        key: "news",
        href: "/manage/news?status=PUBLISHED",
        count,
        waiting,
        waitingHref: "/manage/news?status=DRAFT",
      })),
    );
  }
  if (can(actor, "document.manage", pub)) {
    desks.push(prisma.libraryDocument.count({ where: { status: "PUBLISHED" } }).then((count) => ({ key: "documents", href: "/manage/documents?status=PUBLISHED", count })));
  }
  // Only the office's training desk lists every course; others see their own registration desk.
  if (can(actor, "training.manage", { type: "training", id: "", audience: "ALL", status: "PUBLISHED" })) {
    desks.push(prisma.trainingCourse.count({ where: { status: "PUBLISHED" } }).then((count) => ({ key: "training", href: "/manage/training?status=PUBLISHED", count })));
  }
  if (can(actor, "rawMaterialArea.list", pub)) {
    desks.push(prisma.rawMaterialArea.count().then((count) => ({ key: "rawMaterialAreas", href: "/manage/raw-material-areas", count })));
  }
  return Promise.all(desks);
}
