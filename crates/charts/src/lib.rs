//! The reports' charts, drawn with plotters as SVG strings for the UI to show inline
//! (DESIGN.md §2). Callers pass labels already in the UI language and a number formatter,
//! so this crate knows nothing of Fluent or of the domain.
//!
//! Arabic labels: the webview shapes SVG `<text>`, so Arabic joins as it should. The
//! geometry stays left to right (`direction="ltr"` on the root) and every label is wrapped
//! in a first-strong isolate, so a label like «رمضان 2026» keeps its own order whichever
//! way the chart runs. plotters escapes text and attribute values, so a campaign or reward
//! name can never become markup.

use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::prelude::*;

/// One coloured series over the chart's categories.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<i64>,
}

/// A bar chart: a group of bars per category, one per series, with a legend.
#[derive(Debug, Clone, PartialEq)]
pub struct Bars {
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// Bars lie along the category axis instead of standing on it: for long names.
    pub horizontal: bool,
    /// The legend reads right to left, from the right edge, as Arabic does.
    pub rtl: bool,
}

/// The palette, in series order; chosen to stay apart for the common colour blindnesses.
const PALETTE: [RGBColor; 5] = [RGBColor(34, 139, 230), RGBColor(253, 126, 20), RGBColor(134, 142, 150), RGBColor(18, 184, 134), RGBColor(190, 75, 219)];

/// The UI's Arabic-capable fonts first (bundled with the app), then the system's.
const FONT: &str = "Noto Sans Arabic, Noto Naskh Arabic, sans-serif";

const FIRST_STRONG_ISOLATE: char = '\u{2068}';
const POP_DIRECTIONAL_ISOLATE: char = '\u{2069}';

fn isolate(label: &str) -> String {
    format!("{FIRST_STRONG_ISOLATE}{label}{POP_DIRECTIONAL_ISOLATE}")
}

#[derive(Debug)]
pub struct ChartError(String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}

