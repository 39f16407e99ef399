//! The HTML reader: a published page, as a reader sees its article.
//!
//! html5gum tokenizes (the WHATWG tokenizer, with the byte span of every
//! tag, text run and comment); a small tree builder here keeps the stack of
//! open elements with HTML's implied end tags (`<p>`, `<li>`, `<td>`, …),
//! which is all the structure an article needs. Headings `h1`-`h6` make
//! sections; `details`/`summary` is an FAQ entry; tables, lists, quotes,
//! links and comments become the same parts Markdown gives. Site chrome
//! (`nav`, `aside`, scripts, forms, hidden elements, the page's own header
//! and footer) is not article text, and when the page has a `main` (or an
//! `article`) the article is what is inside it. The page's schema.org
//! JSON-LD and `<meta>` tags are read wherever they are, for the review.
//! Entities are decoded; text maps back to the source through the block's
//! segments, exactly where decoding kept lengths.

use std::ops::Range;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};

use crate::article::page_data::{meta_field, read_json_ld};
use crate::article::{
    Article, BlockKind, Cell, Comment, Heading, Link, List, ListItem, Parts, ReviewOptions, Table, TextBlock, Title,
    front_matter,
};

/// Reads an HTML page (front matter, as some site generators write it,
/// first).
pub(crate) fn parse<'a>(source: &'a str, review_options: &ReviewOptions) -> Article<'a> {
    let split = front_matter::split(source);
    let mut builder = Builder::new(source);
    let base = split.body_start;
    let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, span: Span<usize>| -> Option<()> {
        builder.event(event, base + span.start..base + span.end);
        None
    });
    // Script, style, title and textarea content is text, not tags.
    emitter.naively_switch_states(true);
    for _ in Tokenizer::new_with_emitter(&source[base..], emitter) {}
    builder.finish(source.len());
    let mut parts = builder.parts;
    parts.body_start = builder.body_start;
    parts.finish(source, split, review_options)
}

/// What an element is to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Html,
    Head,
    Body,
    Title,
    Meta,
    Script,
    /// Never article text: style, template, noscript, nav, aside, forms,
    /// embedded media and graphics.
    Chrome,
    /// A `header` or `footer`: chrome unless inside an article or section.
    HeaderFooter,
    Main,
    Article,
    Section,
    /// Containers without a meaning of their own: div, figure, …
    Division,
    Heading(u8),
    P,
    Blockquote,
    List,
    Li,
    Dl,
    Dt,
    Dd,
    Details,
    Summary,
    Table,
    TableSection,
    Caption,
    Tr,
    Cell,
    Pre,
    /// Replaced content that counts as content: img, video, iframe, …
    Media,
    Br,
    /// Other void elements (hr, input, link, …).
    Void,
    Anchor,
    Bold,
    /// Any other inline element; unknown elements are inline too, keyed
    /// by a hash of their name so that their end tags match.
    Inline(u64),
}

impl Tag {
    fn of(name: &[u8]) -> Tag {
        match name {
            b"html" => Tag::Html,
            b"head" => Tag::Head,
            b"body" => Tag::Body,
            b"title" => Tag::Title,
            b"meta" => Tag::Meta,
            b"script" => Tag::Script,
            b"style" | b"template" | b"noscript" | b"nav" | b"aside" | b"form" | b"button" | b"select"
            | b"textarea" | b"option" | b"optgroup" | b"datalist" | b"svg" | b"math" | b"canvas" | b"audio"
            | b"video" | b"iframe" | b"object" | b"dialog" | b"menu" | b"fieldset" | b"frameset" | b"noembed"
            | b"noframes" | b"map" => Tag::Chrome,
            b"header" | b"footer" => Tag::HeaderFooter,
            b"main" => Tag::Main,
            b"article" => Tag::Article,
            b"section" => Tag::Section,
            b"div" | b"figure" | b"figcaption" | b"address" | b"center" | b"hgroup" | b"search" | b"legend" => {
                Tag::Division
            }
            b"h1" => Tag::Heading(1),
            b"h2" => Tag::Heading(2),
            b"h3" => Tag::Heading(3),
            b"h4" => Tag::Heading(4),
            b"h5" => Tag::Heading(5),
            b"h6" => Tag::Heading(6),
            b"p" => Tag::P,
            b"blockquote" => Tag::Blockquote,
            b"ul" | b"ol" => Tag::List,
            b"li" => Tag::Li,
            b"dl" => Tag::Dl,
            b"dt" => Tag::Dt,
            b"dd" => Tag::Dd,
            b"details" => Tag::Details,
            b"summary" => Tag::Summary,
            b"table" => Tag::Table,
            b"thead" | b"tbody" | b"tfoot" => Tag::TableSection,
            b"caption" => Tag::Caption,
            b"tr" => Tag::Tr,
            b"td" | b"th" => Tag::Cell,
            b"pre" | b"listing" | b"xmp" | b"plaintext" => Tag::Pre,
            b"img" | b"picture" | b"embed" => Tag::Media,
            b"br" => Tag::Br,
            b"hr" | b"input" | b"link" | b"base" | b"area" | b"col" | b"colgroup" | b"param" | b"source" | b"track"
            | b"wbr" | b"keygen" => Tag::Void,
            b"a" => Tag::Anchor,
            b"strong" | b"b" => Tag::Bold,
            other => Tag::Inline(name_hash(other)),
        }
    }

    /// Elements that never have content or an end tag.
    fn is_void(self) -> bool {
        matches!(self, Tag::Meta | Tag::Media | Tag::Br | Tag::Void)
    }

