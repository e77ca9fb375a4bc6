import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import type { DisplayStatus } from "@/lib/db/certificates";

const TONE: Record<DisplayStatus, string> = {
  ACTIVE: "bg-brand-100 text-brand-800",
  RENEWAL_WINDOW_OPEN: "bg-amber-100 text-amber-900",
  RENEWAL_WINDOW_CLOSED: "bg-amber-100 text-amber-900",
  GRACE_PERIOD: "bg-amber-100 text-amber-900",
  REVOCATION_PROPOSED: "bg-orange-100 text-orange-900",
  EXPIRED: "bg-stone-200 text-stone-800",
  REVOKED: "bg-red-100 text-red-900",
  SUPERSEDED: "bg-sky-100 text-sky-900",
  RENEWED: "bg-sky-100 text-sky-900",
};

/** A certificate's status as computed for today (lib/db/certificates displayStatus). */
export async function CertificateStatusBadge({ status }: { status: DisplayStatus }) {
  const t = await getTranslations();
  return <span className={clsx("inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium", TONE[status])}>{t(`certificateStatus.${status}`)}</span>;
}
