//! Bytes to text: UTF-8 (with or without BOM), UTF-16 (with BOM), GB18030/GBK.

use crate::ImportError;

/// Decodes a text file, refusing binary content.
pub fn decode_text(file: &str, bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ImportError::Unsupported {
            file: file.to_string(),
            reason: "这是 PDF 文件，请用 PDF 导入".into(),
        });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(ImportError::Unsupported {
            file: file.to_string(),
            reason: "这是 XLSX/ZIP 文件，请用表格导入".into(),
        });
    }
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        std::str::from_utf8(rest)
            .map_err(|e| {
                not_text(
                    file,
                    &format!("UTF-8 编码在第 {} 字节处损坏", e.valid_up_to() + 3),
                )
            })?
            .to_string()
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (cow, _, bad) = enc.decode(bytes);
        if bad {
            return Err(not_text(file, "UTF-16 编码损坏"));
        }
        cow.into_owned()
    } else if let Some(enc) = utf16_without_bom(bytes) {
        let (cow, bad) = enc.decode_without_bom_handling(bytes);
        if bad {
            return Err(not_text(file, "UTF-16 编码损坏"));
        }
        cow.into_owned()
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        s.to_string()
    } else {
        let (cow, _, bad) = encoding_rs::GB18030.decode(bytes);
        if bad {
            return Err(not_text(file, "既不是 UTF-8 也不是 GB18030/GBK 编码"));
        }
        cow.into_owned()
    };
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control * 20 > text.chars().count().max(1) || text.contains('\0') {
        return Err(not_text(file, "含有大量控制字符，像是二进制文件"));
    }
    Ok(text)
}

/// UTF-16 saved without its byte-order mark (some Windows tools): a budget's text has digits,
/// tabs and line breaks on every line, so one byte of each pair is zero for a large share of
/// them — in UTF-8 or GBK text a zero byte never occurs.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 64 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zero_at = |k: usize| bytes.iter().skip(k).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zero_at(0), zero_at(1));
    // A fifth of the pairs ASCII, and the zeros on that side (a CJK character's low byte may
    // be zero too, rarely).
    match (
        even * 5 > pairs && odd * 10 < even,
        odd * 5 > pairs && even * 10 < odd,
    ) {
        (true, false) => Some(encoding_rs::UTF_16BE),
        (false, true) => Some(encoding_rs::UTF_16LE),
        _ => None,
    }
}

fn not_text(file: &str, reason: &str) -> ImportError {
    ImportError::NotText {
        file: file.to_string(),
        reason: reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_encoding() {
        let s = "2026年部门收入预算总表\n单位：元";
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(s.as_bytes());
        assert_eq!(decode_text("f", &bom).unwrap(), s);
        assert_eq!(decode_text("f", s.as_bytes()).unwrap(), s);
        let (gbk, _, _) = encoding_rs::GB18030.encode(s);
        assert_eq!(decode_text("f", &gbk).unwrap(), s);
        let mut u16 = vec![0xFF, 0xFE];
        for u in s.encode_utf16() {
            u16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_text("f", &u16).unwrap(), s);
        // Without the byte-order mark, either byte order (a table's lines: digits and tabs).
        let table = "2026年部门收入预算总表\n单位：元\n合计\t1,234,567.89\t1,000,000.00\n一般公共预算\t234,567.89\n";
        let le: Vec<u8> = table.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = table.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode_text("f", &le).unwrap(), table);
        assert_eq!(decode_text("f", &be).unwrap(), table);
    }

    #[test]
    fn refuses_junk() {
        assert!(matches!(
            decode_text("f", b""),
            Err(ImportError::Empty { .. })
        ));
        assert!(matches!(
            decode_text("f", b"  \n "),
            Err(ImportError::Empty { .. })
        ));
        let junk: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect();
        let err = decode_text("junk.bin", &junk).unwrap_err();
        assert!(err.to_string().starts_with("junk.bin："), "{err}");
        assert!(matches!(
            decode_text("a.pdf", b"%PDF-1.7\n"),
            Err(ImportError::Unsupported { .. })
        ));
    }
}
