//! The report page. Every piece of text that comes from an article, a file
//! name, a config or a pack goes through [`escape`]; the page's
//! Content-Security-Policy lets no resource load from anywhere and runs
//! only the page's own script (by its hash), so that even text that
//! escaped escaping could not run code or call out.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write;

use super::charts::{self, Bar, Timeline};
use super::{ReportArticle, ReportFinding, ReportRun, docs};
use crate::diagnostic::Severity;
use crate::reviews::{Status, StatusCounts};
use crate::rules::Rule;

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("script.js");
/// The base64 SHA-256 of [`SCRIPT`], which the Content-Security-Policy
/// allows to run; a test recomputes it.
pub const SCRIPT_SHA256: &str = "sha256-5JOtdgpT/P7U7LSkSqyrHish0ofv3J30mJ1S+fVCim0=";
/// Folders shown in the findings-by-folder chart; the rest are summed up.
const FOLDERS_SHOWN: usize = 12;

/// Text for HTML content and attribute values: `&`, `<`, `>`, `"` and `'`
/// as entities, control characters as visible symbols.
pub fn escape(text: &str) -> Cow<'_, str> {
    let text = crate::escape::block(text);
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The whole page for `articles` (in path order); `rules` documents the
/// rules that fired.
pub fn render(run: &ReportRun, articles: &[ReportArticle], rules: &[&'static Rule]) -> String {
    let mut page = Page {
        out: String::with_capacity(64 * 1024 + articles.len() * 1024),
        run,
        articles,
    };
    page.head();
    page.summary();
    page.reviews();
    page.findings();
    page.table();
    page.details();
    page.rule_docs(rules);
    page.tail();
    page.out
}

struct Page<'a> {
    out: String,
    run: &'a ReportRun,
    articles: &'a [ReportArticle],
}

