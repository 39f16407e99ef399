//! Reading a TOML file with spans: the one reader behind `medlint.toml`
//! and rule packs, so that every mistake in either is reported at its
//! place in the file, with a "did you mean" where one fits.

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use crate::suggest::hint;

/// A file that cannot be used, located at the fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    /// The file's text, for an excerpt; empty when it could not be read.
    pub source: String,
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl FileError {
    /// A file that could not be read at all.
    pub fn unreadable(path: &Path, message: String) -> FileError {
        FileError {
            path: path.to_path_buf(),
            source: String::new(),
            span: 0..0,
            message,
            help: None,
        }
    }
}

pub type Key<'i> = Spanned<DeString<'i>>;
pub type Value<'i> = Spanned<DeValue<'i>>;

/// A TOML file being read: errors name it and point into its text.
#[derive(Clone, Copy)]
pub struct TomlFile<'a> {
    pub path: &'a Path,
    pub source: &'a str,
}

impl<'a> TomlFile<'a> {
    pub fn new(path: &'a Path, source: &'a str) -> Self {
        TomlFile { path, source }
    }

    /// The file's top-level table.
    pub fn parse(&self) -> Result<Spanned<DeTable<'a>>, FileError> {
        DeTable::parse(self.source).map_err(|error| {
            let span = error.span().unwrap_or(0..0);
            self.error(span, format!("invalid TOML: {}", error.message().trim()), None)
        })
    }

    pub fn error(&self, span: Range<usize>, message: impl Into<String>, help: Option<String>) -> FileError {
        FileError {
            path: self.path.to_path_buf(),
            source: self.source.to_string(),
            span,
            message: message.into(),
            help,
        }
    }

    /// A key that is not one of `allowed`; `place` says where, such as
    /// " in [review]".
    pub fn unknown_key(&self, key: &Key<'_>, place: &str, allowed: &[&str]) -> FileError {
        let name = key.get_ref().as_ref();
        self.error(
            key.span(),
            format!("unknown key \"{name}\"{place}{}", hint(name, allowed.iter().copied())),
            Some(format!("known keys: {}", allowed.join(", "))),
        )
    }

    /// Each value's `what` is how messages name it ("[review]", "`name`").
    pub fn table<'v, 'i>(&self, value: &'v Value<'i>, what: &str) -> Result<&'v DeTable<'i>, FileError> {
        value
            .get_ref()
            .as_table()
            .ok_or_else(|| self.error(value.span(), format!("{what} must be a table"), None))
    }

    pub fn string<'v>(&self, value: &'v Value<'_>, what: &str) -> Result<&'v str, FileError> {
        value
            .get_ref()
            .as_str()
            .ok_or_else(|| self.error(value.span(), format!("{what} must be a string"), None))
    }

    pub fn bool(&self, value: &Value<'_>, what: &str) -> Result<bool, FileError> {
        value
            .get_ref()
            .as_bool()
            .ok_or_else(|| self.error(value.span(), format!("{what} must be true or false"), None))
    }

    /// An array of strings, each with its span.
    pub fn strings(&self, value: &Value<'_>, what: &str) -> Result<Vec<(String, Range<usize>)>, FileError> {
        let array = value
            .get_ref()
            .as_array()
            .ok_or_else(|| self.error(value.span(), format!("{what} must be an array of strings"), None))?;
        self.items(array, what)
    }

    /// A string or an array of strings, each with its span.
    pub fn string_or_strings(&self, value: &Value<'_>, what: &str) -> Result<Vec<(String, Range<usize>)>, FileError> {
        if let Some(text) = value.get_ref().as_str() {
            return Ok(vec![(text.to_string(), value.span())]);
        }
        let array = value.get_ref().as_array().ok_or_else(|| {
            self.error(
                value.span(),
                format!("{what} must be a string or an array of strings"),
                None,
            )
        })?;
        self.items(array, what)
    }

    fn items(&self, array: &toml::de::DeArray<'_>, what: &str) -> Result<Vec<(String, Range<usize>)>, FileError> {
        array
            .iter()
            .map(|item| Ok((self.string(item, what)?.to_string(), item.span())))
            .collect()
    }

    /// A string or list of strings under `key`, each one of the named
    /// `choices`; `noun` names one in messages.
    pub fn choices<T: Copy>(
        &self,
        value: &Value<'_>,
        key: &str,
        noun: &str,
        choices: &[(&str, T)],
    ) -> Result<Vec<T>, FileError> {
        let names: Vec<String> = choices.iter().map(|(name, _)| format!("\"{name}\"")).collect();
        self.string_or_strings(value, &format!("`{key}`"))?
            .into_iter()
            .map(|(text, span)| {
                choices
                    .iter()
                    .find(|(name, _)| *name == text)
                    .map(|(_, v)| *v)
                    .ok_or_else(|| {
                        self.error(
                            span,
                            format!("unknown {noun} \"{text}\""),
                            Some(format!("`{key}` takes {}", names.join(", "))),
                        )
                    })
            })
            .collect()
    }
}
