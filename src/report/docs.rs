//! A rule's documentation (Markdown, as `medlint explain` prints it) as
//! HTML for the report: headings, paragraphs, lists, code blocks and
//! inline code, every piece of text escaped. Only the small part of
//! Markdown that rule docs use is read; anything else shows as text.

use super::html::escape;

/// The docs of a rule as HTML; `##` headings become `h4`, as they sit
/// under the rule's own `h3`.
pub fn to_html(markdown: &str) -> String {
    let mut out = String::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let mut code: Option<Vec<&str>> = None;
    let flush = |out: &mut String, paragraph: &mut Vec<&str>, list: &mut Vec<String>| {
        if !paragraph.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", inline(&paragraph.join(" "))));
            paragraph.clear();
        }
        if !list.is_empty() {
            out.push_str("<ul>\n");
            for item in list.iter() {
                out.push_str(&format!("<li>{}</li>\n", inline(item)));
            }
            out.push_str("</ul>\n");
            list.clear();
        }
    };
    for line in markdown.lines() {
        let trimmed = line.trim();
        if let Some(lines) = code.as_mut() {
            if trimmed.starts_with("```") {
                out.push_str(&format!("<pre><code>{}</code></pre>\n", escape(&lines.join("\n"))));
                code = None;
            } else {
                lines.push(line);
            }
            continue;
        }
        if trimmed.starts_with("```") {
            flush(&mut out, &mut paragraph, &mut list);
            code = Some(Vec::new());
        } else if let Some(heading) = trimmed.strip_prefix('#') {
            flush(&mut out, &mut paragraph, &mut list);
            out.push_str(&format!(
                "<h4>{}</h4>\n",
                inline(heading.trim_start_matches('#').trim())
            ));
        } else if let Some(item) = trimmed.strip_prefix("* ").or_else(|| trimmed.strip_prefix("- ")) {
            if !paragraph.is_empty() {
                flush(&mut out, &mut paragraph, &mut list);
            }
            list.push(item.to_string());
        } else if trimmed.is_empty() {
            flush(&mut out, &mut paragraph, &mut list);
        } else if let Some(last) = list.last_mut().filter(|_| line.starts_with("  ")) {
            // A list item's continuation line.
            last.push(' ');
            last.push_str(trimmed);
        } else {
            if !list.is_empty() {
                flush(&mut out, &mut paragraph, &mut list);
            }
            paragraph.push(trimmed);
        }
    }
    if let Some(lines) = code {
        out.push_str(&format!("<pre><code>{}</code></pre>\n", escape(&lines.join("\n"))));
    }
    flush(&mut out, &mut paragraph, &mut list);
    out
}

/// Text with `code` spans.
fn inline(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<code>{}</code>", escape(part)));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_become_escaped_html() {
        let html = to_html(
            "## What it does\nReports `<b>` tags\nand more.\n\n```markdown\n<script>x</script>\n```\n* one\n* two",
        );
        assert_eq!(
            html,
            "<h4>What it does</h4>\n<p>Reports <code>&lt;b&gt;</code> tags and more.</p>\n\
             <pre><code>&lt;script&gt;x&lt;/script&gt;</code></pre>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        );
    }
}