impl Page<'_> {
    fn head(&mut self) {
        let run = self.run;
        let title = format!(
            "Article health report · {} articles · {}",
            self.articles.len(),
            run.today
        );
        let inputs = run.inputs.join(", ");
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'; img-src data:; script-src '{SCRIPT_SHA256}'\">\n\
             <meta name=\"generator\" content=\"medlint {version}\">\n\
             <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
             <a class=\"skip\" href=\"#articles\">Skip to the articles</a>\n\
             <header class=\"top\"><div class=\"wrap\">\n<p class=\"brand\">medlint</p>\n\
             <h1>Article health report</h1>\n\
             <p class=\"meta\">Checked on <strong>{today}</strong> · {inputs} · reviews expire after \
             {months} months, flagged {warn} days before</p>\n</div></header>\n\
             <nav class=\"sections\" aria-label=\"Report sections\"><div class=\"wrap\">\
             <a href=\"#summary\">Summary</a><a href=\"#reviews\">Reviews</a>\
             <a href=\"#findings\">Findings</a><a href=\"#articles\">Articles</a>\
             <a href=\"#details\">Details</a><a href=\"#rules\">Rules</a></div></nav>\n\
             <main class=\"wrap\">\n",
            version = env!("CARGO_PKG_VERSION"),
            title = escape(&title),
            today = run.today,
            inputs = escape(&inputs),
            months = run.max_age_months,
            warn = run.warn_before_days,
        );
    }

    fn summary(&mut self) {
        let count = |severity| self.articles.iter().map(|a| a.count(severity)).sum::<usize>();
        let with = |severity| self.articles.iter().filter(|a| a.count(severity) > 0).count();
        let reviews = StatusCounts::of(self.articles.iter().filter(|a| a.is_article).map(|a| &a.row));
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        let plural = |n: usize, one: &str, many: &str| format!("{} {}", thousands(n), if n == 1 { one } else { many });
        let cards = [
            (
                "articles",
                self.articles.len(),
                "pages checked",
                if self.run.unreadable > 0 {
                    format!("{} could not be read", thousands(self.run.unreadable))
                } else if self.articles.iter().any(|a| !a.is_article) {
                    let articles = self.articles.iter().filter(|a| a.is_article).count();
                    format!("{} of them articles ([articles])", thousands(articles))
                } else {
                    format!(
                        "{} with no error",
                        thousands(self.articles.len() - with(Severity::Error))
                    )
                },
            ),
            (
                "error",
                errors,
                "errors",
                format!("in {}", plural(with(Severity::Error), "article", "articles")),
            ),
            (
                "warning",
                warnings,
                "warnings",
                format!("in {}", plural(with(Severity::Warning), "article", "articles")),
            ),
            (
                "overdue",
                reviews.overdue,
                "overdue reviews",
                "past their due date".to_string(),
            ),
            (
                "due-soon",
                reviews.due_soon,
                "reviews due soon",
                format!("within {} days", self.run.warn_before_days),
            ),
            (
                "unreviewed",
                reviews.unreviewed,
                "unreviewed",
                "no reviewer or no date".to_string(),
            ),
        ];
        self.out.push_str(
            "<section id=\"summary\" aria-labelledby=\"summary-title\">\n\
             <h2 id=\"summary-title\">At a glance</h2>\n<ul class=\"cards\">\n",
        );
        for (class, value, label, note) in cards {
            // Each card opens the articles it counts (the script reads the
            // filter from the address).
            let target = match class {
                "error" => "#articles?findings=errors",
                "overdue" => "#articles?status=overdue",
                "due-soon" => "#articles?status=due-soon",
                "unreviewed" => "#articles?status=unreviewed",
                _ => "#articles",
            };
            let _ = writeln!(
                self.out,
                "<li class=\"card card-{class}\"><span class=\"card-value\" data-count=\"{class}\" \
                 data-value=\"{value}\">{shown}</span><a class=\"card-label\" href=\"{target}\">{label}</a>\
                 <span class=\"card-note\">{note}</span></li>",
                shown = thousands(value),
                note = escape(&note)
            );
        }
        self.out.push_str("</ul>\n</section>\n");
    }

    fn reviews(&mut self) {
        let timeline = Timeline::new(
            self.run.today,
            self.articles.iter().filter(|a| a.is_article).filter_map(|a| a.row.due),
        );
        let unreviewed = self
            .articles
            .iter()
            .filter(|a| a.status() == Some(Status::Unreviewed))
            .count();
        let _ = write!(
            self.out,
            "<section id=\"reviews\" aria-labelledby=\"reviews-title\">\n\
             <h2 id=\"reviews-title\">Reviews coming due</h2>\n\
             <p class=\"lede\">Medical reviews due in each of the next 12 months; the first column \
             counts the reviews already overdue. Not shown: {later} due after these 12 months, and \
             {unreviewed} unreviewed articles, which have no review to schedule.</p>\n<figure class=\"panel\">{svg}</figure>\n",
            later = timeline.later,
            svg = timeline.svg("timeline"),
        );
        let mut next: Vec<&ReportArticle> = self
            .articles
            .iter()
            .filter(|a| matches!(a.status(), Some(Status::Overdue | Status::DueSoon)))
            .collect();
        next.sort_by_key(|a| (a.row.due, a.row.path.as_str()));
        if !next.is_empty() {
            let shown = next.len().min(10);
            let lede = if shown == next.len() {
                format!("Every overdue or due-soon review ({shown}), the most urgent first.")
            } else {
                format!("The {shown} most urgent of {} overdue or due-soon reviews.", next.len())
            };
            let _ = write!(
                self.out,
                "<h3>Next up</h3>\n<p class=\"lede\">{lede}</p>\n<ol class=\"queue\">\n"
            );
            for article in next.iter().take(shown) {
                let row = &article.row;
                let index = self.index_of(article);
                let _ = writeln!(
                    self.out,
                    "<li>{badge} <a href=\"#a-{index}\">{title}</a> <span class=\"muted\">· {reviewer} · due {due} ({days})</span></li>",
                    badge = status_badge(Some(row.status)),
                    title = escape(row.title.as_deref().unwrap_or(&row.path)),
                    reviewer = escape(row.reviewer.as_deref().unwrap_or("no reviewer")),
                    due = row.due.map(|d| d.to_string()).unwrap_or_default(),
                    days = days_text(row.days_left),
                );
            }
            self.out.push_str("</ol>\n");
        }
        self.out.push_str("</section>\n");
    }

    fn index_of(&self, article: &ReportArticle) -> usize {
        self.articles
            .iter()
            .position(|a| std::ptr::eq(a, article))
            .unwrap_or_default()
    }

    fn findings(&mut self) {
        let mut by_rule: BTreeMap<&str, (usize, Severity)> = BTreeMap::new();
        let mut by_folder: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for article in self.articles {
            for finding in &article.findings {
                let entry = by_rule.entry(finding.rule).or_insert((0, finding.severity));
                entry.0 += 1;
                entry.1 = entry.1.max(finding.severity);
            }
            if !article.findings.is_empty() {
                let folder = folder_of(&article.row.path);
                let entry = by_folder.entry(folder).or_default();
                entry.0 += article.findings.len();
                entry.1 += article.count(Severity::Error);
            }
        }
        self.out.push_str(
            "<section id=\"findings\" aria-labelledby=\"findings-title\">\n\
             <h2 id=\"findings-title\">Findings</h2>\n",
        );
        if by_rule.is_empty() {
            self.out
                .push_str("<p class=\"lede\">No findings: every article passed every rule.</p>\n</section>\n");
            return;
        }
        let mut rules: Vec<(&str, (usize, Severity))> = by_rule.into_iter().collect();
        rules.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
        let rule_bars: Vec<Bar> = rules
            .iter()
            .map(|(rule, (count, severity))| Bar {
                label: rule.to_string(),
                value: *count,
                class: severity_class(*severity),
                note: Some(severity.as_str().to_string()),
            })
            .collect();
        let mut folders: Vec<(String, (usize, usize))> = by_folder.into_iter().collect();
        folders.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(&b.0)));
        let mut folder_bars: Vec<Bar> = folders
            .iter()
            .take(FOLDERS_SHOWN)
            .map(|(folder, (count, errors))| Bar {
                label: tail(folder, charts::LABEL_CHARS),
                value: *count,
                class: if *errors > 0 { "sev-error" } else { "sev-warning" },
                note: Some(format!("{errors} errors")),
            })
            .collect();
        if folders.len() > FOLDERS_SHOWN {
            let rest = &folders[FOLDERS_SHOWN..];
            folder_bars.push(Bar {
                label: format!("{} other folders", rest.len()),
                value: rest.iter().map(|(_, (n, _))| n).sum(),
                class: "sev-info",
                note: Some(format!("{} errors", rest.iter().map(|(_, (_, e))| e).sum::<usize>())),
            });
        }
        let _ = write!(
            self.out,
            "<div class=\"two\">\n<figure class=\"panel\"><figcaption>By rule</figcaption>{}</figure>\n\
             <figure class=\"panel\"><figcaption>By folder</figcaption>{}</figure>\n</div>\n</section>\n",
            charts::bars("by-rule", "Findings by rule", &rule_bars),
            charts::bars("by-folder", "Findings by folder", &folder_bars),
        );
    }

    fn table(&mut self) {
        let _ = write!(
            self.out,
            "<section id=\"articles\" aria-labelledby=\"articles-title\">\n\
             <h2 id=\"articles-title\">Articles</h2>\n\
             <form id=\"filters\" class=\"filters\" hidden role=\"search\" aria-label=\"Filter the articles\">\n\
             <label>Search <input id=\"filter-text\" type=\"search\" placeholder=\"path, title or reviewer\" \
             autocomplete=\"off\"></label>\n\
             <label>Review status <select id=\"filter-status\"><option value=\"\">any</option>\
             <option value=\"overdue\">overdue</option><option value=\"due-soon\">due soon</option>\
             <option value=\"ok\">ok</option><option value=\"unreviewed\">unreviewed</option>{pages}</select></label>\n\
             <label>Findings <select id=\"filter-findings\"><option value=\"\">any</option>\
             <option value=\"errors\">with errors</option><option value=\"any\">with findings</option>\
             <option value=\"none\">without findings</option></select></label>\n\
             <button type=\"reset\" id=\"filter-reset\">Clear</button>\n</form>\n\
             <p id=\"shown-count\" class=\"shown\" role=\"status\" aria-live=\"polite\">{n} articles</p>\n\
             <div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"articles-title\">\n\
             <table id=\"article-table\">\n<thead><tr>\
             <th scope=\"col\" data-sort=\"text\">Article</th>\
             <th scope=\"col\" data-sort=\"text\">Reviewer</th>\
             <th scope=\"col\" data-sort=\"number\">Review status</th>\
             <th scope=\"col\" data-sort=\"text\">Next review</th>\
             <th scope=\"col\" data-sort=\"number\" class=\"num\">Errors</th>\
             <th scope=\"col\" data-sort=\"number\" class=\"num\">Warnings</th>\
             <th scope=\"col\" data-sort=\"number\" class=\"num\">Info</th>\
             </tr></thead>\n<tbody>\n",
            n = self.articles.len(),
            pages = if self.articles.iter().all(|a| a.is_article) {
                ""
            } else {
                "<option value=\"not-article\">not an article</option>"
            },
        );
        for (index, article) in self.articles.iter().enumerate() {
            let row = &article.row;
            let (errors, warnings, infos) = (
                article.count(Severity::Error),
                article.count(Severity::Warning),
                article.count(Severity::Info),
            );
            let title = row.title.as_deref().unwrap_or("(untitled)");
            let link = if article.findings.is_empty() {
                format!("<span class=\"title\">{}</span>", escape(title))
            } else {
                format!("<a class=\"title\" href=\"#a-{index}\">{}</a>", escape(title))
            };
            let status = article.status();
            let rank = status.map_or(Status::ALL.len(), |status| {
                Status::ALL.iter().position(|s| *s == status).unwrap_or_default()
            });
            let due = row.due.filter(|_| article.is_article);
            let _ = writeln!(
                self.out,
                "<tr data-status=\"{status}\" data-errors=\"{errors}\" data-findings=\"{total}\">\
                 <td>{link}<span class=\"path\">{path}</span></td>\
                 <td>{reviewer}</td>\
                 <td data-value=\"{rank}\">{badge}</td>\
                 <td data-value=\"{due_value}\">{due}<span class=\"muted days\">{days}</span></td>\
                 <td class=\"num{e}\" data-label=\"Errors\">{errors}</td>\
                 <td class=\"num{w}\" data-label=\"Warnings\">{warnings}</td>\
                 <td class=\"num\" data-label=\"Info\">{infos}</td></tr>",
                status = status.map_or(NOT_AN_ARTICLE, Status::as_str),
                total = article.findings.len(),
                path = escape(&row.path),
                reviewer = row.reviewer.as_deref().map_or_else(
                    || "<span class=\"muted\">none</span>".to_string(),
                    |r| escape(r).into_owned()
                ),
                badge = status_badge(status),
                due_value = due.map(|d| d.to_string()).unwrap_or_else(|| "9999".to_string()),
                due = due.map(|d| d.to_string()).unwrap_or_else(|| "—".to_string()),
                days = days_text(due.and(row.days_left)),
                e = if errors > 0 { " has-errors" } else { "" },
                w = if warnings > 0 { " has-warnings" } else { "" },
            );
        }
        self.out.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    }

    fn details(&mut self) {
        self.out.push_str(
            "<section id=\"details\" aria-labelledby=\"details-title\">\n\
             <h2 id=\"details-title\">Findings by article</h2>\n",
        );
        if self.articles.iter().all(|a| a.findings.is_empty()) {
            self.out.push_str("<p class=\"lede\">No article has a finding.</p>\n");
        }
        for (index, article) in self.articles.iter().enumerate() {
            if article.findings.is_empty() {
                continue;
            }
            let row = &article.row;
            let review = match article.status() {
                Some(status) => format!(
                    "{} Reviewer: {} · last reviewed {} · next review {}",
                    status_badge(Some(status)),
                    escape(row.reviewer.as_deref().unwrap_or("none named")),
                    row.reviewed.map_or_else(|| "never".to_string(), |d| d.to_string()),
                    row.due.map_or_else(|| "not set".to_string(), |d| d.to_string()),
                ),
                None => format!(
                    "{} The config's <code>[articles]</code> table does not count this page as an article: \
                     it has no review cycle.",
                    status_badge(None)
                ),
            };
            let _ = write!(
                self.out,
                "<article class=\"article\" id=\"a-{index}\" aria-labelledby=\"a-{index}-title\">\n\
                 <h3 id=\"a-{index}-title\">{title}</h3>\n<p class=\"path\">{path}</p>\n\
                 <p class=\"review-line\">{review}</p>\n<ol class=\"findings\">\n",
                title = escape(row.title.as_deref().unwrap_or("(untitled)")),
                path = escape(&row.path),
            );
            for finding in &article.findings {
                finding_html(&mut self.out, finding);
            }
            self.out
                .push_str("</ol>\n<p class=\"back\"><a href=\"#articles\">Back to the articles</a></p>\n</article>\n");
        }
        self.out.push_str("</section>\n");
    }

    fn rule_docs(&mut self, rules: &[&'static Rule]) {
        let mut fired: BTreeMap<&str, usize> = BTreeMap::new();
        for finding in self.articles.iter().flat_map(|a| &a.findings) {
            *fired.entry(finding.rule).or_default() += 1;
        }
        self.out.push_str(
            "<section id=\"rules\" aria-labelledby=\"rules-title\">\n\
             <h2 id=\"rules-title\">The rules that fired</h2>\n",
        );
        for rule in rules.iter().filter(|r| fired.contains_key(r.name)) {
            let _ = write!(
                self.out,
                "<article class=\"rule\" id=\"rule-{name}\" aria-labelledby=\"rule-{name}-title\">\n\
                 <h3 id=\"rule-{name}-title\"><code>{name}</code></h3>\n\
                 <p class=\"muted\">{category} · default severity {severity} · {count} findings in this report</p>\n\
                 {docs}</article>\n",
                name = escape(rule.name),
                category = escape(rule.category.as_str()),
                severity = rule.default_severity,
                count = fired[rule.name],
                docs = docs::to_html(&rule.docs()),
            );
        }
        self.out.push_str("</section>\n");
    }

    fn tail(&mut self) {
        let _ = write!(
            self.out,
            "</main>\n<footer class=\"wrap foot\"><p>Made by medlint {} on {}. \
             This page is self-contained: it loads nothing from the network.</p></footer>\n\
             <script>{SCRIPT}</script>\n</body>\n</html>\n",
            env!("CARGO_PKG_VERSION"),
            self.run.today
        );
    }
}

