//! Scores the flags an import raised against the labels, through provenance: each stored row
//! names its file and line, which name the generated row. At medium severity and above (what
//! the inbox shows): recall per class and variant, precision per reason, traps flagged.

use crate::model::{Event, Label, Population, Trap};
use crate::statements::StatementFile;
use recourse_core::detect::{FlagKind, FlagReason, Severity};
use std::collections::{BTreeMap, HashMap};

/// A row as the database stored it.
pub struct StoredRow {
    pub id: i64,
    pub source_file: String,
    pub source_line: u64,
    pub amount: i64,
    pub currency: String,
}

/// A flag as the app lists it.
pub struct RaisedFlag {
    pub transaction_id: i64,
    pub reason: FlagReason,
    pub severity: Severity,
    pub related: Vec<i64>,
}

#[derive(Clone, Debug, Default)]
pub struct ClassLine {
    pub total: usize,
    /// Flagged at medium or above with a reason of the event's kind.
    pub caught: usize,
    /// Flagged at any severity with a reason of the event's kind.
    pub caught_any: usize,
}

/// A flag at medium or above on a row that was not an event.
#[derive(Clone, Debug)]
pub struct FalseAlarm {
    pub trap: Option<Trap>,
    pub reason: FlagReason,
    pub severity: Severity,
    pub row: String,
}

#[derive(Clone, Debug, Default)]
pub struct Report {
    pub seed: u64,
    pub people: usize,
    pub files: usize,
    pub rows_generated: usize,
    pub rows_stored: usize,
    /// Generated rows stored more than once (overlapping files read twice).
    pub stored_twice: usize,
    /// Generated rows printed in some file and not stored.
    pub missing: usize,
    /// Stored rows whose amount or currency differ from what was generated.
    pub misread: usize,
    pub unmapped: usize,
    /// Transaction rows the import passed over (file, line, reason).
    pub skipped: Vec<String>,
    /// Per (event, variant).
    pub classes: BTreeMap<(Event, &'static str), ClassLine>,
    /// Per reason: (flags at medium+, on an event row).
    pub reasons: BTreeMap<FlagReason, (usize, usize)>,
    pub false_alarms: Vec<FalseAlarm>,
    /// Events not flagged at medium or above with a reason of their kind.
    pub misses: Vec<String>,
}

impl Report {
    fn recall_of(&self, kind: &str) -> (usize, usize) {
        self.classes
            .iter()
            .filter(|((e, _), _)| e.kind() == kind && e.in_bars())
            .fold((0, 0), |(c, t), (_, l)| (c + l.caught, t + l.total))
    }

    /// Caught at medium+, out of labelled (double charges and subscriptions billed twice).
    pub fn duplicate_recall(&self) -> f64 {
        ratio(self.recall_of("duplicate"))
    }

    /// Caught at medium+, out of labelled (card testing, large new, amount outliers).
    pub fn unexpected_recall(&self) -> f64 {
        ratio(self.recall_of("unexpected"))
    }

    /// Flags at medium+ on event rows, out of all flags at medium+.
    pub fn precision(&self) -> f64 {
        let (n, tp) = self
            .reasons
            .values()
            .fold((0, 0), |(n, tp), (a, b)| (n + a, tp + b));
        if n == 0 {
            1.0
        } else {
            tp as f64 / n as f64
        }
    }

    pub fn traps_flagged(&self) -> usize {
        self.false_alarms
            .iter()
            .filter(|f| f.trap.is_some())
            .count()
    }

    pub fn import_exact(&self) -> bool {
        self.stored_twice == 0
            && self.missing == 0
            && self.misread == 0
            && self.unmapped == 0
            && self.skipped.is_empty()
    }

