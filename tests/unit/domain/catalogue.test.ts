import { describe, expect, it } from "vitest";
import { foldVietnamese, isListed, LISTED_CERTIFICATE_STATUSES, productSearchText, productSlug, searchTerms } from "@/lib/domain/catalogue";
import { csvField, toCsv } from "@/lib/domain/csv";
import { instantToVietnamLocal, isHttpUrl, productProfileSchema, readEcommerceLinks, readLivestreams, vietnamLocalToInstant } from "@/lib/validation/product-profile";

describe("folding Vietnamese for search", () => {
  it.each([
    ["Miến dong Tài Hoan", "mien dong tai hoan"],
    ["ĐẶC SẢN Đức Xuân", "dac san duc xuan"],
    ["Trà Shan tuyết — 100 g", "tra shan tuyet 100 g"],
    // Decomposed input (macOS, some phone keyboards) folds the same as composed.
    ["Mie\u0302\u0301n dong", "mien dong"],
    ["  nếp   Khẩu-Nua-Lếch ", "nep khau nua lech"],
  ])("%s → %s", (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it("finds a product typed with or without diacritics, in any word order", () => {
    const text = productSearchText({ productName: "Miến dong Tài Hoan", producerName: "HTX Tài Hoan", wardName: "Phường Xuất Hóa" });
    for (const query of ["mien dong", "Miến Dong", "tai hoan mien", "xuat hoa", "MIẾN"]) {
      expect(searchTerms(query).every((term) => text.includes(term)), query).toBe(true);
    }
    expect(searchTerms("mien ga").every((term) => text.includes(term))).toBe(false);
  });

  it("keeps the search to a few distinct words", () => {
    expect(searchTerms("mien mien dong")).toEqual(["mien", "dong"]);
    expect(searchTerms("a b c d e f g h")).toHaveLength(6);
    expect(searchTerms("  --  ")).toEqual([]);
    // Nothing but letters and digits reaches the ILIKE pattern: % and _ cannot widen it.
    expect(searchTerms("100% mien_dong")).toEqual(["100", "mien", "dong"]);
  });

  it("writes a readable, bounded address", () => {
    expect(productSlug("Miến dong Tài Hoan", "A1B2C3")).toBe("mien-dong-tai-hoan-a1b2c3");
    expect(productSlug("!!!", "x1")).toBe("san-pham-x1");
    expect(productSlug("a ".repeat(80), "z").length).toBeLessThanOrEqual(62);
  });
});

describe("the listing rule (QĐ26 Art. 4.3 validity, Art. 8 revocation)", () => {
  const listed = (status: string | null, expiresOn: string | null, today: string) => isListed({ certificateStatus: status, certificateExpiresOn: expiresOn }, today);

  it("lists a live certificate through its last valid day and not the day after", () => {
    expect(listed("ACTIVE", "2026-11-30", "2026-11-29")).toBe(true);
    expect(listed("ACTIVE", "2026-11-30", "2026-11-30")).toBe(true);
    expect(listed("ACTIVE", "2026-11-30", "2026-12-01")).toBe(false);
  });

  it("keeps a product whose revocation is only proposed, drops every end state", () => {
    expect(LISTED_CERTIFICATE_STATUSES).toEqual(["ACTIVE", "REVOCATION_PROPOSED"]);
    expect(listed("REVOCATION_PROPOSED", "2027-01-01", "2026-11-30")).toBe(true);
    for (const status of ["REVOKED", "EXPIRED", "SUPERSEDED", "RENEWED"]) expect(listed(status, "2027-01-01", "2026-11-30"), status).toBe(false);
    expect(listed(null, null, "2026-11-30")).toBe(false);
    expect(listed("ACTIVE", null, "2026-11-30")).toBe(false);
  });
});

describe("CSV for the open data (RFC 4180, UTF-8 with BOM)", () => {
  it("starts with the byte-order mark and a header, ends every record with CRLF", () => {
    const csv = toCsv(["name", "star"], [["Miến dong Tài Hoan", 5], ["Trà Shan tuyết", 4]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe("name,star\r\nMiến dong Tài Hoan,5\r\nTrà Shan tuyết,4\r\n");
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it("quotes fields with a comma, a quote or a line break and doubles the quotes", () => {
    expect(csvField("Tổ 5, phường Xuất Hóa")).toBe('"Tổ 5, phường Xuất Hóa"');
    expect(csvField('Trà "Shan" tuyết')).toBe('"Trà ""Shan"" tuyết"');
    expect(csvField("dòng 1\ndòng 2")).toBe('"dòng 1\ndòng 2"');
    expect(csvField("dòng 1\r\n")).toBe('"dòng 1\r\n"');
    expect(csvField("plain")).toBe("plain");
  });

  it("defuses cells a spreadsheet would run as a formula, but not numbers", () => {
    expect(csvField("=HYPERLINK(\"http://x\",\"bấm\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\"");
    expect(csvField("+84912000001")).toBe("'+84912000001");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(BigInt(65000))).toBe("65000");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(true)).toBe("true");
  });
});

describe("the product profile's links and times", () => {
  it("accepts only http(s) addresses with a host", () => {
    for (const ok of ["https://postmart.vn/tim-kiem?keyword=mien", "http://voso.vn/a"]) expect(isHttpUrl(ok), ok).toBe(true);
    for (const bad of ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://x.vn/a", "https://localhost/x", "postmart.vn", "https://user:pw@x.vn/", ""]) expect(isHttpUrl(bad), bad).toBe(false);
  });

  it("reads a datetime-local value as Vietnam time and back", () => {
    expect(vietnamLocalToInstant("2026-12-05T19:30")?.toISOString()).toBe("2026-12-05T12:30:00.000Z");
    expect(instantToVietnamLocal(new Date("2026-12-05T12:30:00.000Z"))).toBe("2026-12-05T19:30");
    expect(vietnamLocalToInstant("2026-02-30T19:30")).toBeNull();
    expect(vietnamLocalToInstant("ngày mai")).toBeNull();
  });

  it("validates a profile the way the form sends it", () => {
    const base = { productId: "p1", version: "2026-11-30T01:02:03.000Z", summary: "", story: "", packaging: "", priceFromVnd: "", qualitySystems: [], ecommerceLinks: [], livestreams: [], website: "" };
    const ok = productProfileSchema.parse({ ...base, priceFromVnd: "1,2 triệu", livestreams: [{ title: "Phiên Tết", startsAt: "2026-12-05T20:00", url: "https://facebook.com/x/live" }] });
    expect(ok).toMatchObject({ priceFromVnd: 1_200_000, website: null, livestreams: [{ startsAt: "2026-12-05T13:00:00.000Z" }] });
    const bad = productProfileSchema.safeParse({ ...base, website: "javascript:alert(1)", ecommerceLinks: [{ platform: "Postmart", url: "javascript:x" }], qualitySystems: ["ISO_1"] });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(paths).toEqual(expect.arrayContaining([["website", "catalogue.urlInvalid"], ["ecommerceLinks.0.url", "catalogue.urlInvalid"], ["qualitySystems.0", "validation.choose"]]));
  });

  it("drops stored entries that are not well-formed http(s) links", () => {
    expect(readEcommerceLinks([{ platform: "Voso", url: "https://voso.vn/a" }, { platform: "x", url: "javascript:alert(1)" }, "junk", null])).toEqual([{ platform: "Voso", url: "https://voso.vn/a" }]);
    expect(readEcommerceLinks({ not: "a list" })).toEqual([]);
    expect(readLivestreams([{ title: "A", startsAt: "2026-12-05T13:00:00.000Z", url: "https://x.vn/l" }, { title: "B", startsAt: "soon", url: "https://x.vn/l" }])).toHaveLength(1);
  });
});
