//! What a letter template may do, checked before it runs, so that no template (a user's own, or
//! one that came with a restored backup) can make the app build gigabytes of text.
//!
//! Fuel bounds the steps a template takes, not what each step builds: `{% set s = s ~ s %}`
//! thirty-four times is a few hundred characters and a few dozen steps, yet its last string
//! is 16 GiB. So, besides fuel:
//! - the rendered letter is written into a buffer that keeps at most `MAX_OUTPUT_BYTES`
//!   (`BoundedText`); each `{{ … }}` is refused with its line once the letter is at its limit or
//!   when the value alone would pass it (`emit`); nothing renders into any other buffer:
//!   macros, `call`, `{% set %}…{% endset %}` and filter blocks (which capture output in buffers
//!   of their own) are refused;
//! - a value kept for later (`set`, `with`, a loop's list) is data as given or a part of it:
//!   no `~`, `+`, `*` or function calls, and only filters that do not make text longer, so
//!   nothing can grow from one statement to the next;
//! - one expression combines at most `MAX_OPERATORS` operators, so a single `{{ … }}` can make
//!   at most that many times the largest value it reads;
//! - `join` and `replace`, which can make text longer, check the size of their result before
//!   building it (`bounded_join`, `bounded_replace`).
//!
//! Every refusal names the template's line.

use super::render::TemplateError;
use minijinja::machinery::ast::{BinOpKind, CallArg, Expr, Stmt};
use minijinja::machinery::{parse, WhitespaceConfig};
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{Error, ErrorKind, Output};
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The longest letter a template may render (a long letter is about 10 KB).
pub const MAX_OUTPUT_BYTES: usize = 1 << 20;
/// The most operators one expression may combine.
pub const MAX_OPERATORS: usize = 64;

/// Filters that never make a longer text than what they are given (or that yield numbers,
/// booleans or parts of a list), plus `join` and `replace`, whose size is checked.
const FILTERS: &[&str] = &[
    "abs",
    "attr",
    "batch",
    "bool",
    "capitalize",
    "count",
    "d",
    "default",
    "dictsort",
    "first",
    "float",
    "int",
    "items",
    "join",
    "last",
    "length",
    "list",
    "lower",
    "map",
    "max",
    "min",
    "reject",
    "rejectattr",
    "replace",
    "reverse",
    "round",
    "select",
    "selectattr",
    "slice",
    "sort",
    "split",
    "string",
    "sum",
    "title",
    "trim",
    "truncate",
    "unique",
    "upper",
    "wordcount",
];

/// Filters that may build a longer text than their input: allowed where the result is written
/// out, not in a value kept for later.
const GROWING_FILTERS: &[&str] = &["join", "replace"];

/// Checks `source` against the rules above; the error names the first offending line.
pub fn check(source: &str) -> Result<(), TemplateError> {
    let ws = WhitespaceConfig {
        keep_trailing_newline: false,
        lstrip_blocks: true,
        trim_blocks: true,
    };
    let tree = parse(source, "letter", SyntaxConfig, ws).map_err(|e| TemplateError {
        line: e.line(),
        message: match e.detail() {
            Some(d) => format!("{}: {d}", e.kind()),
            None => e.kind().to_string(),
        },
    })?;
    stmt(&tree)
}

fn refuse(line: u16, message: impl Into<String>) -> TemplateError {
    TemplateError {
        line: Some(line as usize),
        message: message.into(),
    }
}

fn body(stmts: &[Stmt]) -> Result<(), TemplateError> {
    stmts.iter().try_for_each(stmt)
}

fn stmt(s: &Stmt) -> Result<(), TemplateError> {
    let not_here = |line: u16, what: &str| {
        Err(refuse(
            line,
            format!("{what} are not available in letter templates"),
        ))
    };
    match s {
        Stmt::Template(t) => body(&t.children),
        Stmt::EmitRaw(_) => Ok(()),
        Stmt::EmitExpr(e) => written(&e.expr),
        Stmt::IfCond(c) => {
            written(&c.expr)?;
            body(&c.true_body)?;
            body(&c.false_body)
        }
        Stmt::ForLoop(f) => {
            if f.recursive {
                return not_here(f.span().start_line, "recursive loops");
            }
            kept(&f.iter, "the list of a loop")?;
            if let Some(filter) = &f.filter_expr {
                written(filter)?;
            }
            body(&f.body)?;
            body(&f.else_body)
        }
        Stmt::WithBlock(w) => {
            for (_, value) in &w.assignments {
                kept(value, "a value set by with")?;
            }
            body(&w.body)
        }
        Stmt::Set(set) => kept(&set.expr, "a value kept with set"),
        Stmt::SetBlock(b) => not_here(b.span().start_line, "set blocks"),
        Stmt::FilterBlock(b) => not_here(b.span().start_line, "filter blocks"),
        Stmt::Macro(m) => not_here(m.span().start_line, "macros"),
        Stmt::CallBlock(c) => not_here(c.span().start_line, "call blocks"),
        Stmt::Do(d) => not_here(d.span().start_line, "do statements"),
        Stmt::AutoEscape(a) => not_here(a.span().start_line, "autoescape blocks"),
        Stmt::Block(b) => not_here(b.span().start_line, "blocks"),
        Stmt::Extends(e) => not_here(e.span().start_line, "other templates"),
        Stmt::Include(i) => not_here(i.span().start_line, "other templates"),
        Stmt::Import(i) => not_here(i.span().start_line, "other templates"),
        Stmt::FromImport(i) => not_here(i.span().start_line, "other templates"),
    }
}

