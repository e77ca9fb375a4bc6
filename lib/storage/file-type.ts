/**
 * What an uploaded file really is, read from its first bytes rather than its name or the
 * browser's Content-Type, both of which the uploader controls. An executable renamed
 * "anh-san-pham.jpg" is refused because its bytes say "MZ"; a real PDF named ".jpg" is accepted
 * as a PDF and stored under ".pdf", so the file is always served with the type it has.
 */

export type FileType = { mime: string; ext: string };

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const ALLOWED_UPLOAD_TYPES = {
  // HEIC/HEIF is what iPhones and many Android phones save photos as; producers upload from phones.
  images: ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"],
  documents: ["application/pdf", DOCX, XLSX],
} as const;

export type AllowedUploadMime =
  | (typeof ALLOWED_UPLOAD_TYPES.images)[number]
  | (typeof ALLOWED_UPLOAD_TYPES.documents)[number];

const ALL_ALLOWED: readonly AllowedUploadMime[] = [...ALLOWED_UPLOAD_TYPES.images, ...ALLOWED_UPLOAD_TYPES.documents];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

const HEVC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx"]);
const AV1_BRANDS = new Set(["avif", "avis"]);
const HEIF_BRANDS = new Set(["mif1", "msf1"]);

/** ISO base media files (HEIC, AVIF, MP4, MOV) open with an ftyp box listing brands. */
function sniffFtyp(bytes: Uint8Array): FileType | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxSize = view.getUint32(0);
  if (boxSize < 16 || boxSize % 4 !== 0) return null;
  const brands = [ascii(bytes, 8, 12)];
  for (let i = 16; i + 4 <= Math.min(boxSize, bytes.length); i += 4) brands.push(ascii(bytes, i, i + 4));
  // mif1 only says "HEIF container"; AVIF files carry it too, so the codec brands decide first.
  if (brands.some((b) => HEVC_BRANDS.has(b))) return { mime: "image/heic", ext: "heic" };
  if (brands.some((b) => AV1_BRANDS.has(b))) return { mime: "image/avif", ext: "avif" };
  if (brands.some((b) => HEIF_BRANDS.has(b))) return { mime: "image/heif", ext: "heif" };
  return null;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
const MAX_ZIP_ENTRIES = 10_000;

/** Entry names from the central directory, which is where unzip tools look; null if it is missing or inconsistent. */
function centralDirectoryNames(bytes: Uint8Array, view: DataView, decoder: TextDecoder): string[] | null {
  // The end record is 22 bytes plus a comment of at most 65 535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let eocd = bytes.length - 22; eocd >= lowest; eocd--) {
    if (view.getUint32(eocd, true) !== END_OF_CENTRAL_DIR) continue;
    const count = view.getUint16(eocd + 10, true);
    const size = view.getUint32(eocd + 12, true);
    const offset = view.getUint32(eocd + 16, true);
    // ZIP64 markers (0xFFFF…) and directories that run past the end record are not ours to read.
    if (offset + size > eocd) continue;
    const names: string[] = [];
    let p = offset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_HEADER) return null;
      const nameLength = view.getUint16(p + 28, true);
      const next = p + 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
      if (next > eocd) return null;
      names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
      p = next;
    }
    return names;
  }
  return null;
}

