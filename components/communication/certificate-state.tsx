import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import type { CertificateState } from "@/lib/domain/raw-material-areas";

const TONE: Record<CertificateState, string> = {
  NONE: "bg-stone-100 text-stone-800",
  NO_EXPIRY: "bg-amber-100 text-amber-900",
  VALID: "bg-brand-100 text-brand-800",
  EXPIRING: "bg-amber-100 text-amber-900",
  EXPIRED: "bg-red-100 text-red-900",
};

/** "Expired" / "expires within 90 days" / "valid" mark of a raw-material area's certificate. */
export async function CertificateStateMark({ state }: { state: CertificateState }) {
  const t = await getTranslations("areas");
  return <span className={clsx("inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium", TONE[state])}>{t(`state.${state}`)}</span>;
}
