"use client";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { callAction } from "@/components/forms/call-action";
import { SheetAnswersEditor, sheetItemAnchor } from "@/components/scoring/sheet-answers-editor";
import { buttonClass } from "@/components/ui/button";
import { saveScoreDraft, submitScoreSheet } from "@/lib/actions/scoring";
import { listScoredItems } from "@/lib/domain/criteria/sheet";
import type { CriteriaSheetData } from "@/lib/domain/criteria/types";
import { scoreSheet, type SheetScore } from "@/lib/domain/scoring/sheet-score";
import { formatDate } from "@/lib/i18n/format";
import type { StoredAnswers } from "@/lib/validation/sheet-answers";

export type EvidenceForItem = { id: string; kind: string; title: string; expiresOn: string | null; itemCodes: string[]; fileId: string };
export type OtherSheets = { members: { userId: string; name: string; itemPoints: Record<string, number> }[]; itemSpreads: Record<string, number> };

type Props = {
  dossierId: string;
  /** Per dossier and member: two members sharing a device never see each other's copy. */
  storageKey: string;
  sheet: CriteriaSheetData;
  initial: { answers: StoredAnswers; comment: string; version: string | null; status: "DRAFT" | "SUBMITTED" | null };
  selfScore: StoredAnswers;
  evidence: EvidenceForItem[];
  others: OtherSheets | null;
  /** Today (Vietnam), for flagging evidence that has expired. */
  today: string;
};

type LocalCopy = { answers: StoredAnswers; comment: string; at: number };
type SaveState =
  | { kind: "clean" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "retrying"; code: string }
  | { kind: "conflict" }
  | { kind: "locked" };

const AUTOSAVE_MS = 2000;
const RETRY_MS = 10_000;

function readLocal(key: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalCopy;
    return parsed && typeof parsed.at === "number" && parsed.answers && typeof parsed.answers === "object" ? parsed : null;
  } catch {
    return null;
  }
}
function writeLocal(key: string, copy: LocalCopy) {
  try {
    window.localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    // A full or disabled storage leaves the server copy as the only one; autosave still runs.
  }
}
function dropLocal(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    /* nothing to drop */
  }
}
const same = (a: { answers: StoredAnswers; comment: string }, b: { answers: StoredAnswers; comment: string }) => a.comment === b.comment && JSON.stringify(a.answers) === JSON.stringify(b.answers);
const hhmm = (d: Date) => new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Ho_Chi_Minh" }).format(d);

function safeScore(sheet: CriteriaSheetData, answers: StoredAnswers): SheetScore | null {
  try {
    return scoreSheet(sheet, answers);
  } catch {
    return null;
  }
}

/**
 * The member's sheet: the official editor, autosaved as a draft a moment after each change, with
 * a copy in this browser's storage written on every change. Nothing typed is lost to a dropped
 * connection, a closed tab or a reload: the copy is offered back when it is newer than the
 * server's, and saving resumes when the connection does. Submitting locks the sheet.
 */
