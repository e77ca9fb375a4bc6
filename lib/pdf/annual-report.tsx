import "server-only";
import type { ComponentProps } from "react";
import { Document, Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import type { AnnualPlanProgress } from "@/lib/db/annual-plans";
import type { CategoryRow, DashboardHeadline, ProducerTypeRow, TrendRow, PlaceRow } from "@/lib/db/dashboard";
import { DASHBOARD_STARS, EXPIRING_WITHIN_DAYS, funnelShares, type FunnelStageKey } from "@/lib/domain/dashboard";
import type { IsoDate } from "@/lib/domain/dates";
import { translatorFor } from "@/lib/i18n/translate";
import { base, ddmmyyyy, GREEN, INK, T as BaseT } from "./common";
import { registerPdfFonts } from "./fonts";

/**
 * The annual report (issue 6 part 5): the dashboard's figures, funnel, breakdowns and trend for a
 * year, and the annual plan's targets against what was achieved, as a PDF to attach to a report to
 * the province. Every number comes from the dashboard's loaders (lib/db/dashboard.ts) and the
 * annual plan's (lib/db/annual-plans.ts); this file only lays them out. Charts are drawn with
 * plain boxes, each with the table of its numbers beside it, as on the dashboard.
 */
export type AnnualReportData = {
  year: number;
  today: IsoDate;
  /** The ward the figures are limited to, or null for the whole city. */
  wardName: string | null;
  headline: DashboardHeadline;
  funnel: { key: FunnelStageKey; count: number }[];
  breakdowns: { byPlace: PlaceRow[]; byCategory: CategoryRow[]; byProducerType: ProducerTypeRow[] };
  trend: TrendRow[];
  /** Targets vs actual and the budget; null when the cycle has no annual plan (or it is not readable). */
  plan: AnnualPlanProgress | null;
};

type Tr = (key: string, values?: Record<string, string | number>) => string;

/**
 * The house text with the house line height on the text itself, not on the page: react-pdf drops
 * a text drawn at render time (the page number) from a page that carries a unitless line height.
 */
function T(props: ComponentProps<typeof BaseT>) {
  const style = (props as { style?: unknown }).style;
  const own: unknown[] = Array.isArray(style) ? style : style ? [style] : [];
  return <BaseT {...({ ...props, style: [{ lineHeight: 1.35 }, ...own] } as ComponentProps<typeof BaseT>)} />;
}

const STAR_COLORS: Record<number, string> = { 3: "#b45309", 4: "#17632e", 5: "#1d4ed8" };
const RULE = "#a8a29e";
const MUTED = "#57534e";

const count = (n: number) => new Intl.NumberFormat("vi-VN").format(n);
// Grouped in SQL as bigint; "1.500.000 ₫" with the house grouping (lib/i18n/format formatVnd).
const vnd = (n: bigint) => `${new Intl.NumberFormat("vi-VN").format(n)} ₫`;

/** Bars drawn in one piece: past this many, a chart may break across pages like a table. */
const UNBROKEN_BARS = 30;

/**
 * A numbered part of the report. `lead`, its chart, is kept on one page with the heading, so a
 * heading never stands alone at the foot of a page; the tables that follow may break.
 */
function Section({ title, intro, lead, children }: { title: string; intro?: string; lead?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <View style={{ marginTop: 14 }}>
      <View wrap={false} minPresenceAhead={60}>
        <T style={[base.bold, { fontSize: 12.5, lineHeight: 1.25, color: GREEN }]}>{title}</T>
        {intro ? <T style={{ fontSize: 9, color: MUTED, marginTop: 1 }}>{intro}</T> : null}
        {lead ? <View style={{ marginTop: 5 }}>{lead}</View> : null}
      </View>
      {children ? <View style={{ marginTop: 5 }}>{children}</View> : null}
    </View>
  );
}

type Col = { label: string; width: number | string; align?: "left" | "right" };

/** A table: a bold header row, thin rules between rows; no row is split across pages. */
function Table({ cols, rows, total }: { cols: Col[]; rows: (string | number)[][]; total?: (string | number)[] }) {
  const row = (cells: (string | number)[], bold: boolean, key: string, header = false) => (
    <View key={key} wrap={false} style={{ flexDirection: "row", borderBottomWidth: header ? 0.8 : 0.4, borderBottomColor: header ? INK : RULE, backgroundColor: header ? "#eef4ef" : undefined }}>
      {cells.map((c, i) => (
        <View key={i} style={{ width: cols[i]!.width, paddingVertical: 2.5, paddingHorizontal: 3 }}>
          <T style={[bold ? base.bold : {}, { fontSize: 9, textAlign: cols[i]!.align ?? "left" }]}>{typeof c === "number" ? count(c) : c}</T>
        </View>
      ))}
    </View>
  );
  const body = [...rows.map((r, i) => row(r, false, `r${i}`)), ...(total ? [row(total, true, "t")] : [])];
  return (
    <View style={{ borderTopWidth: 0.8, borderTopColor: INK }}>
      {/* The header never ends a page alone: it goes with the first row. */}
      <View wrap={false}>
        {row(cols.map((c) => c.label), true, "h", true)}
        {body[0]}
      </View>
      {body.slice(1)}
    </View>
  );
}

type Segment = { value: number; color: string };

/** Horizontal bars, stacked by segment, scaled to the longest; the number at the end of each bar. */
function HBars({ rows, legend }: { rows: { label: string; segments: Segment[] }[]; legend?: { label: string; color: string }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((s, x) => s + x.value, 0)));
  return (
    <View style={{ marginBottom: 6 }}>
      {rows.map((r, i) => {
        const sum = r.segments.reduce((s, x) => s + x.value, 0);
        return (
          <View key={i} wrap={false} style={{ flexDirection: "row", alignItems: "center", marginVertical: 1.5 }}>
            <T style={{ width: "32%", fontSize: 8.5, paddingRight: 4 }}>{r.label}</T>
            <View style={{ width: "58%", flexDirection: "row", height: 9 }}>
              {r.segments.map((s, j) => (s.value > 0 ? <View key={j} style={{ width: `${(s.value / max) * 100}%`, backgroundColor: s.color }} /> : null))}
            </View>
            <T style={{ width: "10%", fontSize: 8.5, paddingLeft: 3 }}>{count(sum)}</T>
          </View>
        );
      })}
      {legend ? <Legend items={legend} /> : null}
    </View>
  );
}

