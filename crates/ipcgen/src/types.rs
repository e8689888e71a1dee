//! Rust types of a command's arguments and result → their TypeScript types.

use quote::ToTokens;
use std::collections::{BTreeMap, BTreeSet};
use syn::{GenericArgument, PathArguments, Type};

/// The types ts-rs exports: each Rust type's name and the TypeScript name it is given there.
#[derive(Debug, Default, Clone)]
pub struct KnownTypes {
    by_rust: BTreeMap<String, BTreeSet<String>>,
}

impl KnownTypes {
    /// From pairs of (Rust type name without its path, TypeScript name).
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut by_rust: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (rust, ts) in pairs {
            by_rust.entry(rust).or_default().insert(ts);
        }
        Self { by_rust }
    }

    fn lookup(&self, rust: &str) -> Result<Option<&str>, String> {
        match self.by_rust.get(rust) {
            None => Ok(None),
            Some(names) if names.len() == 1 => Ok(names.iter().next().map(String::as_str)),
            // Two Rust types share the name (in different modules): the source does not say which.
            Some(names) => Err(format!(
                "`{rust}` names more than one exported type ({}); a command must use a type whose name is unique",
                names.iter().cloned().collect::<Vec<_>>().join(", ")
            )),
        }
    }
}

/// Parameters Tauri fills itself; the UI never sends them.
pub(crate) fn is_injected(ty: &Type) -> bool {
    let ty = strip_reference(ty);
    last_segment(ty).is_some_and(|(name, _)| {
        matches!(
            name.as_str(),
            "State" | "AppHandle" | "Window" | "Webview" | "WebviewWindow"
        )
    })
}

/// The TypeScript type of a command's successful result: `Result<T, _>` is T (an `Err` rejects
/// the call's promise), no return type is `void`.
pub(crate) fn result_type(
    ty: Option<&Type>,
    known: &KnownTypes,
    refs: &mut BTreeSet<String>,
) -> Result<String, String> {
    let Some(ty) = ty else {
        return Ok("void".into());
    };
    if let Some(("Result", args)) = last_segment(ty).as_ref().map(|(n, a)| (n.as_str(), a)) {
        let ok = args.first().ok_or("`Result` without its success type")?;
        return ts_type(ok, known, refs);
    }
    ts_type(ty, known, refs)
}

/// The TypeScript type of a value of this Rust type, as serde and ts-rs write it. Names each
/// exported type used in `refs`.
pub(crate) fn ts_type(
    ty: &Type,
    known: &KnownTypes,
    refs: &mut BTreeSet<String>,
) -> Result<String, String> {
    let ty = strip_reference(ty);
    if let Type::Tuple(t) = ty {
        if t.elems.is_empty() {
            return Ok("void".into());
        }
    }
    if let Type::Slice(s) = ty {
        return Ok(array_of(ts_type(&s.elem, known, refs)?));
    }
    let unknown = || format!("no TypeScript type for `{}`", ty.to_token_stream());
    let Some((name, args)) = last_segment(ty) else {
        return Err(unknown());
    };
    let one_arg = |what: &str| -> Result<&Type, String> {
        match args.as_slice() {
            [t] => Ok(t),
            _ => Err(format!("`{what}` takes one type argument")),
        }
    };
    let ts = match name.as_str() {
        "Option" => format!("{} | null", ts_type(one_arg("Option")?, known, refs)?),
        "Vec" => array_of(ts_type(one_arg("Vec")?, known, refs)?),
        "String" | "str" | "PathBuf" | "Path" | "char" => "string".into(),
        // chrono's dates cross as ISO text (ts-rs `chrono-impl` says the same).
        "NaiveDate" | "NaiveDateTime" | "NaiveTime" => "string".into(),
        "bool" => "boolean".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" | "u8" | "u16" | "u32" | "u64" | "usize" | "f32"
        | "f64" => "number".into(),
        other => match known.lookup(other)? {
            Some(ts) if args.is_empty() => {
                refs.insert(ts.to_string());
                ts.to_string()
            }
            _ => return Err(unknown()),
        },
    };
    Ok(ts)
}

fn array_of(element: String) -> String {
    if element.contains(' ') {
        format!("({element})[]")
    } else {
        format!("{element}[]")
    }
}

fn strip_reference(ty: &Type) -> &Type {
    match ty {
        Type::Reference(r) => strip_reference(&r.elem),
        Type::Paren(p) => strip_reference(&p.elem),
        Type::Group(g) => strip_reference(&g.elem),
        other => other,
    }
}

/// The last segment of a path type: its name and its type arguments (lifetimes left out).
fn last_segment(ty: &Type) -> Option<(String, Vec<&Type>)> {
    let Type::Path(p) = ty else { return None };
    if p.qself.is_some() {
        return None;
    }
    let seg = p.path.segments.last()?;
    let args = match &seg.arguments {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|a| match a {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Some((seg.ident.to_string(), args))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(src: &str) -> Result<String, String> {
        let known = KnownTypes::new([
            ("Profile".to_string(), "Profile".to_string()),
            ("Reason".to_string(), "FlagReason".to_string()),
            ("Reason".to_string(), "Reason".to_string()),
        ]);
        ts_type(&syn::parse_str(src).unwrap(), &known, &mut BTreeSet::new())
    }

    #[test]
    fn rust_types_become_the_typescript_serde_writes() {
        assert_eq!(ts("Option<String>").unwrap(), "string | null");
        assert_eq!(ts("Vec<PathBuf>").unwrap(), "string[]");
        assert_eq!(ts("Vec<Option<i64>>").unwrap(), "(number | null)[]");
        assert_eq!(ts("Option<Vec<String>>").unwrap(), "string[] | null");
        assert_eq!(ts("&[u64]").unwrap(), "number[]");
        assert_eq!(ts("recourse_app::Profile").unwrap(), "Profile");
        assert_eq!(ts("chrono::NaiveDate").unwrap(), "string");
        assert_eq!(ts("()").unwrap(), "void");
    }

    #[test]
    fn a_type_it_cannot_name_is_an_error_not_any() {
        assert_eq!(
            ts("HashMap<String, u8>").unwrap_err(),
            "no TypeScript type for `HashMap < String , u8 >`"
        );
        assert!(ts("Reason").unwrap_err().contains("FlagReason, Reason"));
    }
}
