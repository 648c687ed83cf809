/**
 * A box that scrolls sideways when its content (a wide table or chart) is wider than a phone, so the page
 * itself never does. It is a named, focusable region so that keyboard users can scroll it too.
 */
import type { ReactNode } from "react";

export function ScrollRegion({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  // tabIndex: a region that scrolls must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable).
  return (
    <div className={["ov-scroll", className].filter(Boolean).join(" ")} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
