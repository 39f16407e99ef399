//! The Markdown reader: splits off front matter, walks pulldown-cmark's
//! events a single time and builds the [`Article`].

use std::ops::Range;

use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

use crate::article::{
    Article, BlockKind, Cell, Comment, Heading, Link, List, ListItem, Parts, ReviewOptions, Table, TextBlock,
    front_matter,
};

/// Reads a Markdown article.
pub(crate) fn parse<'a>(source: &'a str, review_options: &ReviewOptions) -> Article<'a> {
    let split = front_matter::split(source);
    read(source, source, split, Blanked::default(), review_options)
}

/// What a reader that blanks non-Markdown text (MDX) found in it.
#[derive(Debug, Default)]
pub(crate) struct Blanked {
    /// Comments, such as MDX's `{/* … */}`.
    pub comments: Vec<Comment>,
    /// Where blanked content starts (a JSX component renders something).
    pub content_starts: Vec<usize>,
}

/// Reads `markdown`, a copy of `source` with the same byte offsets in
/// which another reader (MDX) blanked what is not Markdown, and builds the
/// article over `source`.
pub(crate) fn read<'a>(
    source: &'a str,
    markdown: &str,
    split: front_matter::FrontMatterSplit,
    blanked: Blanked,
    review_options: &ReviewOptions,
) -> Article<'a> {
    debug_assert_eq!(source.len(), markdown.len());
    let mut builder = Builder::new(markdown, split.body_start);
    builder.walk();
    let mut parts = builder.parts;
    if !blanked.comments.is_empty() {
        parts.comments.extend(blanked.comments);
        parts.comments.sort_by_key(|c| c.span.start);
    }
    if !blanked.content_starts.is_empty() {
        parts.content_starts.extend(blanked.content_starts);
        parts.content_starts.sort_unstable();
    }
    parts.finish(source, split, review_options)
}

/// Walks pulldown-cmark's events, collecting the article's parts.
struct Builder<'a> {
    /// The text parsed: the article, or its copy with non-Markdown blanked.
    source: &'a str,
    /// Where the body starts: the parser sees only the body.
    base: usize,
    parts: Parts,
    /// Nesting of block containers (lists, quotes, footnotes, tables, …).
    depth: usize,
    item_depth: usize,
    quote_depth: usize,
    /// The block whose text is being collected.
    current: Option<TextBlock>,
    heading: Option<OpenHeading>,
    table: Option<Table>,
    in_table_head: bool,
    open_links: Vec<OpenLink>,
    html_block: Option<HtmlBlock>,
    /// Lists still open, as indexes into `parts.lists`.
    open_lists: Vec<usize>,
}

/// A heading whose text is being collected.
struct OpenHeading {
    level: u8,
    span: Range<usize>,
}

/// A link whose text is being collected.
struct OpenLink {
    start: usize,
    destination: String,
    /// Where its text starts in the current block's text.
    text_start: usize,
}

