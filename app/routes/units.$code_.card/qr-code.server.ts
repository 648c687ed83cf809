/**
 * The QR code of the card (decision 017): node-qrcode encodes the text at error-correction level Q (a quarter
 * of the code may be soiled, torn or pinned through and it still reads), and the dark modules are drawn as one
 * SVG path, each row's runs of dark modules as rectangles, inside the quiet zone of four modules that the
 * standard (ISO/IEC 18004) asks for.
 */
import { create } from "qrcode";
import type { QrCode } from "./qr-code";

export const QR_ERROR_CORRECTION = "Q";
/** Light modules around the code, on each side. */
export const QUIET_ZONE = 4;

export function qrCodeOf(text: string): QrCode {
  const { modules } = create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  const n = modules.size;
  const dark = (row: number, col: number) => col < n && Boolean(modules.get(row, col));
  const runs: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (dark(row, col)) col++;
      runs.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { text, size: n + 2 * QUIET_ZONE, path: runs.join("") };
}