    fn is_inline(self) -> bool {
        matches!(self, Tag::Anchor | Tag::Bold | Tag::Inline(_))
    }
}

fn name_hash(name: &[u8]) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(name)
}

/// How far down the stack of open elements an end tag or an implied end
/// is looked for: real pages nest far less, and hostile ones (a hundred
/// thousand unclosed `<div>`s) cannot make each tag cost the whole stack.
const SEARCH_DEPTH: usize = 512;

/// An element still open, and what closing it must finish.
#[derive(Debug)]
struct Open {
    tag: Tag,
    /// Where its start tag begins.
    start: usize,
    /// Its subtree is not article text (chrome, hidden, a script).
    skips: bool,
    /// What it started in the parts, to finish at its end tag.
    started: Started,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Started {
    Nothing,
    /// `parts.lists[i]`.
    List(usize),
    /// `parts.lists[list].items[item]`, and the count of text runs read
    /// before it, to tell a blank item.
    Item {
        list: usize,
        item: usize,
        texts_before: usize,
    },
    /// `parts.quotes[i]`, when it is the outermost quote.
    Quote(Option<usize>),
    /// A heading of this level.
    Heading(u8),
    /// A `summary`: headings read before it, to tell whether it held one.
    Summary {
        headings_before: usize,
    },
    Table,
    Row,
    Cell {
        header: bool,
    },
    /// `parts.links[index]`, whose text starts at `text_start` of the
    /// current block's text.
    Link {
        index: usize,
        text_start: usize,
    },
    JsonLd,
    Title,
    Root,
}

/// The start tag being read: its name, start and the attributes the
/// reader cares about.
#[derive(Debug, Default)]
struct PendingTag {
    tag: Option<Tag>,
    /// A `thead` (among table sections) or a `th` (among cells).
    heads: bool,
    start: usize,
    attribute: Vec<u8>,
    hidden: bool,
    json_ld: bool,
    href: Option<String>,
    meta_name: Option<String>,
    meta_content: Option<(String, Range<usize>)>,
    role: Option<String>,
}

/// A table being read: rows with whether they came from `thead` or were
/// all `th` cells.
#[derive(Debug)]
struct OpenTable {
    table: Table,
    rows: Vec<TableRow>,
    in_head: bool,
}

#[derive(Debug)]
struct TableRow {
    cells: Vec<Cell>,
    all_header_cells: bool,
    in_head: bool,
    end: usize,
}

/// Walks the token events, collecting the article's parts.
struct Builder<'a> {
    source: &'a str,
    parts: Parts,
    stack: Vec<Open>,
    /// Open elements whose subtree is skipped.
    skipping: usize,
    quote_depth: usize,
    pending: PendingTag,
    current: Option<OpenBlock>,
    /// A white space run was seen after the current block's last text.
    pending_space: Option<Range<usize>>,
    /// Runs of text read into blocks so far.
    texts: usize,
    tables: Vec<OpenTable>,
    /// Text of a JSON-LD script or the page title being read.
    raw_text: Option<Range<usize>>,
    /// The level of the last `h1`-`h6`: a `summary` is an entry below it.
    section_level: u8,
    /// Counts of open elements the reader asks about for every block and
    /// text run, kept here so that deep nesting costs nothing.
    depths: Depths,
    /// Open tables and cells, innermost last (`true` for a cell).
    table_parts: Vec<bool>,
    /// Open lists, innermost last, as indexes into `parts.lists`.
    open_lists: Vec<usize>,
    /// The first `main` and the first `article` outside chrome.
    main: Option<Range<usize>>,
    article: Option<Range<usize>>,
    body_start: Option<usize>,
}

/// How many elements of a kind are open.
#[derive(Debug, Default)]
struct Depths {
    items: usize,
    bold: usize,
    /// `article`, `main` and `section`.
    sectioning: usize,
}

impl Depths {
    fn count(&mut self, tag: Tag, opened: bool) {
        let counter = match tag {
            Tag::Li => &mut self.items,
            Tag::Bold => &mut self.bold,
            Tag::Article | Tag::Main | Tag::Section => &mut self.sectioning,
            _ => return,
        };
        if opened {
            *counter += 1;
        } else {
            *counter = counter.saturating_sub(1);
        }
    }
}

