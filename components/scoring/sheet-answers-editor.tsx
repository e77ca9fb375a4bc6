"use client";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { itemCaseCodes } from "@/lib/domain/criteria/sheet";
import type { CriteriaHeading, CriteriaItem, CriteriaSheetData, PartCode } from "@/lib/domain/criteria/types";
import { scoreSheet, ScoringError, type SheetScore } from "@/lib/domain/scoring/sheet-score";
import { NOTE_MAX_LENGTH, type StoredAnswers, type StoredItemAnswer } from "@/lib/validation/sheet-answers";

export type SheetAnswersEditorProps = {
  sheet: CriteriaSheetData;
  value: StoredAnswers;
  onChange(next: StoredAnswers): void;
  readOnly?: boolean;
  /**
   * Rendered beside each item (the producer's self-score and evidence, other members' points).
   * Pass a stable function (useCallback): items re-render only when it or their own answer changes.
   */
  aside?: (itemCode: string) => React.ReactNode;
  /** Makes element ids unique when two editors share a page; also the anchor of each item. */
  idPrefix: string;
};

/** The DOM id of an item's block, for "go to the missing item" links from outside the editor. */
export const sheetItemAnchor = (idPrefix: string, itemCode: string) => `${idPrefix}-item-${itemCode.replace(/\./g, "_")}`;

type Updater = (current: StoredAnswers) => StoredAnswers;

/**
 * The official Annex II sheet as a form: parts → headings → (groups) → items, one radio group per
 * item. Native fieldsets, legends and radios keep it keyboard- and screen-reader-usable; each item
 * is memoised, so ticking one option on the 40-item sheets re-renders that item and the totals.
 */
