import { crc32, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ALLOWED_UPLOAD_TYPES, checkUpload, safeDownloadName, sniffFileType } from "@/lib/storage/file-type";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const bytes = (...parts: (number[] | string | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p)))));

// 1×1 PNG: signature + IHDR chunk, as every encoder writes it first.
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0], [0x1f, 0x15, 0xc4, 0x89]);
// JPEG: SOI + JFIF APP0 segment.
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF\0", [1, 1, 0, 0, 1, 0, 1, 0, 0], [0xff, 0xd9]);
const WEBP = bytes("RIFF", [26, 0, 0, 0], "WEBPVP8L", [13, 0, 0, 0, 0x2f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const GIF = bytes("GIF89a", [1, 0, 1, 0, 0, 0, 0], ";");
const PDF = bytes(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n",
  "trailer <</Root 1 0 R>>\n%%EOF\n",
);
const EXE = bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0], new Uint8Array(52), "This program cannot be run in DOS mode.");
const ELF = bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], new Uint8Array(8));

function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], "ftyp", major, [0, 0, 0, 0], ...compatible, [0, 0, 0, 8], "meta");
}

/** A real ZIP (deflated entries, central directory, end record), as Office writes one. */
function zip(entries: Record<string, string>, opts: { dataDescriptor?: boolean } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, "utf8");
    const raw = Buffer.from(text, "utf8");
    const data = deflateRawSync(raw);
    const crc = crc32(raw);
    const flags = opts.dataDescriptor ? 0x0808 : 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(opts.dataDescriptor ? 0 : data.length, 18);
    local.writeUInt32LE(opts.dataDescriptor ? 0 : raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const descriptor = Buffer.alloc(opts.dataDescriptor ? 16 : 0);
    if (opts.dataDescriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    const localRecord = Buffer.concat([local, nameBytes, data, descriptor]);
    locals.push(localRecord);
    centrals.push(Buffer.concat([central, nameBytes]));
    offset += localRecord.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Uint8Array.from(Buffer.concat([...locals, cd, end]));
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
const DOCX_ZIP = zip({ "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "word/document.xml": "<w:document/>", "word/styles.xml": "<w:styles/>" });
const XLSX_ZIP = zip({ "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": "<worksheet/>" });
// LibreOffice puts docProps first and [Content_Types].xml last.
const LIBREOFFICE_DOCX = zip({ "_rels/.rels": RELS, "docProps/app.xml": "<Properties/>", "word/document.xml": "<w:document/>", "[Content_Types].xml": CONTENT_TYPES });

describe("sniffFileType", () => {
  it.each([
    ["PNG", PNG, "image/png", "png"],
    ["JPEG", JPEG, "image/jpeg", "jpg"],
    ["JPEG (Exif)", bytes([0xff, 0xd8, 0xff, 0xe1, 0, 8], "Exif\0\0"), "image/jpeg", "jpg"],
    ["WebP", WEBP, "image/webp", "webp"],
    ["GIF", GIF, "image/gif", "gif"],
    ["PDF", PDF, "application/pdf", "pdf"],
    ["iPhone HEIC", ftyp("heic", "mif1", "heic"), "image/heic", "heic"],
    ["Android HEIC (mif1 major)", ftyp("mif1", "mif1", "heic"), "image/heic", "heic"],
    ["HEIC burst (heix)", ftyp("heix", "mif1", "heix"), "image/heic", "heic"],
    ["HEIF without HEVC brand", ftyp("mif1", "mif1", "miaf"), "image/heif", "heif"],
    ["AVIF (also mif1)", ftyp("avif", "mif1", "miaf", "avif"), "image/avif", "avif"],
    ["DOCX", DOCX_ZIP, DOCX, "docx"],
    ["XLSX", XLSX_ZIP, XLSX, "xlsx"],
    ["DOCX from LibreOffice", LIBREOFFICE_DOCX, DOCX, "docx"],
    ["DOCX with data descriptors", zip({ "[Content_Types].xml": CONTENT_TYPES, "word/document.xml": "<w:document/>" }, { dataDescriptor: true }), DOCX, "docx"],
    ["DOCM (macros)", zip({ "[Content_Types].xml": CONTENT_TYPES, "word/document.xml": "<w:document/>", "word/vbaProject.bin": "x" }), "application/vnd.ms-word.document.macroEnabled.12", "docm"],
    ["XLSM (macros)", zip({ "[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": "<workbook/>", "xl/vbaProject.bin": "x" }), "application/vnd.ms-excel.sheet.macroEnabled.12", "xlsm"],
    ["PPTX", zip({ "[Content_Types].xml": CONTENT_TYPES, "ppt/presentation.xml": "<p/>" }), "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"],
    ["plain ZIP with a word/ folder but no [Content_Types].xml", zip({ "word/document.xml": "<w:document/>" }), "application/zip", "zip"],
    ["plain ZIP", zip({ "readme.txt": "xin chào" }), "application/zip", "zip"],
    ["ZIP claiming both Word and Excel", zip({ "[Content_Types].xml": CONTENT_TYPES, "word/document.xml": "<w:document/>", "xl/workbook.xml": "<workbook/>" }), "application/zip", "zip"],
    ["Windows executable", EXE, "application/x-msdownload", "exe"],
    ["ELF executable", ELF, "application/x-executable", "elf"],
  ])("%s", (_label, data, mime, ext) => {
    expect(sniffFileType(data)).toEqual({ mime, ext });
  });

  it("finds the Word entries of a truncated DOCX through its local headers", () => {
    const head = DOCX_ZIP.subarray(0, DOCX_ZIP.length - 60); // end record and part of the directory gone
    expect(sniffFileType(head)).toEqual({ mime: DOCX, ext: "docx" });
  });

  it("reads a view into a larger buffer at its own offset", () => {
    const padded = new Uint8Array(DOCX_ZIP.length + 10);
    padded.set(DOCX_ZIP, 7);
    expect(sniffFileType(padded.subarray(7, 7 + DOCX_ZIP.length))).toEqual({ mime: DOCX, ext: "docx" });
  });

  it.each([
    ["empty", new Uint8Array(0)],
    ["one byte", bytes([0xff])],
    ["JPEG prefix cut short", bytes([0xff, 0xd8])],
    ["text", bytes("Xin chào, đây là văn bản")],
    ["HTML", bytes("<!doctype html><script>alert(1)</script>")],
    ["SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["PDF after junk", bytes("junk\n%PDF-1.4\n")],
    ["MP4 video", ftyp("isom", "isom", "iso2", "mp41")],
    ["ftyp with a broken size", bytes([0, 0, 0, 3], "ftypheic", [0, 0, 0, 0])],
    ["RIFF that is not WebP (WAV)", bytes("RIFF", [0, 0, 0, 0], "WAVEfmt ")],
    ["legacy .doc (OLE)", bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  ])("does not recognise %s", (_label, data) => {
    expect(sniffFileType(data)).toBeNull();
  });
});

describe("ALLOWED_UPLOAD_TYPES", () => {
  it("allows phone photos and office documents, nothing executable", () => {
    expect(ALLOWED_UPLOAD_TYPES.images).toEqual(["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"]);
    expect(ALLOWED_UPLOAD_TYPES.documents).toEqual(["application/pdf", DOCX, XLSX]);
  });
});

describe("checkUpload", () => {
  const maxBytes = PNG.length;

  it("accepts a file whose content matches its name", () => {
    expect(checkUpload({ bytes: PNG, fileName: "Nhãn sản phẩm.png", maxBytes })).toEqual({
      ok: true,
      mime: "image/png",
      ext: "png",
      fileName: "Nhãn sản phẩm.png",
      extensionChanged: false,
    });
  });

  it("accepts exactly maxBytes and refuses maxBytes + 1", () => {
    expect(checkUpload({ bytes: PNG, fileName: "a.png", maxBytes }).ok).toBe(true);
    expect(checkUpload({ bytes: PNG, fileName: "a.png", maxBytes: maxBytes - 1 })).toEqual({ ok: false, code: "FILE_TOO_LARGE" });
    expect(checkUpload({ bytes: bytes(PNG, [0]), fileName: "a.png", maxBytes })).toEqual({ ok: false, code: "FILE_TOO_LARGE" });
  });

  it("refuses an empty file before anything else", () => {
    expect(checkUpload({ bytes: new Uint8Array(0), fileName: "a.pdf", maxBytes: 1 })).toEqual({ ok: false, code: "FILE_EMPTY" });
  });

  it("lets the content decide: a PDF named .jpg is stored as .pdf", () => {
    expect(checkUpload({ bytes: PDF, fileName: "Giấy chứng nhận ATTP.jpg", maxBytes: 10_000 })).toEqual({
      ok: true,
      mime: "application/pdf",
      ext: "pdf",
      fileName: "Giấy chứng nhận ATTP.pdf",
      extensionChanged: true,
    });
  });

  it("keeps an alias of the real extension", () => {
    expect(checkUpload({ bytes: JPEG, fileName: "IMG_0001.JPEG", maxBytes: 10_000 })).toMatchObject({ ok: true, ext: "jpg", fileName: "IMG_0001.jpeg", extensionChanged: false });
  });

  it.each([
    ["an executable renamed .jpg", EXE, "anh-san-pham.jpg"],
    ["an ELF binary renamed .pdf", ELF, "ho-so.pdf"],
    ["a GIF", GIF, "logo.gif"],
    ["a macro document renamed .docx", zip({ "[Content_Types].xml": CONTENT_TYPES, "word/document.xml": "<w:document/>", "word/vbaProject.bin": "x" }), "phieu-dang-ky.docx"],
    ["a plain ZIP", zip({ "a.txt": "a" }), "ho-so.zip"],
    ["HTML named .pdf", bytes("<html><script>alert(1)</script></html>"), "ho-so.pdf"],
    ["an unknown file", bytes("hello"), "ghi-chu.txt"],
  ])("refuses %s", (_label, data, fileName) => {
    expect(checkUpload({ bytes: data, fileName, maxBytes: 10_000 })).toEqual({ ok: false, code: "FILE_TYPE_NOT_ALLOWED" });
  });

  it("narrows to the slot's accepted types", () => {
    const images = ALLOWED_UPLOAD_TYPES.images;
    expect(checkUpload({ bytes: PDF, fileName: "a.pdf", maxBytes: 10_000, accept: images })).toEqual({ ok: false, code: "FILE_TYPE_NOT_ALLOWED" });
    expect(checkUpload({ bytes: ftyp("heic", "mif1", "heic"), fileName: "IMG_1234.HEIC", maxBytes: 10_000, accept: images })).toMatchObject({ ok: true, mime: "image/heic", fileName: "IMG_1234.heic" });
  });

  it("accepts DOCX and XLSX", () => {
    expect(checkUpload({ bytes: DOCX_ZIP, fileName: "Phương án SXKD.docx", maxBytes: 100_000 })).toMatchObject({ ok: true, mime: DOCX, fileName: "Phương án SXKD.docx" });
    expect(checkUpload({ bytes: XLSX_ZIP, fileName: "Bảng tính giá thành", maxBytes: 100_000 })).toMatchObject({ ok: true, mime: XLSX, fileName: "Bảng tính giá thành.xlsx", extensionChanged: true });
  });

  it.each([0, -1, 1.5, NaN])("throws on a nonsensical maxBytes %d", (max) => {
    expect(() => checkUpload({ bytes: PNG, fileName: "a.png", maxBytes: max })).toThrow(RangeError);
  });
});

describe("safeDownloadName", () => {
  it.each([
    ["Giấy chứng nhận ATTP – HTX Tài Hoan.PDF", "pdf", "Giấy chứng nhận ATTP – HTX Tài Hoan.pdf"],
    ["../../etc/passwd", "pdf", "passwd.pdf"],
    ["C:\\Users\\Lan\\Desktop\\Ảnh mật ong.jpg", "jpg", "Ảnh mật ong.jpg"],
    ["/var/tmp/", "pdf", "file.pdf"],
    ["ho\nso\t\u0000.pdf", "pdf", "hoso.pdf"],
    ["anh\u202Egpj.exe", "jpg", "anhgpj.jpg"], // right-to-left override would display "anhexe.jpg"
    ["bao cao.pdf.exe", "pdf", "bao cao.pdf.pdf"],
    ['a<b>c:d"e|f?g*h.docx', "docx", "a_b_c_d_e_f_g_h.docx"],
    ["   Báo   cáo \u00A0 năm 2024   .xlsx", "xlsx", "Báo cáo năm 2024.xlsx"],
    ["...hidden.pdf", "pdf", "hidden.pdf"],
    ["trailing dots....", "pdf", "trailing dots.pdf"],
    [".pdf", "pdf", "file.pdf"],
    ["", "png", "file.png"],
    ["CON.txt", "pdf", "_CON.pdf"],
    ["nul", "pdf", "_nul.pdf"],
    ["photo", "HEIC", "photo.heic"],
    ["IMG_1.heif", "heic", "IMG_1.heif"],
    ["anh.jpe", "jpg", "anh.jpe"],
  ])("%j as .%s → %j", (original, ext, expected) => {
    expect(safeDownloadName(original, ext)).toBe(expected);
  });

  it("composes decomposed Vietnamese (macOS) into NFC", () => {
    const nfd = "Mật ong rừng.pdf".normalize("NFD");
    expect(safeDownloadName(nfd, "pdf")).toBe("Mật ong rừng.pdf".normalize("NFC"));
  });

  it("uses the caller's fallback for a name with nothing left", () => {
    expect(safeDownloadName("\u0000\u0001", "pdf", "tai-lieu")).toBe("tai-lieu.pdf");
  });

  it("cuts long names at a character boundary within 200 UTF-8 bytes", () => {
    const name = safeDownloadName(`${"Mật ong rừng ".repeat(40)}.pdf`, "pdf");
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
    expect(name.endsWith(".pdf")).toBe(true);
    expect(name.startsWith("Mật ong rừng Mật ong")).toBe(true);
    expect(name).not.toContain("\uFFFD");
    expect(name).not.toMatch(/ \.pdf$/);
  });

  it.each(["", ".pdf", "p/df", "toolongextension"])("refuses the extension %j", (ext) => {
    expect(() => safeDownloadName("a", ext)).toThrow(RangeError);
  });
});