fn finding_html(out: &mut String, finding: &ReportFinding) {
    let severity = finding.severity;
    let _ = writeln!(
        out,
        "<li class=\"finding\"><p class=\"finding-head\"><span class=\"badge {class}\">{label}</span> \
         <a class=\"rule-link\" href=\"#rule-{rule}\"><code>{rule}</code></a> \
         <span class=\"message\">{message}</span> \
         <span class=\"loc\">line {line}, column {column}</span></p>",
        class = severity_class(severity),
        label = severity_label(severity),
        rule = escape(finding.rule),
        message = escape(&finding.message),
        line = finding.line,
        column = finding.column,
    );
    if !finding.excerpt.is_empty() {
        out.push_str("<pre class=\"excerpt\"><code>");
        for line in &finding.excerpt {
            let chars: Vec<char> = line.text.chars().collect();
            let part = |range: std::ops::Range<usize>| chars[range].iter().collect::<String>();
            let (from, to) = (line.marked.start, line.marked.end);
            let _ = writeln!(
                out,
                "<span class=\"ln\">{number}</span>{before}<mark>{marked}</mark>{after}",
                number = line.number,
                before = escape(&part(0..from)),
                marked = escape(&part(from..to)),
                after = escape(&part(to..chars.len())),
            );
        }
        out.push_str("</code></pre>\n");
    }
    if let Some(help) = &finding.help {
        let _ = writeln!(
            out,
            "<p class=\"help\"><strong>How to fix:</strong> {}</p>",
            escape(help)
        );
    }
    out.push_str("</li>\n");
}

