import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TargetRow } from "@/lib/db/annual-plans";
import { targetListHref } from "@/lib/domain/annual-plan";
import { FigureLink, TableBox, td, tdNum, th, thNum } from "@/components/dashboard/figure";
import { StatusPill } from "@/components/ocop/status-pill";
import type { ReactNode } from "react";
import { TARGET_TONE } from "./tones";

/**
 * The targets of a plan against what the records achieved: target, achieved (opening the list
 * that counts it), percentage, what is due by today and the status. Read-only for leaders and
 * wards; the office's page passes `actions` (edit and delete) for each row. `citywide` says whether
 * the viewer's lists take a ward filter (a ward officer's lists are its ward already).
 */
export async function TargetsTable({ targets, year, citywide, actions, caption }: { targets: TargetRow[]; year: number; citywide: boolean; actions?: (row: TargetRow, name: string) => ReactNode; caption: string }) {
  const t = await getTranslations("annualPlans");
  if (targets.length === 0) return <p className="mt-2 text-sm text-stone-700">{t("noTargets")}</p>;
  const nameOf = (r: TargetRow) => `${t(`kinds.${r.kind}`)}${r.star ? ` (${t("starN", { count: r.star })})` : ""} — ${r.ward?.name ?? t("wholeCity")}`;
  return (
    <TableBox>
      <table className="w-full min-w-[44rem] border-collapse bg-white text-sm" data-testid="targets-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className={th}>{t("target")}</th>
            <th scope="col" className={th}>{t("area")}</th>
            <th scope="col" className={thNum}>{t("quantity")}</th>
            <th scope="col" className={thNum}>{t("achieved")}</th>
            <th scope="col" className={thNum}>{t("percent")}</th>
            <th scope="col" className={thNum}>{t("expected")}</th>
            <th scope="col" className={th}>{t("status")}</th>
            {actions ? <th scope="col" className={th}>{t("actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {targets.map((r) => {
            const link = targetListHref(r, year, citywide ? { wardParam: r.wardId ?? undefined, wardCode: r.ward?.code } : {});
            return (
              <tr key={r.id} className="border-b border-stone-100" data-testid={`target-${r.kind}`}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  {t(`kinds.${r.kind}`)}
                  {r.star ? <span className="block text-xs text-stone-700">{t("starN", { count: r.star })}</span> : null}
                </th>
                <td className={td}>{r.ward?.name ?? t("wholeCity")}</td>
                <td className={tdNum}>{r.quantity}</td>
                <td className={tdNum}>
                  {link.exact ? (
                    <FigureLink count={r.achieved} href={link.href} label={t("achievedLink", { count: r.achieved, name: nameOf(r) })} />
                  ) : (
                    <>
                      <span>{r.achieved}</span>{" "}
                      <Link href={link.href} className="block text-xs text-brand-700 underline underline-offset-2">{t("pointsOfSaleList")}</Link>
                    </>
                  )}
                </td>
                <td className={tdNum}>{r.percent === null ? "—" : `${r.percent} %`}</td>
                <td className={tdNum}>{r.expected}</td>
                <td className={td}><StatusPill tone={TARGET_TONE[r.status]}>{t(`targetStatus.${r.status}`)}</StatusPill></td>
                {actions ? <td className={td}><div className="flex flex-wrap items-center gap-1">{actions(r, nameOf(r))}</div></td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableBox>
  );
}
