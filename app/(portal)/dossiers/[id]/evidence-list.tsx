import { getTranslations } from "next-intl/server";
import type { DossierEvidenceRow } from "@/lib/db/dossiers";
import { EVIDENCE_KINDS, type IntakeFlag } from "@/lib/domain/dossier-intake";
import { formatDate } from "@/lib/i18n/format";
import { RemoveEvidence } from "./remove-evidence";

/** The dossier's papers grouped by kind (Form 02's evidence annex order), each with its expiry flag. */
export async function EvidenceList({ dossierId, evidence, flags, canRemove }: { dossierId: string; evidence: DossierEvidenceRow[]; flags: readonly IntakeFlag[]; canRemove: boolean }) {
  const t = await getTranslations();
  if (evidence.length === 0) return <p className="mt-2 text-stone-600">{t("dossiers.noEvidence")}</p>;
  const flagOf = new Map(flags.flatMap((f) => ("evidenceId" in f ? [[f.evidenceId, f] as const] : [])));
  const kb = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString("vi-VN")} KB`;
  return (
    <div className="mt-2 flex flex-col gap-3" data-testid="evidence">
      {EVIDENCE_KINDS.filter((k) => evidence.some((e) => e.kind === k)).map((kind) => (
        <section key={kind} aria-labelledby={`ev-${kind}`} className="rounded-lg border border-stone-200 bg-white p-3">
          <h3 id={`ev-${kind}`} className="font-medium">{t(`evidenceKind.${kind}`)}</h3>
          <ul className="mt-1 flex flex-col gap-2">
            {evidence.filter((e) => e.kind === kind).map((e) => {
              const flag = flagOf.get(e.id);
              const expired = flag && (flag.code === "EVIDENCE_EXPIRED" || (flag.code === "FOOD_SAFETY_EXPIRES_BEFORE_ROUND" && flag.expired));
              return (
                <li key={e.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
                  <a href={`/api/files/${e.attachment.id}`} className="font-medium text-brand-700 underline underline-offset-2">{e.title}</a>
                  <span className="break-all text-stone-600">{e.attachment.fileName} · {kb(e.attachment.size)}</span>
                  {e.issuedOn ? <span>{t("dossiers.issuedOn", { date: formatDate(e.issuedOn) })}</span> : null}
                  {e.expiresOn ? (
                    <span className={expired ? "font-semibold text-red-700" : flag ? "font-medium text-amber-900" : ""}>
                      {t("dossiers.expires", { date: formatDate(e.expiresOn) })}
                      {expired ? ` — ${t("dossiers.expired")}` : flag ? ` — ${t("dossiers.expiresBeforeRound")}` : ""}
                    </span>
                  ) : null}
                  {e.itemCodes.length > 0 ? <span className="text-stone-700">{t("dossiers.supportsItems", { codes: e.itemCodes.join(", ") })}</span> : null}
                  {canRemove ? <RemoveEvidence dossierId={dossierId} evidenceId={e.id} title={e.title} /> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
