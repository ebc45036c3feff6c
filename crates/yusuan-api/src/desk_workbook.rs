//! The draft's workbook in the app: written where the user chose (or into 导出/), and an edited
//! one read back as one undoable edit, answered with the draft and what changed.

use crate::{ApiError, Desk, DraftView, Edit};
use serde::Serialize;
use ts_rs::TS;

/// What reading an edited workbook back did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WorkbookImport {
    /// The draft after it.
    pub view: DraftView,
    /// Each line whose amount the workbook changed (old → new, 元); empty when it agreed.
    pub changes: Vec<Edit>,
}

impl Desk {
    /// Writes the draft as its editable workbook (leaf sheet + one sheet per table, totals as
    /// formulas) to `file` (a full path, or a name into 导出/); returns the path written.
    pub fn draft_export_workbook(&self, id: i64, file: &str) -> Result<String, ApiError> {
        let path = self.export_target(file)?;
        let bytes = crate::draft_export_xlsx(&self.user, id)?;
        crate::exporting::write_atomically(&path, &bytes)?;
        Ok(path.display().to_string())
    }

    /// Reads an edited workbook back into the draft as one undoable edit; nothing changes when
    /// the workbook contradicts itself (a table cell typed over its formula).
    pub fn draft_import_workbook(
        &mut self,
        id: i64,
        path: &std::path::Path,
        now: &str,
    ) -> Result<WorkbookImport, ApiError> {
        let changes = crate::draft_import_xlsx(&mut self.user, id, path, now)?;
        Ok(WorkbookImport {
            view: crate::desk_drafts::view(&self.user, id)?,
            changes,
        })
    }
}
