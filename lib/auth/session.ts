import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { findSessionUser } from "@/lib/db/users";
import type { Actor } from "./actor";
import { auth } from "./auth";

/**
 * The acting user of this request, or null. The token only names the account; role and scope
 * come from the database on every request, and a token issued before the account's
 * sessionVersion was bumped (or for a deactivated account) is no session at all.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await auth()) as { uid?: unknown; sv?: unknown } | null;
  if (!session || typeof session.uid !== "string") return null;
  const user = await findSessionUser(session.uid);
  if (!user || !user.isActive || user.sessionVersion !== session.sv) return null;
  return { userId: user.id, role: user.role, name: user.name, wardId: user.wardId, producerId: user.producerId };
});

/** For pages: the actor, or a redirect to sign-in that comes back here afterwards. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