/** Fallback for a truncated file: walk the local headers from the start while their sizes are known. */
function localHeaderNames(bytes: Uint8Array, view: DataView, decoder: TextDecoder): string[] {
  const names: string[] = [];
  let p = 0;
  while (names.length < MAX_ZIP_ENTRIES && p + 30 <= bytes.length && view.getUint32(p, true) === LOCAL_HEADER) {
    const flags = view.getUint16(p + 6, true);
    const compressedSize = view.getUint32(p + 18, true);
    const nameLength = view.getUint16(p + 26, true);
    const extraLength = view.getUint16(p + 28, true);
    if (p + 30 + nameLength > bytes.length) break;
    names.push(decoder.decode(bytes.subarray(p + 30, p + 30 + nameLength)));
    // Bit 3: sizes follow the data, so the next header cannot be found without inflating.
    if (flags & 0x08 && compressedSize === 0) break;
    p += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

function sniffZip(bytes: Uint8Array): FileType {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder("utf-8");
  const names = (centralDirectoryNames(bytes, view, decoder) ?? localHeaderNames(bytes, view, decoder)).slice(0, MAX_ZIP_ENTRIES);
  const zip = { mime: "application/zip", ext: "zip" };
  // Every Office Open XML package has [Content_Types].xml (ECMA-376 Part 2, §10.1.2.4); the main
  // part's folder tells Word from Excel. Word, Excel and LibreOffice all use these folder names.
  if (!names.includes("[Content_Types].xml")) return zip;
  const word = names.some((n) => n.startsWith("word/"));
  const excel = names.some((n) => n.startsWith("xl/"));
  const powerpoint = names.some((n) => n.startsWith("ppt/"));
  if (Number(word) + Number(excel) + Number(powerpoint) !== 1) return zip;
  // A macro project means .docm/.xlsm renamed: macros are the classic payload of Office documents.
  if (word) {
    return names.includes("word/vbaProject.bin")
      ? { mime: "application/vnd.ms-word.document.macroEnabled.12", ext: "docm" }
      : { mime: DOCX, ext: "docx" };
  }
  if (excel) {
    return names.includes("xl/vbaProject.bin")
      ? { mime: "application/vnd.ms-excel.sheet.macroEnabled.12", ext: "xlsm" }
      : { mime: XLSX, ext: "xlsx" };
  }
  return { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", ext: "pptx" };
}

/**
 * The type the bytes declare, or null if unknown. Types that are recognised but not accepted
 * (GIF, AVIF, ZIP, macro documents, executables) are still named, so logs say what was refused.
 */
export function sniffFileType(bytes: Uint8Array): FileType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", ext: "jpg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: "image/png", ext: "png" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { mime: "image/webp", ext: "webp" };
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return { mime: "image/gif", ext: "gif" };
  // Readers tolerate junk before "%PDF-"; we do not, so a file cannot be a PDF and something else.
  if (ascii(bytes, 0, 5) === "%PDF-") return { mime: "application/pdf", ext: "pdf" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  if (startsWith(bytes, [0x4d, 0x5a])) return { mime: "application/x-msdownload", ext: "exe" };
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return { mime: "application/x-executable", ext: "elf" };
  return sniffFtyp(bytes);
}

/**
 * The largest upload for a purpose. Photos are shown on public pages and opened on phones over
 * mobile data, and a phone camera's photo is 2–8 MB, so they get less room than scanned
 * documents and evidence; UPLOAD_MAX_MB (`configuredMaxMb`) caps every purpose.
 */
export const PHOTO_MAX_MB = 10;

export function uploadLimitBytes(purpose: string, configuredMaxMb: number): number {
  const mb = purpose === "photo" ? Math.min(PHOTO_MAX_MB, configuredMaxMb) : configuredMaxMb;
  return Math.floor(mb * 1024 * 1024);
}

export type UploadCheck =
  | { ok: true; mime: AllowedUploadMime; ext: string; fileName: string; extensionChanged: boolean }
  | { ok: false; code: "FILE_EMPTY" | "FILE_TOO_LARGE" | "FILE_TYPE_NOT_ALLOWED" };

/**
 * Accepts an upload by its content. A mismatched name is not an error: the content decides and
 * `fileName` carries the right extension (`extensionChanged` lets the UI say so). `accept`
 * narrows the allowed types for one slot, e.g. product photos take images only.
 */
export function checkUpload(input: {
  bytes: Uint8Array;
  fileName: string;
  maxBytes: number;
  accept?: readonly AllowedUploadMime[];
}): UploadCheck {
  const { bytes, fileName, maxBytes, accept = ALL_ALLOWED } = input;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new RangeError(`maxBytes must be a positive integer: ${maxBytes}`);
  if (bytes.byteLength === 0) return { ok: false, code: "FILE_EMPTY" };
  if (bytes.byteLength > maxBytes) return { ok: false, code: "FILE_TOO_LARGE" };
  const type = sniffFileType(bytes);
  const mime = accept.find((m) => m === type?.mime);
  if (!type || !mime) return { ok: false, code: "FILE_TYPE_NOT_ALLOWED" };
  const safeName = safeDownloadName(fileName, type.ext);
  return { ok: true, mime, ext: type.ext, fileName: safeName, extensionChanged: extensionOf(fileName) !== extensionOf(safeName) };
}

const EXT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  jpg: ["jpg", "jpeg", "jpe", "jfif"],
  heic: ["heic", "heif"],
  heif: ["heif", "heic"],
};

function extensionOf(name: string): string | null {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  return m ? m[1]!.toLowerCase() : null;
}

// Windows refuses these as file names whatever the extension; users save downloads on Windows.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
// Stays under the 255-byte limit of common file systems; Vietnamese letters take 2–3 bytes in UTF-8.
const MAX_NAME_BYTES = 200;

/**
 * A name that is safe to offer in Content-Disposition and to save on any OS: no folders
 * (a "../../x" name), no control or bidi characters (U+202E makes "gpj.exe" read as "exe.jpg"),
 * no characters Windows forbids, and the extension of the real type. Vietnamese letters are
 * kept, composed (NFC), since macOS sends names decomposed.
 */
export function safeDownloadName(original: string, ext: string, fallback = "file"): string {
  const target = ext.toLowerCase();
  if (!/^[a-z0-9]{1,10}$/.test(target)) throw new RangeError(`Not a file extension: ${ext}`);
  let name = original.normalize("NFC");
  name = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  name = name
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/\p{Z}+/gu, " ")
    .replace(/[<>:"|?*]+/g, "_")
    .trim();

  const own = extensionOf(name);
  let base = own ? name.slice(0, -own.length - 1) : name;
  const finalExt = own && (EXT_ALIASES[target] ?? [target]).includes(own) ? own : target;

  base = base.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  if (base === "") base = fallback;
  if (WINDOWS_DEVICE.test(base)) base = `_${base}`;

  const encoder = new TextEncoder();
  const budget = MAX_NAME_BYTES - finalExt.length - 1;
  if (encoder.encode(base).length > budget) {
    let cut = "";
    for (const ch of base) {
      if (encoder.encode(cut + ch).length > budget) break;
      cut += ch;
    }
    base = cut.replace(/[.\s]+$/, "");
  }
  return `${base}.${finalExt}`;
}
