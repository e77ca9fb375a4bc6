import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { attachmentDisposition, rfc5987, utf8FileName, xlsxResponse, XLSX_TYPE } from "@/lib/export/response";
import { buildXlsx, cellValue, NUMBER_FORMATS, type Column } from "@/lib/export/xlsx";

type Row = { name: string; producer: string; star: number | null; score: number; price: bigint | null; issuedOn: Date; at: Date; listed: boolean; note: string | null };

const columns: Column<Row>[] = [
  { header: "Tên sản phẩm", key: "name", type: "text" },
  { header: "Chủ thể", key: "producer", type: "text" },
  { header: "Hạng sao", key: "star", type: "integer" },
  { header: "Điểm", key: "score", type: "decimal" },
  { header: "Giá bán từ", key: "price", type: "vnd" },
  { header: "Ngày cấp", key: "issuedOn", type: "date" },
  { header: "Cập nhật", key: "at", type: "datetime" },
  { header: "Đang hiển thị", key: "listed", type: "boolean" },
  { header: "Ghi chú", key: "note", type: "text", value: (r) => r.note?.toUpperCase() },
];

const rows: Row[] = [
  // A name typed with combining marks (NFD) comes out precomposed.
  { name: "Miến dong Tài Hoan".normalize("NFD"), producer: "Hợp tác xã Nông nghiệp Tân Thành", star: 4, score: 78.5, price: BigInt(125000), issuedOn: new Date("2026-03-15T00:00:00Z"), at: new Date("2026-11-30T17:30:00Z"), listed: true, note: "đã bổ sung" },
  { name: "Gạo nếp Pì Pất\u0007", producer: "Hộ kinh doanh Hoàng Văn Đức", star: null, score: 64, price: null, issuedOn: new Date("2025-12-31T00:00:00Z"), at: new Date("2026-01-01T01:00:00Z"), listed: false, note: null },
];

