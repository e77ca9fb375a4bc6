import { describe, expect, it } from "vitest";
import { findSimilarNames, nameSimilarity, normalizeProductName, SIMILAR_NAME_THRESHOLD } from "@/lib/domain/similar-names";

// Names from the Bắc Kạn OCOP list (ocop-domain.md, "Products of the province").
describe("normalizeProductName", () => {
  it.each([
    ["Miến dong Tài Hoan", "mien dong tai hoan"],
    ["MIẾN DONG TÀI HOAN", "mien dong tai hoan"],
    ["Tinh bột nghệ nếp đỏ Bắc Kạn", "tinh bot nghe nep do bac kan"],
    ["ĐẶC SẢN Đà Lạt", "dac san da lat"],
    ["  Mật   ong,rừng -- (Bắc Kạn)! ", "mat ong rung bac kan"],
    ["Sản phẩm OCOP: Trà hoa vàng", "tra hoa vang"],
    ["Trà hoa vàng - sản phẩm OCOP 4 sao", "tra hoa vang 4 sao"],
    // Decomposed input (macOS, some IMEs) folds the same as composed.
    ["Ru\u031Bo\u031B\u0323u me\u0302n la\u0301", "ruou men la"],
    // A name of generic words only keeps them rather than vanishing.
    ["Sản phẩm OCOP", "san pham ocop"],
    ["", ""],
    ["!!!", ""],
  ])("%j → %j", (raw, normalized) => {
    expect(normalizeProductName(raw)).toBe(normalized);
  });

  it("keeps place names, which can be what tells two products apart", () => {
    expect(normalizeProductName("Miến dong Na Rì")).not.toBe(normalizeProductName("Miến dong Ba Bể"));
  });
});

describe("nameSimilarity", () => {
  it.each([
    // identical once case, diacritics, spacing and generic words are ignored
    ["Miến dong Tài Hoan", "mien dong tai hoan", 1, 1],
    ["Mật ong rừng", "MẬT ONG RỪNG", 1, 1],
    ["Trà hoa vàng", "Sản phẩm OCOP Trà hoa vàng", 1, 1],
    // one name inside the other
    ["Mật ong rừng", "Mật ong rừng Bắc Kạn", 0.9, 0.9],
    ["Miến dong", "Miến dong Tài Hoan", 0.9, 0.9],
    ["VICUMAX Nano Curcumin", "VICUMAX Mật ong Nano Curcumin", 0.9, 0.9],
    // variants: close, but not identical
    ["Tinh bột nghệ nếp đỏ Bắc Kạn", "Tinh bột nghệ nếp đen Bắc Kạn", 0.8, 0.95],
    // a shared category word or a shared place name is not enough
    ["Trà", "Trà hoa vàng", 0, 0.5],
    ["Trà hoa vàng", "Trà nụ vối", 0, 0.5],
    ["Trà hoa vàng Bắc Kạn", "Rượu men lá Bắc Kạn", 0, 0.45],
    ["Mật ong rừng Bắc Kạn", "Tinh bột nghệ nếp đỏ Bắc Kạn", 0, 0.45],
    ["Rượu mơ Asuka", "Rượu mơ Dakimo", 0, 0.59],
    ["Rượu men lá Thanh Tâm", "Rượu men lá Bằng Phúc", 0, 0.59],
    // unrelated
    ["Trà hoa vàng", "Rượu men lá", 0, 0.1],
    ["Gạo nếp vải", "Gạo Bao thai", 0, 0.45],
    // nothing to compare
    ["", ""],
    ["", "Miến dong"],
  ].map(([a, b, lo = 0, hi = 0]) => [a, b, lo, hi] as [string, string, number, number]))("%s ~ %s in [%d, %d]", (a, b, lo, hi) => {
    const s = nameSimilarity(a, b);
    expect(s).toBeGreaterThanOrEqual(lo);
    expect(s).toBeLessThanOrEqual(hi);
    expect(nameSimilarity(b, a)).toBe(s);
  });

  it("reserves 1 for identical names", () => {
    expect(nameSimilarity("Miến dong", "dong Miến")).toBeLessThan(1);
    expect(nameSimilarity("Miến dong", "Miến dong Tài Hoan")).toBeLessThan(1);
  });

  it("folds đ to d, so the two spellings of a word meet", () => {
    expect(nameSimilarity("Đậu đỏ", "dau do")).toBe(1);
  });
});

