import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { Document, Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import { T } from "@/lib/pdf/common";
import { FONT_STACK, registerPdfFonts, uncoveredCharacters } from "@/lib/pdf/fonts";
import { readPdf, squash } from "./pdf-text";

const SAMPLE = "Giấy chứng nhận sản phẩm OCOP — Hợp tác xã Nông nghiệp Đức Xuân — Tinh bột nghệ ★★★★";
// Every letter of Vietnamese, both cases, and the punctuation and symbols the documents print.
const ALPHABET =
  "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ" +
  "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ" +
  "fjwzFJWZ0123456789 .,;:!?()[]/-–—“”‘’«»%&№°★☆✓•…";

describe("PDF fonts: Be Vietnam Pro's three subsets stacked, DejaVu Sans for symbols", () => {
  it.each([400, 700] as const)("cover every Vietnamese letter and the symbols used (weight %i)", async (weight) => {
    expect(await uncoveredCharacters(ALPHABET, weight)).toEqual([]);
    expect(await uncoveredCharacters(SAMPLE, weight)).toEqual([]);
  });

  it("reports what the stack cannot draw", async () => {
    expect(await uncoveredCharacters("OCOP 中")).toEqual(["中"]);
  });

  it("render the sample with embedded fonts, no missing glyph, and text a reader can copy", async () => {
    registerPdfFonts();
    const pdf = await renderToBuffer(
      h(Document, null, h(Page, { size: "A4" }, h(Text, { style: { fontFamily: FONT_STACK, fontSize: 14 } }, SAMPLE), h(Text, { style: { fontFamily: FONT_STACK, fontSize: 14, fontWeight: 700 } }, SAMPLE))),
    );
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const reading = readPdf(pdf);
    expect(reading.allEmbedded).toBe(true);
    expect(reading.missingGlyphs).toBe(0);
    expect(reading.fonts.some((f) => /BeVietnamPro-Regular$/.test(f))).toBe(true);
    expect(reading.fonts.some((f) => /BeVietnamPro-Bold$/.test(f))).toBe(true);
    expect(reading.fonts.some((f) => /DejaVuSans$/.test(f))).toBe(true);
    expect(reading.fonts.filter((f) => /Helvetica/.test(f))).toEqual([]);
    expect(squash(reading.text)).toBe(squash(SAMPLE + SAMPLE));
  });

  it("the reading notices a character no font can draw (so the checks above can fail)", async () => {
    registerPdfFonts();
    const pdf = await renderToBuffer(h(Document, null, h(Page, { size: "A4" }, h(Text, { style: { fontFamily: FONT_STACK } }, "OCOP 中"))));
    const reading = readPdf(pdf);
    expect(reading.missingGlyphs + (reading.allEmbedded ? 0 : 1)).toBeGreaterThan(0);
  });

  it("wraps Vietnamese only between words: no hyphen where the subsets alternate inside a word", async () => {
    registerPdfFonts();
    const words = "Giấy chứng nhận sản phẩm của Hợp tác xã Nông nghiệp Đức Xuân được cấp theo quyết định của Ủy ban nhân dân tỉnh Bắc Kạn";
    const narrow = (el: typeof Text | typeof T) => h(View, { style: { width: 70 } }, h(el, { style: { fontFamily: FONT_STACK, fontSize: 12 } }, words));
    const wrapped = readPdf(await renderToBuffer(h(Document, null, h(Page, { size: "A4" }, narrow(T))))).text;
    expect(wrapped).not.toContain("-");
    expect(squash(wrapped)).toBe(squash(words));
    // Without the guard react-pdf does cut inside words here, which is what the guard is for.
    const raw = readPdf(await renderToBuffer(h(Document, null, h(Page, { size: "A4" }, narrow(Text))))).text;
    expect(raw).toContain("-");
  });
});