async function read(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe("cellValue", () => {
  it("turns each input into the cell type of its column", () => {
    expect(cellValue("integer", BigInt(42))).toBe(42);
    expect(cellValue("integer", "7")).toBe(7);
    expect(cellValue("integer", "bảy")).toBeNull();
    expect(cellValue("vnd", BigInt("1500000"))).toBe(1_500_000);
    expect(cellValue("decimal", 78.25)).toBe(78.25);
    expect(cellValue("boolean", true)).toBe(1);
    expect(cellValue("boolean", false)).toBe(0);
    expect(cellValue("text", "")).toBeNull();
    expect(cellValue("text", undefined)).toBeNull();
    // A calendar date is that day's UTC midnight, from an ISO date or from an instant read in Vietnam (UTC+7).
    expect(cellValue("date", "2026-02-28")).toEqual(new Date("2026-02-28T00:00:00Z"));
    expect(cellValue("date", new Date("2026-02-28T18:00:00Z"))).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(cellValue("date", "28/02/2026")).toBeNull();
    // A moment is written as Vietnam's wall clock: Excel has no time zones.
    expect(cellValue("datetime", new Date("2026-11-30T17:30:00Z"))).toEqual(new Date("2026-12-01T00:30:00Z"));
    expect(cellValue("datetime", new Date("x"))).toBeNull();
  });
});

describe("buildXlsx", () => {
  it("writes a title, a bold frozen header with an autofilter, and typed cells that read back as typed", async () => {
    const buf = await buildXlsx({ sheetName: "Sản phẩm: OCOP/2026", title: "Danh sách sản phẩm OCOP", subtitle: "Phạm vi: toàn thành phố", columns, rows });
    expect(buf.subarray(0, 2).toString()).toBe("PK");
    const wb = await read(buf);
    const ws = wb.worksheets[0]!;
    // Excel forbids : and / in a sheet name.
    expect(ws.name).toBe("Sản phẩm  OCOP 2026");
    expect(ws.getCell("A1").value).toBe("Danh sách sản phẩm OCOP");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A2").value).toBe("Phạm vi: toàn thành phố");
    const header = ws.getRow(3);
    expect(columns.map((_, i) => header.getCell(i + 1).value)).toEqual(columns.map((c) => c.header));
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.autoFilter).toBe("A3:I3");

    const first = ws.getRow(4);
    expect(first.getCell(1).value).toBe("Miến dong Tài Hoan");
    expect(first.getCell(1).value).toBe("Miến dong Tài Hoan".normalize("NFC"));
    expect(first.getCell(2).value).toBe("Hợp tác xã Nông nghiệp Tân Thành");
    expect(first.getCell(3).value).toBe(4);
    expect(first.getCell(3).numFmt).toBe(NUMBER_FORMATS.integer);
    expect(first.getCell(4).value).toBe(78.5);
    expect(first.getCell(5).value).toBe(125000);
    expect(first.getCell(5).numFmt).toBe('#,##0 "₫"');
    const issued = first.getCell(6).value;
    expect(issued).toBeInstanceOf(Date);
    expect((issued as Date).toISOString()).toBe("2026-03-15T00:00:00.000Z");
    expect(first.getCell(6).numFmt).toBe("dd/mm/yyyy");
    expect((first.getCell(7).value as Date).toISOString()).toBe("2026-12-01T00:30:00.000Z");
    expect(first.getCell(7).numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(first.getCell(8).value).toBe(1);
    expect(first.getCell(8).numFmt).toBe('"Có";"Có";"Không"');
    expect(first.getCell(9).value).toBe("ĐÃ BỔ SUNG");

    const second = ws.getRow(5);
    // A control character would make the XML unreadable; it is dropped.
    expect(second.getCell(1).value).toBe("Gạo nếp Pì Pất");
    expect(second.getCell(3).value).toBeNull();
    expect(second.getCell(5).value).toBeNull();
    expect(second.getCell(8).value).toBe(0);
    expect(second.getCell(9).value).toBeNull();
    expect(ws.rowCount).toBe(5);

    // Widths follow the content within bounds; dates get room for dd/mm/yyyy.
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual("Hợp tác xã Nông nghiệp Tân Thành".length);
    expect(ws.getColumn(6).width).toBeGreaterThanOrEqual(12);
    for (let i = 1; i <= columns.length; i++) expect(ws.getColumn(i).width).toBeLessThanOrEqual(60);
  });

  it("puts the header on the first row when there is no title, and an empty list still has its header", async () => {
    const wb = await read(await buildXlsx({ sheetName: "Trống", columns, rows: [] }));
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe("Tên sản phẩm");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.rowCount).toBe(1);
  });
});

describe("download headers", () => {
  it("names the file twice: ASCII for old clients, UTF-8 (RFC 5987) with the Vietnamese kept", () => {
    const d = attachmentDisposition("Danh sách ý tưởng (Đức Xuân) 2026's", "xlsx");
    expect(d).toBe(
      "attachment; filename=\"Danh-sach-y-tuong-Duc-Xuan-2026-s.xlsx\"; filename*=UTF-8''Danh%20s%C3%A1ch%20%C3%BD%20t%C6%B0%E1%BB%9Fng%20%28%C4%90%E1%BB%A9c%20Xu%C3%A2n%29%202026%27s.xlsx",
    );
    expect(decodeURIComponent(d.split("''")[1]!)).toBe("Danh sách ý tưởng (Đức Xuân) 2026's.xlsx");
    expect(rfc5987("a'b(c)*d")).toBe("a%27b%28c%29%2Ad");
    // No header injection or path through a name.
    expect(utf8FileName('a"b\r\nc/d\\e')).toBe("a-b-c-d-e");
    expect(attachmentDisposition("\r\n", "xlsx")).not.toMatch(/[\r\n]/);
  });

  it("serves the workbook as an attachment nobody caches or sniffs", async () => {
    const res = xlsxResponse(Buffer.from("PK"), "Danh sách");
    expect(res.headers.get("Content-Type")).toBe(XLSX_TYPE);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="Danh-sach\.xlsx"/);
    expect(res.headers.get("Content-Length")).toBe("2");
  });
});
