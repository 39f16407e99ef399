//! The HTML reader.
use crate::article::{Article, ReviewOptions};
pub(crate) fn parse<'a>(source: &'a str, review_options: &ReviewOptions) -> Article<'a> {
    crate::article::markdown::parse(source, review_options)
}