/// The block whose text is being read.
#[derive(Debug)]
struct OpenBlock {
    block: TextBlock,
    /// No text so far lay outside bold elements.
    all_bold: bool,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str) -> Self {
        Builder {
            source,
            parts: Parts::default(),
            stack: Vec::new(),
            skipping: 0,
            quote_depth: 0,
            pending: PendingTag::default(),
            current: None,
            pending_space: None,
            texts: 0,
            tables: Vec::new(),
            raw_text: None,
            section_level: 1,
            depths: Depths::default(),
            table_parts: Vec::new(),
            open_lists: Vec::new(),
            main: None,
            article: None,
            body_start: None,
        }
    }

    fn event(&mut self, event: CallbackEvent<'_>, span: Range<usize>) {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                // The tokenizer lowercases tag and attribute names.
                self.pending = PendingTag {
                    tag: Some(Tag::of(name)),
                    heads: name == b"thead" || name == b"th",
                    start: span.start,
                    ..PendingTag::default()
                };
            }
            CallbackEvent::AttributeName { name } => {
                self.pending.attribute.clear();
                self.pending.attribute.extend_from_slice(name);
                if name.eq_ignore_ascii_case(b"hidden") {
                    self.pending.hidden = true;
                }
            }
            CallbackEvent::AttributeValue { value } => self.attribute_value(value, span),
            CallbackEvent::CloseStartTag { .. } => {
                let pending = std::mem::take(&mut self.pending);
                self.start_tag(pending, span.end);
            }
            CallbackEvent::EndTag { name } => self.end_tag(Tag::of(name), span),
            CallbackEvent::String { value } => self.text(value, span),
            CallbackEvent::Comment { value } => self.parts.comments.push(Comment {
                text: String::from_utf8_lossy(value).trim().to_string(),
                span,
            }),
            CallbackEvent::Doctype { .. } | CallbackEvent::Error(_) => {}
        }
    }

    fn attribute_value(&mut self, value: &[u8], span: Range<usize>) {
        let text = || String::from_utf8_lossy(value).into_owned();
        let pending = &mut self.pending;
        match pending.attribute.as_slice() {
            b"type" => {
                let kind = text().to_ascii_lowercase();
                pending.json_ld = kind
                    .split(';')
                    .next()
                    .is_some_and(|t| t.trim() == "application/ld+json");
            }
            b"aria-hidden" => pending.hidden |= value.eq_ignore_ascii_case(b"true"),
            b"href" => pending.href = Some(text()),
            b"name" | b"property" | b"itemprop" => pending.meta_name = Some(text()),
            b"content" => pending.meta_content = Some((text(), span)),
            b"role" => pending.role = Some(text().to_ascii_lowercase()),
            _ => {}
        }
    }

    fn skipping(&self) -> bool {
        self.skipping > 0
    }

    /// True when an `article`, `main` or `section` is open: a `header` or
    /// `footer` there belongs to it, not to the page.
    fn in_sectioning(&self) -> bool {
        self.depths.sectioning > 0
    }

    fn start_tag(&mut self, pending: PendingTag, end: usize) {
        let Some(mut tag) = pending.tag else { return };
        match pending.role.as_deref() {
            Some("main") if !tag.is_void() => tag = Tag::Main,
            Some("article") if !tag.is_void() => tag = Tag::Article,
            _ => {}
        }
        let chrome_role = matches!(
            pending.role.as_deref(),
            Some("navigation" | "banner" | "contentinfo" | "complementary" | "search" | "menu" | "menubar")
        );
        self.close_implied(tag, pending.start);
        if tag == Tag::Meta {
            if let (Some(name), Some((content, span))) = (&pending.meta_name, &pending.meta_content)
                && let Some(field) = meta_field(name, content, span.clone())
            {
                self.parts.declared.push(field);
            }
            return;
        }
        if tag == Tag::Body && self.body_start.is_none() {
            self.body_start = Some(pending.start);
        }
        let skips = self.skipping()
            || pending.hidden
            || chrome_role
            || matches!(tag, Tag::Chrome | Tag::Script | Tag::Head)
            || (tag == Tag::HeaderFooter && !self.in_sectioning());
        if tag == Tag::Pre && !skips {
            // Code is content, not prose.
            self.flush();
            self.mark_content(pending.start);
        }
        let skips = skips || tag == Tag::Pre;
        if tag.is_void() {
            if !skips {
                self.void_element(tag, pending.start..end);
            }
            return;
        }
        let started = if skips {
            self.start_raw_text(tag, &pending, end)
        } else {
            self.open_element(tag, &pending, end)
        };
        if skips {
            self.skipping += 1;
        }
        self.depths.count(tag, true);
        self.stack.push(Open {
            tag,
            start: pending.start,
            skips,
            started,
        });
    }

    /// In skipped parts, only a JSON-LD script and the page title are read.
    fn start_raw_text(&mut self, tag: Tag, pending: &PendingTag, end: usize) -> Started {
        match tag {
            Tag::Script if pending.json_ld => {
                self.raw_text = Some(end..end);
                Started::JsonLd
            }
            Tag::Title if self.body_start.is_none() && self.parts.page_title.is_none() => {
                self.raw_text = Some(end..end);
                Started::Title
            }
            _ => Started::Nothing,
        }
    }

    fn void_element(&mut self, tag: Tag, span: Range<usize>) {
        match tag {
            Tag::Br => {
                // A line break ends a paragraph's line: bylines are often
                // set as lines of one paragraph.
                if self
                    .current
                    .as_ref()
                    .is_some_and(|b| b.block.kind == BlockKind::Paragraph)
                {
                    self.flush();
                } else {
                    self.pending_space = Some(span);
                }
            }
            Tag::Media => self.mark_content(span.start),
            _ => {}
        }
    }

    /// Starts what an element of the article begins, and says what to
    /// finish at its end tag.
    fn open_element(&mut self, tag: Tag, pending: &PendingTag, end: usize) -> Started {
        let start = pending.start;
        if self.in_cell() && !matches!(tag, Tag::Table | Tag::TableSection | Tag::Tr | Tag::Cell) {
            // Paragraphs, lists and links inside a cell are the cell's text.
            return match tag {
                Tag::Anchor => self.open_link(start, pending.href.clone()),
                _ => Started::Nothing,
            };
        }
        if !tag.is_inline() {
            self.flush();
        }
        match tag {
            Tag::Title if self.body_start.is_none() && self.parts.page_title.is_none() => {
                self.raw_text = Some(end..end);
                Started::Title
            }
            Tag::Main if self.main.is_none() => {
                self.main = Some(start..start);
                Started::Root
            }
            Tag::Article if self.article.is_none() => {
                self.article = Some(start..start);
                Started::Root
            }
            Tag::Heading(level) => {
                self.start_block(BlockKind::Heading, start);
                Started::Heading(level)
            }
            Tag::Summary => {
                self.start_block(BlockKind::Heading, start);
                Started::Summary {
                    headings_before: self.parts.headings.len(),
                }
            }
            Tag::P | Tag::Dd | Tag::Caption => {
                self.start_block(self.block_kind(), start);
                Started::Nothing
            }
            Tag::Dt => {
                self.start_block(self.block_kind(), start);
                if let Some(open) = self.current.as_mut() {
                    open.block.bold = true;
                }
                Started::Nothing
            }
            Tag::Blockquote => self.open_quote(start),
            Tag::List => self.open_list(start),
            Tag::Li => self.open_item(start),
            Tag::Table => {
                self.mark_content(start);
                self.table_parts.push(false);
                self.tables.push(OpenTable {
                    table: Table::new(start..start),
                    rows: Vec::new(),
                    in_head: false,
                });
                Started::Table
            }
            Tag::TableSection => {
                if let Some(table) = self.tables.last_mut() {
                    table.in_head = pending.heads;
                }
                Started::Nothing
            }
            Tag::Tr => self.open_row(),
            Tag::Cell => {
                self.start_block(BlockKind::TableCell, start);
                self.table_parts.push(true);
                Started::Cell { header: pending.heads }
            }
            Tag::Anchor => self.open_link(start, pending.href.clone()),
            _ => Started::Nothing,
        }
    }

    fn block_kind(&self) -> BlockKind {
        if self.depths.items > 0 {
            BlockKind::ListItem
        } else if self.quote_depth > 0 {
            BlockKind::BlockQuote
        } else {
            BlockKind::Paragraph
        }
    }

    fn start_block(&mut self, kind: BlockKind, start: usize) {
        self.flush();
        let mut block = TextBlock::new(kind, start..start);
        if self.quote_depth > 0 {
            block.quote = self.parts.quotes.len().checked_sub(1);
        }
        self.current = Some(OpenBlock { block, all_bold: true });
    }

    fn flush(&mut self) {
        self.pending_space = None;
        if let Some(OpenBlock { mut block, all_bold }) = self.current.take()
            && !block.text.is_empty()
        {
            block.bold |= all_bold && block.kind == BlockKind::Paragraph;
            self.parts.blocks.push(block);
        }
    }

    fn mark_content(&mut self, start: usize) {
        if !self.skipping() {
            self.parts.content_starts.push(start);
        }
    }

    fn open_quote(&mut self, start: usize) -> Started {
        self.mark_content(start);
        self.quote_depth += 1;
        if self.quote_depth > 1 {
            return Started::Quote(None);
        }
        self.parts.quotes.push(start..start);
        Started::Quote(Some(self.parts.quotes.len() - 1))
    }

    fn open_list(&mut self, start: usize) -> Started {
        self.mark_content(start);
        self.parts.lists.push(List {
            span: start..start,
            depth: self.open_lists.len(),
            items: Vec::new(),
        });
        self.open_lists.push(self.parts.lists.len() - 1);
        Started::List(self.parts.lists.len() - 1)
    }

    fn open_item(&mut self, start: usize) -> Started {
        let list = self.open_lists.last().copied();
        self.start_block(BlockKind::ListItem, start);
        let Some(list) = list else {
            return Started::Nothing;
        };
        let items = &mut self.parts.lists[list].items;
        items.push(ListItem {
            span: start..start,
            blank: true,
        });
        Started::Item {
            list,
            item: items.len() - 1,
            texts_before: self.texts,
        }
    }

    fn open_row(&mut self) -> Started {
        let Some(table) = self.tables.last_mut() else {
            return Started::Nothing;
        };
        table.rows.push(TableRow {
            cells: Vec::new(),
            all_header_cells: true,
            in_head: table.in_head,
            end: 0,
        });
        Started::Row
    }

    fn open_link(&mut self, start: usize, href: Option<String>) -> Started {
        let Some(destination) = href else {
            return Started::Nothing;
        };
        let text_start = self.current.as_ref().map_or(0, |b| b.block.text.len());
        if let Some(open) = self.current.as_mut() {
            open.block.has_citation = true;
        }
        self.parts.links.push(Link {
            text: String::new(),
            destination,
            span: start..start,
        });
        // The link's text is what its block gains until it closes.
        Started::Link {
            index: self.parts.links.len() - 1,
            text_start,
        }
    }
}

