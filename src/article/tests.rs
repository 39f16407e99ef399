use super::*;

const ARTICLE: &str = "---
title: Chemical Peels
---
# Chemical Peels

Intro with a [source](https://example.org/study).

## Key Takeaways

- Peels remove *damaged* skin
- Recovery takes 3-7 days

## Details
### Empty Sub

| Detail | Value |
| --- | --- |
| Duration | 30 minutes |
| Cost | |

Setext Heading
--------------

<!-- just a note -->

## Related Articles
";

#[test]
fn title_comes_from_front_matter_first() {
    let article = Article::parse(ARTICLE);
    assert_eq!(article.title.unwrap().text, "Chemical Peels");
}

#[test]
fn headings_include_atx_and_setext() {
    let article = Article::parse(ARTICLE);
    let texts: Vec<_> = article.headings.iter().map(|h| (h.level, h.text.as_str())).collect();
    assert_eq!(
        texts,
        [
            (1, "Chemical Peels"),
            (2, "Key Takeaways"),
            (2, "Details"),
            (3, "Empty Sub"),
            (2, "Setext Heading"),
            (2, "Related Articles"),
        ]
    );
    let related = &article.headings[5];
    assert_eq!(&ARTICLE[related.span.clone()], "## Related Articles");
}

#[test]
fn section_tree_links_parents_and_children() {
    let article = Article::parse(ARTICLE);
    let root = &article.sections[0];
    assert_eq!(root.children, [1, 2, 4, 5]);
    assert_eq!(article.sections[3].parent, Some(2));
    // "Details" has no own content, only a subsection.
    assert!(!article.sections[2].has_own_content);
    // "Empty Sub" holds the table.
    assert!(article.sections[3].has_own_content);
    // A comment-only HTML block is not content.
    assert!(!article.sections[4].has_own_content);
    assert!(!article.sections[5].has_own_content);
    assert_eq!(article.section_at(ARTICLE.find("Duration").unwrap()), Some(3));
}

#[test]
fn tables_keep_empty_cells_with_spans() {
    let article = Article::parse(ARTICLE);
    let table = &article.tables[0];
    let header: Vec<_> = table.header.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(header, ["Detail", "Value"]);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[1][0].text, "Cost");
    assert!(table.rows[1][1].is_empty());
    assert_eq!(&ARTICLE[table.rows[0][1].span.clone()].trim(), &"30 minutes");
}

#[test]
fn list_items_are_text_blocks_mapped_to_source() {
    let article = Article::parse(ARTICLE);
    let item = article
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::ListItem && b.text.contains("damaged"))
        .expect("list item");
    assert_eq!(item.text, "Peels remove damaged skin");
    let at = item.text.find("damaged").unwrap();
    assert_eq!(&ARTICLE[item.source_span(at..at + 7)], "damaged");
}

#[test]
fn links_and_comments_are_collected() {
    let article = Article::parse(ARTICLE);
    assert_eq!(article.links.len(), 1);
    assert_eq!(article.links[0].text, "source");
    assert_eq!(article.links[0].destination, "https://example.org/study");
    assert_eq!(
        &ARTICLE[article.links[0].span.clone()],
        "[source](https://example.org/study)"
    );
    assert_eq!(article.comments[0].text, "just a note");
    let intro = article.blocks.iter().find(|b| b.text.starts_with("Intro")).unwrap();
    assert!(intro.has_citation);
}

#[test]
fn crlf_source_gives_the_same_model() {
    let crlf = ARTICLE.replace('\n', "\r\n");
    let article = Article::parse(&crlf);
    assert_eq!(article.headings.len(), 6);
    assert_eq!(article.tables[0].rows.len(), 2);
    let related = &article.headings[5];
    assert_eq!(&crlf[related.span.clone()], "## Related Articles");
}

#[test]
fn heading_comments_do_not_leak_into_heading_text() {
    let article = Article::parse("## Bottom Line <!-- expect: x -->\n\nText.\n");
    assert_eq!(article.headings[0].text, "Bottom Line");
    assert_eq!(article.comments[0].text, "expect: x");
}

#[test]
fn title_falls_back_to_first_h1() {
    let article = Article::parse("Intro\n\n# Real Title\n\n## Other\n");
    assert_eq!(article.title.unwrap().text, "Real Title");
}

#[test]
fn comment_spans_point_at_the_comment_in_crlf_html() {
    // An unclosed `<?` makes the rest an HTML block, read with `\r\n`
    // line ends: the comment's span must still be the comment.
    let source = "<?\r\n\r\n# Title\r\n\r\n𝔍0\r\n\r\n<!-- medlint-disable x -->";
    let article = Article::parse(source);
    let spans: Vec<&str> = article.comments.iter().map(|c| &source[c.span.clone()]).collect();
    assert_eq!(spans, ["<!-- medlint-disable x -->"]);
    let quoted = "> <!-- a -->\r\n> <!-- b -->\r\n";
    let article = Article::parse(quoted);
    let spans: Vec<&str> = article.comments.iter().map(|c| &quoted[c.span.clone()]).collect();
    assert_eq!(spans, ["<!-- a -->", "<!-- b -->"]);
}
