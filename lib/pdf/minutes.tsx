import "server-only";
import { Document, Page, renderToBuffer, View } from "@react-pdf/renderer";
import type { IsoDate } from "@/lib/domain/dates";
import type { ReleaseAction } from "@/lib/domain/release";
import type { EvaluationLevel } from "@/lib/domain/rule-sets";
import { translatorFor } from "@/lib/i18n/translate";
import { base, GREEN, NationalHeading, nfc, placeDate, T, type PdfTranslator } from "./common";
import { registerPdfFonts } from "./fonts";

export type MinutesMember = { name: string; role: "CHAIR" | "SECRETARY" | "MEMBER"; title: string; scores: boolean; total: number | null };
export type MinutesBlocker = { itemCode: string; itemName: string; optionText: string; requiredPoints: number; actualPoints: number };

export type MinutesPdfData = {
  councilLevel: EvaluationLevel;
  /** The unit whose council met, e.g. "Tỉnh Bắc Kạn". */
  councilUnit: string;
  place: string;
  /** The day the last counted sheet came in: the council's result. */
  date: IsoDate;
  round: { no: number; year: number; title: string; councilDecision: string };
  dossier: { productName: string; productCode: string | null; criteriaSet: string; producerName: string; producerAddress: string; ruleSetName: string };
  /** Seats that sit on this dossier (conflicted members excluded), in council order. */
  members: MinutesMember[];
  /** Members who did not take part because of a conflict of interest (names only: the reason stays on file). */
  recused: string[];
  average: number;
  spread: number;
  maxSpread: number;
  bandStar: number;
  star: number | null;
  knockOuts: { text: string; flaggedBy: number; stands: boolean }[];
  /** Minimums of the band star not met (why the star is lower than the average says). */
  blockedBy: MinutesBlocker[];
  nextStar: number | null;
  nextStarMinAverage: number | null;
  nextStarBlockers: MinutesBlocker[];
  /** Items the members scored differently, widest spread first. */
  disagreements: { itemCode: string; itemName: string; min: number; max: number }[];
  /** Members' written remarks: the sheet's comment and item notes. */
  remarks: { name: string; text: string }[];
  outcome: ReleaseAction;
  referralTo: EvaluationLevel | null;
};

const points = (n: number, digits = 2) => new Intl.NumberFormat("vi-VN", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const whole = (n: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(n);

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <View style={{ marginTop: 10 }}>
      <T style={[base.bold, { color: GREEN }]} minPresenceAhead={40}>{title}</T>
      <View style={{ marginTop: 3 }}>{children}</View>
    </View>
  );
}

function Cell({ children, width, bold, align = "left" }: { children: React.ReactNode; width: number | string; bold?: boolean; align?: "left" | "right" | "center" }) {
  return (
    <View style={{ width, padding: 3, borderRightWidth: 0.5, borderRightColor: "#a8a29e" }}>
      <T style={[bold ? base.bold : {}, { textAlign: align }]}>{children}</T>
    </View>
  );
}

function Blockers({ t, list }: { t: PdfTranslator; list: MinutesBlocker[] }) {
  return list.map((b) => (
    <T key={b.itemCode} style={{ marginLeft: 10 }}>
      {"• "}
      {t("minutesPdf.blocker", { code: b.itemCode, name: b.itemName, option: b.optionText, required: whole(b.requiredPoints), actual: whole(b.actualPoints) })}
    </T>
  ));
}

function conclusion(t: PdfTranslator, d: MinutesPdfData): string {
  switch (d.outcome) {
    case "reject":
      return t("minutesPdf.conclusionReject");
    case "send-to-central":
      return t("minutesPdf.conclusionReferred", { average: points(d.average), level: t(`minutesPdf.referTo.${d.referralTo ?? "CENTRAL"}`) });
    case "recognise":
      return t("minutesPdf.conclusionRecognise", { count: d.star ?? 0 });
    case "not-recognise":
      return t("minutesPdf.conclusionNotRecognised", { count: d.star ?? d.bandStar });
  }
}

