import { addWorkingDays } from "./working-days";
import type { IsoDate } from "./dates";

/**
 * Working days the ward has to answer a submitted idea. No regulation sets a deadline for step 2;
 * the portal reuses the 15 working days QĐ26 Art. 7.2 gives communes for dossiers [L], so ward
 * queues can be sorted and flagged by deadline. Change it here if the city sets another.
 */
export const IDEA_WARD_REVIEW_WORKING_DAYS = 15;

export function ideaWardDueOn(submittedOn: IsoDate, holidays: ReadonlySet<IsoDate>): IsoDate {
  return addWorkingDays(submittedOn, IDEA_WARD_REVIEW_WORKING_DAYS, holidays);
}

export function isOverdue(dueOn: IsoDate | null, today: IsoDate): boolean {
  return dueOn !== null && dueOn < today;
}
