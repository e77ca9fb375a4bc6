import { describe, expect, it } from "vitest";
import { renderMinutesPdf, type MinutesPdfData } from "@/lib/pdf/minutes";
import { readPdf, squash } from "./pdf-text";

const data: MinutesPdfData = {
  councilLevel: "PROVINCE",
  councilUnit: "Tỉnh Bắc Kạn",
  place: "Bắc Kạn",
  date: "2026-12-10",
  round: { no: 2, year: 2026, title: "Đợt 2 năm 2026", councilDecision: "Quyết định số 2150/QĐ-UBND ngày 15/10/2026" },
  dossier: {
    productName: "Tinh bột nghệ nếp đỏ Bắc Kạn",
    productCode: "06-01840-003-2026",
    criteriaSet: "Bộ 7 — Chế biến từ rau, củ, quả, hạt",
    producerName: "Hợp tác xã Nông nghiệp Đức Xuân",
    producerAddress: "Tổ 5, Phường Đức Xuân",
    ruleSetName: "Quyết định 26/2026/QĐ-TTg",
  },
  members: [
    { name: "Lê Thị Hoa", role: "CHAIR", title: "Phó Giám đốc Sở Nông nghiệp và Môi trường", scores: true, total: 78 },
    { name: "Trần Văn Bình", role: "MEMBER", title: "Sở Công Thương", scores: true, total: 74 },
    { name: "Hoàng Minh Đức", role: "MEMBER", title: "", scores: true, total: 76 },
    { name: "Phạm Thu Trang", role: "SECRETARY", title: "Phòng Kinh tế", scores: false, total: null },
  ],
  recused: ["Nông Văn Khải"],
  average: 76,
  spread: 4,
  maxSpread: 10,
  bandStar: 4,
  star: 4,
  knockOuts: [{ text: "Hồ sơ giả mạo", flaggedBy: 1, stands: false }],
  blockedBy: [],
  nextStar: 5,
  nextStarMinAverage: 90,
  nextStarBlockers: [{ itemCode: "4.1", itemName: "Kênh phân phối chính", optionText: "Có hợp đồng xuất khẩu", requiredPoints: 5, actualPoints: 3 }],
  disagreements: [{ itemCode: "6.5", itemName: "Vị", min: 3, max: 5 }],
  remarks: [{ name: "Trần Văn Bình", text: "Cần bổ sung phiếu kiểm nghiệm định kỳ." }],
  outcome: "recognise",
  referralTo: null,
};

describe("council minutes PDF", () => {
  it("prints the round, the members, each member's total, the average with two decimals, the star and what holds it back", async () => {
    const pdf = await renderMinutesPdf(data);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const reading = readPdf(pdf);
    expect(reading.missingGlyphs).toBe(0);
    expect(reading.allEmbedded).toBe(true);
    const text = squash(reading.text);
    for (const expected of [
      "BIÊN BẢN HỌP HỘI ĐỒNG",
      "TỈNH BẮC KẠN",
      "Bắc Kạn, ngày 10 tháng 12 năm 2026",
      "Đợt 2 năm 2026: Đợt 2 năm 2026",
      "Căn cứ Quyết định số 2150/QĐ-UBND ngày 15/10/2026",
      "Tinh bột nghệ nếp đỏ Bắc Kạn",
      "06-01840-003-2026",
      "1. Lê Thị Hoa — Chủ tịch Hội đồng, Phó Giám đốc Sở Nông nghiệp và Môi trường",
      "4. Phạm Thu Trang — Thư ký Hội đồng, Phòng Kinh tế (không chấm điểm)",
      "do có xung đột lợi ích: Nông Văn Khải.",
      "1Lê Thị Hoa78",
      "2Trần Văn Bình74",
      "3Hoàng Minh Đức76",
      "Điểm trung bình: 76,00 điểm",
      "Kết quả phân hạng: 4 sao",
      "Hồ sơ giả mạo (1 thành viên xác định; không đủ đa số, Hội đồng không áp dụng)",
      "Để đạt hạng 5 sao (điểm trung bình từ 90 điểm), sản phẩm cần đạt:",
      "Tiêu chí 4.1 «Kênh phân phối chính»: cần đạt mức «Có hợp đồng xuất khẩu» (5 điểm), hiện đạt 3 điểm",
      "Tiêu chí 6.5 «Vị»: thấp nhất 3, cao nhất 5 điểm (chênh 2 điểm)",
      "Ý kiến của Trần Văn Bình: Cần bổ sung phiếu kiểm nghiệm định kỳ.",
      "Hội đồng thống nhất đề nghị công nhận sản phẩm đạt hạng 4 sao.",
      "CHỦ TỊCH HỘI ĐỒNG",
    ]) {
      expect(text).toContain(squash(expected));
    }
    expect(text).not.toContain(squash("Nông Văn Khải —"));
  });

  it("shows exact averages with two decimals and the referral conclusion", async () => {
    const text = squash(readPdf(await renderMinutesPdf({ ...data, average: 269 / 3, star: 4, outcome: "send-to-central", referralTo: "CENTRAL" })).text);
    expect(text).toContain(squash("Điểm trung bình: 89,67 điểm"));
    expect(text).toContain(squash("Sản phẩm đạt 89,67 điểm; Hội đồng đề nghị chuyển cấp trung ương đánh giá, công nhận."));
  });

  it("states a rejection", async () => {
    const text = squash(readPdf(await renderMinutesPdf({ ...data, star: null, outcome: "reject", knockOuts: [{ text: "Hồ sơ giả mạo", flaggedBy: 3, stands: true }] })).text);
    expect(text).toContain(squash("Kết quả phân hạng: hồ sơ bị loại"));
    expect(text).toContain(squash("Hồ sơ giả mạo (3 thành viên xác định; Hội đồng kết luận hồ sơ bị loại)"));
    expect(text).toContain(squash("Hồ sơ bị loại theo điều kiện loại của phiếu đánh giá."));
  });
});