    /// Whether the bars hold: duplicates ≥ 0.98, unexpected ≥ 0.95, precision ≥ 0.95,
    /// no trap flagged at medium or above.
    pub fn meets_bars(&self) -> bool {
        self.duplicate_recall() >= 0.98
            && self.unexpected_recall() >= 0.95
            && self.precision() >= 0.95
            && self.traps_flagged() == 0
    }

    /// The table, one line per class and variant, then per reason, then the false alarms and
    /// any transaction row the import passed over.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![format!(
            "seed {}: {} people, {} files, {} rows generated, {} stored (twice {}, missing {}, \
             misread {}, unmapped {}, lines skipped {})",
            self.seed,
            self.people,
            self.files,
            self.rows_generated,
            self.rows_stored,
            self.stored_twice,
            self.missing,
            self.misread,
            self.unmapped,
            self.skipped.len()
        )];
        for ((event, variant), l) in &self.classes {
            out.push(format!(
                "  {:<28} {:<36} {:>3}/{:<3} at medium+ ({} at any severity)",
                event.name(),
                variant,
                l.caught,
                l.total,
                l.caught_any
            ));
        }
        let (dc, dt) = self.recall_of("duplicate");
        let (uc, ut) = self.recall_of("unexpected");
        out.push(format!(
            "  recall at medium+: double charges {:.3} ({dc}/{dt}), unexpected {:.3} ({uc}/{ut})",
            self.duplicate_recall(),
            self.unexpected_recall()
        ));
        for (reason, (n, tp)) in &self.reasons {
            out.push(format!(
                "  flags {:<26} {:>4} at medium+, {:>4} on labelled rows",
                reason.as_str(),
                n,
                tp
            ));
        }
        out.push(format!(
            "  precision at medium+ {:.3}; traps flagged {}; other false alarms {}",
            self.precision(),
            self.traps_flagged(),
            self.false_alarms.len() - self.traps_flagged()
        ));
        for f in &self.false_alarms {
            out.push(format!(
                "    {} {} on {}: {}",
                f.reason.as_str(),
                f.severity.as_str(),
                f.trap.map(|t| t.name()).unwrap_or("an ordinary row"),
                f.row
            ));
        }
        for s in &self.skipped {
            out.push(format!("    skipped {s}"));
        }
        out
    }

    /// The events missed at medium or above, one per line (what to look at on the tuning seed).
    pub fn miss_lines(&self) -> Vec<String> {
        self.misses
            .iter()
            .map(|m| format!("    missed {m}"))
            .collect()
    }
}

fn ratio((n, d): (usize, usize)) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

/// A line the import passed over: (file, line, reason).
pub type Skipped = (String, u64, String);

