import clsx from "clsx";

const TONES: Record<string, string> = {
  DRAFT: "bg-stone-100 text-stone-800",
  SUBMITTED: "bg-sky-100 text-sky-900",
  RETURNED: "bg-amber-100 text-amber-900",
  WARD_ACCEPTED: "bg-indigo-100 text-indigo-900",
  ACCEPTED: "bg-brand-100 text-brand-800",
  APPROVED: "bg-brand-100 text-brand-800",
  IMPLEMENTING: "bg-teal-100 text-teal-900",
  READY_FOR_EVALUATION: "bg-brand-100 text-brand-800",
  REJECTED: "bg-red-100 text-red-900",
  WITHDRAWN: "bg-stone-200 text-stone-700",
  // Publications (news, library, gift sets), events, courses and their registrations.
  PUBLISHED: "bg-brand-100 text-brand-800",
  ARCHIVED: "bg-stone-200 text-stone-700",
  CANCELLED: "bg-stone-200 text-stone-700",
  REGISTERED: "bg-sky-100 text-sky-900",
  CONFIRMED: "bg-brand-100 text-brand-800",
  DECLINED: "bg-red-100 text-red-900",
  ATTENDED: "bg-brand-100 text-brand-800",
  ABSENT: "bg-amber-100 text-amber-900",
  WAITING: "bg-amber-100 text-amber-900",
};

/** A status as a coloured label (text on a light fill, contrast AA); an unknown tone looks like a draft. */
export function StatusPill({ tone, children }: { tone: string; children: React.ReactNode }) {
  return <span className={clsx("inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium", TONES[tone] ?? TONES.DRAFT)}>{children}</span>;
}
