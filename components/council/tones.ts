// StatusPill knows the tones of ideas and plans; council states borrow the one that reads the
// same way (waiting, in progress, done).
export const ROUND_TONE: Record<"PLANNED" | "SCORING" | "CLOSED", string> = {
  PLANNED: "SUBMITTED",
  SCORING: "IMPLEMENTING",
  CLOSED: "ACCEPTED",
};

export const SHEET_TONE: Record<"NOT_STARTED" | "DRAFT" | "SUBMITTED", string> = {
  NOT_STARTED: "DRAFT",
  DRAFT: "RETURNED",
  SUBMITTED: "ACCEPTED",
};
