import { describe, expect, it } from "vitest";
import {
  conflictSource,
  decodeConflictReasons,
  detectConflicts,
  encodeConflictReasons,
  familyNameOf,
  sameFamilyName,
  type ConflictDeclarationFacts,
  type ConflictDossier,
} from "@/lib/domain/conflicts";

const dossier: ConflictDossier = { id: "d1", producerId: "p1", producerWardId: "w1", legalRepName: "Nguyễn Thị Hoa" };
const member = { userId: "u1", producerId: null };
const decl = (over: Partial<ConflictDeclarationFacts>): ConflictDeclarationFacts => ({
  id: "c1",
  userId: "u1",
  kind: "OTHER",
  producerId: null,
  dossierId: null,
  familyName: null,
  wardId: null,
  ...over,
});
const codes = (reasons: ReturnType<typeof detectConflicts>) => reasons.map((r) => r.code);

describe("familyNameOf / sameFamilyName", () => {
  it("takes the first word, trimmed, lower-cased the Vietnamese way", () => {
    expect(familyNameOf("Nguyễn Văn An")).toBe("nguyễn");
    expect(familyNameOf("  ĐÀM  Thị Lan ")).toBe("đàm");
    expect(familyNameOf("Hoàng\u00a0Văn Sơn")).toBe("hoàng"); // pasted no-break space
    expect(familyNameOf("Triệu")).toBe("triệu");
  });

  it("is null for an empty or blank name", () => {
    expect(familyNameOf("")).toBeNull();
    expect(familyNameOf("   ")).toBeNull();
    expect(familyNameOf(null)).toBeNull();
    expect(sameFamilyName("", "")).toBe(false);
    expect(sameFamilyName(null, null)).toBe(false);
  });

  it("treats composed and decomposed Unicode as the same letters (NFC)", () => {
    const decomposed = "Nguye\u0302\u0303n"; // e + circumflex + tilde, as some keyboards type it
    expect(decomposed).not.toBe("Nguyễn");
    expect(sameFamilyName(decomposed, "Nguyễn Thị Hoa")).toBe(true);
    expect(sameFamilyName("NGUYỄN", "nguyễn")).toBe(true);
  });

  it("keeps diacritics significant: Nguyen ≠ Nguyễn, Ma ≠ Mã, Vi ≠ Vì", () => {
    expect(sameFamilyName("Nguyen", "Nguyễn Thị Hoa")).toBe(false);
    expect(sameFamilyName("Ma", "Mã Văn Tùng")).toBe(false);
    expect(sameFamilyName("Vi", "Vì Thị Mai")).toBe(false);
    expect(sameFamilyName("Dương", "Đường Văn Lộc")).toBe(false);
  });

  it("compares only the family name, not a middle or given name", () => {
    expect(sameFamilyName("Văn", "Nguyễn Văn An")).toBe(false);
    expect(sameFamilyName("Nguyễn Văn Bình", "Nguyễn Thị Hoa")).toBe(true);
  });
});

describe("detectConflicts", () => {
  it("finds nothing for an unrelated member", () => {
    expect(detectConflicts(member, [], dossier)).toEqual([]);
    expect(conflictSource([])).toBeNull();
  });

  it("(a) a member whose account belongs to the producer is DETECTED", () => {
    const reasons = detectConflicts({ userId: "u1", producerId: "p1" }, [], dossier);
    expect(reasons).toEqual([{ code: "LINKED_ACCOUNT", source: "DETECTED", declarationId: null }]);
    expect(conflictSource(reasons)).toBe("DETECTED");
    expect(detectConflicts({ userId: "u1", producerId: "p2" }, [], dossier)).toEqual([]);
  });

  it("(b) a declaration naming the producer or the dossier is DECLARED, whatever its kind", () => {
    expect(detectConflicts(member, [decl({ kind: "PRODUCER", producerId: "p1" })], dossier)).toEqual([{ code: "DECLARED_PRODUCER", source: "DECLARED", declarationId: "c1" }]);
    expect(codes(detectConflicts(member, [decl({ kind: "OTHER", dossierId: "d1" })], dossier))).toEqual(["DECLARED_DOSSIER"]);
    // A declaration naming another dossier of the same producer does not reach this one.
    expect(detectConflicts(member, [decl({ dossierId: "d2" })], dossier)).toEqual([]);
    expect(detectConflicts(member, [decl({ producerId: "p2" })], dossier)).toEqual([]);
  });

  it("(c) a RELATIVE declaration matches the legal representative's family name in the producer's ward", () => {
    const relative = decl({ id: "r1", kind: "RELATIVE", familyName: "nguyễn", wardId: "w1" });
    expect(detectConflicts(member, [relative], dossier)).toEqual([{ code: "RELATIVE_FAMILY_WARD", source: "DETECTED", declarationId: "r1" }]);
    // Same family name in another ward: a different family.
    expect(detectConflicts(member, [{ ...relative, wardId: "w2" }], dossier)).toEqual([]);
    // Written without diacritics: no match (see the module's design note).
    expect(detectConflicts(member, [{ ...relative, familyName: "Nguyen" }], dossier)).toEqual([]);
    // Only RELATIVE declarations are matched by name; without a ward nothing can be matched.
    expect(detectConflicts(member, [{ ...relative, kind: "OTHER" }], dossier)).toEqual([]);
    expect(detectConflicts(member, [{ ...relative, wardId: null }], dossier)).toEqual([]);
    expect(detectConflicts(member, [{ ...relative, familyName: "  " }], dossier)).toEqual([]);
  });

  it("ignores other members' declarations", () => {
    expect(detectConflicts(member, [decl({ userId: "u2", producerId: "p1" }), decl({ userId: "u2", kind: "RELATIVE", familyName: "Nguyễn", wardId: "w1" })], dossier)).toEqual([]);
  });

  it("lists each reason once, in a fixed order, naming the first declaration; DECLARED wins over DETECTED", () => {
    const reasons = detectConflicts(
      { userId: "u1", producerId: "p1" },
      [
        decl({ id: "r1", kind: "RELATIVE", familyName: "Nguyễn", wardId: "w1" }),
        decl({ id: "c1", kind: "PRODUCER", producerId: "p1" }),
        decl({ id: "c2", kind: "PRODUCER", producerId: "p1", dossierId: "d1" }),
      ],
      dossier,
    );
    expect(reasons).toEqual([
      { code: "DECLARED_DOSSIER", source: "DECLARED", declarationId: "c2" },
      { code: "DECLARED_PRODUCER", source: "DECLARED", declarationId: "c1" },
      { code: "LINKED_ACCOUNT", source: "DETECTED", declarationId: null },
      { code: "RELATIVE_FAMILY_WARD", source: "DETECTED", declarationId: "r1" },
    ]);
    expect(conflictSource(reasons)).toBe("DECLARED");
    expect(conflictSource(reasons.filter((r) => r.source === "DETECTED"))).toBe("DETECTED");
  });

  it("stores reasons as codes and reads them back, dropping unknown ones", () => {
    const reasons = detectConflicts({ userId: "u1", producerId: "p1" }, [decl({ dossierId: "d1" })], dossier);
    const stored = encodeConflictReasons(reasons);
    expect(stored).toBe("DECLARED_DOSSIER,LINKED_ACCOUNT");
    expect(decodeConflictReasons(stored)).toEqual(["DECLARED_DOSSIER", "LINKED_ACCOUNT"]);
    expect(decodeConflictReasons("LINKED_ACCOUNT, SOMETHING_NEW")).toEqual(["LINKED_ACCOUNT"]);
    expect(decodeConflictReasons("")).toEqual([]);
  });
});