/// Draws `bars` as an SVG of `size` (width, height) in user units; the UI scales it.
/// `format` writes an axis value as the UI shows numbers.
///
/// The layout is computed here and drawn with plotters' primitives: its mesh wants
/// category axes it can format itself, and these categories are translated text.
pub fn bars(bars: &Bars, size: (u32, u32), format: &dyn Fn(i64) -> String) -> Result<String, ChartError> {
    let n = bars.categories.len().max(1) as f64;
    let top = bars.series.iter().flat_map(|s| s.values.iter().copied()).max().unwrap_or(0).max(1);
    // Head room above the longest bar (at least one unit, so a single order does not
    // fill the chart), and ticks on round figures.
    let reach = top + (top / 10).max(1);
    let step = nice_step((reach / 5).max(1));
    let ticks = (reach + step - 1) / step;
    let ceiling = (ticks.max(1) * step) as f64;

    let (width, height) = (size.0 as i32, size.1 as i32);
    let longest = bars.categories.iter().map(|c| c.chars().count()).max().unwrap_or(0) as i32;
    let legend_height = if bars.series.len() > 1 { 28 } else { 0 };
    // The plot's rectangle: room for the value labels, the category labels and the legend.
    let (left, right, top_edge, bottom) = if bars.horizontal {
        ((longest * 8 + 16).clamp(70, 260), width - 16, 12 + legend_height, height - 28)
    } else {
        (70, width - 12, 12 + legend_height, height - 34)
    };
    let value_axis = |v: f64| -> i32 {
        let share = v.max(0.0) / ceiling;
        if bars.horizontal {
            left + (share * (right - left) as f64).round() as i32
        } else {
            bottom - (share * (bottom - top_edge) as f64).round() as i32
        }
    };
    let category_axis = |position: f64| -> i32 {
        let share = position / n;
        if bars.horizontal {
            top_edge + (share * (bottom - top_edge) as f64).round() as i32
        } else {
            left + (share * (right - left) as f64).round() as i32
        }
    };
    let groups = bars.series.len().max(1) as f64;
    // Each category's band holds its series side by side, with a gap between categories.
    let band = |i: usize, k: usize| {
        let share = 0.8 / groups;
        let from = i as f64 + 0.1 + k as f64 * share;
        (category_axis(from), category_axis(from + share))
    };

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&WHITE)?;
        let text = (FONT, 13).into_font().color(&RGBColor(73, 80, 87));
        let grid = RGBColor(233, 236, 239);
        for k in 0..=ticks.max(1) {
            let value = (k * step) as f64;
            let at = value_axis(value);
            let label = isolate(&format(k * step));
            if bars.horizontal {
                root.draw(&PathElement::new([(at, top_edge), (at, bottom)], grid))?;
                root.draw(&Text::new(label, (at, bottom + 6), text.pos(Pos::new(HPos::Center, VPos::Top))))?;
            } else {
                root.draw(&PathElement::new([(left, at), (right, at)], grid))?;
                root.draw(&Text::new(label, (left - 8, at), text.pos(Pos::new(HPos::Right, VPos::Center))))?;
            }
        }
        // Under bars standing up, labels wider than their band would run into each other:
        // then only every `stride`th is written.
        let band_width = (right - left) as f64 / n;
        let widest = bars.categories.iter().map(|c| label_width(c)).fold(0.0, f64::max) + 8.0;
        let stride = if bars.horizontal { 1 } else { (widest / band_width).ceil().max(1.0) as usize };
        for (i, category) in bars.categories.iter().enumerate() {
            if i % stride != 0 {
                continue;
            }
            let centre = category_axis(i as f64 + 0.5);
            let label = isolate(category);
            if bars.horizontal {
                root.draw(&Text::new(label, (left - 8, centre), text.pos(Pos::new(HPos::Right, VPos::Center))))?;
            } else {
                root.draw(&Text::new(label, (centre, bottom + 8), text.pos(Pos::new(HPos::Center, VPos::Top))))?;
            }
        }
        for (k, series) in bars.series.iter().enumerate() {
            let color = PALETTE[k % PALETTE.len()];
            for (i, value) in series.values.iter().enumerate() {
                let (from, to) = band(i, k);
                let (base, end) = (value_axis(0.0), value_axis(*value as f64));
                let corners = if bars.horizontal { [(base, from), (end, to)] } else { [(from, end), (to, base)] };
                root.draw(&Rectangle::new(corners, color.filled()))?;
            }
        }
        // The axis the bars stand on, over their feet.
        let base = value_axis(0.0);
        let axis = RGBColor(134, 142, 150);
        if bars.horizontal {
            root.draw(&PathElement::new([(base, top_edge), (base, bottom)], axis))?;
        } else {
            root.draw(&PathElement::new([(left, base), (right, base)], axis))?;
        }
        if bars.series.len() > 1 {
            // The legend, one swatch and name per series, along the top: from the left
            // with the swatch first, or for Arabic from the right with the swatch on the
            // name's right.
            let mut edge = if bars.rtl { right } else { left };
            for (k, series) in bars.series.iter().enumerate() {
                let color = PALETTE[k % PALETTE.len()];
                let name = isolate(&series.name);
                let width = label_width(&series.name).ceil() as i32;
                if bars.rtl {
                    root.draw(&Rectangle::new([(edge - 12, 10), (edge, 22)], color.filled()))?;
                    root.draw(&Text::new(name, (edge - 18, 16), text.pos(Pos::new(HPos::Right, VPos::Center))))?;
                    edge -= 18 + width + 24;
                } else {
                    root.draw(&Rectangle::new([(edge, 10), (edge + 12, 22)], color.filled()))?;
                    root.draw(&Text::new(name, (edge + 18, 16), text.pos(Pos::new(HPos::Left, VPos::Center))))?;
                    edge += 18 + width + 24;
                }
            }
        }
        root.present()?;
    }
    // The geometry runs left to right in either language; labels carry their own isolates.
    Ok(svg.replacen("<svg ", "<svg direction=\"ltr\" role=\"img\" ", 1))
}

/// About how wide a label is drawn at the labels' size (13 → 10.5 px): joined Arabic
/// letters are narrower than Latin letters and digits.
fn label_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            ' ' => 3.0,
            '\u{0600}'..='\u{06FF}' => 4.5,
            _ => 6.0,
        })
        .sum()
}

