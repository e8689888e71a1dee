//! docs/cli.md against the real binary: every command the binary has (found by walking its
//! `--help`) has a section in the reference whose help block is exactly what `--help` prints, and
//! the reference documents no command the binary lacks. A help block is the fenced text between
//! `<!-- help: COMMAND -->` and `<!-- /help -->`; `make cli-docs` (RECOURSE_UPDATE_CLI_DOCS=1)
//! rewrites the blocks from the binary and adds a section for a new command, leaving the prose
//! around them to be written by hand.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

const OPEN: &str = "<!-- help: ";
const CLOSE: &str = "<!-- /help -->";

fn doc_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/cli.md")
}

/// `recourse ARGS --help`, as the binary prints it.
fn help(command: &[String]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_recourse"))
        .args(command)
        .arg("--help")
        .env_remove("RECOURSE_DB")
        .output()
        .expect("run recourse");
    assert!(
        out.status.success(),
        "recourse {} --help failed: {}",
        command.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("help is UTF-8")
        .trim_end()
        .to_string()
}

/// The subcommands a help text lists under `Commands:` (without clap's own `help`).
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| l.trim() != "Commands:")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

/// Every command of the binary ("recourse", "recourse case open", …) with its help text.
fn binary_commands() -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let mut todo = vec![Vec::<String>::new()];
    while let Some(path) = todo.pop() {
        let text = help(&path);
        for sub in subcommands(&text) {
            let mut next = path.clone();
            next.push(sub);
            todo.push(next);
        }
        let name = std::iter::once("recourse")
            .chain(path.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        found.insert(name, text);
    }
    found
}

/// The help blocks of the reference: command path → (block text, byte range of the block).
fn doc_blocks(doc: &str) -> BTreeMap<String, (String, std::ops::Range<usize>)> {
    let mut blocks = BTreeMap::new();
    let mut from = 0;
    while let Some(start) = doc[from..].find(OPEN).map(|i| i + from) {
        let name_end = doc[start..].find(" -->").expect("an unclosed help marker") + start;
        let name = doc[start + OPEN.len()..name_end].trim().to_string();
        let body_start = name_end + " -->".len();
        let end = doc[body_start..]
            .find(CLOSE)
            .unwrap_or_else(|| panic!("docs/cli.md: the help block of '{name}' has no {CLOSE}"))
            + body_start;
        let body = doc[body_start..end]
            .trim()
            .trim_start_matches("```text")
            .trim_end_matches("```")
            .trim_matches('\n')
            .to_string();
        blocks.insert(name, (body, body_start..end));
        from = end + CLOSE.len();
    }
    blocks
}

fn block(text: &str) -> String {
    format!("\n```text\n{text}\n```\n")
}

#[test]
fn the_reference_matches_every_commands_help() {
    let binary = binary_commands();
    assert!(
        binary.contains_key("recourse import") && binary.contains_key("recourse case open"),
        "walking --help found too little: {:?}",
        binary.keys()
    );
    let path = doc_path();
    let mut doc = std::fs::read_to_string(&path).expect("docs/cli.md is readable");
    let mut blocks = doc_blocks(&doc);

    if std::env::var_os("RECOURSE_UPDATE_CLI_DOCS").is_some() {
        let mut updated = doc.clone();
        // From the end, so the ranges found earlier stay valid.
        let mut by_start: Vec<_> = blocks.iter().collect();
        by_start.sort_by_key(|(_, (_, range))| std::cmp::Reverse(range.start));
        for (name, (_, range)) in by_start {
            if let Some(text) = binary.get(name) {
                updated.replace_range(range.clone(), &block(text));
            }
        }
        for (name, text) in binary.iter().filter(|(n, _)| !blocks.contains_key(*n)) {
            updated.push_str(&format!(
                "\n### `{name}`\n\n{OPEN}{name} -->{}{CLOSE}\n",
                block(text)
            ));
        }
        std::fs::write(&path, &updated).expect("write docs/cli.md");
        doc = updated;
        blocks = doc_blocks(&doc);
    }

    let mut problems = Vec::new();
    for (name, text) in &binary {
        match blocks.get(name) {
            None => problems.push(format!("`{name}` is not documented")),
            Some((documented, _)) if documented != text => problems.push(format!(
                "`{name}`: the documented help differs from the binary's:\n--- docs/cli.md\n{documented}\n--- {name} --help\n{text}"
            )),
            Some(_) => {}
        }
    }
    for name in blocks.keys().filter(|n| !binary.contains_key(*n)) {
        problems.push(format!(
            "docs/cli.md documents `{name}`, which the binary does not have"
        ));
    }
    assert!(
        problems.is_empty(),
        "docs/cli.md and the binary disagree (run `make cli-docs` to take the binary's help, then check the prose):\n\n{}",
        problems.join("\n\n")
    );
}

#[test]
fn subcommands_are_read_from_the_commands_list() {
    let text = "Usage: recourse <COMMAND>\n\nCommands:\n  import  Import\n  case    Cases\n  help    Print this message\n\nOptions:\n  -h, --help  Print help";
    assert_eq!(subcommands(text), ["import", "case"]);
    assert!(subcommands("Usage: recourse import <FILES>...").is_empty());
}
