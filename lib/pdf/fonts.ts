import "server-only";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

/**
 * Fonts of the printed documents. The house font, Be Vietnam Pro (@fontsource/be-vietnam-pro,
 * SIL OFL), ships split into unicode-range subsets — "latin" (ASCII, Latin-1, punctuation),
 * "vietnamese" (ă â đ ê ô ơ ư and every precomposed letter of U+1EA0–1EF9) and "latin-ext" — so no
 * single file has all of Vietnamese ("Giấy" needs latin's G, i, y and vietnamese's ấ).
 * react-pdf accepts a font stack (fontFamily as an array) and picks, for each character, the first
 * font of the stack that has a glyph for it, so the three subsets combine into one alphabet; each
 * is embedded as a subset of the glyphs used. DejaVu Sans (Bitstream Vera licence, copy in
 * fonts/) comes last for symbols the house font lacks (★, ☆, arrows, other scripts in a name), so
 * no character falls through to Helvetica, which cannot print them. Hyphenation is off: react-pdf's
 * English rules would split Vietnamese syllables.
 */
const FONTSOURCE = path.join(process.cwd(), "node_modules/@fontsource/be-vietnam-pro/files");
const FALLBACK = path.join(process.cwd(), "lib/pdf/fonts/DejaVuSans.ttf");

const SUBSETS = [
  ["OcopLatin", "latin"],
  ["OcopVietnamese", "vietnamese"],
  ["OcopLatinExt", "latin-ext"],
] as const;

export const FONT_STACK: string[] = [...SUBSETS.map(([family]) => family), "OcopSymbols"];

let registered = false;

export function registerPdfFonts(): void {
  if (registered) return;
  for (const [family, subset] of SUBSETS) {
    Font.register({
      family,
      fonts: [400, 700].flatMap((weight) =>
        (["normal", "italic"] as const).map((fontStyle) => ({ src: path.join(FONTSOURCE, `be-vietnam-pro-${subset}-${weight}-${fontStyle}.woff`), fontWeight: weight, fontStyle })),
      ),
    });
  }
  // One weight and style: react-pdf falls back to the nearest one for bold or italic symbols.
  Font.register({ family: "OcopSymbols", fonts: [{ src: FALLBACK, fontWeight: 400 }, { src: FALLBACK, fontWeight: 400, fontStyle: "italic" }] });
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

/**
 * The characters of `text` that no font of the stack can draw (they would print as Helvetica's
 * blank). The PDFs draw nothing else but text of the portal's records, so a test over the
 * alphabet and the symbols they use guards every document.
 */
export async function uncoveredCharacters(text: string, fontWeight: 400 | 700 = 400): Promise<string[]> {
  registerPdfFonts();
  const fonts = await Promise.all(
    FONT_STACK.map(async (fontFamily) => {
      const source = Font.getFont({ fontFamily, fontWeight });
      await source.load();
      return source.data as unknown as { hasGlyphForCodePoint(cp: number): boolean };
    }),
  );
  const missing = new Set<string>();
  for (const ch of text.normalize("NFC")) {
    if (/\s/.test(ch)) continue;
    if (!fonts.some((f) => f.hasGlyphForCodePoint(ch.codePointAt(0)!))) missing.add(ch);
  }
  return [...missing];
}
