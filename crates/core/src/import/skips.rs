//! The lines an import passed over, for its report: each with its reason, a run of blank lines
//! as one entry, and at most [`MAX_LISTED`] entries while the count covers every line. A file
//! of a hundred million newlines costs one entry and a number, not a list sent to the screen.

use super::SkippedLine;

/// Entries kept for the report; the lines past them are counted, not listed.
pub const MAX_LISTED: usize = 1_000;

const BLANK: &str = "blank";

#[derive(Debug, Default)]
pub struct SkipList {
    /// The first lines passed over (runs of blank lines merged), in the order met.
    pub lines: Vec<SkippedLine>,
    /// Every line passed over, listed or not.
    pub total: u64,
}

impl SkipList {
    pub fn push(&mut self, line: u64, reason: &str) {
        self.push_run(line, 1, reason);
    }

    /// `count` consecutive lines from `line`, all passed over for `reason`.
    pub fn push_run(&mut self, line: u64, count: u64, reason: &str) {
        if count == 0 {
            return;
        }
        self.total += count;
        if reason == BLANK {
            if let Some(last) = self.lines.last_mut() {
                if last.reason == BLANK && last.line + last.count == line {
                    last.count += count;
                    return;
                }
            }
        }
        if self.lines.len() < MAX_LISTED {
            self.lines.push(SkippedLine {
                line,
                reason: reason.to_string(),
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
        s.push(1, "preamble");
        s.push_run(2, 3, BLANK);
        s.push(5, BLANK);
        s.push(7, BLANK);
        assert_eq!(s.lines.len(), 3);
        assert_eq!((s.lines[1].line, s.lines[1].count), (2, 4));
        for l in 10..10_000_000 {
            s.push(l, "no amount");
        }
        assert_eq!(s.lines.len(), MAX_LISTED);
        assert_eq!(s.total, 6 + 9_999_990);
    }
}
