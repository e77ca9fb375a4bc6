import type { Actor } from "@/lib/auth/actor";

let actor: Actor | null = null;

export function actAs(next: Actor | null) {
  actor = next;
}

export function currentActor(): Actor | null {
  return actor;
}

/** The Actor of a user row, as lib/auth/session would build it. */
export function actorOf(u: { id: string; role: Actor["role"]; name: string; wardId: string | null; producerId: string | null }): Actor {
  return { userId: u.id, role: u.role, name: u.name, wardId: u.wardId, producerId: u.producerId };
}
