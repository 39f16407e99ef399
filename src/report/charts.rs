//! Inline SVG charts: horizontal bars (findings by rule, by folder) and the
//! review timeline (articles coming due, month by month). Every bar carries
//! its number and label as text, so colour is never the only signal, and
//! each chart has a text alternative that lists its data.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::html::escape;

/// One bar: label, value, and the CSS class that colours it.
pub struct Bar {
    pub label: String,
    pub value: usize,
    pub class: &'static str,
    /// What the bar's number means beside the label ("12 errors").
    pub note: Option<String>,
}

const ROW: usize = 28;
const LABEL_WIDTH: usize = 190;
const BAR_WIDTH: usize = 220;
/// Labels longer than this are cut in the chart (the text alternative has
/// them whole): as many as fit beside the bars at the chart's font size.
pub const LABEL_CHARS: usize = 24;

/// A horizontal bar chart, `title` naming it for assistive technology.
pub fn bars(id: &str, title: &str, bars: &[Bar]) -> String {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = bars.len() * ROW + 8;
    let width = LABEL_WIDTH + BAR_WIDTH + 150;
    let described: Vec<String> = bars.iter().map(|b| format!("{}: {}", b.label, b.value)).collect();
    let mut svg = format!(
        "<svg class=\"chart bars\" id=\"{id}\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-labelledby=\"{id}-title\" preserveAspectRatio=\"xMinYMin meet\">\
         <title id=\"{id}-title\">{}</title>\n",
        escape(&format!("{title}: {}", described.join(", ")))
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = 4 + i * ROW;
        let length = (bar.value * BAR_WIDTH).div_ceil(max).max(2);
        let label = cut(&bar.label);
        let number = match &bar.note {
            Some(note) => format!("{} · {note}", bar.value),
            None => bar.value.to_string(),
        };
        let _ = writeln!(
            svg,
            "<g><text class=\"label\" x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{label}</text>\
             <rect class=\"{class}\" x=\"{bx}\" y=\"{ry}\" width=\"{length}\" height=\"{h}\" rx=\"3\"></rect>\
             <text class=\"value\" x=\"{vx}\" y=\"{ty}\">{number}</text></g>",
            lx = LABEL_WIDTH - 10,
            ty = y + 18,
            label = escape(&label),
            class = bar.class,
            bx = LABEL_WIDTH,
            ry = y + 4,
            h = ROW - 8,
            vx = LABEL_WIDTH + length + 8,
            number = escape(&number),
        );
    }
    svg.push_str("</svg>");
    svg
}

fn cut(label: &str) -> String {
    if label.chars().count() > LABEL_CHARS {
        let head: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{head}…")
    } else {
        label.to_string()
    }
}

/// How many reviews come due in each of the next twelve months (this
/// month first), and how many are overdue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub overdue: usize,
    /// (first day of the month, reviews due in it).
    pub months: Vec<(NaiveDate, usize)>,
    /// Due after the twelfth month.
    pub later: usize,
}

impl Timeline {
    pub fn new(today: NaiveDate, due_dates: impl Iterator<Item = NaiveDate>) -> Timeline {
        let first = today.with_day(1).expect("every month has a first day");
        let months: Vec<(NaiveDate, usize)> = (0..12)
            .map(|i| (first.checked_add_months(chrono::Months::new(i)).unwrap_or(first), 0))
            .collect();
        let mut timeline = Timeline {
            overdue: 0,
            months,
            later: 0,
        };
        for due in due_dates {
            if due < today {
                timeline.overdue += 1;
                continue;
            }
            let index = (due.year() - first.year()) * 12 + due.month() as i32 - first.month() as i32;
            match timeline.months.get_mut(index as usize) {
                Some((_, count)) => *count += 1,
                None => timeline.later += 1,
            }
        }
        timeline
    }

    /// The timeline as a column chart: "Overdue" first, hatched, then the
    /// months.
    pub fn svg(&self, id: &str) -> String {
        const COLUMN: usize = 56;
        const HEIGHT: usize = 150;
        let max = self
            .months
            .iter()
            .map(|(_, n)| *n)
            .chain([self.overdue])
            .max()
            .unwrap_or(0)
            .max(1);
        let width = COLUMN * 13 + 10;
        let described: Vec<String> = std::iter::once(format!("overdue: {}", self.overdue))
            .chain(self.months.iter().map(|(m, n)| format!("{}: {n}", m.format("%B %Y"))))
            .collect();
        let mut svg = format!(
            "<svg class=\"chart timeline\" id=\"{id}\" viewBox=\"0 0 {width} {}\" role=\"img\" \
             aria-labelledby=\"{id}-title\" preserveAspectRatio=\"xMinYMin meet\">\
             <title id=\"{id}-title\">Reviews coming due by month: {}</title>\
             <defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
             patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"overdue-fill\"></rect>\
             <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-line\"></line></pattern></defs>\n",
            HEIGHT + 52,
            escape(&described.join(", "))
        );
        let columns = std::iter::once(("Overdue".to_string(), String::new(), self.overdue, true)).chain(
            self.months.iter().enumerate().map(|(i, (month, n))| {
                let year = if i == 0 || month.month() == 1 {
                    month.format("%Y").to_string()
                } else {
                    String::new()
                };
                (month.format("%b").to_string(), year, *n, false)
            }),
        );
        for (i, (label, year, count, overdue)) in columns.enumerate() {
            let x = 5 + i * COLUMN;
            let bar = if count == 0 {
                0
            } else {
                (count * HEIGHT).div_ceil(max).max(3)
            };
            let top = 20 + HEIGHT - bar;
            let fill = if overdue {
                format!("fill=\"url(#{id}-hatch)\" class=\"col overdue\"")
            } else {
                "class=\"col due\"".to_string()
            };
            let _ = writeln!(
                svg,
                "<g><rect {fill} x=\"{bx}\" y=\"{top}\" width=\"{bw}\" height=\"{bar}\" rx=\"3\"></rect>\
                 <text class=\"value\" x=\"{cx}\" y=\"{vy}\" text-anchor=\"middle\">{count}</text>\
                 <text class=\"label{strong}\" x=\"{cx}\" y=\"{ly}\" text-anchor=\"middle\">{label}</text>\
                 <text class=\"year\" x=\"{cx}\" y=\"{yy}\" text-anchor=\"middle\">{year}</text></g>",
                bx = x + 8,
                bw = COLUMN - 16,
                cx = x + COLUMN / 2,
                vy = top - 5,
                ly = 20 + HEIGHT + 16,
                yy = 20 + HEIGHT + 30,
                strong = if overdue { " strong" } else { "" },
            );
        }
        svg.push_str("</svg>");
        svg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_timeline_counts_months_from_this_one() {
        let today = date(2026, 11, 24);
        let dues = [
            date(2026, 11, 1),
            date(2026, 11, 30),
            date(2027, 1, 5),
            date(2027, 10, 31),
            date(2027, 11, 1),
        ];
        let timeline = Timeline::new(today, dues.into_iter());
        assert_eq!(timeline.overdue, 1);
        assert_eq!(timeline.months[0], (date(2026, 11, 1), 1));
        assert_eq!(timeline.months[2], (date(2027, 1, 1), 1));
        assert_eq!(timeline.months[11], (date(2027, 10, 1), 1));
        assert_eq!(timeline.later, 1);
    }
}
