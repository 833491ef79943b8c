//! Panes that render the report. Each takes the report (or inputs) as properties and keeps no
//! state beyond its own UI toggles.

mod documents;
mod entities;
mod input_panel;
mod overlaps;
mod quotes;
mod reading;
mod snippet;

pub use documents::DocumentList;
pub use entities::EntityTable;
pub use input_panel::InputPanel;
pub use overlaps::OverlapList;
pub use quotes::QuoteList;
pub use reading::ReadingView;
