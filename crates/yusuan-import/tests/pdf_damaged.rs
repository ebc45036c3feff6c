//! Damaged and protected PDFs made from the real fixtures: a download cut short gives the pages
//! that survive, with a warning; a PDF that restricts only printing or copying is read like any
//! other; one that needs a password to open is refused with that said.

use yusuan_import::{import_pdf, ImportError};

/// A real PDF of `fixtures/pdf/`.
fn fixture(name: &str) -> Vec<u8> {
    yusuan_testkit::fixture_bytes(&format!("pdf/{name}"))
}

fn amounts(doc: &yusuan_domain::Document) -> usize {
    doc.tables.iter().map(|t| t.amount_count()).sum()
}

/// Shanghai's district PDFs (WPS) write their embedded font programs last: cut in half, every
/// table still reads (the text's Unicode is in the part that survives). A Jiangsu narrative
/// (Word) cut at 90 % keeps the pages whose fonts survive; cut in half, it keeps pages whose fonts
/// are lost: refused, saying so.
#[test]
fn a_file_cut_short_gives_the_pages_that_survive_with_a_warning() {
    let cut = |name: &str, at: f64| {
        let whole = fixture(name);
        let full = import_pdf(name, &whole).unwrap();
        assert!(
            full.report
                .warnings
                .iter()
                .all(|w| !w.message.contains("文件不完整")),
            "{name}"
        );
        (
            full,
            import_pdf(name, &whole[..(whole.len() as f64 * at) as usize]),
        )
    };
    let (full, half) = cut("shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf", 0.5);
    let half = half.unwrap();
    assert!(
        half.report.warnings[0]
            .message
            .starts_with("文件不完整（可能没有下载完）：结尾部分缺失，已读出留下的 31 页"),
        "{:?}",
        half.report.warnings[0]
    );
    assert_eq!(half.document.tables, full.document.tables);
    assert_eq!(half.document.meta, full.document.meta);

    // The Jiangsu narrative (Word) cut at 90 %: pages whose fonts were in the lost part are
    // blank; every paragraph read is one the whole file has.
    let (full, most) = cut("jiangsu-zhengxie-2018-bumen-yusuan-text.pdf", 0.9);
    let most = most.unwrap();
    assert!(most.report.warnings[0].message.starts_with("文件不完整"));
    assert_eq!(most.document.meta, full.document.meta);
    let texts = |d: &yusuan_domain::Document| {
        d.sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(|p| p.text.clone()))
            .collect::<Vec<_>>()
    };
    let (read, all) = (texts(&most.document), texts(&full.document));
    assert!(
        read.len() > 10 && read.len() < all.len(),
        "{} of {}",
        read.len(),
        all.len()
    );
    assert!(
        read.iter().all(|p| all.contains(p)),
        "a paragraph the whole file does not have"
    );

    let (_, lost) = cut("jiangsu-zhengxie-2018-bumen-yusuan-text.pdf", 0.5);
    let err = lost.unwrap_err();
    assert!(
        matches!(err, ImportError::Damaged { .. })
            && err.to_string().contains("留下的部分中没有可读的页"),
        "{err}"
    );
}

#[test]
fn a_file_cut_before_any_page_is_refused_as_damaged() {
    let whole = fixture("shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf");
    let err = import_pdf("截断.pdf", &whole[..300]).unwrap_err();
    assert!(matches!(err, ImportError::Damaged { .. }), "{err}");
}

/// Encrypts a fixture with lopdf's standard security handler (RC4, 128 bits).
fn encrypted(user_password: &str) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(&fixture(
        "shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf",
    ))
    .unwrap();
    if doc.trailer.get(b"ID").is_err() {
        let id = lopdf::Object::String(
            b"0123456789abcdef".to_vec(),
            lopdf::StringFormat::Hexadecimal,
        );
        doc.trailer
            .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
    }
    let version = lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner-secret",
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::PRINTABLE,
    };
    let state = lopdf::EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_pdf_protected_only_against_copying_is_read_and_one_needing_a_password_is_refused() {
    let plain = import_pdf(
        "a.pdf",
        &fixture("shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf"),
    )
    .unwrap();
    let restricted = import_pdf("a.pdf", &encrypted("")).unwrap();
    assert_eq!(amounts(&restricted.document), amounts(&plain.document));
    assert_eq!(restricted.document.tables, plain.document.tables);
    let err = import_pdf("加密.pdf", &encrypted("user-secret")).unwrap_err();
    assert!(matches!(err, ImportError::Encrypted { .. }), "{err}");
    assert!(
        err.to_string().starts_with("加密.pdf：PDF 设有打开密码"),
        "{err}"
    );
}