/// The smallest 1, 2 or 5 × 10ⁿ at or above `value`: a tick step people read easily.
fn nice_step(value: i64) -> i64 {
    let mut step = 1i64;
    loop {
        for m in [1, 2, 5] {
            if step * m >= value {
                return step * m;
            }
        }
        step = step.saturating_mul(10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months() -> Bars {
        Bars {
            categories: vec!["يناير".into(), "فبراير".into(), "مارس".into()],
            series: vec![Series { name: "مكتسبة".into(), values: vec![100, 50, 0] }, Series { name: "مستبدلة".into(), values: vec![20, 40, 10] }],
            horizontal: false,
            rtl: true,
        }
    }

    /// (width, height) of every filled rectangle after the background, in drawing order.
    fn rects(svg: &str) -> Vec<(i64, i64)> {
        let attr = |tag: &str, name: &str| -> i64 {
            let start = tag.find(&format!(" {name}=\"")).map(|i| i + name.len() + 3).unwrap();
            tag[start..].split('"').next().unwrap().parse().unwrap()
        };
        svg.split("<rect").skip(2).map(|tag| (attr(tag, "width"), attr(tag, "height"))).collect()
    }

    #[test]
    fn bars_are_drawn_to_scale() {
        let svg = bars(&months(), (600, 300), &|v| v.to_string()).unwrap();
        let drawn = rects(&svg);
        // Three bars per series, then the two legend swatches.
        assert_eq!(drawn.len(), 8);
        let (full, half, none) = (drawn[0].1, drawn[1].1, drawn[2].1);
        assert!(full > 0 && none <= 1, "{drawn:?}");
        assert!((full - 2 * half).abs() <= 1, "100 is twice 50: {drawn:?}");
        assert!((drawn[4].1 - 2 * drawn[3].1).abs() <= 1, "40 is twice 20: {drawn:?}");
    }

    #[test]
    fn labels_are_isolated_and_the_geometry_runs_left_to_right() {
        let svg = bars(&months(), (600, 300), &|v| format!("{v} نقطة")).unwrap();
        assert!(svg.starts_with("<svg direction=\"ltr\""), "{}", &svg[..80]);
        for label in ["يناير", "فبراير", "مارس", "مكتسبة", "مستبدلة", "0 نقطة"] {
            assert!(svg.contains(&isolate(label)), "{label} is not isolated");
        }
    }

    #[test]
    fn names_never_become_markup() {
        let chart = Bars {
            categories: vec!["<script>alert(1)</script>".into()],
            series: vec![Series { name: "\"><img src=x onerror=alert(1)>".into(), values: vec![3] }],
            horizontal: true,
            rtl: false,
        };
        let svg = bars(&chart, (600, 200), &|v| v.to_string()).unwrap();
        assert!(!svg.contains("<script") && !svg.contains("<img"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
    }

    #[test]
    fn empty_charts_still_draw() {
        let chart = Bars { categories: Vec::new(), series: Vec::new(), horizontal: false, rtl: false };
        assert!(bars(&chart, (300, 200), &|v| v.to_string()).unwrap().contains("</svg>"));
    }

    #[test]
    fn crowded_labels_are_thinned_not_overlapped() {
        let months: Vec<String> = (1..=24).map(|m| format!("September {}", 2000 + m)).collect();
        let chart = Bars { categories: months.clone(), series: vec![Series { name: "a".into(), values: vec![1; 24] }], horizontal: false, rtl: false };
        let svg = bars(&chart, (860, 320), &|v| v.to_string()).unwrap();
        let shown = months.iter().filter(|m| svg.contains(&isolate(m))).count();
        assert!(shown >= 4 && shown < 24, "{shown} of 24 labels written");
        assert!(svg.contains(&isolate("September 2001")), "the first is always written");
    }

    #[test]
    fn a_year_of_months_fits_in_either_language() {
        for months in [
            ["Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026"],
            ["ديسمبر 2025", "يناير 2026", "فبراير 2026", "مارس 2026", "أبريل 2026", "مايو 2026", "يونيو 2026", "يوليو 2026", "أغسطس 2026", "سبتمبر 2026", "أكتوبر 2026", "نوفمبر 2026"],
        ] {
            let chart = Bars { categories: months.iter().map(|m| m.to_string()).collect(), series: vec![Series { name: "a".into(), values: vec![1; 12] }], horizontal: false, rtl: false };
            let svg = bars(&chart, (860, 320), &|v| v.to_string()).unwrap();
            assert!(months.iter().all(|m| svg.contains(&isolate(m))), "every month is named");
        }
    }

    #[test]
    fn one_order_does_not_fill_the_chart() {
        let chart = Bars { categories: vec!["x".into()], series: vec![Series { name: "a".into(), values: vec![1] }], horizontal: false, rtl: false };
        let svg = bars(&chart, (300, 200), &|v| v.to_string()).unwrap();
        assert!(svg.contains(&isolate("2")), "the axis reaches past the only bar");
    }

    #[test]
    fn ticks_fall_on_round_figures() {
        assert_eq!(nice_step(1), 1);
        assert_eq!(nice_step(3), 5);
        assert_eq!(nice_step(17), 20);
        assert_eq!(nice_step(230), 500);
    }
}
