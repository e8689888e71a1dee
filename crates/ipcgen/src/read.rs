//! Reads the commands from the shell's source: the registered list, then each command's signature.

use crate::types::{is_injected, result_type, ts_type, KnownTypes};
use crate::{Arg, Command, Error};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, FnArg, Item, ItemFn, Lit, Meta, Pat, ReturnType, Token};

/// Every command registered in `dir/mod.rs`'s `generate_handler!`, in that order, read from
/// `dir/MODULE.rs`. Also returns the exported TypeScript types the commands use.
pub fn read_commands(
    dir: &Path,
    known: &KnownTypes,
) -> Result<(Vec<Command>, BTreeSet<String>), Error> {
    let registered = registered(&dir.join("mod.rs"))?;
    let mut modules: BTreeMap<&str, Vec<ItemFn>> = BTreeMap::new();
    for (module, _) in &registered {
        if !modules.contains_key(module.as_str()) {
            let file = dir.join(format!("{module}.rs"));
            modules.insert(module, command_fns(&parse_file(&file)?));
        }
    }
    let mut refs = BTreeSet::new();
    let mut commands = Vec::new();
    for (module, name) in &registered {
        let file = format!("{}/{module}.rs", dir.display());
        let f = modules[module.as_str()]
            .iter()
            .find(|f| f.sig.ident == name)
            .ok_or_else(|| {
                Error(format!(
                    "{file}: `{name}` is registered in generate_handler! but no #[tauri::command] fn of that name is here"
                ))
            })?;
        commands.push(
            command(f, known, &mut refs)
                .map_err(|e| Error(format!("{file}: command `{name}`: {e}")))?,
        );
    }
    // A command written but not registered cannot be called: the UI must not be offered it.
    for (module, fns) in &modules {
        for f in fns {
            let name = f.sig.ident.to_string();
            if !registered.iter().any(|(m, n)| m == module && *n == name) {
                return Err(Error(format!(
                    "{}/{module}.rs: #[tauri::command] `{name}` is not registered in generate_handler!",
                    dir.display()
                )));
            }
        }
    }
    Ok((commands, refs))
}

fn parse_file(path: &Path) -> Result<syn::File, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error(format!("{}: cannot read: {e}", path.display())))?;
    syn::parse_file(&text).map_err(|e| {
        Error(format!(
            "{}: not Rust the generator can read: {e}",
            path.display()
        ))
    })
}

/// The (module, function) pairs of the handler list, e.g. `import::preview_file`.
fn registered(mod_rs: &Path) -> Result<Vec<(String, String)>, Error> {
    let file = parse_file(mod_rs)?;
    let mut found = None;
    for item in &file.items {
        if let Item::Fn(f) = item {
            syn::visit::visit_item_fn(&mut FindHandler(&mut found), f);
        }
    }
    let tokens = found.ok_or_else(|| {
        Error(format!(
            "{}: no generate_handler! list of commands",
            mod_rs.display()
        ))
    })?;
    let paths =
        syn::parse::Parser::parse2(Punctuated::<syn::Path, Token![,]>::parse_terminated, tokens)
            .map_err(|e| Error(format!("{}: generate_handler!: {e}", mod_rs.display())))?;
    paths
        .iter()
        .map(|p| {
            match p
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect::<Vec<_>>()
                .as_slice()
            {
                [module, name] => Ok((module.clone(), name.clone())),
                _ => Err(Error(format!(
                    "{}: generate_handler! names `{}`; the generator reads only `module::command`",
                    mod_rs.display(),
                    quote::ToTokens::to_token_stream(p)
                ))),
            }
        })
        .collect()
}

struct FindHandler<'a>(&'a mut Option<proc_macro2::TokenStream>);

impl<'ast> syn::visit::Visit<'ast> for FindHandler<'_> {
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        if m.path
            .segments
            .last()
            .is_some_and(|s| s.ident == "generate_handler")
        {
            *self.0 = Some(m.tokens.clone());
        }
    }
}

fn command_fns(file: &syn::File) -> Vec<ItemFn> {
    file.items
        .iter()
        .filter_map(|item| match item {
            Item::Fn(f) if f.attrs.iter().any(is_command_attr) => Some(f.clone()),
            _ => None,
        })
        .collect()
}

fn is_command_attr(a: &Attribute) -> bool {
    let segs: Vec<String> = a
        .path()
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    segs == ["tauri", "command"] || segs == ["command"]
}

fn command(f: &ItemFn, known: &KnownTypes, refs: &mut BTreeSet<String>) -> Result<Command, String> {
    let keep_snake_case = rename_all(f)?.is_some_and(|r| r == "snake_case");
    let mut args = Vec::new();
    for input in &f.sig.inputs {
        let FnArg::Typed(pt) = input else {
            return Err("a command cannot take `self`".into());
        };
        if is_injected(&pt.ty) {
            continue;
        }
        let Pat::Ident(id) = &*pt.pat else {
            return Err("an argument must be a plain name".into());
        };
        let rust_name = id.ident.to_string();
        let name = if keep_snake_case {
            rust_name.clone()
        } else {
            lower_camel_case(&rust_name)
        };
        if RESERVED.contains(&name.as_str()) {
            return Err(format!(
                "argument `{rust_name}` is a reserved word in TypeScript; rename it"
            ));
        }
        let ts_type =
            ts_type(&pt.ty, known, refs).map_err(|e| format!("argument `{rust_name}`: {e}"))?;
        args.push(Arg { name, ts_type });
    }
    let ret = match &f.sig.output {
        ReturnType::Default => None,
        ReturnType::Type(_, ty) => Some(&**ty),
    };
    let result = result_type(ret, known, refs).map_err(|e| format!("result: {e}"))?;
    Ok(Command {
        name: f.sig.ident.to_string(),
        doc: doc_lines(&f.attrs),
        args,
        result,
    })
}

