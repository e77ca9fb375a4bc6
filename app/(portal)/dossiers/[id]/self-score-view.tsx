"use client";
import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { SheetAnswersEditor } from "@/components/scoring/sheet-answers-editor";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import type { StoredAnswers } from "@/lib/validation/sheet-answers";

export type EvidenceLinks = Record<string, { title: string; href: string }[]>;

/** The evidence a producer attached to a criterion, shown beside it. */
export function EvidenceAside({ links }: { links: { title: string; href: string }[] | undefined }) {
  const t = useTranslations("dossiers");
  if (!links || links.length === 0) return null;
  return (
    <div className="rounded border border-stone-200 bg-stone-50 p-2">
      <p className="font-medium">{t("evidenceForItem")}</p>
      <ul className="mt-1 space-y-1">
        {links.map((l) => (
          <li key={l.href}><a href={l.href} className="break-words text-brand-700 underline underline-offset-2">{l.title}</a></li>
        ))}
      </ul>
    </div>
  );
}

/** The producer's self-score as the official sheet, read-only, inside a disclosure. */
export function SelfScoreView({ sheet, value, evidenceByItem }: { sheet: CriteriaSheetData; value: StoredAnswers; evidenceByItem: EvidenceLinks }) {
  const t = useTranslations("dossiers");
  const aside = useCallback((code: string) => <EvidenceAside links={evidenceByItem[code]} />, [evidenceByItem]);
  return (
    <details className="mt-2 rounded-lg border border-stone-200 bg-white">
      <summary className="min-h-11 cursor-pointer p-3 font-medium">{t("showSelfScore")}</summary>
      <div className="px-3 pb-3 sm:px-4">
        <SheetAnswersEditor sheet={sheet} value={value} onChange={noop} readOnly aside={aside} idPrefix="self" />
      </div>
    </details>
  );
}

function noop() {}