impl Builder<'_> {
    /// True when the innermost open table part is a cell.
    fn in_cell(&self) -> bool {
        self.table_parts.last() == Some(&true)
    }

    /// The index of the innermost open element matching `wanted`, looking
    /// down the stack no further than an element `stops` at, nor further
    /// than [`SEARCH_DEPTH`] elements.
    fn find_open(&self, wanted: impl Fn(Tag) -> bool, stops: impl Fn(Tag) -> bool) -> Option<usize> {
        for (index, open) in self.stack.iter().enumerate().rev().take(SEARCH_DEPTH) {
            if wanted(open.tag) {
                return Some(index);
            }
            if stops(open.tag) {
                return None;
            }
        }
        None
    }

    /// HTML's implied end tags: a new paragraph, list item, row or cell
    /// ends the one still open.
    fn close_implied(&mut self, tag: Tag, at: usize) {
        let structural = |t: Tag| !t.is_inline() && !matches!(t, Tag::P | Tag::Division);
        let open = match tag {
            Tag::Li => self.find_open(|t| t == Tag::Li, |t| structural(t) && t != Tag::Li),
            Tag::Dt | Tag::Dd => self.find_open(
                |t| matches!(t, Tag::Dt | Tag::Dd),
                |t| structural(t) && !matches!(t, Tag::Dt | Tag::Dd),
            ),
            Tag::Tr => self.find_open(|t| t == Tag::Tr, |t| t == Tag::Table),
            Tag::Cell => self.find_open(|t| t == Tag::Cell, |t| matches!(t, Tag::Tr | Tag::Table)),
            Tag::TableSection => self.find_open(|t| t == Tag::TableSection, |t| t == Tag::Table),
            Tag::Heading(_) => self.find_open(|t| matches!(t, Tag::Heading(_)), |t| !t.is_inline()),
            _ => None,
        };
        if let Some(index) = open {
            self.close_to(index, at);
        }
        let closes_paragraph = !tag.is_inline()
            && !matches!(
                tag,
                Tag::Title | Tag::Meta | Tag::Script | Tag::Br | Tag::Media | Tag::Cell | Tag::Tr
            );
        if closes_paragraph && let Some(index) = self.find_open(|t| t == Tag::P, |t| !t.is_inline()) {
            self.close_to(index, at);
        }
        // A block inside a heading means the heading was never closed: a
        // page's text does not all belong to its last heading.
        if closes_paragraph && let Some(index) = self.find_open(|t| matches!(t, Tag::Heading(_)), |t| !t.is_inline()) {
            self.close_to(index, at);
        }
    }

    /// Closes the open elements from the top of the stack down to `index`,
    /// included.
    fn close_to(&mut self, index: usize, end: usize) {
        while self.stack.len() > index {
            if let Some(open) = self.stack.pop() {
                self.close(open, end);
            }
        }
    }

    fn end_tag(&mut self, tag: Tag, span: Range<usize>) {
        if matches!(tag, Tag::Html | Tag::Body | Tag::Br) || tag.is_void() {
            return;
        }
        let matches = |open: Tag| match (open, tag) {
            (Tag::Heading(_), Tag::Heading(_)) => true,
            (a, b) => a == b,
        };
        let Some(index) = self.find_open(matches, |_| false) else {
            return;
        };
        self.close_to(index + 1, span.start);
        if let Some(open) = self.stack.pop() {
            self.close(open, span.end);
        }
    }

    /// Finishes what an element started, at `end`.
    fn close(&mut self, open: Open, end: usize) {
        if open.skips {
            self.skipping -= 1;
        }
        self.depths.count(open.tag, false);
        match open.started {
            Started::Nothing => {}
            Started::JsonLd => {
                if let Some(range) = self.raw_text.take()
                    && let Err(error) = read_json_ld(&self.source[range.clone()], range.start, &mut self.parts.declared)
                {
                    self.parts.page_data_errors.push(error);
                }
            }
            Started::Title => {
                if let Some(range) = self.raw_text.take() {
                    let text = collapse_white_space(&decoded(&self.source[range]));
                    if !text.is_empty() {
                        self.parts.page_title = Some(Title {
                            text,
                            span: open.start..end,
                        });
                    }
                }
            }
            Started::Root => {
                for root in [&mut self.main, &mut self.article] {
                    if let Some(range) = root.as_mut().filter(|r| r.start == open.start && r.end == r.start) {
                        range.end = end;
                    }
                }
            }
            Started::Heading(level) => {
                self.section_level = level;
                self.end_heading(level, open.start..end);
            }
            Started::Summary { headings_before } => self.end_summary(headings_before, open.start..end),
            Started::List(list) => {
                self.parts.lists[list].span.end = end;
                self.open_lists.pop();
            }
            Started::Item {
                list,
                item,
                texts_before,
            } => {
                let item = &mut self.parts.lists[list].items[item];
                item.span.end = end;
                item.blank = self.texts == texts_before;
            }
            Started::Quote(outermost) => {
                self.flush();
                self.quote_depth -= 1;
                if let Some(index) = outermost {
                    self.parts.quotes[index].end = end;
                }
            }
            Started::Table => {
                self.table_parts.pop();
                self.end_table(end);
            }
            Started::Row => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.end = end;
                }
            }
            Started::Cell { header } => {
                self.table_parts.pop();
                self.end_cell(header, open.start..end);
            }
            Started::Link { index, text_start } => {
                let text = self
                    .current
                    .as_ref()
                    .and_then(|b| b.block.text.get(text_start..))
                    .unwrap_or("")
                    .trim()
                    .to_string();
                let link = &mut self.parts.links[index];
                link.text = text;
                link.span.end = end;
            }
        }
        if !open.tag.is_inline() && !open.skips {
            if let Some(current) = self.current.as_mut() {
                current.block.span.end = current.block.span.end.max(end);
            }
            if !self.in_cell() {
                self.flush();
            }
        }
    }

    fn end_heading(&mut self, level: u8, span: Range<usize>) {
        let Some(OpenBlock { mut block, .. }) = self.current.take() else {
            return;
        };
        self.pending_space = None;
        block.kind = BlockKind::Heading;
        block.span = span.clone();
        self.parts.headings.push(Heading {
            level,
            text: block.text.trim().to_string(),
            span,
        });
        if !block.text.is_empty() {
            self.parts.blocks.push(block);
        }
    }

    /// A `summary` is an FAQ entry: a heading one level below the last
    /// `h1`-`h6`, unless it held a heading of its own.
    fn end_summary(&mut self, headings_before: usize, span: Range<usize>) {
        let has_text = self.current.as_ref().is_some_and(|b| !b.block.text.trim().is_empty());
        if self.parts.headings.len() != headings_before || !has_text {
            return;
        }
        self.end_heading((self.section_level + 1).min(6), span);
    }

    fn end_cell(&mut self, header: bool, span: Range<usize>) {
        self.pending_space = None;
        let block = self.current.take().map(|b| b.block);
        let text = block.as_ref().map_or(String::new(), |b| b.text.trim().to_string());
        if let Some(block) = block.filter(|b| !b.text.is_empty()) {
            self.parts.blocks.push(block);
        }
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        if table.rows.is_empty() {
            let in_head = table.in_head;
            table.rows.push(TableRow {
                cells: Vec::new(),
                all_header_cells: true,
                in_head,
                end: span.end,
            });
        }
        if let Some(row) = table.rows.last_mut() {
            row.all_header_cells &= header;
            row.end = row.end.max(span.end);
            row.cells.push(Cell { text, span });
        }
    }

    /// The header is the `thead` row, or a first row of `th` cells; a
    /// table without one gets a header of blank cells. Rows are cut or
    /// padded to the header's width, as in Markdown.
    fn end_table(&mut self, end: usize) {
        let Some(OpenTable { mut table, rows, .. }) = self.tables.pop() else {
            return;
        };
        table.span.end = end;
        let mut rows: Vec<TableRow> = rows.into_iter().filter(|r| !r.cells.is_empty()).collect();
        let header_row = rows
            .iter()
            .position(|r| r.in_head)
            .or_else(|| rows.first().filter(|r| r.all_header_cells).map(|_| 0));
        let width = match header_row {
            Some(index) => {
                let row = rows.remove(index);
                rows.retain(|r| !r.in_head);
                table.header = row.cells;
                table.header.len()
            }
            None => {
                let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
                table.header = (0..width)
                    .map(|_| Cell {
                        text: String::new(),
                        span: table.span.start..table.span.start,
                    })
                    .collect();
                width
            }
        };
        for TableRow { mut cells, end, .. } in rows {
            cells.truncate(width);
            while cells.len() < width {
                cells.push(Cell {
                    text: String::new(),
                    span: end..end,
                });
            }
            table.rows.push(cells);
        }
        self.parts.tables.push(table);
    }

    fn text(&mut self, value: &[u8], span: Range<usize>) {
        if let Some(range) = self.raw_text.as_mut() {
            if range.start == range.end {
                range.start = span.start;
            }
            range.end = span.end;
            return;
        }
        if self.skipping() {
            return;
        }
        let raw = &self.source[span.clone()];
        if raw.bytes().all(|b| b.is_ascii_whitespace()) {
            if self.current.as_ref().is_some_and(|b| !b.block.text.is_empty()) {
                self.pending_space = Some(span);
            }
            return;
        }
        if self.current.is_none() {
            let lead = raw.len() - raw.trim_start().len();
            let kind = self.block_kind();
            self.start_block(kind, span.start + lead);
        }
        let in_bold = self.depths.bold > 0;
        let Some(open) = self.current.as_mut() else { return };
        if open.block.text.is_empty() && open.block.kind != BlockKind::Heading {
            self.parts.content_starts.push(open.block.span.start);
        }
        open.all_bold &= in_bold;
        open.block.span.end = open.block.span.end.max(span.end);
        self.texts += 1;
        let runs = decode_runs(raw, span.start, value);
        let block = &mut open.block;
        for run in runs {
            push_collapsed(block, &mut self.pending_space, self.source, run);
        }
    }

    /// Closes what is still open and keeps only the article: what lies in
    /// the page's `main`, else its first `article`, when it has one.
    fn finish(&mut self, end: usize) {
        self.close_to(0, end);
        self.flush();
        for root in [&mut self.main, &mut self.article] {
            if let Some(range) = root.as_mut().filter(|r| r.end == r.start) {
                range.end = end;
            }
        }
        let parts = &mut self.parts;
        parts.content_starts.sort_unstable();
        parts.content_starts.dedup();
        let Some(root) = self.main.clone().or_else(|| self.article.clone()) else {
            return;
        };
        self.body_start = Some(root.start);
        let inside = |span: &Range<usize>| root.contains(&span.start);
        parts.headings.retain(|h| inside(&h.span));
        parts.links.retain(|l| inside(&l.span));
        parts.tables.retain(|t| inside(&t.span));
        parts.lists.retain(|l| inside(&l.span));
        parts.content_starts.retain(|&s| root.contains(&s));
        let kept: Vec<Option<usize>> = parts
            .quotes
            .iter()
            .scan(0, |next, q| {
                Some(inside(q).then(|| {
                    *next += 1;
                    *next - 1
                }))
            })
            .collect();
        parts.quotes.retain(|q| inside(q));
        parts.blocks.retain(|b| inside(&b.span));
        for block in &mut parts.blocks {
            block.quote = block.quote.and_then(|q| kept.get(q).copied().flatten());
        }
    }
}

