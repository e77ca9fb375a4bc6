import "server-only";
import QRCode from "qrcode";

/**
 * The public verification address a certificate's QR code opens. `appUrl` is env.APP_URL (the
 * caller passes it, so this module stays free of configuration); a trailing slash is tolerated.
 */
export function verificationUrl(appUrl: string, verifyCode: string): string {
  return `${appUrl.replace(/\/+$/, "")}/verify/${encodeURIComponent(verifyCode)}`;
}

/**
 * A PNG data URL of the QR code. Error correction M (15 %) survives a crease or a stamp on the
 * paper copy; four modules of quiet zone is what the standard asks for, and phone cameras need it.
 */
export function qrPngDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 4, width: 360, color: { dark: "#000000", light: "#ffffff" } });
}
