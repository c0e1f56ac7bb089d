import { describe, expect, it } from "vitest";
import { Chart, sanitizeChart } from "../Chart";
import { renderWithProviders } from "./render";

// The shape core draws (plotters' SVG with our isolates), trimmed to what matters.
const drawn =
  '<svg direction="ltr" role="img" width="300" height="100" viewBox="0 0 300 100" xmlns="http://www.w3.org/2000/svg">' +
  '<rect x="0" y="0" width="300" height="100" fill="#FFFFFF"/>' +
  '<text x="10" y="20" font-family="Noto Sans Arabic, sans-serif" font-size="10">\u2068فبراير 2026\u2069</text>' +
  '<rect x="20" y="30" width="10" height="50" fill="#228BE6"/></svg>';

describe("charts from core", () => {
  it("keep their drawing, labels and direction", () => {
    const clean = sanitizeChart(drawn);
    expect(clean).toContain("\u2068فبراير 2026\u2069");
    expect(clean).toContain('direction="ltr"');
    expect(clean.match(/<rect/g)).toHaveLength(2);
  });

  it("never carry script or handlers, whatever a name says", () => {
    const hostile = drawn.replace("</svg>", '<script>alert(1)</script><a href="javascript:alert(2)"><text onclick="alert(3)">x</text></a><foreignObject><img src=x onerror=alert(4)></foreignObject></svg>');
    const clean = sanitizeChart(hostile);
    for (const bad of ["<script", "javascript:", "onclick", "onerror", "<img", "foreignObject"]) {
      expect(clean).not.toContain(bad);
    }
  });

  it("render inline as one labelled image", () => {
    renderWithProviders(<Chart svg={drawn} label="مخطط: النقاط شهريًا" testId="chart" />);
    const chart = document.querySelector("[data-testid=chart]");
    expect(chart?.getAttribute("role")).toBe("img");
    expect(chart?.getAttribute("aria-label")).toBe("مخطط: النقاط شهريًا");
    expect(chart?.querySelector("svg text")?.textContent).toContain("فبراير");
  });
});
