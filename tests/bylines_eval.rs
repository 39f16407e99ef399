//! The byline evaluation set: `fixtures/bylines-eval/forms.toml` holds byline
//! forms as health publishers write them, each labelled with the author,
//! reviewer, credentials and dates a correct reader must find. Every form is
//! read through the real Markdown reader; the test prints how many are read
//! exactly right, lists the misses, and fails unless all of them are.

use std::path::Path;

use medlint::article::Article;
use medlint::article::review::DateField;
use serde::Deserialize;

#[derive(Deserialize)]
struct FormSet {
    form: Vec<Form>,
}

/// One labelled form, as the file writes it: a typo in a key is an error,
/// not a label that silently goes unchecked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Form {
    style: String,
    source: String,
    author: Option<String>,
    reviewer: Option<String>,
    #[serde(default)]
    credentials: Vec<String>,
    reviewed: Option<String>,
    updated: Option<String>,
    published: Option<String>,
    next_review: Option<String>,
}

impl Form {
    fn expected(&self) -> Reading {
        Reading {
            author: self.author.clone(),
            reviewer: self.reviewer.clone(),
            credentials: self.credentials.clone(),
            reviewed: self.reviewed.clone(),
            updated: self.updated.clone(),
            published: self.published.clone(),
            next_review: self.next_review.clone(),
        }
    }
}

/// What a byline says about the review: what the labels give, and what the
/// reader made of the same form.
#[derive(Debug, PartialEq, Eq)]
struct Reading {
    author: Option<String>,
    reviewer: Option<String>,
    credentials: Vec<String>,
    reviewed: Option<String>,
    updated: Option<String>,
    published: Option<String>,
    next_review: Option<String>,
}

/// The day a date field names, as the labels write it (ISO).
fn day(field: Option<&DateField>) -> Option<String> {
    field.and_then(|date| date.value.ok()).map(|d| d.to_string())
}

fn read(source: &str) -> Reading {
    let article = Article::parse(source);
    let review = &article.review;
    let reviewer = review.reviewer();
    Reading {
        author: review.authors.first().map(|a| a.name.clone()),
        reviewer: reviewer.map(|r| r.name.clone()),
        credentials: reviewer.map(|r| r.credentials.clone()).unwrap_or_default(),
        reviewed: day(review.review_date()),
        updated: day(review.updated.as_ref()),
        published: day(review.published.as_ref()),
        next_review: day(review.next_review.as_ref()),
    }
}

fn forms() -> Vec<Form> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bylines-eval/forms.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str::<FormSet>(&text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .form
}

#[test]
fn every_byline_form_is_read_exactly_right() {
    let forms = forms();
    assert!(forms.len() >= 60, "the evaluation set shrank to {} forms", forms.len());
    let mut misses = Vec::new();
    for (index, form) in forms.iter().enumerate() {
        let got = read(&form.source);
        let expected = form.expected();
        if got != expected {
            misses.push(format!(
                "form {} ({}):\n    expected {:?}\n    read     {:?}",
                index + 1,
                form.style,
                expected,
                got
            ));
        }
    }
    println!(
        "byline forms read exactly right: {}/{}",
        forms.len() - misses.len(),
        forms.len()
    );
    for miss in &misses {
        println!("  miss: {miss}");
    }
    assert!(misses.is_empty(), "{} of {} forms misread", misses.len(), forms.len());
}
