/**
 * The card's QR code as inline SVG: the modules come as path data from the server (qr-code.server.ts), so no
 * encoder reaches the browser and no HTML string is injected; React writes the path as an attribute.
 * Black on a white square that includes the quiet zone, so it scans on any paper and in dark mode.
 */

export interface QrCode {
  /** What the code says. */
  text: string;
  /** Modules per side, the quiet zone included: the SVG's viewBox. */
  size: number;
  /** The dark modules as one path, in module units. */
  path: string;
}

export function QrCodeImage({ code, label }: { code: QrCode; label: string }) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" className="card-qr-code" role="img" aria-label={label} viewBox={`0 0 ${code.size} ${code.size}`} shapeRendering="crispEdges">
      <title>{label}</title>
      <rect width={code.size} height={code.size} fill="#ffffff" />
      <path d={code.path} fill="#000000" />
    </svg>
  );
}
