import { getTranslations } from "next-intl/server";
import { StatusPill } from "@/components/ocop/status-pill";
import type { CertificateState } from "@/lib/domain/raw-material-areas";

// In the portal's colours: nothing to show reads like a draft, a date to watch like a return.
const TONE: Record<CertificateState, string> = { NONE: "DRAFT", NO_EXPIRY: "RETURNED", VALID: "APPROVED", EXPIRING: "RETURNED", EXPIRED: "REJECTED" };

/** "Expired" / "expires within 90 days" / "valid" mark of a raw-material area's certificate. */
export async function CertificateStateMark({ state }: { state: CertificateState }) {
  const t = await getTranslations("areas");
  return <StatusPill tone={TONE[state]}>{t(`state.${state}`)}</StatusPill>;
}