export function ScoringWorkspace({ dossierId, storageKey, sheet, initial, selfScore, evidence, others, today }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const submitted = initial.status === "SUBMITTED";
  const [answers, setAnswers] = useState<StoredAnswers>(initial.answers);
  const [comment, setComment] = useState(initial.comment);
  const [state, setState] = useState<SaveState>({ kind: "clean" });
  const [online, setOnline] = useState(true);
  const [restore, setRestore] = useState<LocalCopy | null>(null);
  const [submitError, setSubmitError] = useState<{ text: string; missing: string[] } | null>(null);
  const [submitting, startSubmit] = useTransition();
  const confirmDialog = useRef<HTMLDialogElement>(null);

  // Refs the timers read: the latest values, the version the server holds, what is saved.
  const latest = useRef({ answers, comment });
  const version = useRef<string | null>(initial.version);
  const changes = useRef(0);
  const savedAt = useRef(0);
  const inflight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopped = useRef(submitted);
  // The timers call the current flush through this ref (a callback cannot name itself).
  const flushRef = useRef<() => Promise<void>>(async () => {});

  const flush = useCallback(async (): Promise<void> => {
    if (stopped.current) return;
    if (inflight.current) {
      await inflight.current;
      if (changes.current === savedAt.current) return;
    }
    if (timer.current) clearTimeout(timer.current);
    const seq = changes.current;
    const { answers: a, comment: c } = latest.current;
    setState({ kind: "saving" });
    let again: number | null = null;
    const run = (async () => {
      const r = await callAction(() => saveScoreDraft({ dossierId, version: version.current ?? undefined, answers: a, comment: c }));
      if (r.ok) {
        version.current = r.data.version;
        savedAt.current = seq;
        if (changes.current === seq) {
          dropLocal(storageKey);
          setState({ kind: "saved", at: new Date() });
        } else {
          // Typed while this save was on its way: save again shortly.
          setState({ kind: "pending" });
          again = AUTOSAVE_MS;
        }
      } else if (r.code === "CONFLICT") {
        stopped.current = true;
        setState({ kind: "conflict" });
      } else if (r.code === "INVALID_TRANSITION" || r.code === "NOT_FOUND" || r.code === "FORBIDDEN") {
        stopped.current = true;
        setState({ kind: "locked" });
      } else {
        // Offline, a server restart, an expired session: the local copy holds the work; try again.
        setState({ kind: "retrying", code: r.code });
        again = RETRY_MS;
      }
    })();
    inflight.current = run;
    await run;
    inflight.current = null;
    if (again !== null && !stopped.current) timer.current = setTimeout(() => void flushRef.current(), again);
  }, [dossierId, storageKey]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  }, [flush]);

  const change = useCallback(
    (next: { answers: StoredAnswers; comment: string }) => {
      latest.current = next;
      changes.current += 1;
      writeLocal(storageKey, { ...next, at: Date.now() });
      setState({ kind: "pending" });
      schedule();
    },
    [schedule, storageKey],
  );

  const onAnswers = useCallback((next: StoredAnswers) => {
    setAnswers(next);
    change({ answers: next, comment: latest.current.comment });
  }, [change]);
  const onComment = (next: string) => {
    setComment(next);
    change({ answers: latest.current.answers, comment: next });
  };

  // On arrival: a local copy newer than the server's sheet (typed offline, or lost to a reload)
  // is offered back; one that matches the server or a submitted sheet is dropped.
  useEffect(() => {
    const local = readLocal(storageKey);
    if (!local) return;
    const serverAt = initial.version ? Date.parse(initial.version) : 0;
    if (submitted || local.at <= serverAt || same(local, initial)) dropLocal(storageKey);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reads browser storage, which the server render cannot
    else setRestore(local);
  }, [storageKey, submitted, initial]);

  useEffect(() => {
    const update = () => {
      setOnline(navigator.onLine);
      if (navigator.onLine && !stopped.current && changes.current !== savedAt.current) void flush();
    };
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    // Leaving with unsaved changes: the local copy keeps them, but say so before the tab closes.
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!stopped.current && changes.current !== savedAt.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
      window.removeEventListener("beforeunload", beforeUnload);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [flush]);

  const score = useMemo(() => safeScore(sheet, answers), [sheet, answers]);

  const submit = () =>
    startSubmit(async () => {
      if (timer.current) clearTimeout(timer.current);
      if (inflight.current) await inflight.current;
      const { answers: a, comment: c } = latest.current;
      const r = await callAction(() => submitScoreSheet({ dossierId, version: version.current ?? undefined, answers: a, comment: c }));
      confirmDialog.current?.close();
      if (r.ok) {
        stopped.current = true;
        dropLocal(storageKey);
        setSubmitError(null);
        router.refresh();
        return;
      }
      const missing = Object.keys(r.fieldErrors ?? {}).flatMap((k) => (k.startsWith("answers.items.") ? [k.slice("answers.items.".length)] : []));
      setSubmitError({ text: t(`errors.${r.code}` as never), missing });
      if (r.code === "CONFLICT") setState({ kind: "conflict" });
    });

  // Beside each item: what the producer claimed, the documents behind it and, once the member's
  // own sheet is in, every member's points and their spread.
  const items = useMemo(() => new Map(listScoredItems(sheet).map((ref) => [ref.item.code, ref.item])), [sheet]);
  const evidenceByItem = useMemo(() => {
    const map = new Map<string, EvidenceForItem[]>();
    for (const e of evidence) for (const code of e.itemCodes) map.set(code, [...(map.get(code) ?? []), e]);
    return map;
  }, [evidence]);
  const aside = useCallback(
    (code: string) => {
      const item = items.get(code);
      const self = selfScore.items[code];
      const selfNote = selfScore.notes?.[code];
      const docs = evidenceByItem.get(code) ?? [];
      const points = others?.members.map((m) => ({ name: m.name, points: m.itemPoints[code] })) ?? [];
      if (!self && !selfNote && docs.length === 0 && points.length === 0) return null;
      const selfText = !self || !item ? null : "met" in self ? (self.met ? t("evaluation.selfMet") : t("evaluation.selfNotMet")) : item.options[self.option] ? `${item.options[self.option]!.text} (${t("evaluation.points", { points: item.options[self.option]!.points })})` : null;
      const spread = others?.itemSpreads[code];
      return (
        <div className="flex flex-col gap-2 rounded-md bg-stone-50 p-3">
          {selfText || selfNote ? (
            <div>
              <p className="font-medium">{t("evaluation.selfScore")}</p>
              {selfText ? <p lang="vi">{selfText}</p> : null}
              {selfNote ? <p className="whitespace-pre-line text-stone-700">{selfNote}</p> : null}
            </div>
          ) : null}
          {docs.length > 0 ? (
            <div>
              <p className="font-medium">{t("evaluation.evidence")}</p>
              <ul className="mt-1 flex flex-col gap-1">
                {docs.map((d) => (
                  <li key={d.id}>
                    <a href={`/api/files/${d.fileId}`} className="text-brand-700 underline underline-offset-2" target="_blank" rel="noopener">{d.title}</a>
                    <span className="text-stone-600"> · {t(`evidenceKind.${d.kind}` as never)}</span>
                    {d.expiresOn ? <span className={d.expiresOn < today ? "block font-medium text-red-700" : "block text-stone-600"}>{d.expiresOn < today ? t("evaluation.expired", { date: formatDate(d.expiresOn) }) : t("evaluation.validUntil", { date: formatDate(d.expiresOn) })}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {points.length > 0 ? (
            <div>
              <p className="font-medium">{t("evaluation.membersPoints")}</p>
              <ul className="mt-1">
                {points.map((p) => <li key={p.name} className="tabular-nums">{p.name}: {p.points ?? "—"}</li>)}
              </ul>
              {spread !== undefined ? <p className={spread > 0 ? "font-medium text-amber-900" : "text-stone-600"}>{t("evaluation.itemSpread", { spread })}</p> : null}
            </div>
          ) : null}
        </div>
      );
    },
    [items, selfScore, evidenceByItem, others, t, today],
  );

  const status = (() => {
    switch (state.kind) {
      case "clean":
        return initial.version ? t("evaluation.savedEarlier") : t("evaluation.notSavedYet");
      case "pending":
        return t("evaluation.unsaved");
      case "saving":
        return t("evaluation.saving");
      case "saved":
        return t("evaluation.savedAt", { time: hhmm(state.at) });
      case "retrying":
        return t("evaluation.retrying");
      case "conflict":
        return t("evaluation.conflict");
      case "locked":
        return t("evaluation.locked");
    }
  })();

  return (
    <div className="mt-4 flex flex-col gap-4">
      {!online ? (
        <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">{t("evaluation.offline")}</p>
      ) : null}
      {restore ? (
        <div role="alert" className="rounded-md border border-sky-400 bg-sky-50 p-3 text-sm">
          <p>{t("evaluation.restoreQuestion", { time: hhmm(new Date(restore.at)), date: formatDate(new Date(restore.at)) })}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              className={buttonClass("primary")}
              onClick={() => {
                setAnswers(restore.answers);
                setComment(restore.comment);
                change({ answers: restore.answers, comment: restore.comment });
                setRestore(null);
              }}
            >
              {t("evaluation.restore")}
            </button>
            <button type="button" className={buttonClass("secondary")} onClick={() => { dropLocal(storageKey); setRestore(null); }}>
              {t("evaluation.discardLocal")}
            </button>
          </div>
        </div>
      ) : null}
      {!submitted ? (
        <p role="status" aria-live="polite" className={state.kind === "conflict" || state.kind === "locked" ? "text-sm font-medium text-red-700" : state.kind === "retrying" ? "text-sm text-amber-900" : "text-sm text-stone-700"}>
          {status}
          {state.kind === "retrying" ? (
            <button type="button" className="ml-2 underline" onClick={() => void flush()}>{t("evaluation.retryNow")}</button>
          ) : null}
          {state.kind === "conflict" || state.kind === "locked" ? (
            <button type="button" className="ml-2 underline" onClick={() => window.location.reload()}>{t("evaluation.reload")}</button>
          ) : null}
        </p>
      ) : null}

      <SheetAnswersEditor sheet={sheet} value={answers} onChange={onAnswers} readOnly={submitted || state.kind === "locked"} aside={aside} idPrefix="score" />

      <div className="flex flex-col gap-1">
        <label htmlFor="score-comment" className="font-medium">{t("evaluation.comment")}</label>
        <p id="score-comment-hint" className="text-xs text-stone-600">{t("evaluation.commentHint")}</p>
        <textarea id="score-comment" rows={4} value={comment} readOnly={submitted} onChange={(e) => onComment(e.target.value)} maxLength={4000} aria-describedby="score-comment-hint" className="w-full rounded-md border border-stone-400 p-2 read-only:bg-stone-100" />
      </div>

      {!submitted ? (
        <div className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-4">
          <p className="text-sm text-stone-700">{t("evaluation.submitHint")}</p>
          <div>
            <button type="button" className={buttonClass("primary")} disabled={submitting || state.kind === "locked" || state.kind === "conflict"} onClick={() => confirmDialog.current?.showModal()}>
              {t("evaluation.submit")}
            </button>
          </div>
          {submitError ? (
            <div role="alert" className="text-sm text-red-700">
              <p>{submitError.text}</p>
              {submitError.missing.length > 0 ? (
                <ul className="mt-1 flex flex-wrap gap-2">
                  {submitError.missing.map((code) => (
                    <li key={code}><a href={`#${sheetItemAnchor("score", code)}`} className="underline">{t("evaluation.item", { code })}</a></li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <dialog ref={confirmDialog} className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-lg p-5 shadow-xl" aria-labelledby="submit-title" aria-describedby="submit-question">
            <h2 id="submit-title" className="text-lg font-semibold">{t("evaluation.submitTitle")}</h2>
            <p id="submit-question" className="mt-2">{t("evaluation.submitQuestion", { total: score?.total ?? 0 })}</p>
            {score && !score.complete ? <p className="mt-2 text-sm font-medium text-amber-900">{t("evaluation.submitIncomplete", { count: score.missingItems.length })}</p> : null}
            <div className="mt-4 flex flex-wrap justify-end gap-2">
              <button type="button" className={buttonClass("secondary")} onClick={() => confirmDialog.current?.close()} autoFocus>{t("common.cancel")}</button>
              <button type="button" className={buttonClass("primary")} disabled={submitting} aria-busy={submitting} onClick={submit}>{t("evaluation.submitConfirm")}</button>
            </div>
          </dialog>
        </div>
      ) : null}
    </div>
  );
}
