import { describe, expect, it } from "vitest";
import { newsSlug } from "@/lib/validation/communication";

describe("address of a news article", () => {
  it("folds the title and cuts it at a whole word within 60 characters", () => {
    const slug = newsSlug("Quyết định 26/2026/QĐ-TTg: những điểm mới chủ thể OCOP cần biết", "k3f9a1");
    expect(slug).toBe("quyet-dinh-26-2026-qd-ttg-nhung-diem-moi-chu-the-ocop-can-k3f9a1");
    expect(slug.length - "-k3f9a1".length).toBeLessThanOrEqual(60);
  });

  it("keeps a short title whole", () => {
    expect(newsSlug("Hội chợ OCOP Bắc Kạn", "ab12cd")).toBe("hoi-cho-ocop-bac-kan-ab12cd");
  });

  it("a single word longer than 60 characters is still cut, and a title of symbols still gets an address", () => {
    expect(newsSlug("a".repeat(80), "ab12cd")).toBe(`${"a".repeat(60)}-ab12cd`);
    expect(newsSlug("!!!", "ab12cd")).toBe("tin-tuc-ab12cd");
  });
});
