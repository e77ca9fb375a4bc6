import clsx from "clsx";

// Colours of the states of events, registrations and courses (text on a light fill, contrast AA).
const TONES: Record<string, string> = {
  DRAFT: "bg-stone-100 text-stone-800",
  PUBLISHED: "bg-brand-100 text-brand-800",
  CANCELLED: "bg-stone-200 text-stone-700",
  REGISTERED: "bg-sky-100 text-sky-900",
  CONFIRMED: "bg-brand-100 text-brand-800",
  DECLINED: "bg-red-100 text-red-900",
  WITHDRAWN: "bg-stone-200 text-stone-700",
  ATTENDED: "bg-brand-100 text-brand-800",
  ABSENT: "bg-amber-100 text-amber-900",
  WAITING: "bg-amber-100 text-amber-900",
};

export function Pill({ tone, children }: { tone: string; children: React.ReactNode }) {
  return <span className={clsx("inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium", TONES[tone] ?? TONES.DRAFT)}>{children}</span>;
}
