//! The text scanner: every line once, each word a value candidate, labelled by the nearest label
//! phrase before it (or a label on a line of its own above a list), values wrapped at a line's
//! end joined with the rest on the next line.

use super::classify::{url_kind_of, value_kind_of, UrlShapes};
use super::joiners::{join_url, join_value};
use super::namespaces;
use super::sink::{At, Sink};
use super::words::{
    closing_quote, is_separator_end, split_inline_label, strip_word, url_in, InlineSplit,
};
use crate::model::kind_phrases::find_label;
use crate::model::param::ParamKind;
use crate::model::value_shape::value_shape;
use crate::workday::clean;
use std::borrow::Cow;
use std::collections::VecDeque;

/// How far back from a value the label search looks (bytes).
const LABEL_WINDOW: usize = 96;
/// The longest delimited value (`"…"`, `` `…` ``) taken as one value.
const MAX_DELIMITED: usize = 400;

/// One value candidate on a line.
struct Item<'l> {
    /// Byte span on the line.
    start: usize,
    end: usize,
    /// The value as it goes into the parameter (delimiters removed, inner white space kept).
    value: &'l str,
    /// It was written between delimiters (quotes, a code span, brackets).
    delimited: bool,
}

pub(super) struct Scanner<'t> {
    lines: Vec<&'t str>,
}

