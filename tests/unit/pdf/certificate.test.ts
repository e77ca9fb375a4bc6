import { PNG } from "pngjs";
import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { renderCertificatePdf, type CertificatePdfData } from "@/lib/pdf/certificate";
import { qrPngDataUrl, verificationUrl } from "@/lib/pdf/qr";
import { readQrCodes } from "../../support/pdf-qr";
import { readPdf, squash } from "./pdf-text";

const data: CertificatePdfData = {
  number: "007/2026/OCOP-06",
  productName: "Tinh bột nghệ nếp đỏ Bắc Kạn",
  producerName: "Hợp tác xã Nông nghiệp Đức Xuân",
  producerAddress: "Tổ 5, đường Trường Chinh",
  wardName: "Phường Đức Xuân",
  star: 4,
  level: "PROVINCE",
  issuerUnit: "Tỉnh Bắc Kạn",
  place: "Bắc Kạn",
  decisionNumber: "2150/QĐ-UBND",
  decisionSignedOn: "2026-12-20",
  signerName: "Nguyễn Văn An",
  signerTitle: "Chủ tịch Ủy ban nhân dân tỉnh",
  issuedOn: "2026-12-20",
  expiresOn: "2029-12-20",
  verifyUrl: verificationUrl("https://ocop.backan.gov.vn/", "Xk3_9aQ-7bLm2PzR5tVw8yC1"),
  stamp: null,
};

function decodePng(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.split(",")[1]!, "base64"));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe("verification QR code", () => {
  it("is the public verification address of the certificate", () => {
    expect(data.verifyUrl).toBe("https://ocop.backan.gov.vn/verify/Xk3_9aQ-7bLm2PzR5tVw8yC1");
  });

  it("decodes (jsQR on the PNG) to exactly that address", async () => {
    const url = await qrPngDataUrl(data.verifyUrl);
    expect(url.startsWith("data:image/png;base64,")).toBe(true);
    expect(decodePng(url)).toBe(data.verifyUrl);
    expect(decodePng(await qrPngDataUrl(`${data.verifyUrl}x`))).not.toBe(data.verifyUrl);
  });
});

describe("certificate PDF", () => {
  it("is a PDF with the certificate's text in the Vietnamese font and a QR code that opens the verification page", async () => {
    const pdf = await renderCertificatePdf(data);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const reading = readPdf(pdf);
    expect(reading.missingGlyphs).toBe(0);
    expect(reading.allEmbedded).toBe(true);
    const text = squash(reading.text);
    for (const expected of [
      "ỦY BAN NHÂN DÂN",
      "TỈNH BẮC KẠN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "GIẤY CHỨNG NHẬN",
      "SẢN PHẨM OCOP",
      data.productName,
      data.producerName,
      "Tổ 5, đường Trường Chinh, Phường Đức Xuân",
      "Hạng 4 sao",
      "Cấp tỉnh",
      "Quyết định công nhận số 2150/QĐ-UBND ngày 20/12/2026",
      "Số giấy chứng nhận: 007/2026/OCOP-06",
      "Có giá trị đến hết ngày 20/12/2029",
      "Bắc Kạn, ngày 20 tháng 12 năm 2026",
      "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
      data.signerName,
      data.verifyUrl,
    ]) {
      expect(text).toContain(squash(expected));
    }
    expect(text).not.toContain(squash("ĐÃ THU HỒI"));
    expect(readQrCodes(pdf)).toEqual([data.verifyUrl]);
  });

  it("names the ministry for a 5★ certificate and prints a stamp on one that no longer stands", async () => {
    const pdf = await renderCertificatePdf({ ...data, star: 5, level: "CENTRAL", signerTitle: "Bộ trưởng", stamp: "ĐÃ THU HỒI" });
    const text = squash(readPdf(pdf).text);
    expect(text).toContain(squash("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"));
    expect(text).toContain(squash("Hạng 5 sao"));
    expect(text).toContain(squash("Cấp trung ương"));
    expect(text).toContain(squash("ĐÃ THU HỒI"));
    expect(text).not.toContain(squash("ỦY BAN NHÂN DÂN"));
  });

  it("stays on one A4 landscape page with a long product name and address", async () => {
    const pdf = await renderCertificatePdf({
      ...data,
      productName: "Tinh bột nghệ nếp đỏ nguyên chất sấy lạnh đóng gói hút chân không dành cho thị trường xuất khẩu Bắc Kạn",
      producerName: "Hợp tác xã Nông nghiệp và Dịch vụ Tổng hợp Sản xuất Kinh doanh Nông lâm sản Đức Xuân",
      producerAddress: "Tổ dân phố số 10, đường Trường Chinh, khu đô thị mới phía Nam",
    });
    const pages = pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? [];
    expect(pages).toHaveLength(1);
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 841\.89\d* 595\.28\d*\]/);
  });
});
