//! Writes the commands as one TypeScript module.

use crate::Command;
use std::collections::BTreeSet;

/// The whole generated file: `invoke` from Tauri, the ts-rs types the commands use (imported from
/// `bindings_module`), the union of command names, and one typed function per command.
pub fn typescript(commands: &[Command], refs: &BTreeSet<String>, bindings_module: &str) -> String {
    let mut out = String::from(
        "// Generated from the desktop commands (src-tauri/src/commands) by `make bindings`\n\
         // (crates/ipcgen). Do not edit.\n\n\
         import { invoke } from \"@tauri-apps/api/core\";\n",
    );
    if !refs.is_empty() {
        let names: Vec<&str> = refs.iter().map(String::as_str).collect();
        out.push_str(&format!(
            "import type {{ {} }} from \"{bindings_module}\";\n",
            names.join(", ")
        ));
    }
    out.push_str(
        "\n/** The name of every command the webview may call. */\nexport type CommandName =\n",
    );
    for (i, c) in commands.iter().enumerate() {
        let end = if i + 1 == commands.len() { ";" } else { "" };
        out.push_str(&format!("  | \"{}\"{end}\n", c.name));
    }
    out.push_str(
        "\n/** One function per command: its arguments by name and type (one object), its result's type. A Rust `Err` rejects the promise. */\n\
         export const commands = {\n",
    );
    for c in commands {
        out.push_str(&function(c));
    }
    out.push_str("};\n");
    out
}

fn function(c: &Command) -> String {
    let mut out = String::new();
    match c.doc.as_slice() {
        [] => {}
        [line] => out.push_str(&format!("  /** {line} */\n")),
        lines => {
            out.push_str("  /**\n");
            for l in lines {
                out.push_str(&format!("   * {l}\n").replace(" \n", "\n"));
            }
            out.push_str("   */\n");
        }
    }
    // The arguments travel as one object named as Tauri expects them, so a renamed argument
    // fails `tsc` where the UI calls the command, and their order cannot be mixed up.
    let (params, call_args) = if c.args.is_empty() {
        (String::new(), String::new())
    } else {
        let fields: Vec<String> = c
            .args
            .iter()
            .map(|a| format!("{}: {}", a.name, a.ts_type))
            .collect();
        (
            format!("args: {{ {} }}", fields.join("; ")),
            ", args".to_string(),
        )
    };
    out.push_str(&format!(
        "  {}: ({params}): Promise<{}> =>\n    invoke<{}>(\"{}\"{call_args}),\n",
        property_name(&c.name),
        c.result,
        c.result,
        c.name,
    ));
    out
}

/// The function's name in the `commands` object: the command's name in camelCase.
fn property_name(command: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for ch in command.chars() {
        if ch == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Arg;

    #[test]
    fn a_command_becomes_a_typed_function_calling_it_by_name() {
        let c = Command {
            name: "undo_batch".into(),
            doc: vec!["Undoes it.".into()],
            args: vec![Arg {
                name: "batchId".into(),
                ts_type: "number".into(),
            }],
            result: "number".into(),
        };
        let ts = typescript(&[c], &BTreeSet::from(["Batch".to_string()]), "./bindings");
        assert!(
            ts.contains("import type { Batch } from \"./bindings\";\n"),
            "{ts}"
        );
        assert!(
            ts.contains("export type CommandName =\n  | \"undo_batch\";\n"),
            "{ts}"
        );
        assert!(
            ts.contains(
                "  /** Undoes it. */\n  undoBatch: (args: { batchId: number }): Promise<number> =>\n    invoke<number>(\"undo_batch\", args),\n"
            ),
            "{ts}"
        );
    }
}