/// An HTML block being collected, for its comments.
struct HtmlBlock {
    start: usize,
    html: String,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str, base: usize) -> Self {
        Builder {
            source,
            base,
            parts: Parts::default(),
            depth: 0,
            item_depth: 0,
            quote_depth: 0,
            current: None,
            heading: None,
            table: None,
            in_table_head: false,
            open_links: Vec::new(),
            html_block: None,
            open_lists: Vec::new(),
        }
    }

    fn walk(&mut self) {
        let body = &self.source[self.base..];
        let options = MdOptions::ENABLE_TABLES
            | MdOptions::ENABLE_FOOTNOTES
            | MdOptions::ENABLE_STRIKETHROUGH
            | MdOptions::ENABLE_TASKLISTS
            | MdOptions::ENABLE_HEADING_ATTRIBUTES;
        for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
            let range = range.start + self.base..range.end + self.base;
            self.event(event, range);
        }
        self.flush();
    }

    fn block_kind(&self) -> BlockKind {
        if self.item_depth > 0 {
            BlockKind::ListItem
        } else if self.quote_depth > 0 {
            BlockKind::BlockQuote
        } else {
            BlockKind::Paragraph
        }
    }

    /// A new block, tagged with the quote it sits in.
    fn new_block(&self, kind: BlockKind, span: Range<usize>) -> TextBlock {
        let mut block = TextBlock::new(kind, span);
        if self.quote_depth > 0 {
            block.quote = self.parts.quotes.len().checked_sub(1);
        }
        block
    }

    fn flush(&mut self) {
        if let Some(mut block) = self.current.take().filter(|b| !b.text.is_empty()) {
            block.bold = block.kind == BlockKind::Paragraph && is_bold_line(&self.source[block.span.clone()]);
            self.parts.blocks.push(block);
        }
    }

    fn mark_content(&mut self, start: usize) {
        if self.depth == 0 {
            self.parts.content_starts.push(start);
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) => self.text(&text, range),
            Event::Code(code) => {
                self.text(&code, range);
            }
            Event::InlineMath(m) | Event::DisplayMath(m) => self.text(&m, range),
            Event::SoftBreak | Event::HardBreak => {
                if let Some(block) = self.current.as_mut() {
                    block.push_line_break(range);
                }
            }
            Event::FootnoteReference(_) => {
                if let Some(block) = self.current.as_mut() {
                    block.has_citation = true;
                }
            }
            Event::Html(html) => {
                if let Some(block) = self.html_block.as_mut() {
                    block.html.push_str(&html);
                }
            }
            Event::InlineHtml(html) => self.inline_html(&html, range),
            Event::Rule | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => {
                self.mark_content(range.start);
                if self.table.is_none() {
                    self.flush();
                    self.current = Some(self.new_block(self.block_kind(), range));
                }
            }
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(OpenHeading {
                    level: level as u8,
                    span: range.clone(),
                });
                self.current = Some(self.new_block(BlockKind::Heading, range));
            }
            Tag::BlockQuote(_) => {
                self.open_container(range.start);
                if self.quote_depth == 0 {
                    self.parts.quotes.push(range.clone());
                }
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => self.mark_content(range.start),
            Tag::HtmlBlock => {
                self.html_block = Some(HtmlBlock {
                    start: range.start,
                    html: String::new(),
                });
            }
            Tag::List(_) => {
                self.open_container(range.start);
                self.open_lists.push(self.parts.lists.len());
                self.parts.lists.push(List {
                    span: range.clone(),
                    depth: self.open_lists.len() - 1,
                    items: Vec::new(),
                });
            }
            Tag::Item => self.start_item(range),
            Tag::FootnoteDefinition(_) => {
                self.parts.footnotes.push(range.clone());
                self.open_container(range.start);
            }
            Tag::DefinitionList => self.open_container(range.start),
            Tag::Table(_) => {
                self.open_container(range.start);
                self.table = Some(Table::new(range));
            }
            Tag::TableHead => self.in_table_head = true,
            Tag::TableRow => {
                if let Some(table) = self.table.as_mut() {
                    table.rows.push(Vec::new());
                }
            }
            Tag::TableCell => {
                self.current = Some(self.new_block(BlockKind::TableCell, range));
            }
            Tag::Link { dest_url, .. } => {
                if let Some(block) = self.current.as_mut() {
                    block.has_citation = true;
                }
                let text_start = self.current.as_ref().map_or(0, |b| b.text.len());
                self.open_links.push(OpenLink {
                    start: range.start,
                    destination: dest_url.to_string(),
                    text_start,
                });
            }
            Tag::Image { .. } => self.mark_content(range.start),
            Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::MetadataBlock(_) => {}
        }
    }

    /// A block container opens: content at the top level, and the end of
    /// any block being collected.
    fn open_container(&mut self, start: usize) {
        self.mark_content(start);
        self.flush();
        self.depth += 1;
    }

    fn start_item(&mut self, range: Range<usize>) {
        self.flush();
        self.item_depth += 1;
        if let Some(&list) = self.open_lists.last() {
            let blank = item_is_blank(&self.source[range.clone()]);
            self.parts.lists[list].items.push(ListItem {
                span: trim_line_end(self.source, range.clone()),
                blank,
            });
        }
        self.current = Some(self.new_block(BlockKind::ListItem, range));
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Paragraph if self.table.is_none() => self.flush(),
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.depth -= 1;
                self.quote_depth -= 1;
            }
            TagEnd::HtmlBlock => {
                if let Some(HtmlBlock { start, html }) = self.html_block.take() {
                    // The block's text leaves out `\r` and the marks of the
                    // containers it sits in, so offsets into it drift from
                    // the source: comments are found in the source itself.
                    let source = self.source;
                    self.collect_comments(&source[start..range.end.max(start)], start);
                    if !comments_in(&html).1 {
                        self.mark_content(start);
                    }
                }
            }
            TagEnd::List(_) => {
                self.flush();
                self.depth -= 1;
                self.open_lists.pop();
            }
            TagEnd::FootnoteDefinition | TagEnd::DefinitionList => {
                self.flush();
                self.depth -= 1;
            }
            TagEnd::Item => {
                self.flush();
                self.item_depth -= 1;
            }
            TagEnd::Table => {
                self.depth -= 1;
                if let Some(table) = self.table.take() {
                    self.parts.tables.push(table);
                }
            }
            TagEnd::TableHead => {
                self.in_table_head = false;
            }
            TagEnd::TableCell => self.end_table_cell(range),
            TagEnd::Link => self.end_link(range.end),
            _ => {}
        }
    }

    fn end_heading(&mut self) {
        let block = self.current.take();
        if let Some(OpenHeading { level, span }) = self.heading.take() {
            let text = block.as_ref().map_or(String::new(), |b| b.text.trim().to_string());
            self.parts.headings.push(Heading {
                level,
                text,
                span: trim_line_end(self.source, span),
            });
        }
        if let Some(block) = block.filter(|b| !b.text.is_empty()) {
            self.parts.blocks.push(block);
        }
    }

    fn end_table_cell(&mut self, range: Range<usize>) {
        let block = self
            .current
            .take()
            .unwrap_or_else(|| TextBlock::new(BlockKind::TableCell, range.clone()));
        let cell = Cell {
            text: block.text.trim().to_string(),
            span: range,
        };
        if let Some(table) = self.table.as_mut() {
            if self.in_table_head {
                table.header.push(cell);
            } else if let Some(row) = table.rows.last_mut() {
                row.push(cell);
            }
        }
        if !block.text.is_empty() {
            self.parts.blocks.push(block);
        }
    }

    fn end_link(&mut self, end: usize) {
        let Some(OpenLink {
            start,
            destination,
            text_start,
        }) = self.open_links.pop()
        else {
            return;
        };
        let text = self
            .current
            .as_ref()
            .and_then(|b| b.text.get(text_start..))
            .unwrap_or("")
            .trim()
            .to_string();
        self.parts.links.push(Link {
            text,
            destination,
            span: start..end,
        });
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        if self.current.is_none() {
            // Text straight inside a tight list item after a nested block.
            if self.table.is_some() || self.heading.is_some() {
                return;
            }
            self.current = Some(self.new_block(self.block_kind(), range.clone()));
        }
        let exact = self.source.get(range.clone()) == Some(text);
        if let Some(block) = self.current.as_mut() {
            block.push(text, range.clone(), exact);
            block.span.end = block.span.end.max(range.end);
        }
    }

    fn inline_html(&mut self, html: &str, range: Range<usize>) {
        if html.starts_with("<!--") {
            self.collect_comments(html, range.start);
        } else if is_line_break_tag(html)
            && let Some(block) = self.current.as_mut()
        {
            block.mark_line_break();
        }
    }

    /// Records every `<!-- … -->` in `html`, which is the source from
    /// `start` on.
    fn collect_comments(&mut self, html: &str, start: usize) {
        let (comments, _) = comments_in(html);
        self.parts.comments.extend(comments.into_iter().map(|comment| Comment {
            span: start + comment.span.start..start + comment.span.end,
            ..comment
        }));
    }
}

