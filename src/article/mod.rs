//! The article model: everything rules need, parsed once per file.
//!
//! A plain model: headings, the section tree, tables, text blocks, links,
//! lists, HTML comments and review metadata, each with byte spans into the
//! original source. One reader per input format builds it (`markdown`,
//! `mdx`, `html`, `plain_text`), so every rule works on every format; what
//! is derived from it on demand (quantities, sentences, counts) lives in the
//! per-file [`crate::context::Context`], not here.

mod byline;
pub mod credentials;
pub mod dates;
pub mod front_matter;
mod html;
pub mod language;
mod markdown;
mod mdx;
pub mod page_data;
pub mod person;
mod plain_text;
pub mod prose;
pub mod review;
pub mod sections;
pub mod tables;
pub mod text;

use std::ops::Range;

pub use front_matter::{FmEntry, FmValue, FrontMatter, FrontMatterError, FrontMatterFormat};
pub use review::{ReviewMeta, ReviewOptions};
pub use sections::{Heading, Section};
pub use tables::{Cell, Table};
pub use text::{BlockKind, TextBlock};

/// The formats articles are read from, each by its own reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    Markdown,
    /// Markdown with JSX and ESM (`.mdx`).
    Mdx,
    Html,
    /// Text copied out of a published page.
    PlainText,
}

impl InputFormat {
    /// The format a file name's extension names (`guide.mdx`, `page.htm`),
    /// if it names one.
    pub fn from_path(path: &str) -> Option<InputFormat> {
        let extension = std::path::Path::new(path).extension()?.to_str()?;
        InputFormat::from_name(extension)
    }

    /// The format for a name as `--input-format` and file extensions
    /// spell it: `md`, `markdown`, `mdx`, `html`, `htm`, `txt`, `text`.
    pub fn from_name(name: &str) -> Option<InputFormat> {
        let name = name.to_ascii_lowercase();
        Some(match name.as_str() {
            "md" | "markdown" => InputFormat::Markdown,
            "mdx" => InputFormat::Mdx,
            "html" | "htm" => InputFormat::Html,
            "txt" | "text" => InputFormat::PlainText,
            _ => return None,
        })
    }
}

/// A Markdown link with its text and destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub destination: String,
    pub span: Range<usize>,
}

/// A list and its items; `depth` 0 is a list not inside another list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    pub span: Range<usize>,
    pub depth: usize,
    pub items: Vec<ListItem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    pub span: Range<usize>,
    /// Nothing but the marker (and perhaps a task box).
    pub blank: bool,
}

/// An HTML comment (`<!-- … -->`) with its inner text, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub text: String,
    pub span: Range<usize>,
}

/// The article title and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub text: String,
    pub span: Range<usize>,
}

#[derive(Debug)]
pub struct Article<'a> {
    pub source: &'a str,
    pub front_matter: Option<FrontMatter>,
    pub front_matter_error: Option<FrontMatterError>,
    /// Where the body starts: after front matter, or an HTML page's `main`
    /// (else its first `article`, else its `body`).
    pub body_start: usize,
    pub title: Option<Title>,
    pub headings: Vec<Heading>,
    /// One section per heading, in document order (`sections[i]` belongs to
    /// `headings[i]`), linked into a tree by `parent` and `children`.
    pub sections: Vec<Section>,
    pub tables: Vec<Table>,
    pub blocks: Vec<TextBlock>,
    pub links: Vec<Link>,
    pub comments: Vec<Comment>,
    /// Spans of outermost block quotes.
    pub quotes: Vec<Range<usize>>,
    pub lists: Vec<List>,
    /// Spans of footnote definitions (`[^1]: …`).
    pub footnotes: Vec<Range<usize>>,
    /// Machine-readable page data that does not parse (an HTML page's
    /// schema.org JSON-LD), each located at its fault.
    pub page_data_errors: Vec<FrontMatterError>,
    pub review: ReviewMeta,
    /// Each heading normalised for matching (`normalize_heading`), in the
    /// order of `headings`.
    pub normalized_headings: Vec<String>,
    /// Start offsets of top-level content blocks (anything but headings,
    /// rules and comment-only HTML), used to tell empty sections.
    pub(crate) content_starts: Vec<usize>,
}

/// What a reader collects from an article's body; [`Parts::finish`]
/// builds the section tree, title and review metadata from it, the same
/// way for every reader.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    pub headings: Vec<Heading>,
    pub tables: Vec<Table>,
    pub blocks: Vec<TextBlock>,
    pub links: Vec<Link>,
    pub comments: Vec<Comment>,
    /// Start offsets of top-level content blocks.
    pub content_starts: Vec<usize>,
    pub quotes: Vec<Range<usize>>,
    pub lists: Vec<List>,
    pub footnotes: Vec<Range<usize>>,
    /// Review fields the page declares outside its text (JSON-LD, `<meta>`).
    pub declared: Vec<page_data::DeclaredField>,
    pub page_data_errors: Vec<FrontMatterError>,
    /// The page's own title (an HTML `<title>`), used when there is no H1.
    pub page_title: Option<Title>,
    /// Where the article's body starts when the reader knows better than
    /// the end of the front matter (an HTML page's `<main>`).
    pub body_start: Option<usize>,
}