/// An expression whose value is written into the letter (or only tested).
fn written(e: &Expr) -> Result<(), TemplateError> {
    let mut operators = 0;
    walk(e, false, "", &mut operators)
}

/// An expression whose value is kept for later statements: it may not build anything.
fn kept(e: &Expr, what: &str) -> Result<(), TemplateError> {
    let mut operators = 0;
    walk(e, true, what, &mut operators)
}

fn line_of(e: &Expr) -> u16 {
    match e {
        Expr::Var(x) => x.span().start_line,
        Expr::Const(x) => x.span().start_line,
        Expr::Slice(x) => x.span().start_line,
        Expr::UnaryOp(x) => x.span().start_line,
        Expr::BinOp(x) => x.span().start_line,
        Expr::Compare(x) => x.span().start_line,
        Expr::IfExpr(x) => x.span().start_line,
        Expr::Filter(x) => x.span().start_line,
        Expr::Test(x) => x.span().start_line,
        Expr::GetAttr(x) => x.span().start_line,
        Expr::GetItem(x) => x.span().start_line,
        Expr::Call(x) => x.span().start_line,
        Expr::List(x) => x.span().start_line,
        Expr::Map(x) => x.span().start_line,
    }
}

fn walk(e: &Expr, kept: bool, what: &str, operators: &mut usize) -> Result<(), TemplateError> {
    let line = line_of(e);
    let args = |args: &[CallArg], operators: &mut usize| -> Result<(), TemplateError> {
        for a in args {
            match a {
                CallArg::Pos(x) | CallArg::Kwarg(_, x) => walk(x, kept, what, operators)?,
                CallArg::PosSplat(_) | CallArg::KwargSplat(_) => {
                    return Err(refuse(
                        line,
                        "argument splats are not available in letter templates",
                    ))
                }
            }
        }
        Ok(())
    };
    match e {
        Expr::Var(_) | Expr::Const(_) => Ok(()),
        Expr::Slice(s) => {
            walk(&s.expr, kept, what, operators)?;
            for part in [&s.start, &s.stop, &s.step].into_iter().flatten() {
                walk(part, false, what, operators)?;
            }
            Ok(())
        }
        Expr::UnaryOp(u) => walk(&u.expr, kept, what, operators),
        Expr::BinOp(b) => {
            *operators += 1;
            if *operators > MAX_OPERATORS {
                return Err(refuse(
                    line,
                    format!("an expression combines more than {MAX_OPERATORS} operators"),
                ));
            }
            let builds = matches!(
                b.op,
                BinOpKind::Concat | BinOpKind::Add | BinOpKind::Mul | BinOpKind::Pow
            );
            if matches!(b.op, BinOpKind::Mul | BinOpKind::Pow) {
                return Err(refuse(
                    line,
                    "multiplication is not available in letter templates",
                ));
            }
            if kept && builds {
                return Err(refuse(
                    line,
                    format!(
                        "{what} cannot be built with ~ or +: write the parts where they are used"
                    ),
                ));
            }
            walk(&b.left, kept, what, operators)?;
            walk(&b.right, kept, what, operators)
        }
        Expr::Compare(c) => {
            walk(&c.expr, false, what, operators)?;
            for op in &c.ops {
                walk(&op.expr, false, what, operators)?;
            }
            Ok(())
        }
        Expr::IfExpr(i) => {
            walk(&i.test_expr, false, what, operators)?;
            walk(&i.true_expr, kept, what, operators)?;
            match &i.false_expr {
                Some(f) => walk(f, kept, what, operators),
                None => Ok(()),
            }
        }
        Expr::Filter(f) => {
            if !FILTERS.contains(&f.name) {
                return Err(refuse(
                    line,
                    format!(
                        "the filter '{}' is not available in letter templates",
                        f.name
                    ),
                ));
            }
            if kept && GROWING_FILTERS.contains(&f.name) {
                return Err(refuse(
                    line,
                    format!(
                        "{what} cannot use the filter '{}': use it where the text is written",
                        f.name
                    ),
                ));
            }
            if let Some(x) = &f.expr {
                walk(x, kept, what, operators)?;
            }
            args(&f.args, operators)
        }
        Expr::Test(t) => {
            walk(&t.expr, false, what, operators)?;
            args(&t.args, operators)
        }
        Expr::GetAttr(g) => walk(&g.expr, kept, what, operators),
        Expr::GetItem(g) => {
            walk(&g.expr, kept, what, operators)?;
            walk(&g.subscript_expr, false, what, operators)
        }
        Expr::Call(c) => {
            // `loop.cycle(…)`-style helpers and `range` hand out parts of their arguments or
            // numbers; every other call is refused (a macro, `namespace`, `lipsum`, …).
            let allowed = match &c.expr {
                Expr::Var(v) => v.id == "range",
                Expr::GetAttr(g) => {
                    matches!(&g.expr, Expr::Var(v) if v.id == "loop")
                        && matches!(g.name, "cycle" | "changed")
                }
                _ => false,
            };
            if !allowed {
                return Err(refuse(line, "calls are not available in letter templates (only range, loop.cycle and loop.changed)"));
            }
            args(&c.args, operators)
        }
        Expr::List(l) => {
            for item in &l.items {
                walk(item, kept, what, operators)?;
            }
            Ok(())
        }
        Expr::Map(m) => {
            for x in m.keys.iter().chain(&m.values) {
                walk(x, kept, what, operators)?;
            }
            Ok(())
        }
    }
}

