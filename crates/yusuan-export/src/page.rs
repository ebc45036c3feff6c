//! A laid-out page: positioned text and rules, in points from the bottom-left corner.

/// Which font an item uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// The body font (宋体-style).
    Body,
    /// The heading font (黑体-style).
    Heading,
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text whose baseline starts at (`x`, `y`).
    Text {
        /// Left of the run.
        x: f32,
        /// Baseline.
        y: f32,
        /// Font size in points.
        size: f32,
        /// Which font.
        face: Face,
        /// The text.
        text: String,
    },
    /// A straight rule.
    Rule {
        /// From.
        x1: f32,
        /// From.
        y1: f32,
        /// To.
        x2: f32,
        /// To.
        y2: f32,
        /// Thickness in points.
        width: f32,
    },
}

/// One page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// What is drawn.
    pub items: Vec<Item>,
    /// What the page holds (for the 目录 and the preflight): a section or table title.
    pub holds: Vec<String>,
}

impl Page {
    /// An empty page.
    pub fn new(width: f32, height: f32) -> Page {
        Page {
            width,
            height,
            items: Vec::new(),
            holds: Vec::new(),
        }
    }

    /// Adds a run of text.
    pub fn text(&mut self, x: f32, y: f32, size: f32, face: Face, text: impl Into<String>) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.items.push(Item::Text {
                x,
                y,
                size,
                face,
                text,
            });
        }
    }

    /// Adds a rule.
    pub fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        self.items.push(Item::Rule {
            x1,
            y1,
            x2,
            y2,
            width,
        });
    }
}