export function SheetAnswersEditor({ sheet, value, onChange, readOnly = false, aside, idPrefix }: SheetAnswersEditorProps) {
  const t = useTranslations("sheetEditor");
  // Items get one stable `update` callback; it reads the latest value through a ref so that a
  // change to one item does not hand every other item a new function (which would defeat memo).
  const latest = useRef({ value, onChange });
  useEffect(() => {
    latest.current = { value, onChange };
  }, [value, onChange]);
  const update = useCallback((fn: Updater) => {
    const next = fn(latest.current.value);
    latest.current = { ...latest.current, value: next };
    latest.current.onChange(next);
  }, []);

  const score = useMemo(() => safeScore(sheet, value), [sheet, value]);
  const itemKnockOuts = useMemo(() => new Set(value.itemKnockOuts ?? []), [value.itemKnockOuts]);
  const stopEvaluations = useMemo(() => new Set(value.stopEvaluations ?? []), [value.stopEvaluations]);
  const missing = useMemo(() => new Set(score?.missingItems ?? []), [score]);
  const sheetKnockOuts = value.sheetKnockOuts ?? [];
  const firstMissing = score?.missingItems[0];

  const toggleSheetKnockOut = (index: number, on: boolean) =>
    update((v) => ({ ...v, sheetKnockOuts: toggled(v.sheetKnockOuts ?? [], index, on).sort((a, b) => a - b) }));

  return (
    // The criteria are the regulation's Vietnamese text whatever the interface language (WCAG 3.1.2).
    <div className="flex flex-col gap-6">
      <ScoreSummary sheet={sheet} score={score} idPrefix={idPrefix} />

      {sheet.knockOutConditions.length > 0 ? (
        <fieldset className="rounded-md border border-red-300 bg-red-50 p-4">
          <legend className="px-1 font-semibold text-red-900">{t("knockOutTitle")}</legend>
          <p className="text-sm text-red-900">{t("knockOutHint")}</p>
          <ul className="mt-2 flex flex-col gap-2">
            {sheet.knockOutConditions.map((condition, index) => {
              const id = `${idPrefix}-ko-${index}`;
              const checked = sheetKnockOuts.includes(index);
              return (
                <li key={index} className="flex items-start gap-2">
                  {readOnly ? (
                    <span aria-hidden="true" className="mt-0.5 w-5 shrink-0 text-center">{checked ? "☒" : "☐"}</span>
                  ) : (
                    <input
                      id={id}
                      type="checkbox"
                      className="mt-1 size-5 shrink-0 accent-red-800"
                      checked={checked}
                      onChange={(e) => toggleSheetKnockOut(index, e.target.checked)}
                    />
                  )}
                  <label htmlFor={readOnly ? undefined : id} lang="vi" className="text-sm">
                    {condition}
                    {readOnly ? <span className="sr-only"> — {checked ? t("flagged") : t("notFlagged")}</span> : null}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : null}

      {sheet.parts.map((part) => (
        <section key={part.code} aria-labelledby={`${idPrefix}-part-${part.code}`} className="flex flex-col gap-4">
          <h3 id={`${idPrefix}-part-${part.code}`} className="text-lg font-semibold">
            {t("part", { code: part.code })}: <span lang="vi">{part.name}</span>{" "}
            <span className="font-normal text-stone-700 tabular-nums">
              ({t("pointsOf", { value: score?.byPart[part.code] ?? 0, max: part.maxPoints })})
            </span>
          </h3>
          {part.headings.map((heading) => (
            <HeadingBlock
              key={heading.no}
              heading={heading}
              headingPoints={score?.byHeading[heading.no] ?? 0}
              value={value}
              score={score}
              missing={missing}
              itemKnockOuts={itemKnockOuts}
              stopEvaluations={stopEvaluations}
              readOnly={readOnly}
              aside={aside}
              idPrefix={idPrefix}
              update={update}
            />
          ))}
        </section>
      ))}

      {sheet.starLegend ? <p lang="vi" className="text-sm text-stone-700">{sheet.starLegend}</p> : null}

      {/* Always-visible running total, so a member scoring on a phone sees where they stand. */}
      <div className="sticky bottom-0 z-10 flex flex-wrap items-center justify-between gap-2 border-t border-stone-300 bg-white/95 px-2 py-2 text-sm shadow-[0_-2px_6px_rgba(0,0,0,0.06)]">
        <span className="font-semibold tabular-nums">
          {t("total")}: {t("pointsOf", { value: score?.total ?? 0, max: sheet.totalPoints })}
        </span>
        {score && score.missingItems.length > 0 && firstMissing ? (
          <a href={`#${sheetItemAnchor(idPrefix, firstMissing)}`} className="text-amber-900 underline">
            {t("missingCount", { count: score.missingItems.length })}
          </a>
        ) : score ? (
          <span className="text-green-800">{t("allAnswered")}</span>
        ) : null}
      </div>
    </div>
  );
}

function ScoreSummary({ sheet, score, idPrefix }: { sheet: CriteriaSheetData; score: SheetScore | null; idPrefix: string }) {
  const t = useTranslations("sheetEditor");
  if (!score) {
    return <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">{t("invalidAnswers")}</p>;
  }
  return (
    <section aria-labelledby={`${idPrefix}-summary`} className="rounded-md border border-stone-200 bg-stone-50 p-4">
      <h3 id={`${idPrefix}-summary`} className="font-semibold">{t("summaryTitle")}</h3>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        {sheet.parts.map((part) => (
          <div key={part.code} className="flex flex-col">
            <dt className="text-stone-600">{t("part", { code: part.code })}</dt>
            <dd className="font-medium tabular-nums">{t("pointsOf", { value: score.byPart[part.code as PartCode], max: part.maxPoints })}</dd>
          </div>
        ))}
        <div className="flex flex-col">
          <dt className="text-stone-600">{t("total")}</dt>
          <dd className="font-semibold tabular-nums">{t("pointsOf", { value: score.total, max: sheet.totalPoints })}</dd>
        </div>
      </dl>
      {score.knockOuts.length > 0 ? (
        <p className="mt-2 text-sm font-medium text-red-800">{t("knockOutsFlagged", { count: score.knockOuts.length })}</p>
      ) : null}
      {score.missingItems.length > 0 ? (
        <div className="mt-2 text-sm">
          <p className="text-amber-900">{t("missingCount", { count: score.missingItems.length })}:</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {score.missingItems.map((code) => (
              <li key={code}>
                <a href={`#${sheetItemAnchor(idPrefix, code)}`} className="inline-flex min-h-8 items-center rounded border border-amber-400 bg-amber-50 px-2 underline">
                  {code}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mt-2 text-sm text-green-800">{t("allAnswered")}</p>
      )}
    </section>
  );
}

type SharedItemProps = {
  value: StoredAnswers;
  score: SheetScore | null;
  missing: ReadonlySet<string>;
  itemKnockOuts: ReadonlySet<string>;
  stopEvaluations: ReadonlySet<string>;
  readOnly: boolean;
  aside?: (itemCode: string) => React.ReactNode;
  idPrefix: string;
  update: (fn: Updater) => void;
};

function HeadingBlock({ heading, headingPoints, ...shared }: SharedItemProps & { heading: CriteriaHeading; headingPoints: number }) {
  const t = useTranslations("sheetEditor");
  // Items are shown under their group (sets 11 and 13), in printed order.
  const blocks: { groupCode: string | null; items: CriteriaItem[] }[] = [];
  for (const item of heading.items) {
    const last = blocks[blocks.length - 1];
    if (last && last.groupCode === item.group) last.items.push(item);
    else blocks.push({ groupCode: item.group, items: [item] });
  }
  return (
    <div className="rounded-md border border-stone-200 bg-white p-3 sm:p-4">
      <h4 className="font-semibold">
        <span lang="vi">{heading.no}. {heading.name}</span>{" "}
        <span className="font-normal text-stone-700 tabular-nums">({t("pointsOf", { value: headingPoints, max: heading.maxPoints })})</span>
      </h4>
      {heading.description ? <p lang="vi" className="mt-1 text-sm text-stone-700">{heading.description}</p> : null}
      {heading.notes.map((note) => <p key={note} lang="vi" className="mt-1 text-sm italic text-stone-700">{note}</p>)}
      <div className="mt-2 flex flex-col gap-4">
        {blocks.map((block, i) => {
          const group = block.groupCode ? heading.groups.find((g) => g.code === block.groupCode) : undefined;
          const items = block.items.map((item) => (
            <ItemRow
              key={item.code}
              item={item}
              direct={heading.scoredDirectly}
              answer={shared.value.items[item.code]}
              note={shared.value.notes?.[item.code] ?? ""}
              points={shared.score?.itemPoints[item.code]}
              isMissing={shared.missing.has(item.code)}
              knockedOut={shared.itemKnockOuts.has(item.code)}
              stopped={shared.stopEvaluations.has(item.code)}
              readOnly={shared.readOnly}
              aside={shared.aside}
              idPrefix={shared.idPrefix}
              update={shared.update}
            />
          ));
          if (!group) return <div key={i} className="flex flex-col gap-4">{items}</div>;
          return (
            <div key={i} className="flex flex-col gap-4 border-l-4 border-stone-200 pl-3">
              <p className="font-medium" lang="vi">
                {group.code}. {group.name} <span className="font-normal text-stone-600">({t("maxPoints", { value: group.maxPoints })})</span>
              </p>
              {items}
            </div>
          );
        })}
      </div>
    </div>
  );
}

type ItemRowProps = {
  item: CriteriaItem;
  direct: boolean;
  answer: StoredItemAnswer | undefined;
  note: string;
  points: number | undefined;
  isMissing: boolean;
  knockedOut: boolean;
  stopped: boolean;
  readOnly: boolean;
  aside?: (itemCode: string) => React.ReactNode;
  idPrefix: string;
  update: (fn: Updater) => void;
};

const ItemRow = memo(function ItemRow({ item, direct, answer, note, points, isMissing, knockedOut, stopped, readOnly, aside, idPrefix, update }: ItemRowProps) {
  const t = useTranslations("sheetEditor");
  const anchor = sheetItemAnchor(idPrefix, item.code);
  const cases = itemCaseCodes(item);
  const answeredCase = answer && "option" in answer ? (answer.case ?? item.options[answer.option]?.case) : undefined;
  // The case an assessor picked before ticking an option lives here until an option is ticked.
  const [pickedCase, setPickedCase] = useState<string | undefined>(answeredCase);
  const activeCase = answeredCase ?? pickedCase;

  const setAnswer = (next: StoredItemAnswer | undefined) =>
    update((v) => {
      const items = { ...v.items };
      if (next === undefined) delete items[item.code];
      else items[item.code] = next;
      return { ...v, items };
    });
  const setNote = (text: string) =>
    update((v) => {
      const notes = { ...v.notes };
      if (text === "") delete notes[item.code];
      else notes[item.code] = text;
      return { ...v, notes };
    });
  const setFlag = (key: "itemKnockOuts" | "stopEvaluations", on: boolean) =>
    update((v) => ({ ...v, [key]: toggled(v[key] ?? [], item.code, on) }));
  const pickCase = (code: string) => {
    setPickedCase(code);
    // Options of another case no longer apply: the item is unanswered until one of this case is ticked.
    if (answeredCase !== undefined && answeredCase !== code) setAnswer(undefined);
  };

  const optionIndexes = item.options.map((_, i) => i).filter((i) => cases.length === 0 || item.options[i]!.case === activeCase);
  const selected = answer && "option" in answer ? answer.option : undefined;
  const met = answer && "met" in answer ? answer.met : undefined;
  const asideContent = aside?.(item.code);
  const legend = (
    <>
      <span lang="vi">{direct ? item.name : `${item.code} ${item.name}`}</span>{" "}
      <span className="font-normal text-stone-700 tabular-nums">
        ({points === undefined ? t("maxPoints", { value: item.maxPoints }) : t("pointsOf", { value: points, max: item.maxPoints })})
      </span>
    </>
  );

  return (
    <div id={anchor} className={`scroll-mt-24 rounded-md ${isMissing && !readOnly ? "border-l-4 border-amber-400 pl-2" : ""}`}>
      <div className="flex flex-col gap-3 lg:flex-row">
        <fieldset className="min-w-0 flex-1">
          <legend className="font-medium">{legend}</legend>
          {isMissing ? <p className="text-xs font-medium text-amber-900">{t("notAnswered")}</p> : null}
          {item.description ? <p lang="vi" className="mt-1 text-sm text-stone-700">{item.description}</p> : null}
          {item.notes.map((n) => <p key={n} lang="vi" className="mt-1 text-sm italic text-stone-700">{n}</p>)}

          {cases.length > 0 ? (
            <fieldset className="mt-2 rounded border border-stone-200 p-2">
              <legend className="px-1 text-sm font-medium">{t("chooseCase")}</legend>
              <div className="flex flex-col gap-1">
                {item.cases!.map((c) => {
                  const id = `${anchor}-case-${c.code}`;
                  if (readOnly) {
                    return activeCase === c.code ? <p key={c.code} lang="vi" className="text-sm">✓ {c.label}</p> : null;
                  }
                  return (
                    <label key={c.code} htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-2 text-sm">
                      <input
                        id={id}
                        type="radio"
                        name={`${anchor}-case`}
                        className="size-5 shrink-0"
                        checked={activeCase === c.code}
                        onChange={() => pickCase(c.code)}
                      />
                      <span lang="vi">{c.label}</span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          ) : null}

          {item.options.length > 0 ? (
            cases.length > 0 && activeCase === undefined ? (
              <p className="mt-2 text-sm text-stone-700">{t("pickCaseFirst")}</p>
            ) : (
              <ul className="mt-2 flex flex-col gap-1">
                {optionIndexes.map((i) => {
                  const option = item.options[i]!;
                  const id = `${anchor}-opt-${i}`;
                  const isSelected = selected === i;
                  const body = (
                    <>
                      <span lang="vi" className="flex-1">
                        {option.text}
                        {option.minStarFor ? (
                          <span className="ml-2 inline-block whitespace-nowrap rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">
                            {t("minStar", { star: option.minStarFor })}
                          </span>
                        ) : null}
                      </span>
                      <span className="whitespace-nowrap tabular-nums text-stone-700">{t("points", { value: option.points })}</span>
                    </>
                  );
                  if (readOnly) {
                    return (
                      <li key={i} className={`flex items-start gap-2 rounded px-2 py-1 text-sm ${isSelected ? "bg-green-50 font-medium ring-1 ring-green-700" : "text-stone-600"}`}>
                        <span aria-hidden="true" className="w-4 shrink-0">{isSelected ? "✓" : ""}</span>
                        {isSelected ? <span className="sr-only">{t("chosen")}: </span> : null}
                        {body}
                      </li>
                    );
                  }
                  return (
                    <li key={i}>
                      <label
                        htmlFor={id}
                        className={`flex min-h-11 cursor-pointer items-start gap-2 rounded px-2 py-2 text-sm hover:bg-stone-50 ${isSelected ? "bg-green-50 ring-1 ring-green-700" : ""}`}
                      >
                        <input
                          id={id}
                          type="radio"
                          name={`${anchor}-option`}
                          className="mt-0.5 size-5 shrink-0"
                          checked={isSelected}
                          onChange={() => setAnswer(cases.length > 0 ? { option: i, case: option.case } : { option: i })}
                        />
                        {body}
                      </label>
                    </li>
                  );
                })}
              </ul>
            )
          ) : (
            <MetChoice anchor={anchor} maxPoints={item.maxPoints} met={met} readOnly={readOnly} onChange={(m) => setAnswer({ met: m })} />
          )}

          {!readOnly && answer !== undefined ? (
            <button type="button" className="mt-1 min-h-11 text-sm text-stone-700 underline" onClick={() => setAnswer(undefined)}>
              {t("clear")}
            </button>
          ) : null}

          {item.knockOut ? (
            <Flag id={`${anchor}-ko`} tone="red" label={t("knockOutFlag")} text={item.knockOut} checked={knockedOut} readOnly={readOnly} onChange={(on) => setFlag("itemKnockOuts", on)} />
          ) : null}
          {item.stopEvaluation ? (
            <Flag id={`${anchor}-stop`} tone="amber" label={t("stopFlag")} text={item.stopEvaluation} checked={stopped} readOnly={readOnly} onChange={(on) => setFlag("stopEvaluations", on)} />
          ) : null}

          {readOnly ? (
            note ? <p className="mt-2 whitespace-pre-wrap rounded bg-stone-50 p-2 text-sm"><span className="font-medium">{t("note")}: </span>{note}</p> : null
          ) : (
            <div className="mt-2 flex flex-col gap-1">
              <label htmlFor={`${anchor}-note`} className="text-sm font-medium">{t("note")}</label>
              <textarea
                id={`${anchor}-note`}
                rows={2}
                maxLength={NOTE_MAX_LENGTH}
                className="min-h-11 w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
          )}
        </fieldset>
        {asideContent ? <aside aria-label={t("asideLabel", { code: item.code })} className="text-sm lg:w-72 lg:shrink-0">{asideContent}</aside> : null}
      </div>
    </div>
  );
});

function MetChoice({ anchor, maxPoints, met, readOnly, onChange }: { anchor: string; maxPoints: number; met: boolean | undefined; readOnly: boolean; onChange(met: boolean): void }) {
  const t = useTranslations("sheetEditor");
  const choices = [
    { value: true, label: t("met"), points: maxPoints },
    { value: false, label: t("notMet"), points: 0 },
  ];
  return (
    <ul className="mt-2 flex flex-col gap-1">
      {choices.map((c) => {
        const id = `${anchor}-met-${String(c.value)}`;
        const isSelected = met === c.value;
        const body = (
          <>
            <span className="flex-1">{c.label}</span>
            <span className="whitespace-nowrap tabular-nums text-stone-700">{t("points", { value: c.points })}</span>
          </>
        );
        if (readOnly) {
          return (
            <li key={id} className={`flex gap-2 rounded px-2 py-1 text-sm ${isSelected ? "bg-green-50 font-medium ring-1 ring-green-700" : "text-stone-600"}`}>
              <span aria-hidden="true" className="w-4 shrink-0">{isSelected ? "✓" : ""}</span>
              {isSelected ? <span className="sr-only">{t("chosen")}: </span> : null}
              {body}
            </li>
          );
        }
        return (
          <li key={id}>
            <label htmlFor={id} className={`flex min-h-11 cursor-pointer items-center gap-2 rounded px-2 text-sm hover:bg-stone-50 ${isSelected ? "bg-green-50 ring-1 ring-green-700" : ""}`}>
              <input id={id} type="radio" name={`${anchor}-met`} className="size-5 shrink-0" checked={isSelected} onChange={() => onChange(c.value)} />
              {body}
            </label>
          </li>
        );
      })}
    </ul>
  );
}

function Flag({ id, tone, label, text, checked, readOnly, onChange }: { id: string; tone: "red" | "amber"; label: string; text: string; checked: boolean; readOnly: boolean; onChange(on: boolean): void }) {
  const t = useTranslations("sheetEditor");
  const colours = tone === "red" ? "border-red-300 bg-red-50 text-red-900" : "border-amber-300 bg-amber-50 text-amber-900";
  if (readOnly && !checked) return null;
  return (
    <div className={`mt-2 flex items-start gap-2 rounded border p-2 text-sm ${colours}`}>
      {readOnly ? (
        <span aria-hidden="true" className="w-5 shrink-0 text-center">☒</span>
      ) : (
        <input id={id} type="checkbox" className="mt-0.5 size-5 shrink-0" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      )}
      <label htmlFor={readOnly ? undefined : id}>
        <span className="font-medium">{label}</span> <span lang="vi">{text}</span>
        {readOnly ? <span className="sr-only"> — {t("flagged")}</span> : null}
      </label>
    </div>
  );
}

function toggled<T>(list: readonly T[], entry: T, on: boolean): T[] {
  const rest = list.filter((x) => x !== entry);
  return on ? [...rest, entry] : rest;
}

/** A stored value that no longer fits the sheet shows a notice instead of crashing the page. */
function safeScore(sheet: CriteriaSheetData, value: StoredAnswers): SheetScore | null {
  try {
    return scoreSheet(sheet, value);
  } catch (error) {
    if (error instanceof ScoringError) return null;
    throw error;
  }
}