/// The review status of a page that the `[articles]` table does not count
/// as an article, in the table's `data-status` and its filter.
const NOT_AN_ARTICLE: &str = "not-article";

/// A review status as a badge; `None` for a page that is not an article.
fn status_badge(status: Option<Status>) -> String {
    let (symbol, label) = match status {
        Some(Status::Overdue) => ("!", "Overdue"),
        Some(Status::DueSoon) => ("◔", "Due soon"),
        Some(Status::Ok) => ("✓", "OK"),
        Some(Status::Unreviewed) => ("?", "Unreviewed"),
        None => ("–", "Not an article"),
    };
    format!(
        "<span class=\"badge st-{}\"><span aria-hidden=\"true\">{symbol}</span> {label}</span>",
        status.map_or(NOT_AN_ARTICLE, Status::as_str)
    )
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Info",
    }
}

/// 12345 as "12,345".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn days_text(days: Option<i64>) -> String {
    match days {
        None => String::new(),
        Some(0) => "today".to_string(),
        Some(1) => "tomorrow".to_string(),
        Some(-1) => "1 day ago".to_string(),
        Some(n) if n < 0 => format!("{} days ago", -n),
        Some(n) => format!("in {n} days"),
    }
}

/// The end of a long folder name, its most specific part:
/// "…/pages/health-care".
fn tail(text: &str, most: usize) -> String {
    let count = text.chars().count();
    if count <= most {
        return text.to_string();
    }
    let kept: String = text.chars().skip(count - (most - 1)).collect();
    format!("…{kept}")
}

