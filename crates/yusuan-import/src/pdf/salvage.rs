//! Salvaging a truncated PDF (a download cut short): its cross-reference table, at the end of
//! the file, is gone, so a reader finds no object. Each complete object (`N G obj … endobj`)
//! is found by scanning the bytes, and a new cross-reference table and trailer are written
//! after the last of them; when the page tree was in the lost part, a new one lists the page
//! objects that survive, in the order they were written. Pages whose contents or fonts were
//! lost stay unreadable; the rest read as usual.

/// The file rebuilt with a new cross-reference table, and how many pages it has; `None` when no
/// page object survives.
pub(crate) fn rebuild(bytes: &[u8]) -> Option<(Vec<u8>, usize)> {
    let objects = complete_objects(bytes);
    let pages: Vec<(u32, u16)> = objects
        .iter()
        .filter(|o| is_page(&bytes[o.body.clone()]))
        .map(|o| (o.id, o.generation))
        .collect();
    if pages.is_empty() {
        return None;
    }
    let end = objects.iter().map(|o| o.end).max()?;
    let mut out = bytes[..end].to_vec();
    out.push(b'\n');
    let mut offsets: Vec<(u32, u16, usize)> = objects
        .iter()
        .map(|o| (o.id, o.generation, o.start))
        .collect();
    let mut next_id = objects.iter().map(|o| o.id).max().unwrap_or(0) + 1;
    // The document's own catalog when it and its page tree survive (the tree gives the pages'
    // order; pages it lists that were lost are skipped). Else a page tree of our own over the
    // pages that survive, in the order they were written, and a catalog pointing to it.
    let has = |id: u32| objects.iter().any(|o| o.id == id);
    let own = objects.iter().find_map(|o| {
        let body = &bytes[o.body.clone()];
        (type_is(body, b"/Catalog") && reference_after(body, b"/Pages").is_some_and(has))
            .then_some(o.id)
    });
    let catalog_id = match own {
        Some(id) => id,
        None => {
            let (pages_id, catalog_id) = (next_id, next_id + 1);
            next_id += 2;
            let kids: Vec<String> = pages.iter().map(|(id, g)| format!("{id} {g} R")).collect();
            for (id, body) in [
                (
                    pages_id,
                    format!(
                        "<< /Type /Pages /Kids [{}] /Count {} >>",
                        kids.join(" "),
                        pages.len()
                    ),
                ),
                (
                    catalog_id,
                    format!("<< /Type /Catalog /Pages {pages_id} 0 R >>"),
                ),
            ] {
                offsets.push((id, 0, out.len()));
                out.extend_from_slice(format!("{id} 0 obj\n{body}\nendobj\n").as_bytes());
            }
            catalog_id
        }
    };
    offsets.sort();
    offsets.dedup_by_key(|o| o.0); // an object written twice (an update): the later kept below
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {next_id}\n").as_bytes());
    let mut at = offsets.iter().peekable();
    for id in 0..next_id {
        match at.peek() {
            Some(&&(oid, generation, offset)) if oid == id => {
                out.extend_from_slice(format!("{offset:010} {generation:05} n \n").as_bytes());
                at.next();
            }
            _ => out.extend_from_slice(b"0000000000 65535 f \n"),
        }
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {next_id} /Root {catalog_id} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
        )
        .as_bytes(),
    );
    Some((out, pages.len()))
}

/// One complete object: its number, generation, where it starts and ends, and its body.
struct Object {
    id: u32,
    generation: u16,
    start: usize,
    end: usize,
    body: std::ops::Range<usize>,
}

/// Every `N G obj … endobj` in the bytes, in file order; an object cut off by the end is left
/// out. A later object of the same number replaces an earlier one (an incremental update).
fn complete_objects(bytes: &[u8]) -> Vec<Object> {
    let mut out: Vec<Object> = Vec::new();
    let mut i = 0;
    while let Some(k) = find(bytes, b"obj", i) {
        i = k + 3;
        let Some((id, generation, start)) = header_before(bytes, k) else {
            continue;
        };
        // The body: up to `endobj`, skipping a stream's bytes by its declared length when it
        // is direct (compressed data may hold the letters `endobj`).
        let body_start = k + 3;
        let Some(first_end) = find(bytes, b"endobj", body_start) else {
            break;
        };
        let mut from = body_start;
        if let Some(s) = find(&bytes[..first_end], b"stream", body_start) {
            if let Some(len) = direct_length(&bytes[body_start..s]) {
                from = s.saturating_add(6).saturating_add(len).min(bytes.len());
            }
        }
        let Some(e) = find(bytes, b"endobj", from) else {
            break;
        };
        let end = e + 6;
        out.retain(|o| o.id != id);
        out.push(Object {
            id,
            generation,
            start,
            end,
            body: body_start..e,
        });
        i = end;
    }
    out
}