export function MinutesDocument({ data: d, t }: { data: MinutesPdfData; t: PdfTranslator }) {
  const chair = d.members.find((m) => m.role === "CHAIR");
  const secretary = d.members.find((m) => m.role === "SECRETARY");
  const scored = d.members.filter((m) => m.scores);
  return (
    <Document title={`${t("minutesPdf.title")} — ${d.dossier.productName}`} language="vi" creator={t("common.appName")} producer={t("common.appName")}>
      <Page size="A4" style={[base.page, { paddingHorizontal: 50, paddingVertical: 40, fontSize: 10.5 }]}>
        <View style={{ flexDirection: "row", justifyContent: "space-between" }}>
          <View style={{ width: 220, alignItems: "center" }}>
            <T style={{ fontSize: 10, textAlign: "center" }}>{t("minutesPdf.council")}</T>
            <T style={[base.bold, { fontSize: 10.5, borderBottomWidth: 0.8, paddingBottom: 1 }]}>
              {d.councilLevel === "CENTRAL" ? t("minutesPdf.central") : d.councilUnit.toLocaleUpperCase("vi")}
            </T>
          </View>
          <NationalHeading t={t} width={250} />
        </View>
        <T style={[base.italic, { textAlign: "right", marginTop: 8 }]}>{placeDate(t, d.place, d.date)}</T>
        <View style={{ alignItems: "center", marginTop: 10 }}>
          <T style={[base.bold, { fontSize: 15 }]}>{t("minutesPdf.title")}</T>
          <T style={base.bold}>{t("minutesPdf.subtitle")}</T>
          <T style={{ marginTop: 2 }}>{t("minutesPdf.round", { no: d.round.no, year: d.round.year, title: d.round.title })}</T>
          {d.round.councilDecision ? <T style={[base.italic, { textAlign: "center", marginTop: 2 }]}>{t("minutesPdf.basis", { decision: d.round.councilDecision })}</T> : null}
        </View>

        <Section title={t("minutesPdf.sectionProduct")}>
          <T>{t("minutesPdf.productName")}: <T style={base.bold}>{d.dossier.productName}</T></T>
          {d.dossier.productCode ? <T>{t("minutesPdf.productCode")}: {d.dossier.productCode}</T> : null}
          <T>{t("minutesPdf.criteriaSet")}: {d.dossier.criteriaSet}</T>
          <T>{t("minutesPdf.producer")}: {d.dossier.producerName}</T>
          <T>{t("minutesPdf.address")}: {d.dossier.producerAddress}</T>
          <T>{t("minutesPdf.ruleSet")}: {d.dossier.ruleSetName}</T>
        </Section>

        <Section title={t("minutesPdf.sectionMembers")}>
          {d.members.map((m, i) => (
            <T key={`${m.name}-${i}`}>
              {i + 1}. {m.name} — {t(`minutesPdf.roles.${m.role}`)}
              {m.title ? `, ${m.title}` : ""}
              {m.scores ? "" : ` ${t("minutesPdf.notScoring")}`}
            </T>
          ))}
          {d.recused.length > 0 ? <T style={[base.italic, { marginTop: 2 }]}>{t("minutesPdf.recused", { names: d.recused.join(", ") })}</T> : null}
        </Section>

        <Section title={t("minutesPdf.sectionScores")}>
          <View style={{ borderWidth: 0.5, borderColor: "#a8a29e", borderRightWidth: 0 }}>
            <View style={{ flexDirection: "row", backgroundColor: "#f5f5f4", borderBottomWidth: 0.5, borderBottomColor: "#a8a29e" }}>
              <Cell width={40} bold align="center">{t("minutesPdf.colNo")}</Cell>
              <Cell width={300} bold>{t("minutesPdf.colMember")}</Cell>
              <Cell width={155} bold align="right">{t("minutesPdf.colTotal")}</Cell>
            </View>
            {scored.map((m, i) => (
              <View key={`${m.name}-${i}`} style={{ flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#a8a29e" }}>
                <Cell width={40} align="center">{i + 1}</Cell>
                <Cell width={300}>{m.name}</Cell>
                <Cell width={155} align="right">{m.total === null ? "—" : whole(m.total)}</Cell>
              </View>
            ))}
          </View>
          <T style={[base.bold, { marginTop: 4 }]}>{t("minutesPdf.average", { value: points(d.average) })}</T>
          <T>{t("minutesPdf.spread", { value: whole(d.spread), max: whole(d.maxSpread) })}</T>
          <T>{t("minutesPdf.bandStar", { count: d.bandStar })}</T>
          <T style={base.bold}>{d.star === null ? t("minutesPdf.noStar") : t("minutesPdf.star", { count: d.star })}</T>
        </Section>

        <Section title={t("minutesPdf.sectionKnockOuts")}>
          {d.knockOuts.length === 0 ? <T>{t("minutesPdf.none")}</T> : null}
          {d.knockOuts.map((k, i) => (
            <T key={i} style={{ marginLeft: 10 }}>
              {"• "}
              {t(k.stands ? "minutesPdf.knockOutStands" : "minutesPdf.knockOutDismissed", { text: k.text, count: k.flaggedBy })}
            </T>
          ))}
        </Section>

        <Section title={t("minutesPdf.sectionMinimums")}>
          {d.blockedBy.length === 0 && d.nextStarBlockers.length === 0 ? <T>{t("minutesPdf.none")}</T> : null}
          {d.blockedBy.length > 0 ? (
            <>
              <T>{t("minutesPdf.blockedBy", { count: d.bandStar })}</T>
              <Blockers t={t} list={d.blockedBy} />
            </>
          ) : null}
          {d.nextStar !== null && d.nextStarBlockers.length > 0 ? (
            <>
              <T style={{ marginTop: 2 }}>{t("minutesPdf.nextStar", { count: d.nextStar, min: whole(d.nextStarMinAverage ?? 0) })}</T>
              <Blockers t={t} list={d.nextStarBlockers} />
            </>
          ) : null}
        </Section>

        <Section title={t("minutesPdf.sectionDisagreements")}>
          {d.disagreements.length === 0 ? <T>{t("minutesPdf.agreed")}</T> : null}
          {d.disagreements.map((x) => (
            <T key={x.itemCode} style={{ marginLeft: 10 }}>
              {"• "}
              {t("minutesPdf.itemSpread", { code: x.itemCode, name: x.itemName, min: whole(x.min), max: whole(x.max), spread: whole(x.max - x.min) })}
            </T>
          ))}
          {d.remarks.map((r, i) => (
            <T key={i} style={{ marginLeft: 10 }}>
              {"– "}
              {t("minutesPdf.remark", { name: r.name, text: r.text })}
            </T>
          ))}
        </Section>

        <Section title={t("minutesPdf.sectionConclusion")}>
          <T style={base.bold}>{conclusion(t, d)}</T>
        </Section>

        <View style={{ flexDirection: "row", justifyContent: "space-around", marginTop: 18 }} wrap={false}>
          <View style={{ alignItems: "center", width: 200 }}>
            <T style={base.bold}>{t("minutesPdf.secretarySigns")}</T>
            <View style={{ height: 50 }} />
            <T style={base.bold}>{secretary?.name ?? ""}</T>
          </View>
          <View style={{ alignItems: "center", width: 200 }}>
            <T style={base.bold}>{t("minutesPdf.chairSigns")}</T>
            <View style={{ height: 50 }} />
            <T style={base.bold}>{chair?.name ?? ""}</T>
          </View>
        </View>
      </Page>
    </Document>
  );
}

/** The council minutes (biên bản) of one dossier as PDF bytes (A4 portrait, as many pages as needed). */
export async function renderMinutesPdf(data: MinutesPdfData, locale = "vi"): Promise<Buffer> {
  registerPdfFonts();
  const clean: MinutesPdfData = {
    ...data,
    dossier: nfc(data.dossier),
    round: nfc(data.round),
    members: data.members.map(nfc),
    remarks: data.remarks.map(nfc),
  };
  return renderToBuffer(<MinutesDocument data={clean} t={translatorFor(locale)} />);
}