/// A stretch of decoded text and the source bytes it came from.
#[derive(Debug, PartialEq, Eq)]
struct Run<'r> {
    text: std::borrow::Cow<'r, str>,
    source: Range<usize>,
    /// The text is the source bytes themselves.
    exact: bool,
}

/// Decodes a text run's character references into runs that keep exact
/// source offsets wherever decoding kept lengths. `value` is the
/// tokenizer's decoding: when a reference is one this table does not know,
/// the whole run is that value, mapped to the run's start.
fn decode_runs<'r>(raw: &'r str, base: usize, value: &[u8]) -> Vec<Run<'r>> {
    if !raw.contains(['&', '\r', '\0']) {
        // Nothing to decode: the text is the source (the common case).
        return vec![Run {
            text: std::borrow::Cow::Borrowed(raw),
            source: base..base + raw.len(),
            exact: true,
        }];
    }
    let mut runs = Vec::new();
    let mut literal_start = 0;
    let mut at = 0;
    while let Some(found) = raw[at..].find('&') {
        let amp = at + found;
        let Some((length, decoded)) = character_reference(&raw[amp..]) else {
            at = amp + 1;
            continue;
        };
        if literal_start < amp {
            runs.push(exact_run(raw, base, literal_start..amp));
        }
        runs.push(Run {
            text: std::borrow::Cow::Owned(decoded),
            source: base + amp..base + amp + length,
            exact: false,
        });
        at = amp + length;
        literal_start = at;
    }
    if literal_start < raw.len() {
        runs.push(exact_run(raw, base, literal_start..raw.len()));
    }
    let ours: String = runs.iter().map(|r| r.text.as_ref()).collect();
    let theirs = String::from_utf8_lossy(value);
    if ours.replace("\r\n", "\n").replace('\r', "\n") == theirs {
        return runs;
    }
    vec![Run {
        text: std::borrow::Cow::Owned(theirs.into_owned()),
        source: base..base + raw.len(),
        exact: false,
    }]
}

