/**
 * Similar-name warning for product ideas and products.
 *
 * When a producer registers an idea, the ward officer screens it for duplicates (cycle step 2,
 * ocop-domain.md). A near-duplicate name in the same producer or ward is usually the same
 * product registered twice, or a variant (nếp đỏ / nếp đen) that the officer must tell apart.
 * This is a warning, never a refusal: the caller shows the matches and the words that differ,
 * and the producer confirms.
 */

export type NamedRecord = { id: string; name: string };

export type SimilarName = {
  id: string;
  name: string;
  /** 1 only for names that are identical once normalised. */
  score: number;
  identical: boolean;
  /** Words (as the user wrote them) that tell the two names apart, for the warning text. */
  onlyInCandidate: string[];
  onlyInExisting: string[];
};

/**
 * Chosen on the test table: variants that differ in one word of six or more (nếp đỏ / nếp đen)
 * score about 0.8, a name contained in another about 0.9, unrelated names of the same province
 * below 0.45.
 */
export const SIMILAR_NAME_THRESHOLD = 0.6;

/**
 * Words that every dossier may carry and that say nothing about which product it is.
 * Place names are deliberately kept: "Miến dong Na Rì" and "Miến dong Ba Bể" are different
 * products, and administrative names change (Bắc Kạn merged into Thái Nguyên in 2025), so a
 * list of them would go stale. Containment scoring already lets "Mật ong rừng" match
 * "Mật ong rừng Bắc Kạn".
 */
const GENERIC_PHRASES: readonly (readonly string[])[] = [["san", "pham"], ["ocop"]];

/** Every word of one name inside the other; below 1, which is reserved for identical names. */
const CONTAINMENT_SCORE = 0.9;

type Token = { norm: string; original: string };

function foldWord(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/gi, "d")
    .toLowerCase();
}

function tokenize(name: string): Token[] {
  // Split on anything that is not a letter or digit before folding, so the original spelling
  // of each word survives for the warning text. NFC first: macOS and some IMEs send
  // decomposed Vietnamese, which would otherwise split a word at its combining marks.
  const words = name
    .normalize("NFC")
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length > 0);
  const tokens = words.map((original) => ({ norm: foldWord(original), original })).filter((t) => t.norm.length > 0);
  const kept: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    const phrase = GENERIC_PHRASES.find((p) => p.every((w, k) => tokens[i + k]?.norm === w));
    if (phrase) {
      i += phrase.length;
    } else {
      kept.push(tokens[i]!);
      i += 1;
    }
  }
  // A name made only of generic words ("Sản phẩm OCOP") still has to compare equal to itself.
  return kept.length > 0 ? kept : tokens;
}

/** Lower-case, without diacritics (đ → d), single spaces, generic words ("sản phẩm", "OCOP") dropped. */
export function normalizeProductName(name: string): string {
  return tokenize(name)
    .map((t) => t.norm)
    .join(" ");
}

function trigrams(normalized: string): Map<string, number> {
  // Padding lets the first and last letters of the name count as much as the middle ones.
  const padded = ` ${normalized} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function diceCoefficient(a: string, b: string): number {
  const ga = trigrams(a);
  const gb = trigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

function isContained(a: readonly Token[], b: readonly Token[]): boolean {
  const sa = new Set(a.map((t) => t.norm));
  const sb = new Set(b.map((t) => t.norm));
  const smaller = sa.size <= sb.size ? sa : sb;
  const larger = smaller === sa ? sb : sa;
  // One shared word ("Trà", "Miến") is a category, not a product: it alone must not warn.
  // Partial overlap is left to the trigram score, or two brands of one producer's plum wine
  // ("Rượu mơ Asuka", "Rượu mơ Dakimo") would warn on their shared category words.
  if (smaller.size < 2) return false;
  for (const w of smaller) if (!larger.has(w)) return false;
  return true;
}

function similarity(a: readonly Token[], b: readonly Token[]): number {
  const na = a.map((t) => t.norm).join(" ");
  const nb = b.map((t) => t.norm).join(" ");
  if (na.length === 0 || nb.length === 0) return 0;
  if (na === nb) return 1;
  return Math.min(0.99, Math.max(diceCoefficient(na, nb), isContained(a, b) ? CONTAINMENT_SCORE : 0));
}

/** Similarity in [0, 1]: the better of trigram Dice and word containment; 1 means identical after normalising. */
export function nameSimilarity(a: string, b: string): number {
  return similarity(tokenize(a), tokenize(b));
}

function wordsNotIn(tokens: readonly Token[], other: readonly Token[]): string[] {
  const present = new Set(other.map((t) => t.norm));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tokens) {
    if (present.has(t.norm) || seen.has(t.norm)) continue;
    seen.add(t.norm);
    out.push(t.original);
  }
  return out;
}

/**
 * Existing names at or above `threshold`, best first (ties by name, then id, so the warning is
 * stable). The caller scopes `existing` to the producer or ward and leaves out the record being
 * edited.
 */
export function findSimilarNames(
  candidate: string,
  existing: readonly NamedRecord[],
  threshold: number = SIMILAR_NAME_THRESHOLD,
): SimilarName[] {
  const cand = tokenize(candidate);
  const matches: SimilarName[] = [];
  for (const record of existing) {
    const other = tokenize(record.name);
    const score = similarity(cand, other);
    if (score < threshold || score === 0) continue;
    matches.push({
      id: record.id,
      name: record.name,
      score,
      identical: score === 1,
      onlyInCandidate: wordsNotIn(cand, other),
      onlyInExisting: wordsNotIn(other, cand),
    });
  }
  return matches.sort(
    (x, y) => y.score - x.score || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
}
