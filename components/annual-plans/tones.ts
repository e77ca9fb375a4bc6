import type { ActivityState, TargetStatus } from "@/lib/domain/annual-plan";

// The StatusPill tones (components/ocop/status-pill.tsx) that say each state: green for done,
// sky for on its way, amber for behind, red for missed or overdue, grey for not begun.
export const TARGET_TONE: Record<TargetStatus, string> = {
  ACHIEVED: "APPROVED",
  ON_TRACK: "SUBMITTED",
  BEHIND: "RETURNED",
  MISSED: "REJECTED",
  NOT_STARTED: "DRAFT",
};

export const ACTIVITY_TONE: Record<ActivityState, string> = {
  DONE: "APPROVED",
  IN_PROGRESS: "SUBMITTED",
  OVERDUE: "REJECTED",
  UPCOMING: "DRAFT",
};