fn exact_run(raw: &str, base: usize, range: Range<usize>) -> Run<'_> {
    Run {
        text: std::borrow::Cow::Borrowed(&raw[range.clone()]),
        source: base + range.start..base + range.end,
        exact: true,
    }
}

/// Appends a run to `block`, collapsing white space as a browser shows
/// it: runs of spaces and line breaks become one space, none at the
/// block's start.
fn push_collapsed(block: &mut TextBlock, pending_space: &mut Option<Range<usize>>, source: &str, run: Run<'_>) {
    let emit_space = |block: &mut TextBlock, pending: &mut Option<Range<usize>>| {
        if let Some(space) = pending.take()
            && !block.text.is_empty()
        {
            let exact = source.get(space.clone()) == Some(" ");
            block.push(" ", space, exact);
        }
    };
    if !run.exact {
        emit_space(block, pending_space);
        block.push(&run.text, run.source, false);
        return;
    }
    let bytes = run.text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            let j = (i..bytes.len())
                .find(|&j| !bytes[j].is_ascii_whitespace())
                .unwrap_or(bytes.len());
            *pending_space = Some(run.source.start + i..run.source.start + j);
            i = j;
            continue;
        }
        // Text up to a white space run other than one space between words.
        let mut k = i;
        let one_space_between_words =
            |k: usize| bytes[k] == b' ' && bytes.get(k + 1).is_some_and(|b| !b.is_ascii_whitespace());
        while k < bytes.len() && (!bytes[k].is_ascii_whitespace() || one_space_between_words(k)) {
            k += 1;
        }
        emit_space(block, pending_space);
        block.push(&run.text[i..k], run.source.start + i..run.source.start + k, true);
        i = k;
    }
}