/// Maps stored rows to generated rows by (file, line) and scores the flags.
pub fn score(
    pop: &Population,
    files: &[StatementFile],
    stored: &[StoredRow],
    flags: &[RaisedFlag],
    skipped: &[Skipped],
) -> Report {
    let mut at: HashMap<(&str, u64), usize> = HashMap::new();
    let mut printed = vec![false; pop.txns.len()];
    for f in files {
        for &(id, line) in &f.lines {
            at.insert((f.name.as_str(), line), id);
            printed[id] = true;
        }
    }
    let mut report = Report {
        files: files.len(),
        people: pop.people.len(),
        rows_generated: pop.txns.len(),
        rows_stored: stored.len(),
        ..Report::default()
    };
    report.skipped = skipped
        .iter()
        .filter(|(file, line, _)| at.contains_key(&(file.as_str(), *line)))
        .map(|(file, line, reason)| format!("{file} line {line}: {reason}"))
        .collect();
    // Stored id → generated id; a generated row stored again is an overlap the import missed.
    let mut gen_of: HashMap<i64, usize> = HashMap::new();
    let mut stored_of: HashMap<usize, i64> = HashMap::new();
    let mut extra_copy: Vec<i64> = Vec::new();
    for s in stored {
        let Some(&g) = at.get(&(s.source_file.as_str(), s.source_line)) else {
            report.unmapped += 1;
            continue;
        };
        let t = &pop.txns[g];
        if t.amount != s.amount || t.currency != s.currency {
            report.misread += 1;
        }
        gen_of.insert(s.id, g);
        if let std::collections::hash_map::Entry::Vacant(e) = stored_of.entry(g) {
            e.insert(s.id);
        } else {
            report.stored_twice += 1;
            extra_copy.push(s.id);
        }
    }
    report.missing = (0..pop.txns.len())
        .filter(|g| printed[*g] && !stored_of.contains_key(g))
        .count();
    let medium = |f: &&RaisedFlag| f.severity >= Severity::Medium;
    let mut by_row: HashMap<i64, Vec<&RaisedFlag>> = HashMap::new();
    for f in flags {
        by_row.entry(f.transaction_id).or_default().push(f);
    }
    for t in &pop.txns {
        let Label::Event { event, variant, .. } = &t.label else {
            continue;
        };
        let line = report.classes.entry((*event, variant)).or_default();
        line.total += 1;
        let Some(&sid) = stored_of.get(&t.id) else {
            continue;
        };
        let kind = event.kind();
        let mut on_row: Vec<&RaisedFlag> = by_row.get(&sid).cloned().unwrap_or_default();
        // A duplicate is one finding about two rows: a flag on the other row that names this
        // one shows the user the same pair.
        if kind == "duplicate" {
            on_row.extend(
                flags
                    .iter()
                    .filter(|f| f.transaction_id != sid && f.related.contains(&sid)),
            );
        }
        let same_kind: Vec<&&RaisedFlag> = on_row
            .iter()
            .filter(|f| f.reason.kind().as_str() == kind)
            .collect();
        if !same_kind.is_empty() {
            line.caught_any += 1;
        }
        if same_kind.iter().any(|f| f.severity >= Severity::Medium) {
            line.caught += 1;
        } else if event.in_bars() || same_kind.is_empty() {
            report.misses.push(format!(
                "{} ({variant}): {} {:?} {} {}{}",
                event.name(),
                t.date,
                t.text,
                t.amount,
                t.currency,
                match same_kind.iter().map(|f| f.severity).max() {
                    Some(s) => format!(", flagged {}", s.as_str()),
                    None => String::new(),
                }
            ));
        }
    }
    for f in flags.iter().filter(medium) {
        let entry = report.reasons.entry(f.reason).or_default();
        entry.0 += 1;
        let g = gen_of.get(&f.transaction_id).copied();
        let names_duplicate = f.reason.kind() == FlagKind::Duplicate
            && f.related.iter().any(|r| {
                gen_of.get(r).is_some_and(|&g| {
                    matches!(pop.txns[g].label, Label::Event { event, .. } if event.kind() == "duplicate")
                })
            });
        let labelled =
            names_duplicate || g.is_some_and(|g| matches!(pop.txns[g].label, Label::Event { .. }));
        if labelled && !extra_copy.contains(&f.transaction_id) {
            entry.1 += 1;
            continue;
        }
        let (trap, row) = match g {
            Some(g) => {
                let t = &pop.txns[g];
                let trap = match &t.label {
                    _ if extra_copy.contains(&f.transaction_id) => Some(Trap::OverlappingFiles),
                    Label::Trap(trap) => Some(*trap),
                    _ => None,
                };
                let file = files
                    .iter()
                    .find(|file| file.lines.iter().any(|(id, _)| *id == g))
                    .map(|file| file.name.as_str())
                    .unwrap_or("");
                (
                    trap,
                    format!(
                        "{} {:?} {} {} ({file})",
                        t.date, t.text, t.amount, t.currency
                    ),
                )
            }
            None => (None, format!("stored row {}", f.transaction_id)),
        };
        report.false_alarms.push(FalseAlarm {
            trap,
            reason: f.reason,
            severity: f.severity,
            row,
        });
    }
    report
}