/** Vertical stacked bars (the trend across years), scaled to the highest. */
function VBars({ columns, legend, height = 110 }: { columns: { label: string; segments: Segment[] }[]; legend: { label: string; color: string }[]; height?: number }) {
  const max = Math.max(1, ...columns.map((c) => c.segments.reduce((s, x) => s + x.value, 0)));
  return (
    <View wrap={false} style={{ marginBottom: 6 }}>
      <View style={{ flexDirection: "row", alignItems: "flex-end", height: height + 14, borderBottomWidth: 0.8, borderBottomColor: INK, paddingHorizontal: 10 }}>
        {columns.map((c, i) => {
          const sum = c.segments.reduce((s, x) => s + x.value, 0);
          return (
            <View key={i} style={{ flex: 1, alignItems: "center", justifyContent: "flex-end", height: height + 14 }}>
              <T style={{ fontSize: 8.5 }}>{count(sum)}</T>
              <View style={{ width: 34, flexDirection: "column-reverse" }}>
                {c.segments.map((s, j) => (s.value > 0 ? <View key={j} style={{ height: (s.value / max) * height, backgroundColor: s.color }} /> : null))}
              </View>
            </View>
          );
        })}
      </View>
      <View style={{ flexDirection: "row", paddingHorizontal: 10 }}>
        {columns.map((c, i) => <T key={i} style={{ flex: 1, textAlign: "center", fontSize: 8.5, marginTop: 2 }}>{c.label}</T>)}
      </View>
      <Legend items={legend} />
    </View>
  );
}

