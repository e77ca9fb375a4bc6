// Reads what a PDF made by react-pdf (pdfkit) says, the way a PDF reader copies text: each font's
// ToUnicode map turns the glyph ids of the content streams back into characters. Small by design:
// it knows only what pdfkit writes (Type0 fonts, hex glyph strings in Tj/TJ, bfrange maps).
import { inflateSync } from "node:zlib";

type PdfObject = { id: number; dict: string; stream: Buffer | null };

function objects(pdf: Buffer): PdfObject[] {
  const text = pdf.toString("latin1");
  const out: PdfObject[] = [];
  const re = /(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(stream\r?\n|endobj)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const dict = m[2]!;
    let stream: Buffer | null = null;
    if (m[3]!.startsWith("stream")) {
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const start = m.index + m[0].length;
      const raw = pdf.subarray(start, start + length);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    out.push({ id: Number(m[1]), dict, stream });
  }
  return out;
}

function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => String.fromCharCode(...(h.match(/[0-9a-f]{4}/gi) ?? []).map((x) => parseInt(x, 16)));
  for (const m of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    const start = parseInt(m[1]!, 16);
    [...m[3]!.matchAll(/<([0-9a-f ]*)>/gi)].forEach((e, i) => map.set(start + i, hex(e[1]!)));
  }
  return map;
}

export type PdfReading = {
  /** Every text fragment in drawing order, glued together (fonts may change inside a word). */
  text: string;
  /** BaseFont names of the fonts used, e.g. "ABCDEF+BeVietnamPro-Regular". */
  fonts: string[];
  /** Whether every non-standard font has its program embedded. */
  allEmbedded: boolean;
  /** Glyphs drawn with id 0 (.notdef: the font had no glyph) or with no Unicode mapping. */
  missingGlyphs: number;
};

export function readPdf(pdf: Buffer): PdfReading {
  const all = objects(pdf);
  const byId = new Map(all.map((o) => [o.id, o]));
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  // Resource name (F1, F2…) → font object: pdfkit numbers fonts once per document.
  const fontByName = new Map<string, PdfObject>();
  for (const o of all) for (const m of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) fontByName.set(m[1]!, byId.get(Number(m[2]))!);
  const cmapOf = new Map<string, Map<number, string> | null>();
  const fonts = new Set<string>();
  let allEmbedded = true;
  for (const [name, font] of fontByName) {
    if (!font) continue;
    fonts.add(/\/BaseFont \/([^\s/>]+)/.exec(font.dict)?.[1] ?? name);
    const toUnicode = byId.get(ref(font.dict, "ToUnicode"));
    cmapOf.set(name, toUnicode?.stream ? parseToUnicode(toUnicode.stream.toString("latin1")) : null);
    if (/\/Subtype \/Type0/.test(font.dict)) {
      const descendant = byId.get(Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(font.dict)?.[1]));
      const descriptor = descendant && byId.get(ref(descendant.dict, "FontDescriptor"));
      if (!descriptor || !/\/FontFile[23]? \d+ 0 R/.test(descriptor.dict)) allEmbedded = false;
    } else allEmbedded = false;
  }
  let text = "";
  let missingGlyphs = 0;
  for (const o of all) {
    if (!o.stream) continue;
    const content = o.stream.toString("latin1");
    if (!/\bTf\b/.test(content)) continue;
    let cmap: Map<number, string> | null = null;
    for (const m of content.matchAll(/\/(F\d+) [\d.]+ Tf|<([0-9a-f]*)>/gi)) {
      if (m[1]) {
        cmap = cmapOf.get(m[1]) ?? null;
        continue;
      }
      for (const gid of (m[2] ?? "").match(/[0-9a-f]{4}/gi) ?? []) {
        const id = parseInt(gid, 16);
        const ch = cmap?.get(id);
        if (id === 0 || ch === undefined) missingGlyphs += 1;
        else text += ch;
      }
    }
  }
  return { text, fonts: [...fonts], allEmbedded, missingGlyphs };
}

/** Text compared without spacing (a PDF positions words; it does not always draw the spaces). */
export const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, "");
