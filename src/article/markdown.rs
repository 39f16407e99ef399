//! The Markdown reader: splits off front matter, walks pulldown-cmark's
//! events a single time and builds the [`Article`].

use std::ops::Range;

use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

use crate::article::{
    Article, BlockKind, Cell, Comment, Heading, Link, List, ListItem, ReviewOptions, Table, TextBlock, front_matter,
    review, sections, title_of,
};

/// Reads a Markdown article.
pub(crate) fn parse<'a>(source: &'a str, review_options: &ReviewOptions) -> Article<'a> {
    let split = front_matter::split(source);
    let mut builder = Builder::new(source, split.body_start);
    builder.walk();
    let Builder {
        headings,
        tables,
        blocks,
        links,
        comments,
        content_starts,
        quotes,
        mut lists,
        footnotes,
        ..
    } = builder;
    lists.sort_by_key(|l| l.span.start);
    let sections = sections::build_tree(&headings, &content_starts, source.len());
    let title = title_of(split.front_matter.as_ref(), &headings);
    let review = review::extract(source, split.front_matter.as_ref(), &headings, &blocks, review_options);
    let normalized_headings = headings.iter().map(|h| sections::normalize_heading(&h.text)).collect();
    Article {
        source,
        front_matter: split.front_matter,
        front_matter_error: split.error,
        body_start: split.body_start,
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
        review,
        normalized_headings,
        content_starts,
    }
}

/// Which block a text event belongs to while walking.
struct Builder<'a> {
    source: &'a str,
    base: usize,
    headings: Vec<Heading>,
    tables: Vec<Table>,
    blocks: Vec<TextBlock>,
    links: Vec<Link>,
    comments: Vec<Comment>,
    content_starts: Vec<usize>,
    /// Nesting of block containers (lists, quotes, footnotes, tables, …).
    depth: usize,
    item_depth: usize,
    quote_depth: usize,
    current: Option<TextBlock>,
    heading: Option<(u8, Range<usize>)>,
    table: Option<Table>,
    in_table_head: bool,
    open_links: Vec<(usize, String, usize)>,
    html_block: Option<(usize, String)>,
    quotes: Vec<Range<usize>>,
    lists: Vec<List>,
    /// Lists still open, as indexes into `lists`.
    open_lists: Vec<usize>,
    footnotes: Vec<Range<usize>>,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str, base: usize) -> Self {
        Builder {
            source,
            base,
            headings: Vec::new(),
            tables: Vec::new(),
            blocks: Vec::new(),
            links: Vec::new(),
            comments: Vec::new(),
            content_starts: Vec::new(),
            depth: 0,
            item_depth: 0,
            quote_depth: 0,
            current: None,
            heading: None,
            table: None,
            in_table_head: false,
            open_links: Vec::new(),
            html_block: None,
            quotes: Vec::new(),
            lists: Vec::new(),
            open_lists: Vec::new(),
            footnotes: Vec::new(),
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
            block.quote = self.quotes.len().checked_sub(1);
        }
        block
    }

    fn flush(&mut self) {
        if let Some(block) = self.current.take().filter(|b| !b.text.is_empty()) {
            self.blocks.push(block);
        }
    }

    fn mark_content(&mut self, start: usize) {
        if self.depth == 0 {
            self.content_starts.push(start);
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
                    block.push(" ", range, false);
                }
            }
            Event::FootnoteReference(_) => {
                if let Some(block) = self.current.as_mut() {
                    block.has_citation = true;
                }
            }
            Event::Html(html) => {
                if let Some((_, buffer)) = self.html_block.as_mut() {
                    buffer.push_str(&html);
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
                self.heading = Some((level as u8, range.clone()));
                self.current = Some(self.new_block(BlockKind::Heading, range));
            }
            Tag::BlockQuote(_) => {
                self.mark_content(range.start);
                self.flush();
                if self.quote_depth == 0 {
                    self.quotes.push(range.clone());
                }
                self.depth += 1;
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => self.mark_content(range.start),
            Tag::HtmlBlock => {
                self.html_block = Some((range.start, String::new()));
            }
            Tag::List(_) => {
                self.mark_content(range.start);
                self.flush();
                self.depth += 1;
                self.open_lists.push(self.lists.len());
                self.lists.push(List {
                    span: range.clone(),
                    depth: self.open_lists.len() - 1,
                    items: Vec::new(),
                });
            }
            Tag::Item => {
                self.flush();
                self.item_depth += 1;
                if let Some(&list) = self.open_lists.last() {
                    let blank = item_is_blank(&self.source[range.clone()]);
                    self.lists[list].items.push(ListItem {
                        span: trim_line_end(self.source, range.clone()),
                        blank,
                    });
                }
                self.current = Some(self.new_block(BlockKind::ListItem, range));
            }
            Tag::FootnoteDefinition(_) => {
                self.footnotes.push(range.clone());
                self.mark_content(range.start);
                self.flush();
                self.depth += 1;
            }
            Tag::DefinitionList => {
                self.mark_content(range.start);
                self.flush();
                self.depth += 1;
            }
            Tag::Table(_) => {
                self.mark_content(range.start);
                self.flush();
                self.depth += 1;
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
                self.open_links.push((range.start, dest_url.to_string(), text_start));
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

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Paragraph if self.table.is_none() => self.flush(),
            TagEnd::Heading(_) => {
                let block = self.current.take();
                if let Some((level, span)) = self.heading.take() {
                    let text = block.as_ref().map_or(String::new(), |b| b.text.trim().to_string());
                    self.headings.push(Heading {
                        level,
                        text,
                        span: trim_line_end(self.source, span),
                    });
                }
                if let Some(block) = block.filter(|b| !b.text.is_empty()) {
                    self.blocks.push(block);
                }
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.depth -= 1;
                self.quote_depth -= 1;
            }
            TagEnd::HtmlBlock => {
                if let Some((start, html)) = self.html_block.take() {
                    let only_comments = self.collect_comments(&html, start);
                    if !only_comments {
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
                    self.tables.push(table);
                }
            }
            TagEnd::TableHead => {
                self.in_table_head = false;
            }
            TagEnd::TableCell => {
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
                    self.blocks.push(block);
                }
            }
            TagEnd::Link => {
                if let Some((start, destination, text_start)) = self.open_links.pop() {
                    let text = self
                        .current
                        .as_ref()
                        .and_then(|b| b.text.get(text_start..))
                        .unwrap_or("")
                        .trim()
                        .to_string();
                    self.links.push(Link {
                        text,
                        destination,
                        span: start..range.end,
                    });
                }
            }
            _ => {}
        }
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
        }
    }

    /// Records every `<!-- … -->` in `html` (which starts at `start`) and
    /// says whether the HTML holds nothing but comments and white space.
    fn collect_comments(&mut self, html: &str, start: usize) -> bool {
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
            self.comments.push(Comment {
                text: html[body_start..body_start + close].trim().to_string(),
                span: start + rest + open..start + end,
            });
            rest = end;
        }
        if !html[rest..].trim().is_empty() {
            only_comments = false;
        }
        only_comments
    }
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

/// Drops the line terminator from a span that ends a line.
fn trim_line_end(source: &str, span: Range<usize>) -> Range<usize> {
    let text = &source[span.clone()];
    let trimmed = text.trim_end_matches(['\n', '\r']);
    span.start..span.start + trimmed.len()
}