/// The `<!-- … -->` comments in `html`, with spans into it, and whether it
/// holds nothing but comments and white space.
fn comments_in(html: &str) -> (Vec<Comment>, bool) {
    let mut comments = Vec::new();
    let mut rest = 0;
    let mut only_comments = true;
    while let Some(open) = html[rest..].find("<!--") {
        if !html[rest..rest + open].trim().is_empty() {
            only_comments = false;
        }
        let body_start = rest + open + 4;
        let Some(close) = html[body_start..].find("-->") else {
            only_comments = false;
            rest = html.len();
            break;
        };
        let end = body_start + close + 3;
        comments.push(Comment {
            text: html[body_start..body_start + close].trim().to_string(),
            span: rest + open..end,
        });
        rest = end;
    }
    if !html[rest..].trim().is_empty() {
        only_comments = false;
    }
    (comments, only_comments)
}

/// A paragraph that is one bold span (HTML comments aside).
fn is_bold_line(source: &str) -> bool {
    let start = source.trim_start();
    if !(start.starts_with("**") || start.starts_with("__") || start.starts_with("<!--")) {
        return false;
    }
    let mut text = source.to_string();
    while let Some(start) = text.find("<!--") {
        let end = text[start..].find("-->").map_or(text.len(), |e| start + e + 3);
        text.replace_range(start..end, "");
    }
    let text = text.trim();
    (text.starts_with("**") && text.ends_with("**") && text.len() > 4)
        || (text.starts_with("__") && text.ends_with("__") && text.len() > 4)
}

/// True when a list item's source holds only its marker (and maybe a task
/// box and nested blank lines).
fn item_is_blank(source: &str) -> bool {
    let text = source.trim_start();
    let rest = if let Some(rest) = text.strip_prefix(['-', '*', '+']) {
        rest
    } else {
        let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        text[digits..].strip_prefix(['.', ')']).unwrap_or(text)
    };
    let rest = rest.trim();
    let rest = ["[ ]", "[x]", "[X]"]
        .iter()
        .find_map(|b| rest.strip_prefix(b))
        .unwrap_or(rest);
    rest.trim().is_empty()
}

/// `<br>`, `<br/>` or `<br />`, in any case.
fn is_line_break_tag(html: &str) -> bool {
    let inner = html
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    inner.trim().eq_ignore_ascii_case("br")
}

/// Drops the line terminator from a span that ends a line.
fn trim_line_end(source: &str, span: Range<usize>) -> Range<usize> {
    let text = &source[span.clone()];
    let trimmed = text.trim_end_matches(['\n', '\r']);
    span.start..span.start + trimmed.len()
}
