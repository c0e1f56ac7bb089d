import DOMPurify from "dompurify";
import { useMemo } from "react";

/**
 * A chart drawn in core as SVG (plotters; DESIGN §2), shown inline so the webview shapes
 * its Arabic labels with the bundled fonts. Core already escapes every name it draws; the
 * markup still goes through DOMPurify's SVG profile, so nothing but drawing reaches the
 * page whatever a campaign or reward is called.
 */
export function Chart({ svg, label, testId }: { svg: string; label: string; testId?: string }) {
  const clean = useMemo(() => sanitizeChart(svg), [svg]);
  return <div className="chart" role="img" aria-label={label} data-testid={testId} dangerouslySetInnerHTML={{ __html: clean }} />;
}

export function sanitizeChart(svg: string): string {
  return DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true }, ADD_ATTR: ["direction"] });
}
