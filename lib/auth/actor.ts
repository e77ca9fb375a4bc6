import type { Role } from "@/lib/generated/prisma/enums";

/** The signed-in user as every policy check and data-access function sees them. */
export type Actor = {
  readonly userId: string;
  readonly role: Role;
  readonly name: string;
  /** Ward/commune of a ward officer; null for every other role. */
  readonly wardId: string | null;
  /** Producer entity of a producer account; null for every other role. */
  readonly producerId: string | null;
};

export const ROLES = ["ECONOMIC_OFFICE", "WARD_OFFICER", "PRODUCER", "COUNCIL_MEMBER", "LEADER", "ADMIN", "COMMUNICATIONS"] as const satisfies readonly Role[];
