//! The lines an import passed over, for its report: each with its reason, a run of blank lines
//! as one entry, and at most [`MAX_LISTED`] entries while the count covers every line. A file
//! of a hundred million newlines costs one entry and a number, not a list sent to the screen.

use super::{SkipReason, SkippedLine};

/// Entries kept for the report; the lines past them are counted, not listed.
pub const MAX_LISTED: usize = 1_000;

#[derive(Debug, Default)]
pub struct SkipList {
    /// The first lines passed over (runs of blank lines merged), in the order met.
    pub lines: Vec<SkippedLine>,
    /// Every line passed over, listed or not.
    pub total: u64,
}

impl SkipList {
    pub fn push(&mut self, line: u64, reason: SkipReason) {
        self.push_run(line, 1, reason);
    }

    /// `count` consecutive lines from `line`, all passed over for `reason`.
    pub fn push_run(&mut self, line: u64, count: u64, reason: SkipReason) {
        if count == 0 {
            return;
        }
        self.total += count;
        if reason == SkipReason::Blank {
            if let Some(last) = self.lines.last_mut() {
                if last.reason == SkipReason::Blank && last.line + last.count == line {
                    last.count += count;
                    return;
                }
            }
        }
        if self.lines.len() < MAX_LISTED {
            self.lines.push(SkippedLine {
                line,
                reason,
                count,
            });
        }
    }

    /// Lines passed over that are counted without being listed.
    pub fn count_unlisted(&mut self, n: u64) {
        self.total += n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_runs_merge_and_the_list_is_bounded() {
        let mut s = SkipList::default();
        s.push(1, SkipReason::Preamble);
        s.push_run(2, 3, SkipReason::Blank);
        s.push(5, SkipReason::Blank);
        s.push(7, SkipReason::Blank);
        assert_eq!(s.lines.len(), 3);
        assert_eq!((s.lines[1].line, s.lines[1].count), (2, 4));
        for l in 10..10_000_000 {
            s.push(l, SkipReason::NoAmount);
        }
        assert_eq!(s.lines.len(), MAX_LISTED);
        assert_eq!(s.total, 6 + 9_999_990);
    }
}