function Legend({ items }: { items: { label: string; color: string }[] }) {
  return (
    <View style={{ flexDirection: "row", flexWrap: "wrap", marginTop: 3 }}>
      {items.map((l) => (
        <View key={l.label} style={{ flexDirection: "row", alignItems: "center", marginRight: 10 }}>
          <View style={{ width: 8, height: 8, backgroundColor: l.color, marginRight: 3 }} />
          <T style={{ fontSize: 8 }}>{l.label}</T>
        </View>
      ))}
    </View>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <View wrap={false} style={{ width: "33.33%", padding: 3 }}>
      <View style={{ borderWidth: 0.6, borderColor: RULE, padding: 5, minHeight: 54 }}>
        <T style={{ fontSize: 8.5, color: MUTED }}>{label}</T>
        <T style={[base.bold, { fontSize: 15, lineHeight: 1.25 }]}>{value}</T>
        {detail ? <T style={{ fontSize: 8 }}>{detail}</T> : null}
      </View>
    </View>
  );
}

function AnnualReportDocument({ data, t }: { data: AnnualReportData; t: Tr }) {
  const { headline: h, year } = data;
  const star = (s: number) => t("dashboard.starN", { count: s });
  const starLegend = DASHBOARD_STARS.map((s) => ({ label: star(s), color: STAR_COLORS[s]! }));
  const starSegments = (c: { 3: number; 4: number; 5: number }) => DASHBOARD_STARS.map((s) => ({ value: c[s], color: STAR_COLORS[s]! }));
  const shares = funnelShares(data.funnel.map((f) => f.count));
  const supportTotal = h.supportSpent.reduce((s, r) => s + r.amount, BigInt(0));
  const scope = data.wardName ? t("dashboard.scopeWard", { ward: data.wardName }) : t("dashboard.scopeCity");
  const starCols = (first: string): Col[] => [
    { label: first, width: "40%" },
    ...DASHBOARD_STARS.map((s) => ({ label: star(s), width: "15%", align: "right" as const })),
    { label: t("dashboard.total"), width: "15%", align: "right" },
  ];
  const plan = data.plan;
  const pageLabel = t("reports.annual.pageWord");
  const byWard = data.breakdowns.byPlace;
  const byProvince = byWard.some((w) => w.kind === "province");
  const wardBars = <HBars rows={byWard.map((w) => ({ label: w.name, segments: starSegments(w.inForce) }))} legend={starLegend} />;
  const targetBars = plan ? (
    <HBars
      rows={plan.targets.map((tg) => ({
        label: targetLabel(t, tg),
        // Achieved up to the target, what is left of it, and any surplus beyond it.
        segments: [
          { value: Math.min(tg.achieved, tg.quantity), color: GREEN },
          { value: Math.max(0, tg.quantity - tg.achieved), color: "#d6d3d1" },
          { value: Math.max(0, tg.achieved - tg.quantity), color: "#4d7c0f" },
        ],
      }))}
      legend={[
        { label: t("reports.annual.achieved"), color: GREEN },
        { label: t("reports.annual.remaining"), color: "#d6d3d1" },
        { label: t("reports.annual.surplus"), color: "#4d7c0f" },
      ]}
    />
  ) : null;

  return (
    <Document title={t("reports.annual.documentTitle", { year })} author={t("reports.annual.author")} language="vi">
      <Page size="A4" style={{ fontFamily: base.page.fontFamily, color: INK, fontSize: 10, paddingHorizontal: 42, paddingTop: 36, paddingBottom: 44 }}>
        <View style={{ alignItems: "center" }}>
          <T style={[base.bold, { fontSize: 10, color: MUTED }]}>{t("reports.annual.kicker")}</T>
          <T style={[base.bold, { fontSize: 16, lineHeight: 1.25, marginTop: 4, textAlign: "center" }]}>{t("reports.annual.title", { year })}</T>
          <T style={{ marginTop: 3 }}>{scope}</T>
          <T style={{ fontSize: 9, color: MUTED, marginTop: 2 }}>{t("reports.annual.asOf", { date: ddmmyyyy(data.today) })}</T>
        </View>

        <Section
          title={t("reports.annual.headline")}
          lead={
            <View style={{ flexDirection: "row", flexWrap: "wrap", marginHorizontal: -3 }}>
              <Figure label={t("dashboard.inForce")} value={count(h.inForce.total)} detail={DASHBOARD_STARS.map((s) => `${star(s)}: ${count(h.inForce[s])}`).join(" · ")} />
              <Figure
                label={t("dashboard.newThisYear", { year })}
                value={count(h.newThisYear.total)}
                detail={(["FIRST", "UPGRADE", "RE_EVALUATION"] as const).map((k) => `${t(`evaluationType.${k}`)}: ${count(h.newThisYear[k])}`).join(" · ")}
              />
              <Figure label={t("dashboard.expiring", { days: EXPIRING_WITHIN_DAYS })} value={count(h.expiringSoon)} />
              <Figure label={t("reports.annual.revokedInYear", { year })} value={count(h.revokedInYear)} detail={t("reports.annual.revokedTotal", { count: h.revokedTotal })} />
              <Figure label={t("reports.annual.producers")} value={count(h.producersByType.reduce((s, p) => s + p.count, 0))} />
              <Figure label={t("dashboard.support", { year })} value={vnd(supportTotal)} detail={t("reports.annual.supportPlans", { count: h.supportedPlans })} />
            </View>
          }
        >
          {h.producersByType.length > 0 ? (
            <View style={{ marginTop: 6 }}>
              <Table
                cols={[{ label: t("dashboard.producerType"), width: "70%" }, { label: t("reports.annual.verifiedProducers"), width: "30%", align: "right" }]}
                rows={h.producersByType.map((p) => [t(`producerTypes.${p.type}`), p.count])}
              />
            </View>
          ) : null}
          {h.supportSpent.length > 0 ? (
            <View style={{ marginTop: 6 }}>
              <Table
                cols={[
                  { label: t("reports.annual.fundingSource"), width: "40%" },
                  { label: t("reports.annual.amount"), width: "24%", align: "right" },
                  { label: t("reports.annual.activities"), width: "18%", align: "right" },
                  { label: t("reports.annual.plans"), width: "18%", align: "right" },
                ]}
                rows={h.supportSpent.map((s) => [t(`fundingSource.${s.source}`), vnd(s.amount), s.activities, s.plans])}
                total={[t("dashboard.total"), vnd(supportTotal), h.supportSpent.reduce((s, r) => s + r.activities, 0), h.supportedPlans]}
              />
              <T style={{ fontSize: 8, color: MUTED, marginTop: 2 }}>{t("dashboard.supportNote")}</T>
            </View>
          ) : null}
        </Section>

        <Section
          title={t("dashboard.funnelTitle", { year })}
          intro={t("reports.annual.funnelIntro")}
          lead={<HBars rows={data.funnel.map((f) => ({ label: t(`dashboard.funnel.${f.key}`), segments: [{ value: f.count, color: GREEN }] }))} />}
        >
          <Table
            cols={[{ label: t("dashboard.stage"), width: "60%" }, { label: t("dashboard.count"), width: "20%", align: "right" }, { label: t("dashboard.share"), width: "20%", align: "right" }]}
            rows={data.funnel.map((f, i) => [t(`dashboard.funnel.${f.key}`), f.count, shares[i] === null ? "—" : `${shares[i]} %`])}
          />
        </Section>

        {plan ? (
          <Section
            title={t("reports.annual.planTitle", { year })}
            intro={plan.plan.decisionNumber ? t("reports.annual.planDecision", { title: plan.plan.title, decision: plan.plan.decisionNumber }) : plan.plan.title}
            lead={plan.targets.length === 0 ? <T style={{ fontSize: 9 }}>{t("reports.annual.noTargets")}</T> : plan.targets.length <= UNBROKEN_BARS ? targetBars : null}
          >
            {plan.targets.length > 0 ? (
              <>
                {plan.targets.length > UNBROKEN_BARS ? targetBars : null}
                <Table
                  cols={[
                    { label: t("reports.annual.target"), width: "40%" },
                    { label: t("reports.annual.planned"), width: "12%", align: "right" },
                    { label: t("reports.annual.achieved"), width: "12%", align: "right" },
                    { label: t("reports.annual.percent"), width: "12%", align: "right" },
                    { label: t("reports.annual.status"), width: "24%" },
                  ]}
                  rows={plan.targets.map((tg) => [targetLabel(t, tg), tg.quantity, tg.achieved, tg.percent === null ? "—" : `${tg.percent} %`, t(`reports.annual.targetStatus.${tg.status}`)])}
                />
                <T style={{ fontSize: 8.5, marginTop: 3 }}>
                  {t("reports.annual.overall", { percent: plan.overall.percent ?? 0, achieved: plan.overall.achieved, targets: plan.overall.targets, behind: plan.overall.behind })}
                </T>
              </>
            ) : null}
            {plan.budget && plan.budget.bySource.length > 0 ? (
              <View style={{ marginTop: 8 }}>
                <T style={[base.bold, { fontSize: 10, marginBottom: 3 }]} minPresenceAhead={40}>{t("reports.annual.budgetTitle")}</T>
                <Table
                  cols={[
                    { label: t("reports.annual.fundingSource"), width: "34%" },
                    { label: t("reports.annual.budgetPlanned"), width: "20%", align: "right" },
                    { label: t("reports.annual.budgetSpent"), width: "20%", align: "right" },
                    { label: t("reports.annual.budgetRemaining"), width: "16%", align: "right" },
                    { label: t("reports.annual.percent"), width: "10%", align: "right" },
                  ]}
                  rows={plan.budget.bySource.map((b) => [t(`fundingSource.${b.source}`), vnd(b.planned), vnd(b.spent), vnd(b.remaining), b.percent === null ? "—" : `${b.percent} %`])}
                  total={[t("dashboard.total"), vnd(plan.budget.planned), vnd(plan.budget.spent), vnd(plan.budget.planned - plan.budget.spent), ""]}
                />
              </View>
            ) : null}
          </Section>
        ) : (
          <Section title={t("reports.annual.planTitle", { year })} lead={<T style={{ fontSize: 9 }}>{t("reports.annual.noPlan", { year })}</T>} />
        )}

        <Section
          title={byProvince ? t("dashboard.byProvince") : t("dashboard.byWard")}
          intro={t("reports.annual.inForceIntro")}
          lead={byWard.length === 0 ? <T style={{ fontSize: 9 }}>{t("dashboard.none")}</T> : byWard.length > 1 && byWard.length <= UNBROKEN_BARS ? wardBars : null}
        >
          {byWard.length > 0 ? (
            <>
              {byWard.length > UNBROKEN_BARS ? wardBars : null}
              <Table
                cols={[
                  { label: byProvince ? t("dashboard.province") : t("dashboard.ward"), width: "34%" },
                  ...DASHBOARD_STARS.map((s) => ({ label: star(s), width: "12%", align: "right" as const })),
                  { label: t("dashboard.inForceShort"), width: "14%", align: "right" },
                  { label: t("dashboard.recognisedIn", { year }), width: "16%", align: "right" },
                ]}
                rows={byWard.map((w) => [w.name, w.inForce[3], w.inForce[4], w.inForce[5], w.inForce.total, w.recognisedInYear])}
              />
            </>
          ) : null}
        </Section>

        <Section title={t("dashboard.byCategory")} lead={<HBars rows={data.breakdowns.byCategory.map((c) => ({ label: `${c.code}. ${c.name}`, segments: [{ value: c.inForce, color: GREEN }] }))} />} />

        <Section
          title={t("dashboard.byProducerType")}
          lead={
            data.breakdowns.byProducerType.length === 0 ? (
              <T style={{ fontSize: 9 }}>{t("dashboard.none")}</T>
            ) : (
              <HBars rows={data.breakdowns.byProducerType.map((p) => ({ label: t(`producerTypes.${p.type}`), segments: starSegments(p.inForce) }))} legend={starLegend} />
            )
          }
        >
          {data.breakdowns.byProducerType.length === 0 ? null : (
            <>
              <Table cols={starCols(t("dashboard.producerType"))} rows={data.breakdowns.byProducerType.map((p) => [t(`producerTypes.${p.type}`), p.inForce[3], p.inForce[4], p.inForce[5], p.inForce.total])} />
            </>
          )}
        </Section>

        <Section
          title={t("dashboard.trendTitle")}
          intro={t("dashboard.trendIntro")}
          lead={<VBars columns={data.trend.map((r) => ({ label: String(r.year), segments: starSegments(r) }))} legend={starLegend} />}
        >
          <Table cols={starCols(t("dashboard.year"))} rows={data.trend.map((r) => [String(r.year), r[3], r[4], r[5], r.total])} />
        </Section>

        <Section title={t("dashboard.definitions")}>
          {data.funnel.map((f, i) => (
            <T key={f.key} style={{ fontSize: 8.5 }}>{`${i + 1}. ${t(`dashboard.funnel.${f.key}`)}: ${t(`dashboard.funnelDefinition.${f.key}`)}`}</T>
          ))}
          <T style={{ fontSize: 8.5, marginTop: 3 }}>{t("dashboard.footnote")}</T>
          <T style={{ fontSize: 8.5, marginTop: 3 }}>{t("reports.annual.source")}</T>
        </Section>
        {/* The running footer: react-pdf draws fixed, absolutely placed text on every page. */}
        <T fixed style={{ position: "absolute", bottom: 20, left: 42, right: 42, fontSize: 7.5, color: MUTED, borderTopWidth: 0.4, borderTopColor: RULE, paddingTop: 3 }}>
          {t("reports.annual.footer", { year, scope })}
        </T>
        <Text
          fixed
          style={{ position: "absolute", bottom: 20, left: 42, right: 42, textAlign: "right", fontSize: 7.5, color: MUTED, paddingTop: 3.4 }}
          render={({ pageNumber, totalPages }) => `${pageLabel} ${pageNumber}/${totalPages}`}
        />
      </Page>
    </Document>
  );
}

function targetLabel(t: Tr, tg: AnnualPlanProgress["targets"][number]): string {
  const kind = tg.star ? t(`reports.annual.targetKindStar.${tg.kind}`, { star: tg.star }) : t(`reports.annual.targetKind.${tg.kind}`);
  return tg.ward ? `${kind} (${tg.ward.name})` : kind;
}

/** NFC everywhere: names typed elsewhere may carry combining marks, which the font subsets split badly. */
function nfcDeep<V>(v: V): V {
  if (typeof v === "string") return v.normalize("NFC") as V;
  if (Array.isArray(v)) return v.map(nfcDeep) as V;
  if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nfcDeep(x)])) as V;
  return v;
}

/** The annual report as PDF bytes (A4 portrait). */
export async function renderAnnualReportPdf(data: AnnualReportData, locale = "vi"): Promise<Buffer> {
  registerPdfFonts();
  const translate = translatorFor(locale);
  const t: Tr = (key, values) => translate(key as never, values as never);
  return renderToBuffer(<AnnualReportDocument data={nfcDeep(data)} t={t} />);
}