impl<'t> Scanner<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Scanner {
            lines: text.split('\n').collect(),
        }
    }

    /// A line without its e-mail quoting (`> > `), and the number of bytes removed.
    fn unquote(line: &str) -> (usize, &str) {
        let mut i = 0;
        let b = line.as_bytes();
        while i < b.len() && (b[i] == b'>' || (b[i] == b' ' && i > 0 && b[i - 1] == b'>')) {
            i += 1;
        }
        if i > 0 && i < b.len() && b[i] == b' ' {
            i += 1;
        }
        (i, &line[i..])
    }

    /// The value candidates of a line, left to right.
    fn items(line: &str) -> Vec<Item<'_>> {
        let mut out = Vec::new();
        let mut i = 0;
        let len = line.len();
        while i < len {
            let Some(c) = line[i..].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            // A delimited value: quotes, a code span, or brackets around a placeholder.
            if let Some(close) = closing_quote(c) {
                let body_start = i + c.len_utf8();
                let limit = (body_start + MAX_DELIMITED).min(len);
                let limit = (limit..=len)
                    .find(|l| line.is_char_boundary(*l))
                    .unwrap_or(len);
                if let Some(off) = line[body_start..limit].find(close) {
                    let body = &line[body_start..body_start + off];
                    let single =
                        !body.trim().contains(char::is_whitespace) && !body.trim().is_empty();
                    if single {
                        let end = body_start + off + close.len_utf8();
                        out.push(Item {
                            start: i,
                            end,
                            value: body,
                            delimited: true,
                        });
                        i = end;
                        continue;
                    }
                }
            }
            // A bare word.
            let end = Self::word_end(line, i);
            out.push(Item {
                start: i,
                end,
                value: &line[i..end],
                delimited: false,
            });
            i = end;
        }
        out
    }

    /// Where the bare word starting at `i` ends: at white space, except that no-break spaces
    /// trailing the word at the end of its line stay in it. A copy from a rendered page or a
    /// chat carries them along, invisible, and the partner's form takes them as part of the
    /// value (`invisible-char` reports them); between words they only separate.
    fn word_end(line: &str, i: usize) -> usize {
        for (o, c) in line[i..].char_indices() {
            if !c.is_whitespace() {
                continue;
            }
            let at = i + o;
            if clean::is_visible_space(c) {
                return at;
            }
            let tail = &line[at..];
            if !tail.chars().all(char::is_whitespace) {
                return at;
            }
            let run = tail
                .find(|c: char| clean::is_visible_space(c))
                .unwrap_or(tail.len());
            return at + run;
        }
        line.len()
    }

    pub(super) fn run(&self, sink: &mut Sink) {
        let mut shapes = UrlShapes::default();
        let mut block = 0;
        // A label on a line of its own (`Client secret:`), for the values on the next lines.
        let mut carry: Option<(Option<ParamKind>, &str)> = None;
        // Bytes of the next lines already joined to a value wrapped at the end of this one.
        let mut consumed: VecDeque<usize> = VecDeque::new();
        for (li, raw_line) in self.lines.iter().enumerate() {
            let (_, line) = Self::unquote(raw_line);
            let skip = consumed.pop_front().unwrap_or(0);
            if line.trim().is_empty() {
                block += 1;
                carry = None;
                continue;
            }
            let items = Self::items(line);
            let mut last_end = 0;
            let mut found_on_line = 0;
            let sole_item = items.len() == 1;
            for (n, item) in items.iter().enumerate() {
                if item.end <= skip {
                    last_end = item.end;
                    continue;
                }
                let wstart = item.start.saturating_sub(LABEL_WINDOW).max(last_end);
                let wstart = (wstart..=item.start)
                    .find(|s| line.is_char_boundary(*s))
                    .unwrap_or(item.start);
                let window = &line[wstart..item.start];
                let is_last = n + 1 == items.len();
                // A namespace declaration's value (`xmlns:wd="…"`) is never a parameter.
                if namespaces::declares_namespace(&line[..item.start]) {
                    last_end = item.end;
                    continue;
                }
                if let Some((at, url)) = (!item.delimited).then(|| url_in(item.value)).flatten() {
                    let window = &line[wstart..(item.start + at).max(wstart)];
                    if namespaces::declares_namespace(&line[..item.start + at]) {
                        last_end = item.end;
                        continue;
                    }
                    let (label_kind, label_text) = self.label_for(window, carry, sole_item);
                    let mut url = Cow::Borrowed(url);
                    let ends_word = item.start + at + url.len() >= item.end;
                    let mut joined_lines = None;
                    if is_last && ends_word {
                        if let Some((joined, used)) =
                            self.join_wrapped(li, &url, |acc, len, next| {
                                join_url(acc, len, Some(next), &mut shapes)
                            })
                        {
                            url = Cow::Owned(joined);
                            joined_lines = Some(used.clone());
                            consumed = used;
                        }
                    }
                    let line_end = (is_last && ends_word)
                        .then(|| self.line_end_space(li, line, item.end, joined_lines.as_ref()))
                        .flatten();
                    let shape = shapes.of(&clean::clean_cow(&url));
                    if let Some(kind) = shape.and_then(|s| url_kind_of(s, label_kind)) {
                        let at = At {
                            label: label_text,
                            line: Some(li + 1),
                            block,
                            line_end_white_space: line_end,
                        };
                        sink.push(kind, Vec::new(), &url, at);
                        found_on_line += 1;
                    }
                    last_end = item.end;
                    continue;
                }
                let mut value = Cow::Borrowed(if item.delimited {
                    item.value
                } else {
                    Self::bare_value(item.value)
                });
                if value.is_empty() {
                    continue;
                }
                // The value ends where its word does (no sentence mark cut off after it).
                let ends_word = !item.delimited && item.value.ends_with(value.as_ref());
                let mut joined_lines = None;
                if !item.delimited && is_last {
                    if let Some((joined, used)) = self.join_wrapped(li, &value, |acc, len, next| {
                        join_value(acc, len, Some(next))
                    }) {
                        value = Cow::Owned(joined);
                        joined_lines = Some(used.clone());
                        consumed = used;
                    }
                }
                let line_end = (is_last && ends_word)
                    .then(|| self.line_end_space(li, line, item.end, joined_lines.as_ref()))
                    .flatten();
                // `client_id=abc`, `secret:abc` in one word.
                let InlineSplit {
                    value,
                    label: inline_label,
                    shape: value_shape_seen,
                } = split_inline_label(&value, item.delimited);
                let separated = is_separator_end(window) || inline_label.is_some();
                // A carried label applies to a list line's values as if separated.
                let labelled = separated
                    || (carry.is_some() && found_on_line == 0 && window.trim().len() <= 3);
                let clean = clean::clean_cow(value);
                let shape = match value_shape_seen {
                    Some(shape) if clean.as_ref() == value => shape,
                    _ => value_shape(&clean),
                };
                // A word of no known shape after no label is prose: skip the label search.
                if !labelled && shape.is_empty() {
                    continue;
                }
                let (label_kind, label_text) = match inline_label {
                    Some((k, t)) => (Some(k), Some(t)),
                    None => self.label_for(window, carry, sole_item),
                };
                if let Some((kind, amb)) = value_kind_of(value, &clean, shape, label_kind, labelled)
                {
                    let at = At {
                        label: label_text,
                        line: Some(li + 1),
                        block,
                        line_end_white_space: line_end,
                    };
                    sink.push(kind, amb, value, at);
                    found_on_line += 1;
                    last_end = item.end;
                }
            }
            // A label with nothing after it carries to the next lines.
            let mut tail_start = last_end
                .min(line.len())
                .max(line.len().saturating_sub(LABEL_WINDOW));
            while !line.is_char_boundary(tail_start) {
                tail_start += 1;
            }
            let tail = &line[tail_start..];
            if found_on_line == 0 || !tail.trim().is_empty() {
                if let Some((kind, text)) = find_label(tail) {
                    if is_separator_end(tail) || tail.trim_end().ends_with(text) {
                        carry = Some((kind, text));
                        continue;
                    }
                }
            }
            if found_on_line == 0 && carry.is_some() && !sole_item {
                // Prose under a label ends the list it introduced.
                carry = None;
            }
        }
    }

    /// How many quote marks (`>`) start a line.
    fn quote_depth(line: &str) -> usize {
        let (n, _) = Self::unquote(line);
        line[..n].bytes().filter(|b| *b == b'>').count()
    }

    /// A value wrapped at the end of line `li`, joined with its rest on the following lines of
    /// the same quote depth, as many as `join` accepts: `join(value so far, length of the line
    /// it ends on, next line)` gives the joined value and the bytes of the next line it used.
    /// A line whose first word is only part of it ends the value there. Returns the joined
    /// value and, for each following line, the bytes used.
    fn join_wrapped(
        &self,
        li: usize,
        value: &str,
        mut join: impl FnMut(&str, usize, &str) -> Option<(String, usize)>,
    ) -> Option<(String, VecDeque<usize>)> {
        let depth = Self::quote_depth(self.lines[li]);
        let mut len = Self::unquote(self.lines[li]).1.len();
        let mut joined: Option<String> = None;
        let mut used = VecDeque::new();
        for raw in &self.lines[li + 1..] {
            if Self::quote_depth(raw) != depth {
                break;
            }
            let next = Self::unquote(raw).1;
            let Some((j, n)) = join(joined.as_deref().unwrap_or(value), len, next) else {
                break;
            };
            joined = Some(j);
            used.push_back(n);
            if n < next.trim_end().len() {
                break;
            }
            len = next.len();
        }
        joined.map(|j| (j, used))
    }

    /// The white space line `li` ends with right after a value that ends at byte `end` of it
    /// (`line`, unquoted), or, for a value joined over the following lines (`joined`: the bytes
    /// used of each), after its end on the last of them. `None` when the line goes on or ends
    /// without white space.
    fn line_end_space<'l>(
        &'l self,
        li: usize,
        line: &'l str,
        end: usize,
        joined: Option<&VecDeque<usize>>,
    ) -> Option<&'l str> {
        let (text, end) = match joined.and_then(|u| Some((u.len(), *u.back()?))) {
            Some((n, used)) => (Self::unquote(self.lines.get(li + n)?).1, used),
            None => (line, end),
        };
        let tail = text.get(end..)?;
        (!tail.is_empty() && tail.chars().all(char::is_whitespace)).then_some(tail)
    }

    /// The label for a value: the nearest in its window, else the carried one.
    fn label_for<'w>(
        &self,
        window: &'w str,
        carry: Option<(Option<ParamKind>, &'w str)>,
        _sole: bool,
    ) -> (Option<ParamKind>, Option<&'w str>) {
        match find_label(window) {
            Some((k, t)) => (k, Some(t)),
            None => match carry {
                Some((k, t)) => (k, Some(t)),
                None => (None, None),
            },
        }
    }

    /// A bare word without its wrapping punctuation (see [`Self::bare_value_of`]); no-break
    /// spaces it ends with stay only when nothing is cut from its end (after a sentence mark
    /// they follow the sentence, not the value).
    fn bare_value(word: &str) -> &str {
        let core = word.trim_end_matches(char::is_whitespace);
        let v = Self::bare_value_of(core);
        if core.len() < word.len() && core.ends_with(v) {
            return &word[core.len() - v.len()..];
        }
        v
    }

    fn bare_value_of(word: &str) -> &str {
        let stripped = strip_word(word);
        // `<value>` with its brackets is a placeholder; keep them when the inside is no value.
        if word.starts_with('<') && word.ends_with('>') && value_shape(stripped).is_empty() {
            return word;
        }
        if word.starts_with('{') && word.ends_with('}') {
            return word.trim_end_matches([',', ';']);
        }
        // A stray quote at one end of a value (`abc"`) is part of what was pasted.
        let quote_end = word
            .trim_end_matches([',', ';', '.'])
            .ends_with(|c: char| clean::is_quote(c));
        let quote_start = word.starts_with(|c: char| clean::is_quote(c));
        if quote_end != quote_start {
            return word.trim_end_matches([',', ';', '.', ')']);
        }
        stripped
    }
}
