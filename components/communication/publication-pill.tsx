import clsx from "clsx";

const TONE = { DRAFT: "bg-stone-100 text-stone-800", PUBLISHED: "bg-brand-100 text-brand-800", ARCHIVED: "bg-stone-200 text-stone-700" } as const;

/** Status of a news article or a library document. */
export function PublicationPill({ status, label }: { status: keyof typeof TONE; label: string }) {
  return <span className={clsx("inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium", TONE[status])}>{label}</span>;
}
