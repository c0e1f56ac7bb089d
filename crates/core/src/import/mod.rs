//! Reading merchants' spreadsheets: decoding and splitting any CSV or XLSX into a table
//! ([`table`]), and mapping its columns to fields ([`mapping`]). What a row becomes is
//! decided by the importing module (customers today, orders later).

mod mapping;
mod table;

pub use mapping::{ColumnMapping, ImportField};
pub use table::{decode, read_table, NotATable, Table, TableRow};