/// `#[tauri::command(rename_all = "…")]`: how Tauri names the arguments (camelCase by default).
fn rename_all(f: &ItemFn) -> Result<Option<String>, String> {
    let Some(attr) = f.attrs.iter().find(|a| is_command_attr(a)) else {
        return Ok(None);
    };
    let Meta::List(list) = &attr.meta else {
        return Ok(None);
    };
    let metas = list
        .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
        .map_err(|e| format!("#[tauri::command(…)]: {e}"))?;
    let mut rename = None;
    for m in metas {
        match &m {
            Meta::NameValue(nv) if nv.path.is_ident("rename_all") => match &nv.value {
                Expr::Lit(l) => match &l.lit {
                    Lit::Str(s) if matches!(s.value().as_str(), "snake_case" | "camelCase") => {
                        rename = Some(s.value())
                    }
                    _ => return Err("rename_all must be \"snake_case\" or \"camelCase\"".into()),
                },
                _ => return Err("rename_all must be a string".into()),
            },
            // `async` and the like do not change what the UI sends.
            Meta::Path(p) if p.is_ident("async") => {}
            other => {
                return Err(format!(
                    "#[tauri::command({})] is not understood by the generator",
                    quote::ToTokens::to_token_stream(other)
                ))
            }
        }
    }
    Ok(rename)
}

fn doc_lines(attrs: &[Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter_map(|a| match &a.meta {
            Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                Expr::Lit(l) => match &l.lit {
                    Lit::Str(s) => Some(s.value().trim().to_string()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// Tauri 2's default argument names: `account_if_unnamed` → `accountIfUnnamed`.
fn lower_camel_case(snake: &str) -> String {
    let mut out = String::new();
    for (i, word) in snake.split('_').filter(|w| !w.is_empty()).enumerate() {
        if i == 0 {
            out.push_str(word);
        } else {
            let mut chars = word.chars();
            if let Some(c) = chars.next() {
                out.extend(c.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
    }
    out
}

/// Words TypeScript does not accept as a parameter's name.
const RESERVED: &[&str] = &[
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "new",
    "null",
    "return",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "let",
    "static",
    "yield",
    "await",
    "implements",
    "interface",
    "package",
    "private",
    "protected",
    "public",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> KnownTypes {
        KnownTypes::new([("Profile".to_string(), "Profile".to_string())])
    }

    fn one(src: &str) -> Result<Command, String> {
        let file: syn::File = syn::parse_str(src).unwrap();
        let f = command_fns(&file).pop().expect("a command");
        command(&f, &known(), &mut BTreeSet::new())
    }

    #[test]
    fn arguments_are_camel_case_and_injected_ones_are_left_out() {
        let c = one(
            "/// Reads it.\n#[tauri::command]\npub async fn preview_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, path: PathBuf, account_if_unnamed: Option<String>, profile: Option<Profile>) -> Result<Vec<u64>> { todo!() }",
        )
        .unwrap();
        assert_eq!(c.name, "preview_file");
        assert_eq!(c.doc, ["Reads it."]);
        assert_eq!(
            c.args,
            [
                Arg {
                    name: "path".into(),
                    ts_type: "string".into()
                },
                Arg {
                    name: "accountIfUnnamed".into(),
                    ts_type: "string | null".into()
                },
                Arg {
                    name: "profile".into(),
                    ts_type: "Profile | null".into()
                },
            ]
        );
        assert_eq!(c.result, "number[]");
    }

    #[test]
    fn rename_all_snake_case_keeps_the_rust_names() {
        let c = one("#[tauri::command(rename_all = \"snake_case\")]\nfn f(save_profile: bool) {}")
            .unwrap();
        assert_eq!(c.args[0].name, "save_profile");
        assert_eq!(c.result, "void");
    }

    #[test]
    fn an_unknown_type_names_the_argument() {
        let e = one("#[tauri::command]\nfn f(when: Instant) -> Result<()> { Ok(()) }").unwrap_err();
        assert_eq!(e, "argument `when`: no TypeScript type for `Instant`");
        let e = one("#[tauri::command]\nfn f(default: u8) {}").unwrap_err();
        assert!(e.contains("reserved word"), "{e}");
    }

    #[test]
    fn the_handler_list_decides_what_is_generated() {
        let dir = std::env::temp_dir().join(format!("ipcgen-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("mod.rs"),
            "mod a;\npub fn handler() -> X { tauri::generate_handler![a::one] }",
        )
        .unwrap();
        std::fs::write(
            dir.join("a.rs"),
            "#[tauri::command]\npub fn one(p: Profile) {}\n#[tauri::command]\npub fn two() {}",
        )
        .unwrap();
        let err = read_commands(&dir, &known()).unwrap_err();
        assert!(
            err.0
                .ends_with("a.rs: #[tauri::command] `two` is not registered in generate_handler!"),
            "{err}"
        );
        std::fs::write(
            dir.join("a.rs"),
            "#[tauri::command]\npub fn one(p: Profile) {}",
        )
        .unwrap();
        let (commands, refs) = read_commands(&dir, &known()).unwrap();
        assert_eq!(commands.len(), 1);
        assert_eq!(refs.into_iter().collect::<Vec<_>>(), ["Profile"]);
        std::fs::write(dir.join("a.rs"), "pub fn one() {}").unwrap();
        let err = read_commands(&dir, &known()).unwrap_err();
        assert!(
            err.0
                .contains("`one` is registered in generate_handler! but no #[tauri::command]"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
