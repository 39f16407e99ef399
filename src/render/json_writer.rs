//! JSON written piece by piece in `serde_json`'s pretty layout, for the
//! documents whose findings are spooled: the head and tail are written from
//! typed values around entries that were rendered file by file, and the
//! bytes are those `serde_json::to_string_pretty` gives for the whole.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::render::Spooled;

/// An open object or array, and whether a member or element is in it yet.
#[derive(Clone, Copy)]
struct Open {
    object: bool,
    empty: bool,
}

impl Open {
    fn new(object: bool) -> Open {
        Open { object, empty: true }
    }
}

/// A JSON document written a piece at a time: containers begun and ended,
/// keys, whole values, and spooled entries copied in.
pub struct JsonWriter<W> {
    out: W,
    /// The layout state (depth, whether the innermost container has a
    /// value), driven here as `serde_json`'s serializer drives it.
    layout: PrettyFormatter<'static>,
    open: Vec<Open>,
}

impl<W: Write> JsonWriter<W> {
    /// A writer at the top of a document.
    pub fn new(out: W) -> JsonWriter<W> {
        JsonWriter {
            out,
            layout: PrettyFormatter::new(),
            open: Vec::new(),
        }
    }

    /// A writer positioned in an array `depth` containers deep, for the
    /// entries that [`JsonWriter::spooled`] copies into such an array.
    fn inside_array(out: W, depth: usize) -> JsonWriter<W> {
        // The formatter keeps its depth private: opening the enclosing
        // containers into a sink gives it the state it has at that depth.
        let mut layout = PrettyFormatter::new();
        for _ in 0..depth {
            layout.begin_array(&mut io::sink()).expect("a sink takes anything");
        }
        JsonWriter {
            out,
            layout,
            open: vec![Open::new(false); depth],
        }
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    pub fn begin_object(&mut self) -> io::Result<()> {
        self.layout.begin_object(&mut self.out)?;
        self.open.push(Open::new(true));
        Ok(())
    }

    pub fn begin_array(&mut self) -> io::Result<()> {
        self.layout.begin_array(&mut self.out)?;
        self.open.push(Open::new(false));
        Ok(())
    }

    /// Closes the innermost object or array.
    pub fn end(&mut self) -> io::Result<()> {
        let open = self.open.pop().expect("a container is open");
        if open.object {
            self.layout.end_object(&mut self.out)?;
        } else {
            self.layout.end_array(&mut self.out)?;
        }
        self.end_value()
    }

    /// Starts a member of the innermost object: its value follows, written
    /// whole ([`JsonWriter::value`]) or begun.
    pub fn key(&mut self, key: &str) -> io::Result<()> {
        let first = self.take_first(true);
        self.layout.begin_object_key(&mut self.out, first)?;
        serde_json::to_writer(&mut self.out, key)?;
        self.layout.end_object_key(&mut self.out)?;
        self.layout.begin_object_value(&mut self.out)
    }

    /// Starts an element of the innermost array.
    pub fn element(&mut self) -> io::Result<()> {
        let first = self.take_first(false);
        self.layout.begin_array_value(&mut self.out, first)
    }

    /// Writes a whole value where a member's or element's value goes.
    pub fn value(&mut self, value: &(impl Serialize + ?Sized)) -> io::Result<()> {
        value.serialize(&mut serde_json::Serializer::with_formatter(
            &mut self.out,
            self.layout.clone(),
        ))?;
        self.end_value()
    }

    /// `key` and its whole `value`.
    pub fn member(&mut self, key: &str, value: &(impl Serialize + ?Sized)) -> io::Result<()> {
        self.key(key)?;
        self.value(value)
    }

    /// Copies spooled entries into the innermost array, which must be
    /// `depth` containers deep, the depth [`entries`] rendered them at.
    pub fn spooled(&mut self, entries: Spooled<'_>, depth: usize) -> io::Result<()> {
        debug_assert_eq!(self.open.len(), depth, "entries rendered at another depth");
        if !entries.any() {
            return Ok(());
        }
        entries.copy_to(&mut self.out)?;
        self.take_first(false);
        self.layout.end_array_value(&mut self.out)
    }

    /// Ends the document, as `serde_json`'s pretty output is ended in a file.
    pub fn finish(&mut self) -> io::Result<()> {
        debug_assert!(self.open.is_empty(), "a container is still open");
        self.out.write_all(b"\n")
    }

    /// Whether the next member or element of the innermost container is
    /// its first; from now on it is not.
    fn take_first(&mut self, in_object: bool) -> bool {
        let open = self.open.last_mut().expect("a container is open");
        debug_assert_eq!(
            open.object, in_object,
            "a key goes in an object, an element in an array"
        );
        std::mem::replace(&mut open.empty, false)
    }

    /// After a member's or element's value.
    fn end_value(&mut self) -> io::Result<()> {
        match self.open.last() {
            Some(Open { object: true, .. }) => self.layout.end_object_value(&mut self.out),
            Some(Open { object: false, .. }) => self.layout.end_array_value(&mut self.out),
            None => Ok(()),
        }
    }
}

/// One file's entries for an array `depth` containers deep, as
/// [`JsonWriter::spooled`] copies them: each on a line of its own, a
/// file's first one too, so that a comma is all two files need between
/// them.
pub fn entries<T: Serialize>(items: impl Iterator<Item = T>, depth: usize) -> String {
    let mut writer = JsonWriter::inside_array(Vec::new(), depth);
    for item in items {
        writer
            .element()
            .and_then(|()| writer.value(&item))
            .expect("findings serialize to memory");
    }
    String::from_utf8(writer.into_inner()).expect("JSON is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Format, Spool};
    use serde_json::json;

    /// A document written piece by piece, its array's entries rendered
    /// file by file and spooled, has the bytes of the whole pretty-printed.
    #[test]
    fn pieces_make_the_pretty_printed_whole() {
        let items = [json!({"a": 1, "b": [1, 2]}), json!({}), json!([])];
        for count in 0..=items.len() {
            let whole = json!({"head": {"x": [true]}, "list": [{"items": &items[..count], "rest": null}]});
            let mut spool = Spool::new(Vec::new(), Format::Json);
            for item in &items[..count] {
                spool.add(&entries(std::iter::once(item), 4)).unwrap();
            }
            let (text, any) = spool.into_parts();
            let mut writer = JsonWriter::new(Vec::new());
            writer.begin_object().unwrap();
            writer.member("head", &json!({"x": [true]})).unwrap();
            writer.key("list").unwrap();
            writer.begin_array().unwrap();
            writer.element().unwrap();
            writer.begin_object().unwrap();
            writer.key("items").unwrap();
            writer.begin_array().unwrap();
            writer.spooled(Spooled::new(&mut text.as_slice(), any), 4).unwrap();
            writer.end().unwrap();
            writer.member("rest", &()).unwrap();
            writer.end().unwrap();
            writer.end().unwrap();
            writer.end().unwrap();
            writer.finish().unwrap();
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            assert_eq!(
                String::from_utf8(writer.into_inner()).unwrap(),
                expected,
                "{count} items"
            );
        }
    }
}
