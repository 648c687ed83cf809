/**
 * The card's QR code (decision 017): the path drawn from node-qrcode's modules, painted on a pixel grid the way
 * the SVG's path data says, reads back with jsQR, a decoder that shares no code with the encoder. The browser's
 * own rendering of the same SVG is read back in tests/e2e/card.spec.ts.
 */
import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { QUIET_ZONE, qrCodeOf } from "~/routes/units.$code_.card/qr-code.server";

/** Paints the path's `M x y h w v1 h-w z` rectangles, `scale` pixels to a module, black on white, as RGBA. */
function paint(size: number, path: string, scale: number): Uint8ClampedArray {
  const side = size * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  const runs = [...path.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  expect(runs.map((m) => m[0]).join("")).toBe(path);
  for (const [, x, y, w] of runs) {
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++) {
      for (let px = Number(x) * scale; px < (Number(x) + Number(w)) * scale; px++) {
        const i = (py * side + px) * 4;
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
      }
    }
  }
  return pixels;
}

describe("qrCodeOf", () => {
  it.each(["https://parboard.example.vn/units/11161", "http://10.0.0.5:3000/cchc/units/11300", `https://${"xephang.".repeat(12)}example.vn/units/11155`])(
    "draws a code that reads back as %s",
    (url) => {
      const code = qrCodeOf(url);
      expect(code.text).toBe(url);
      const scale = 4;
      const decoded = jsQR(paint(code.size, code.path, scale), code.size * scale, code.size * scale, { inversionAttempts: "dontInvert" });
      expect(decoded?.data).toBe(url);
    },
  );

  it("keeps a quiet zone of four light modules on every side, at level Q", () => {
    const code = qrCodeOf("https://parboard.example.vn/units/11161");
    // Version 4 at level Q holds the 39 bytes: 33 modules, 41 with the quiet zone.
    expect(code.size).toBe(41);
    const cells = [...code.path.matchAll(/M(\d+) (\d+)h(\d+)/g)].map(([, x, y, w]) => ({ x: Number(x), y: Number(y), w: Number(w) }));
    expect(Math.min(...cells.map((c) => c.x))).toBe(QUIET_ZONE);
    expect(Math.min(...cells.map((c) => c.y))).toBe(QUIET_ZONE);
    expect(Math.max(...cells.map((c) => c.x + c.w))).toBe(code.size - QUIET_ZONE);
    expect(Math.max(...cells.map((c) => c.y + 1))).toBe(code.size - QUIET_ZONE);
  });
});
