import { AsyncLocalStorage } from "node:async_hooks";
import type { Actor } from "@/lib/auth/actor";

let actor: Actor | null = null;
// Two requests at once each have their own session: a call made inside actAs(actor, fn) sees
// that actor wherever its awaits take it, whatever the other calls set meanwhile.
const scoped = new AsyncLocalStorage<{ actor: Actor | null }>();

/** Sets the session for what follows; with `fn`, runs fn (only) as `next`. */
export function actAs(next: Actor | null): void;
export function actAs<T>(next: Actor | null, fn: () => Promise<T>): Promise<T>;
export function actAs<T>(next: Actor | null, fn?: () => Promise<T>): Promise<T> | void {
  if (fn) return scoped.run({ actor: next }, fn);
  actor = next;
}

export function currentActor(): Actor | null {
  const store = scoped.getStore();
  return store ? store.actor : actor;
}

/** The Actor of a user row, as lib/auth/session would build it. */
export function actorOf(u: { id: string; role: Actor["role"]; name: string; wardId: string | null; producerId: string | null }): Actor {
  return { userId: u.id, role: u.role, name: u.name, wardId: u.wardId, producerId: u.producerId };
}
