import Link from "next/link";

const NUMBER = new Intl.NumberFormat("vi-VN");

/** A number that opens the list behind it (plain text where there is no list to open). */
export function FigureLink({ count, href, className, label }: { count: number | string; href: string | null; className?: string; label?: string }) {
  // Counts with Vietnamese grouping (1.234); amounts arrive already formatted.
  const text = typeof count === "number" ? NUMBER.format(count) : count;
  if (!href) return <span className={className}>{text}</span>;
  return (
    <Link href={href} aria-label={label} className={`text-brand-700 underline underline-offset-2 hover:text-brand-800 ${className ?? ""}`}>
      {text}
    </Link>
  );
}

/** A table box that scrolls sideways on a narrow phone instead of widening the page. */
export function TableBox({ children }: { children: React.ReactNode }) {
  return <div className="relative mt-3 overflow-x-auto rounded-lg border border-stone-200">{children}</div>;
}

export const th = "p-2 text-left font-semibold";
export const thNum = "p-2 text-right font-semibold";
export const td = "p-2";
export const tdNum = "p-2 text-right tabular-nums";

/** Colours of the stars in every chart (each above 4.5:1 on white). */
export const STAR_COLORS = { 3: "#b45309", 4: "#17632e", 5: "#1d4ed8" } as const;