describe("findSimilarNames", () => {
  const existing = [
    { id: "p1", name: "Tinh bột nghệ nếp đen Bắc Kạn" },
    { id: "p2", name: "Mật ong rừng Bắc Kạn" },
    { id: "p3", name: "Rượu men lá Bằng Phúc" },
    { id: "p4", name: "TINH BỘT NGHỆ NẾP ĐỎ BẮC KẠN" },
    { id: "p5", name: "Tinh bột nghệ" },
  ];

  it("defaults to the documented threshold", () => {
    expect(SIMILAR_NAME_THRESHOLD).toBe(0.6);
  });

  it("lists identical first, then containment, then variants, with the words that differ", () => {
    const matches = findSimilarNames("Tinh bột nghệ nếp đỏ Bắc Kạn", existing);
    expect(matches.map((m) => [m.id, m.identical])).toEqual([
      ["p4", true],
      ["p5", false],
      ["p1", false],
    ]);
    expect(matches[0]).toMatchObject({ score: 1, onlyInCandidate: [], onlyInExisting: [] });
    expect(matches[1]).toMatchObject({ score: 0.9, onlyInCandidate: ["nếp", "đỏ", "Bắc", "Kạn"], onlyInExisting: [] });
    // The warning for the variant names the distinguishing word on each side, as written.
    expect(matches[2]).toMatchObject({ name: "Tinh bột nghệ nếp đen Bắc Kạn", onlyInCandidate: ["đỏ"], onlyInExisting: ["đen"] });
    expect(matches[2]!.score).toBeGreaterThan(0.8);
  });

  it("warns on a shorter name contained in an existing one", () => {
    expect(findSimilarNames("Mật ong rừng", existing)).toEqual([
      { id: "p2", name: "Mật ong rừng Bắc Kạn", score: 0.9, identical: false, onlyInCandidate: [], onlyInExisting: ["Bắc", "Kạn"] },
    ]);
  });

  it("returns nothing for an unrelated name or an empty list", () => {
    expect(findSimilarNames("Trà hoa vàng", existing)).toEqual([]);
    expect(findSimilarNames("Trà hoa vàng Bắc Kạn", existing)).toEqual([]);
    expect(findSimilarNames("Miến dong", [])).toEqual([]);
    expect(findSimilarNames("", existing)).toEqual([]);
  });

  it("includes a score exactly at the threshold and excludes one just above it", () => {
    const s = nameSimilarity("Tinh bột nghệ nếp đỏ Bắc Kạn", existing[0]!.name);
    expect(findSimilarNames("Tinh bột nghệ nếp đỏ Bắc Kạn", [existing[0]!], s)).toHaveLength(1);
    expect(findSimilarNames("Tinh bột nghệ nếp đỏ Bắc Kạn", [existing[0]!], s + 1e-9)).toHaveLength(0);
  });

  it("never reports a zero score, even at threshold 0", () => {
    expect(findSimilarNames("Trà hoa vàng", [{ id: "x", name: "Rượu men lá" }], 0)).toEqual([]);
  });

  it("orders ties by name, then id, so the warning is stable", () => {
    const twins = [
      { id: "b", name: "Mật ong rừng" },
      { id: "a", name: "Mật ong rừng" },
      { id: "c", name: "Mat ong rung" },
    ];
    expect(findSimilarNames("mật ong rừng", twins).map((m) => m.id)).toEqual(["c", "a", "b"]);
  });
});