/// The folder of a path as shown ("guides/skin"), or "(top level)".
fn folder_of(path: &str) -> String {
    match path.rsplit_once('/') {
        Some((folder, _)) if !folder.is_empty() => folder.to_string(),
        _ => "(top level)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\"\u{1b}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;␛"
        );
    }

    /// The policy runs the page's script by its hash: after an edit of
    /// `script.js`, put the hash this prints into `SCRIPT_SHA256`.
    #[test]
    fn the_policy_allows_exactly_the_pages_script() {
        use base64::Engine;
        use sha2::Digest;
        let digest = sha2::Sha256::digest(SCRIPT.as_bytes());
        let hash = format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(digest));
        assert_eq!(SCRIPT_SHA256, hash);
        let page = render(
            &ReportRun {
                today: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
                max_age_months: 24,
                warn_before_days: 60,
                inputs: vec![".".to_string()],
                unreadable: 0,
            },
            &[],
            &[],
        );
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
        assert_eq!(page.matches("<script").count(), 1);
    }

    #[test]
    fn big_numbers_get_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1276), "1,276");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn folders_come_from_shown_paths() {
        assert_eq!(folder_of("guides/skin/peel.md"), "guides/skin");
        assert_eq!(folder_of("peel.md"), "(top level)");
        assert_eq!(tail("corpus/nhs/pages/conditions", 12), "…/conditions");
        assert_eq!(tail("guides", 12), "guides");
    }
}
