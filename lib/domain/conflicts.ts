/**
 * Conflicts of interest between a council member and a dossier (issue 4 item 3). A member with a
 * conflict may neither see nor score the dossier. Councils' working rules require members to
 * stand aside for products of entities they are linked to or related to [M: provincial "Quy chế
 * hoạt động của Hội đồng đánh giá, phân hạng sản phẩm OCOP", e.g. Đồng Tháp, Tây Ninh]; the
 * decree itself does not list the cases, so the portal recognises three obvious ones:
 *
 * (a) LINKED_ACCOUNT — the member's own account belongs to the producer (user.producerId);
 * (b) DECLARED_PRODUCER / DECLARED_DOSSIER — the member declared an interest naming the producer
 *     or the dossier (any declaration kind);
 * (c) RELATIVE_FAMILY_WARD — the member declared a relative by family name and ward, and the
 *     producer's legal representative has that family name and the producer is in that ward.
 *
 * (a) and (c) are found by the portal (source DETECTED); (b) is what the member said (DECLARED).
 *
 * Family names: the first word of the Vietnamese full name ("Nguyễn Văn An" → "Nguyễn"), compared
 * case-insensitively after Unicode NFC normalisation, WITH its diacritics. Design choice:
 * "Nguyen" does not match "Nguyễn". Tone marks and đ separate real, different family names, and
 * in the northern uplands several names differ only by them (Ma / Mã, Lương / Lường, Vi / Vì);
 * folding them would take members off dossiers of unrelated families and
 * can leave a council without a quorum. The risk of the other choice (a relative declared
 * without diacritics is missed) is covered in the interface: the member types the name with
 * Vietnamese letters and sees, beside each declaration, the dossiers it matched.
 */

export type ConflictKind = "PRODUCER" | "RELATIVE" | "OTHER";
export type ConflictSource = "DECLARED" | "DETECTED";
export type ConflictReasonCode = "LINKED_ACCOUNT" | "DECLARED_PRODUCER" | "DECLARED_DOSSIER" | "RELATIVE_FAMILY_WARD";

/** Display order and meaning; the interface translates `conflictReason.<code>`. */
export const CONFLICT_REASON_CODES: readonly ConflictReasonCode[] = ["DECLARED_DOSSIER", "DECLARED_PRODUCER", "LINKED_ACCOUNT", "RELATIVE_FAMILY_WARD"];

export const REASON_SOURCE: Readonly<Record<ConflictReasonCode, ConflictSource>> = {
  LINKED_ACCOUNT: "DETECTED",
  DECLARED_PRODUCER: "DECLARED",
  DECLARED_DOSSIER: "DECLARED",
  RELATIVE_FAMILY_WARD: "DETECTED",
};

export interface ConflictMember {
  readonly userId: string;
  /** The producer entity the member's account belongs to, if any. */
  readonly producerId: string | null;
}

export interface ConflictDeclarationFacts {
  readonly id: string;
  readonly userId: string;
  readonly kind: ConflictKind;
  readonly producerId: string | null;
  readonly dossierId: string | null;
  readonly familyName: string | null;
  readonly wardId: string | null;
}

export interface ConflictDossier {
  readonly id: string;
  readonly producerId: string;
  readonly producerWardId: string;
  /** Full name of the producer's legal representative (người đại diện theo pháp luật). */
  readonly legalRepName: string;
}

export interface ConflictReason {
  readonly code: ConflictReasonCode;
  readonly source: ConflictSource;
  /** The declaration behind a DECLARED_* or RELATIVE_FAMILY_WARD reason. */
  readonly declarationId: string | null;
}

/**
 * The family name of a Vietnamese full name: its first word, NFC-normalised and lower-cased
 * (Vietnamese rules, so "Đ" → "đ"). Null for a blank name. Any run of whitespace (including the
 * no-break space a pasted name may carry) separates words.
 */
export function familyNameOf(fullName: string | null | undefined): string | null {
  if (!fullName) return null;
  const first = fullName.normalize("NFC").trim().split(/\s+/u)[0];
  return first ? first.toLocaleLowerCase("vi") : null;
}

/** Same family name under the rule above (diacritics significant, case not). */
export function sameFamilyName(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = familyNameOf(a);
  const y = familyNameOf(b);
  return x !== null && x === y;
}

/**
 * Every reason the member may not evaluate the dossier; empty when there is none. Declarations
 * of other members are ignored, so the caller may pass a round's declarations unfiltered. Each
 * code appears once (the first declaration giving it is named), in CONFLICT_REASON_CODES order.
 */
export function detectConflicts(member: ConflictMember, declarations: readonly ConflictDeclarationFacts[], dossier: ConflictDossier): ConflictReason[] {
  const found = new Map<ConflictReasonCode, string | null>();
  const add = (code: ConflictReasonCode, declarationId: string | null) => {
    if (!found.has(code)) found.set(code, declarationId);
  };
  if (member.producerId !== null && member.producerId === dossier.producerId) add("LINKED_ACCOUNT", null);
  for (const d of declarations) {
    if (d.userId !== member.userId) continue;
    if (d.dossierId !== null && d.dossierId === dossier.id) add("DECLARED_DOSSIER", d.id);
    if (d.producerId !== null && d.producerId === dossier.producerId) add("DECLARED_PRODUCER", d.id);
    if (d.kind === "RELATIVE" && d.wardId !== null && d.wardId === dossier.producerWardId && sameFamilyName(d.familyName, dossier.legalRepName)) {
      add("RELATIVE_FAMILY_WARD", d.id);
    }
  }
  return CONFLICT_REASON_CODES.filter((code) => found.has(code)).map((code) => ({ code, source: REASON_SOURCE[code], declarationId: found.get(code) ?? null }));
}

/**
 * The source recorded for a conflict with several reasons: DECLARED when the member declared
 * any of them (the member's word is the stronger record), DETECTED when only the portal found
 * it; null when there is no conflict.
 */
export function conflictSource(reasons: readonly ConflictReason[]): ConflictSource | null {
  if (reasons.length === 0) return null;
  return reasons.some((r) => r.source === "DECLARED") ? "DECLARED" : "DETECTED";
}

/** The stored form of the reasons (DossierConflict.reason): codes joined by commas. */
export function encodeConflictReasons(reasons: readonly ConflictReason[]): string {
  return reasons.map((r) => r.code).join(",");
}

/** Reads DossierConflict.reason back; unknown codes (from a later version) are dropped. */
export function decodeConflictReasons(stored: string): ConflictReasonCode[] {
  const known = new Set<string>(CONFLICT_REASON_CODES);
  return stored.split(",").map((s) => s.trim()).filter((s): s is ConflictReasonCode => known.has(s));
}