impl Parts {
    pub fn finish<'a>(
        self,
        source: &'a str,
        split: front_matter::FrontMatterSplit,
        review_options: &ReviewOptions,
    ) -> Article<'a> {
        let Parts {
            headings,
            tables,
            blocks,
            links,
            comments,
            content_starts,
            quotes,
            mut lists,
            footnotes,
            declared,
            page_data_errors,
            page_title,
            body_start,
        } = self;
        lists.sort_by_key(|l| l.span.start);
        let sections = sections::build_tree(&headings, &content_starts, source.len());
        let title = title_of(split.front_matter.as_ref(), &headings).or(page_title);
        let review = review::extract(
            source,
            split.front_matter.as_ref(),
            &declared,
            &headings,
            &blocks,
            review_options,
        );
        let normalized_headings = headings.iter().map(|h| sections::normalize_heading(&h.text)).collect();
        Article {
            source,
            front_matter: split.front_matter,
            front_matter_error: split.error,
            body_start: body_start.unwrap_or(split.body_start),
            title,
            headings,
            sections,
            tables,
            blocks,
            links,
            comments,
            quotes,
            lists,
            footnotes,
            page_data_errors,
            review,
            normalized_headings,
            content_starts,
        }
    }
}

impl<'a> Article<'a> {
    /// Parses Markdown with the default review options.
    pub fn parse(source: &'a str) -> Article<'a> {
        Self::parse_with(source, &ReviewOptions::default())
    }

    /// Parses Markdown.
    pub fn parse_with(source: &'a str, review_options: &ReviewOptions) -> Article<'a> {
        markdown::parse(source, review_options)
    }

    /// Reads `source` with the reader for `format`.
    pub fn read(source: &'a str, format: InputFormat, review_options: &ReviewOptions) -> Article<'a> {
        match format {
            InputFormat::Markdown => markdown::parse(source, review_options),
            InputFormat::Mdx => mdx::parse(source, review_options),
            InputFormat::Html => html::parse(source, review_options),
            InputFormat::PlainText => plain_text::parse(source, review_options),
        }
    }

    /// The language the front matter declares (`lang` or `language`).
    pub fn language(&self) -> Option<String> {
        self.front_matter
            .as_ref()
            .and_then(|fm| fm.get("lang").or_else(|| fm.get("language")))
            .and_then(|entry| entry.value.as_text())
    }

    /// True when the article is in English: what its text says when that
    /// is clear, else its declared language, else English.
    pub fn is_english(&self) -> bool {
        language::is_english(self)
    }

    /// Heading `index` normalised for matching (`normalize_heading`).
    pub fn normalized_heading(&self, index: usize) -> &str {
        &self.normalized_headings[index]
    }

    /// Where article-wide findings point: the H1, else the front matter
    /// title, else the first line of the body.
    pub fn top_span(&self) -> Range<usize> {
        if let Some(h1) = self.headings.iter().find(|h| h.level == 1) {
            return h1.span.clone();
        }
        if let Some(title) = &self.title {
            return title.span.clone();
        }
        let start = self.body_start.min(self.source.len());
        let end = self.source[start..]
            .find(['\n', '\r'])
            .map_or(self.source.len(), |i| start + i);
        start..end
    }

    /// Index of the innermost section that holds byte `offset`.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        let index = self.headings.partition_point(|h| h.span.start <= offset);
        let mut candidate = index.checked_sub(1)?;
        loop {
            if self.sections[candidate].span.contains(&offset) {
                return Some(candidate);
            }
            candidate = self.sections[candidate].parent?;
        }
    }

    /// True when some content block starts inside `range`.
    pub fn has_content_in(&self, range: Range<usize>) -> bool {
        let first = self.content_starts.partition_point(|&s| s < range.start);
        self.content_starts.get(first).is_some_and(|&s| s < range.end)
    }
}

fn title_of(front_matter: Option<&FrontMatter>, headings: &[Heading]) -> Option<Title> {
    if let Some(entry) = front_matter.and_then(|fm| fm.get("title"))
        && let Some(text) = entry.value.as_text().filter(|t| !t.trim().is_empty())
    {
        return Some(Title {
            text,
            span: entry.value_span.clone(),
        });
    }
    headings.iter().find(|h| h.level == 1).map(|h| Title {
        text: h.text.clone(),
        span: h.span.clone(),
    })
}

#[cfg(test)]
mod tests;
