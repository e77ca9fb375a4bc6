import "server-only";
import type { ComponentProps } from "react";
import { Polygon, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { IsoDate } from "@/lib/domain/dates";
import { translatorFor } from "@/lib/i18n/translate";
import { FONT_STACK } from "./fonts";

export type PdfTranslator = ReturnType<typeof translatorFor>;

export const INK = "#1c1917";
export const GREEN = "#14532d";
export const GOLD = "#b7791f";

export const base = StyleSheet.create({
  page: { fontFamily: FONT_STACK as unknown as string, fontSize: 11, color: INK, lineHeight: 1.35 },
  bold: { fontWeight: 700 },
  italic: { fontStyle: "italic" },
  center: { textAlign: "center" },
});

/**
 * react-pdf cuts a word into pieces wherever the font changes, and the house font's subsets
 * alternate inside Vietnamese words ("G|iấ|y"), so it may break a line there and print a hyphen.
 * A penalty of 10000, its line breaker's "infinity", forbids such breaks: lines break at spaces.
 */
export const NO_WORD_BREAK = 10_000;

/** Text of the printed documents: breaks lines only between words. */
export function T(props: ComponentProps<typeof Text>) {
  return <Text hyphenationPenalty={NO_WORD_BREAK} {...props} />;
}

/** dd/MM/yyyy of an ISO date, without going through a time zone. */
export function ddmmyyyy(date: IsoDate): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

/** "Bắc Kạn, ngày 15 tháng 6 năm 2026": the place-and-date line of Vietnamese official papers (Decree 30/2020/NĐ-CP, Annex I). */
export function placeDate(t: PdfTranslator, place: string, date: IsoDate): string {
  const [y, m, d] = date.split("-").map(Number);
  return t("certificatePdf.placeDate", { place, day: String(d).padStart(2, "0"), month: String(m), year: String(y) });
}

/** The national title and motto that head every official paper, motto underlined. */
export function NationalHeading({ t, width = 260 }: { t: PdfTranslator; width?: number }) {
  return (
    <View style={{ width, alignItems: "center" }}>
      <T style={[base.bold, { fontSize: 11 }]}>{t("certificatePdf.nationalName")}</T>
      <T style={[base.bold, { fontSize: 12, borderBottomWidth: 0.8, borderBottomColor: INK, paddingBottom: 1 }]}>{t("certificatePdf.nationalMotto")}</T>
    </View>
  );
}

const STAR_POINTS = "12,1.5 14.9,8.6 22.5,9.2 16.7,14.1 18.5,21.6 12,17.6 5.5,21.6 7.3,14.1 1.5,9.2 9.1,8.6";

/**
 * Stars drawn as shapes (a font's ★ varies from one face to another); `count` filled, the rest
 * up to five outlined, so a 3★ certificate cannot be mistaken for a 5★ one with stars missing.
 */
export function StarRow({ count, size = 26 }: { count: number; size?: number }) {
  return (
    <View style={{ flexDirection: "row", gap: size * 0.2 }}>
      {Array.from({ length: 5 }, (_, i) => (
        <Svg key={i} width={size} height={size} viewBox="0 0 24 24">
          <Polygon points={STAR_POINTS} fill={i < count ? GOLD : "#ffffff"} stroke={GOLD} strokeWidth={1.2} />
        </Svg>
      ))}
    </View>
  );
}

/** NFC everywhere: text pasted from elsewhere may carry combining marks, which the subsets split badly. */
export function nfc<T extends object>(data: T): T {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === "string" ? v.normalize("NFC") : v])) as T;
}