/// Text with its character references decoded by the tokenizer's rules.
fn decoded(raw: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    while let Some(found) = raw[at..].find('&') {
        let amp = at + found;
        out.push_str(&raw[at..amp]);
        match character_reference(&raw[amp..]) {
            Some((length, text)) => {
                out.push_str(&text);
                at = amp + length;
            }
            None => {
                out.push('&');
                at = amp + 1;
            }
        }
    }
    out.push_str(&raw[at..]);
    out
}

fn collapse_white_space(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// The length and text of the character reference `text` starts with
/// (`&amp;`, `&#8217;`, `&#x2014;`), for the references written in
/// practice; `None` for anything else.
fn character_reference(text: &str) -> Option<(usize, String)> {
    let end = text[1..].find(';').map(|i| i + 1).filter(|&i| i <= 32)?;
    let name = &text[1..end];
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        // The tokenizer maps NUL, surrogates and out-of-range numbers to
        // U+FFFD and a few C1 controls to Windows-1252; those are left to it.
        if code == 0 || (0x80..=0x9f).contains(&code) {
            return None;
        }
        char::from_u32(code)?.to_string()
    } else {
        named_reference(name)?.to_string()
    };
    Some((end + 1, decoded))
}

/// The named references CMS exports use; rarer ones fall back to the
/// tokenizer's decoding of the whole run.
fn named_reference(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "shy" => "\u{ad}",
        "zwnj" => "\u{200c}",
        "zwj" => "\u{200d}",
        "ndash" => "–",
        "mdash" => "—",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "hellip" => "…",
        "bull" => "•",
        "middot" => "·",
        "dagger" => "†",
        "Dagger" => "‡",
        "sect" => "§",
        "para" => "¶",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "deg" => "°",
        "plusmn" => "±",
        "times" => "×",
        "divide" => "÷",
        "minus" => "−",
        "le" => "≤",
        "ge" => "≥",
        "ne" => "≠",
        "asymp" => "≈",
        "micro" => "µ",
        "mu" => "μ",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "sup1" => "¹",
        "sup2" => "²",
        "sup3" => "³",
        "permil" => "‰",
        "prime" => "′",
        "Prime" => "″",
        "euro" => "€",
        "pound" => "£",
        "cent" => "¢",
        "yen" => "¥",
        "rarr" => "→",
        "larr" => "←",
        "check" => "✓",
        "aacute" => "á",
        "eacute" => "é",
        "iacute" => "í",
        "oacute" => "ó",
        "uacute" => "ú",
        "ntilde" => "ñ",
        "uuml" => "ü",
        "ouml" => "ö",
        "auml" => "ä",
        "ccedil" => "ç",
        "egrave" => "è",
        "agrave" => "à",
        "szlig" => "ß",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::InputFormat;

    fn read(source: &str) -> Article<'_> {
        Article::read(source, InputFormat::Html, &ReviewOptions::default())
    }

    fn texts(article: &Article) -> Vec<String> {
        article.blocks.iter().map(|b| b.text.clone()).collect()
    }

    #[test]
    fn chrome_is_not_article_text() {
        let article = read(
            "<body><header><h1>Site</h1></header><nav><p>Menu</p></nav><main><h1>Title</h1><p>Body text.</p>\
             <aside><p>Ad</p></aside><form><p>Sign up</p></form><p hidden>Secret</p><script>var x;</script></main>\
             <footer><p>Footer</p></footer></body>",
        );
        assert_eq!(texts(&article), ["Title", "Body text."]);
        assert_eq!(article.headings.len(), 1);
    }

    #[test]
    fn a_header_inside_the_article_is_article_text() {
        let article =
            read("<header>Site</header><article><header><h1>T</h1><p>By Ana Ruiz</p></header><p>x</p></article>");
        assert_eq!(texts(&article), ["T", "By Ana Ruiz", "x"]);
        assert_eq!(article.review.authors[0].name, "Ana Ruiz");
    }

    #[test]
    fn entities_decode_and_spans_stay_exact() {
        let source = "<p>Care &amp; rest:\n   sunscreen&rsquo;s 30&nbsp;SPF and &weird; rest</p>";
        let article = read(source);
        let block = &article.blocks[0];
        assert_eq!(block.text, "Care & rest: sunscreen’s 30\u{a0}SPF and &weird; rest");
        let find = |needle: &str| {
            let at = block.text.find(needle).unwrap();
            &source[block.source_span(at..at + needle.len())]
        };
        assert_eq!(find("sunscreen"), "sunscreen");
        assert_eq!(find("Care"), "Care");
        assert_eq!(find("&"), "&amp;");
        assert_eq!(find("rest:"), "rest:");
    }

    #[test]
    fn unknown_references_fall_back_to_the_tokenizer() {
        let source = "<p>A &notin; B and &copy 2026</p>";
        let article = read(source);
        assert_eq!(article.blocks[0].text, "A ∉ B and © 2026");
    }

    #[test]
    fn implied_end_tags_close_paragraphs_items_and_cells() {
        let source = "<p>One<p>Two<ul><li>a<li>b</ul><table><tr><th>K<th>V<tr><td>x<td></table>";
        let article = read(source);
        assert_eq!(texts(&article), ["One", "Two", "a", "b", "K", "V", "x"]);
        assert_eq!(article.lists[0].items.len(), 2);
        let table = &article.tables[0];
        assert_eq!(
            table.header.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
            ["K", "V"]
        );
        assert_eq!(table.rows.len(), 1);
        assert!(table.rows[0][1].is_empty());
    }

    #[test]
    fn summaries_are_faq_entries_below_the_last_heading() {
        let source = "<h2>FAQ</h2><details><summary>Is it safe?</summary><p>Yes.</p></details>\
                      <details><summary><h3>Does it hurt?</h3></summary></details>";
        let article = read(source);
        let headings: Vec<_> = article.headings.iter().map(|h| (h.level, h.text.as_str())).collect();
        assert_eq!(headings, [(2, "FAQ"), (3, "Is it safe?"), (3, "Does it hurt?")]);
        assert!(article.sections[1].has_own_content);
        assert!(!article.sections[2].has_own_content);
    }

    #[test]
    fn bold_paragraphs_and_line_breaks() {
        let article = read("<p><strong>Is it safe?</strong></p><p>By Ana Ruiz<br>Reviewed by Omar Lee, MD</p>");
        assert!(article.blocks[0].bold);
        assert_eq!(
            texts(&article),
            ["Is it safe?", "By Ana Ruiz", "Reviewed by Omar Lee, MD"]
        );
        assert_eq!(article.review.byline_reviewer.as_ref().unwrap().name, "Omar Lee");
    }

    #[test]
    fn head_metadata_comments_and_invalid_json_ld() {
        let source = "<html><head><title>Peels &amp; You</title><meta name=\"reviewed_by\" content=\"Ana Ruiz, MD\">\
                      <script type=\"application/ld+json\">{\"lastReviewed\": 2026-01-02}</script></head>\
                      <body><!-- medlint-disable empty-section --><p>x</p></body></html>";
        let article = read(source);
        assert_eq!(article.title.as_ref().unwrap().text, "Peels & You");
        let reviewer = article.review.fm_reviewer.as_ref().unwrap();
        assert_eq!(&source[reviewer.span.clone()], "Ana Ruiz, MD");
        assert_eq!(article.comments[0].text, "medlint-disable empty-section");
        assert_eq!(article.page_data_errors.len(), 1);
        assert_eq!(texts(&article), ["x"]);
    }

    #[test]
    fn links_carry_their_text_and_destination() {
        let article = read("<p>See <a href=\"https://example.org/a?b=1&amp;c=2\">the <em>study</em></a>.</p>");
        let link = &article.links[0];
        assert_eq!(link.text, "the study");
        assert_eq!(link.destination, "https://example.org/a?b=1&c=2");
        assert!(article.blocks[0].has_citation);
    }
}
