// Reads the QR codes printed in a PDF, as a phone would: finds each image XObject, rebuilds its
// pixels and decodes them with jsQR. Used to prove that what the portal prints opens the right page.
import { inflateSync } from "node:zlib";
import jsQR from "jsqr";

type ImageObject = { dict: string; data: Buffer };

function imageObjects(pdf: Buffer): ImageObject[] {
  const text = pdf.toString("latin1");
  const out: ImageObject[] = [];
  const objectRe = /(\d+) 0 obj\s*<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = objectRe.exec(text); m; m = objectRe.exec(text)) {
    const dict = m[2]!;
    if (!/\/Subtype\s*\/Image/.test(dict)) continue;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const start = m.index + m[0].length;
    out.push({ dict, data: pdf.subarray(start, start + length) });
  }
  return out;
}

const num = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+)`).exec(dict)?.[1]);

/** Undoes PNG row filters (Predictor ≥ 10): each row starts with its filter type byte. */
function unfilterPng(data: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)]!;
    const row = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      out[y * stride + x] = (row[x]! + predictor) & 0xff;
    }
  }
  return out;
}

/** Every QR code found in the PDF's images, decoded. */
export function readQrCodes(pdf: Buffer): string[] {
  const found: string[] = [];
  for (const { dict, data } of imageObjects(pdf)) {
    if (!/\/FlateDecode/.test(dict) || num(dict, "BitsPerComponent") !== 8) continue;
    const width = num(dict, "Width");
    const height = num(dict, "Height");
    const channels = /\/DeviceGray/.test(dict) ? 1 : /\/DeviceRGB/.test(dict) ? 3 : 0;
    if (!channels) continue;
    let pixels: Buffer = inflateSync(data);
    if (num(dict, "Predictor") >= 10) pixels = unfilterPng(pixels, width, height, channels);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = pixels[i * channels + (channels === 1 ? 0 : c)]!;
      rgba[i * 4 + 3] = 255;
    }
    const code = jsQR(rgba, width, height);
    if (code) found.push(code.data);
  }
  return found;
}
