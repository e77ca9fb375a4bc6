import clsx from "clsx";

// Class names for buttons and button-looking links, so both share one look and focus style.
const base =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60";
const variants = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-stone-300 bg-white text-stone-900 hover:bg-stone-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
  ghost: "text-brand-700 hover:bg-brand-50",
} as const;

export function buttonClass(variant: keyof typeof variants = "primary", extra?: string) {
  return clsx(base, variants[variant], extra);
}
