//! The disclosure's tables as a workbook (placeholder, completed below).
