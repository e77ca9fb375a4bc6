import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { prisma, type Tx } from "./client";
import { userScope } from "./scope";

const userView = {
  id: true,
  name: true,
  email: true,
  phone: true,
  role: true,
  isActive: true,
  lastSignInAt: true,
  ward: { select: { name: true } },
  producer: { select: { name: true } },
} as const;

export async function findUser(actor: Actor, id: string, db: Tx | typeof prisma = prisma) {
  const user = await db.user.findFirst({ where: { AND: [{ id }, userScope(actor)] }, select: { ...userView, sessionVersion: true } });
  if (!user || !can(actor, "user.read", { type: "user", id: user.id, role: user.role })) return null;
  return user;
}

export async function listUsers(actor: Actor) {
  if (!can(actor, "user.list", { type: "user", id: "", role: actor.role })) throw new NotFoundError("users");
  return prisma.user.findMany({ where: userScope(actor), select: userView, orderBy: [{ role: "asc" }, { name: "asc" }] });
}

/**
 * The account behind a session. Unscoped by design: it is how the actor is established, so it
 * returns only what the session needs and never leaves lib/auth.
 */
export async function findSessionUser(id: string) {
  return prisma.user.findUnique({
    where: { id },
    select: { id: true, name: true, role: true, wardId: true, producerId: true, isActive: true, sessionVersion: true, locale: true },
  });
}
