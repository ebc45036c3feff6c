//! The real documents bundled as examples (the fixtures, byte for byte).

use yusuan_api::ExampleFile;

macro_rules! fixture {
    ($name:literal) => {
        ExampleFile {
            name: $name,
            bytes: include_bytes!(concat!("../fixtures/", $name)),
        }
    };
}

/// Every seed and real budget PDF; the loader keeps those the importers read completely.
pub const FILES: &[ExampleFile] = &[
    fixture!("000_e54fcd81d7b1024c.txt"),
    fixture!("001_e395be5bb9699fb6.txt"),
    fixture!("002_e0c4b3d6f0f45810.txt"),
    fixture!("003_f631a08b6fb80526.txt"),
    fixture!("004_dd8ce94d1496a6c0.txt"),
    fixture!("pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf"),
    fixture!("pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-danwei-yusuan.pdf"),
    fixture!("pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf"),
    fixture!("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"),
    // Jiangsu publishes narrative and tables as two files: the narrative first, the tables join it.
    fixture!("pdf/jiangsu-zhengxie-2018-bumen-yusuan-text.pdf"),
    fixture!("pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf"),
];