/// The error a size check raises: the line is added by the engine.
fn too_long() -> Error {
    Error::new(
        ErrorKind::InvalidOperation,
        format!(
            "the letter would be longer than {} KB",
            MAX_OUTPUT_BYTES / 1024
        ),
    )
}

/// `join` that refuses, before building it, a text longer than `MAX_OUTPUT_BYTES`.
pub fn bounded_join(values: Value, sep: Option<String>) -> Result<String, Error> {
    let sep = sep.unwrap_or_default();
    let mut out = Limited {
        text: String::new(),
        left: MAX_OUTPUT_BYTES,
    };
    for (i, v) in values.try_iter()?.enumerate() {
        if i > 0 {
            fmt::Write::write_str(&mut out, &sep).map_err(|_| too_long())?;
        }
        fmt::write(&mut out, format_args!("{v}")).map_err(|_| too_long())?;
    }
    Ok(out.text)
}

/// `replace` that refuses, before building it, a text longer than `MAX_OUTPUT_BYTES`.
pub fn bounded_replace(text: Value, from: String, to: String) -> Result<String, Error> {
    let text = text.to_string();
    // An empty pattern matches between every two characters and at both ends.
    let found = match from.is_empty() {
        true => text.chars().count() + 1,
        false => text.matches(from.as_str()).count(),
    };
    let size = (text.len() - found * from.len()).saturating_add(found.saturating_mul(to.len()));
    if size > MAX_OUTPUT_BYTES {
        return Err(too_long());
    }
    Ok(text.replace(from.as_str(), &to))
}

/// How many bytes a render has written so far, shared by the letter's buffer (`BoundedText`)
/// and the formatter (`emit`).
#[derive(Clone, Default)]
pub struct Budget(Arc<AtomicUsize>);

impl Budget {
    fn spent(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }

    fn spend(&self, bytes: usize) -> usize {
        self.0.fetch_add(bytes, Ordering::Relaxed) + bytes
    }

    /// Whether the letter has grown past `MAX_OUTPUT_BYTES`.
    pub fn exceeded(&self) -> bool {
        self.spent() > MAX_OUTPUT_BYTES
    }
}

/// Writes one `{{ … }}` value: refused (the engine adds the line) when the letter is already
/// at its limit, or when the value alone would take it past; an undefined value is an error,
/// as the engine's own formatter does in strict mode.
pub fn emit(budget: &Budget, out: &mut Output, value: &Value) -> Result<(), Error> {
    if value.is_undefined() {
        return Err(Error::from(ErrorKind::UndefinedError));
    }
    let left = MAX_OUTPUT_BYTES
        .checked_sub(budget.spent())
        .ok_or_else(too_long)?;
    let mut piece = Limited {
        text: String::new(),
        left,
    };
    fmt::write(&mut piece, format_args!("{value}")).map_err(|_| too_long())?;
    fmt::Write::write_str(out, &piece.text).map_err(Error::from)
}

/// A string that refuses to grow past `left` bytes.
struct Limited {
    text: String,
    left: usize,
}

impl fmt::Write for Limited {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.left = self.left.checked_sub(s.len()).ok_or(fmt::Error)?;
        self.text.push_str(s);
        Ok(())
    }
}

/// The letter's buffer. It keeps at most `MAX_OUTPUT_BYTES` and counts everything written into
/// the shared `Budget`; it never fails a write (the engine would then lose the line of the
/// error): the formatter refuses the next value instead, and the render as a whole is refused
/// when the budget is exceeded.
pub struct BoundedText {
    bytes: Vec<u8>,
    budget: Budget,
}

impl BoundedText {
    pub fn new(budget: Budget) -> BoundedText {
        BoundedText {
            bytes: Vec::new(),
            budget,
        }
    }

    /// The text written; only whole `str`s are ever written, so it is UTF-8.
    pub fn into_string(self) -> String {
        String::from_utf8(self.bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

impl std::io::Write for BoundedText {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.budget.spend(buf.len()) <= MAX_OUTPUT_BYTES {
            self.bytes.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