/// `N G ` just before `obj` at `k`, at the start of a line or after whitespace: (N, G, where N starts).
fn header_before(bytes: &[u8], k: usize) -> Option<(u32, u16, usize)> {
    let mut j = k;
    let skip_space = |j: &mut usize| {
        while *j > 0 && bytes[*j - 1].is_ascii_whitespace() {
            *j -= 1;
        }
    };
    let digits = |j: &mut usize| {
        let end = *j;
        while *j > 0 && bytes[*j - 1].is_ascii_digit() && end - *j < 10 {
            *j -= 1;
        }
        (*j < end)
            .then(|| {
                std::str::from_utf8(&bytes[*j..end])
                    .ok()?
                    .parse::<u64>()
                    .ok()
            })
            .flatten()
    };
    if j == 0 || !bytes[j - 1].is_ascii_whitespace() {
        return None;
    }
    skip_space(&mut j);
    let generation = digits(&mut j)?;
    if j == 0 || !bytes[j - 1].is_ascii_whitespace() {
        return None;
    }
    skip_space(&mut j);
    let id = digits(&mut j)?;
    if j > 0 && !bytes[j - 1].is_ascii_whitespace() {
        return None;
    }
    Some((u32::try_from(id).ok()?, u16::try_from(generation).ok()?, j))
}

/// The `/Length N` of a stream's dictionary when it is a number (not a reference).
fn direct_length(dict: &[u8]) -> Option<usize> {
    let at = find(dict, b"/Length", 0)? + 7;
    let rest = &dict[at..];
    let rest = &rest[rest.iter().position(|b| !b.is_ascii_whitespace())?..];
    let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let after = rest[n..].iter().find(|b| !b.is_ascii_whitespace());
    if n == 0 || after.is_some_and(|b| b.is_ascii_digit()) {
        return None; // `/Length 12 0 R`: a reference
    }
    std::str::from_utf8(&rest[..n]).ok()?.parse().ok()
}

/// Whether an object's body is a page dictionary (`/Type /Page`, not `/Pages`).
fn is_page(body: &[u8]) -> bool {
    type_is(body, b"/Page")
}

/// Whether an object's body says `/Type <name>` (the whole name).
fn type_is(body: &[u8], name: &[u8]) -> bool {
    let mut i = 0;
    while let Some(k) = find(body, b"/Type", i) {
        i = k + 5;
        let rest = &body[i..];
        let rest = &rest[rest
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(rest.len())..];
        if rest.starts_with(name)
            && !rest[name.len()..]
                .first()
                .is_some_and(|b| b.is_ascii_alphanumeric())
        {
            return true;
        }
    }
    false
}

/// The object number of `key N G R` in a dictionary's bytes.
fn reference_after(body: &[u8], key: &[u8]) -> Option<u32> {
    let at = find(body, key, 0)? + key.len();
    let rest = String::from_utf8_lossy(&body[at..body.len().min(at + 32)]);
    let mut words = rest.split_whitespace();
    let id = words.next()?.parse().ok()?;
    let _generation: u16 = words.next()?.parse().ok()?;
    words.next()?.starts_with('R').then_some(id)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_are_found_whole_and_a_cut_one_is_left_out() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Page /Contents 2 0 R >>\nendobj\n2 0 obj\n<< /Length 12 >>\nstream\nab endobj cd\nendstream\nendobj\n3 0 obj\n<< /Type /Page";
        let objects = complete_objects(pdf);
        assert_eq!(objects.iter().map(|o| o.id).collect::<Vec<_>>(), vec![1, 2]);
        assert!(is_page(&pdf[objects[0].body.clone()]));
        assert!(!is_page(b"<< /Type /Pages /Kids [] >>"));
        assert_eq!(direct_length(b"<< /Length 12 >>"), Some(12));
        assert_eq!(direct_length(b"<< /Length 12 0 R >>"), None);
        assert_eq!(
            reference_after(b"<< /Type /Catalog /Pages 7 0 R >>", b"/Pages"),
            Some(7)
        );
        assert!(type_is(b"<</Type/Catalog/Pages 7 0 R>>", b"/Catalog"));
        let (fixed, pages) = rebuild(pdf).unwrap();
        assert_eq!(pages, 1);
        let doc = lopdf::Document::load_mem(&fixed).unwrap();
        assert_eq!(doc.get_pages().len(), 1);
    }

    #[test]
    fn nothing_to_salvage_without_a_page() {
        assert!(rebuild(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n").is_none());
        assert!(rebuild(b"junk").is_none());
    }
}
