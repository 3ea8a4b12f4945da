//! `#[derive(FromValue)]`: how `careerplan::json::from_value` reads a type.
//!
//! The model types derive serde's `Deserialize` too, and this derive reads
//! the same `#[serde(...)]` attributes, so both readers follow one
//! declaration. They exist side by side for size: serde's derived reader is
//! built for any deserializer and keeps an `Option` per field, a
//! duplicate-key check per field and a buffer for flattened fields; this one
//! only reads a `serde_json::Value` (already free of duplicate keys) through
//! one shared, non-generic loop (`Tracked::read_struct`). In the
//! WebAssembly build that halves the code that reads the model. A test in
//! `careerplan::json` holds both readers to the same results and errors.
//!
//! Structs with named fields are read field by field; every other type
//! (enums, newtypes) is read by its serde `Deserialize` impl.
//!
//! Supported serde attributes (anything else is a compile error, so a new
//! attribute cannot be silently ignored):
//! - container: `rename_all = "snake_case" | "kebab-case"`,
//!   `deny_unknown_fields`, `default`, `expecting = "..."`; on enums anything
//!   (serde reads them);
//! - field: `rename`, `default`, `default = "path"`, `with`,
//!   `deserialize_with`, `flatten` with `deserialize_with` (the `extra` map
//!   of unknown fields), and the serialize-only `skip_serializing_if`,
//!   `serialize_with`.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::{Data, DeriveInput, Fields, LitStr, parse_macro_input, spanned::Spanned};

/// Derive `careerplan::json::FromValue` (see the crate docs).
#[proc_macro_derive(FromValue, attributes(serde))]
pub fn derive_from_value(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// What a field's missing key turns into.
enum Missing {
    /// `T::missing(name)`: `None` for an `Option`, else `missing field`.
    ByType,
    /// `missing field`, whatever the type: a field read `with` this function.
    Error(syn::Path),
    /// `Default::default()`.
    Default,
    /// The container's default value's field.
    ContainerDefault,
    /// A function's value.
    Call(syn::Path),
}

#[derive(Default)]
struct ContainerAttrs {
    rename_all: Option<String>,
    deny_unknown_fields: bool,
    default: bool,
    expecting: Option<String>,
}

#[derive(Default)]
struct FieldAttrs {
    rename: Option<String>,
    default: Option<Option<syn::Path>>,
    with: Option<syn::Path>,
    flatten: bool,
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let name = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let named = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => Some(named),
            _ => None,
        },
        _ => None,
    };
    if let Data::Enum(data) = &input.data
        && let Some(tokens) = unit_enum(input, data)?
    {
        return Ok(tokens);
    }
    let Some(named) = named else {
        // Enums and newtypes: serde's impl, over the path-tracking reader.
        return Ok(quote! {
            impl #impl_generics ::careerplan::json::FromValue for #name #ty_generics #where_clause {
                fn from_tracked(
                    value: ::careerplan::json::Tracked<'_>,
                ) -> ::core::result::Result<Self, ::careerplan::json::ReadError> {
                    ::careerplan::json::Tracked::serde(value)
                }
            }
        });
    };
    let container = container_attrs(input)?;
    let expecting = container
        .expecting
        .clone()
        .unwrap_or_else(|| format!("struct {name}"));

    let mut keys = Vec::new();
    let mut reads = Vec::new();
    let mut inits = Vec::new();
    let mut extra: Option<syn::Ident> = None;
    for field in &named.named {
        let Some(ident) = &field.ident else {
            return Err(syn::Error::new(
                field.span(),
                "FromValue: a named field expected",
            ));
        };
        let attrs = field_attrs(field)?;
        if attrs.flatten {
            if attrs.with.is_none() {
                return Err(syn::Error::new(
                    field.span(),
                    "FromValue: a flattened field must be the `extra` map, read `deserialize_with`",
                ));
            }
            if extra.is_some() {
                return Err(syn::Error::new(
                    field.span(),
                    "FromValue: one flattened field at most",
                ));
            }
            extra = Some(ident.clone());
            inits.push(quote! { #ident: __extra });
            continue;
        }
        let key = match &attrs.rename {
            Some(key) => key.clone(),
            None => rename(&ident.to_string(), container.rename_all.as_deref()),
        };
        let index = keys.len();
        let ty = &field.ty;
        let local = syn::Ident::new(&format!("__field{index}"), ident.span());
        let missing = match (&attrs.default, &attrs.with) {
            (Some(Some(path)), _) => Missing::Call(path.clone()),
            (Some(None), _) => Missing::Default,
            (None, _) if container.default => Missing::ContainerDefault,
            (None, Some(with)) => Missing::Error(with.clone()),
            // An `Option` read by type is `None` when absent: its default.
            (None, None) if is_option(ty) => Missing::Default,
            (None, None) => Missing::ByType,
        };
        let optional = match &attrs.with {
            Some(with) => quote! { __reader.optional_with(#index, #with) },
            None => quote! { __reader.optional::<#ty>(#index) },
        };
        let unread = quote! {
            match #local {
                ::core::option::Option::Some(__v) => __v,
                ::core::option::Option::None => ::careerplan::json::unread_field(),
            }
        };
        // What the field is read into, how, and what the struct takes.
        let (local_ty, read, init) = match (missing, &attrs.with) {
            (Missing::Default, Some(with)) => (
                quote! { #ty },
                quote! { __reader.or_default_with(#index, #with) },
                quote! { #local },
            ),
            (Missing::Default, None) => (
                quote! { #ty },
                quote! { __reader.or_default::<#ty>(#index) },
                quote! { #local },
            ),
            (Missing::ByType, _) => (
                quote! { ::core::option::Option<#ty> },
                quote! { __reader.field::<#ty>(#index) },
                unread,
            ),
            (Missing::Error(with), _) => (
                quote! { ::core::option::Option<#ty> },
                quote! { __reader.required_with(#index, #with) },
                unread,
            ),
            (Missing::ContainerDefault, _) => (
                quote! { ::core::option::Option<#ty> },
                optional,
                quote! {
                    match #local {
                        ::core::option::Option::Some(__v) => __v,
                        ::core::option::Option::None => __default.#ident,
                    }
                },
            ),
            (Missing::Call(path), _) => (
                quote! { ::core::option::Option<#ty> },
                optional,
                quote! { #local.unwrap_or_else(#path) },
            ),
        };
        reads.push(quote! { let #local: #local_ty = #read; });
        inits.push(quote! { #ident: #init });
        keys.push(key);
    }
    let unknown = if extra.is_some() {
        quote! { ::careerplan::json::Unknown::Keep }
    } else if container.deny_unknown_fields {
        quote! { ::careerplan::json::Unknown::Deny }
    } else {
        quote! { ::careerplan::json::Unknown::Ignore }
    };
    let default = container
        .default
        .then(|| quote! { let __default: Self = ::core::default::Default::default(); });
    let extra_binding = match &extra {
        Some(_) => quote! { __extra },
        None => quote! { _ },
    };
    Ok(quote! {
        impl #impl_generics ::careerplan::json::FromValue for #name #ty_generics #where_clause {
            fn from_tracked(
                __tracked: ::careerplan::json::Tracked<'_>,
            ) -> ::core::result::Result<Self, ::careerplan::json::ReadError> {
                static __SHAPE: ::careerplan::json::Shape = ::careerplan::json::Shape {
                    expecting: #expecting,
                    fields: &[#(#keys),*],
                    unknown: #unknown,
                };
                let mut __reader = __tracked.open_struct(&__SHAPE)?;
                #(#reads)*
                let #extra_binding = __reader.finish()?;
                #default
                ::core::result::Result::Ok(#name { #(#inits),* })
            }
        }
    })
}

/// An enum of unit variants only, with no serde attribute but `rename_all`
/// and a variant's `rename`: read by name through one shared function.
/// `None` for any other enum, which serde's impl then reads.
fn unit_enum(input: &DeriveInput, data: &syn::DataEnum) -> syn::Result<Option<Tokens>> {
    let Some(rule) = only_attr(&input.attrs, "rename_all")? else {
        return Ok(None);
    };
    if !matches!(
        rule.as_deref(),
        None | Some("snake_case") | Some("kebab-case")
    ) {
        return Ok(None);
    }
    let mut names = Vec::new();
    let mut arms = Vec::new();
    for (index, variant) in data.variants.iter().enumerate() {
        if !matches!(variant.fields, Fields::Unit) {
            return Ok(None);
        }
        let Some(renamed) = only_attr(&variant.attrs, "rename")? else {
            return Ok(None);
        };
        let ident = &variant.ident;
        names.push(renamed.unwrap_or_else(|| variant_name(&ident.to_string(), rule.as_deref())));
        arms.push(quote! { #index => Self::#ident, });
    }
    let name = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    Ok(Some(quote! {
        impl #impl_generics ::careerplan::json::FromValue for #name #ty_generics #where_clause {
            fn from_tracked(
                __tracked: ::careerplan::json::Tracked<'_>,
            ) -> ::core::result::Result<Self, ::careerplan::json::ReadError> {
                static __VARIANTS: &[&str] = &[#(#names),*];
                ::core::result::Result::Ok(match __tracked.read_unit_variant(__VARIANTS)? {
                    #(#arms)*
                    _ => ::careerplan::json::unread_variant(),
                })
            }
        }
    }))
}

/// The string value of the serde attribute `name` among `attrs`
/// (`Some(None)` if it is not there), or `None` if any other serde
/// attribute is there: an enum or variant this derive leaves to serde.
fn only_attr(attrs: &[syn::Attribute], name: &str) -> syn::Result<Option<Option<String>>> {
    let mut value = None;
    let mut other = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(name) {
                value = Some(string(&meta)?);
            } else {
                other = true;
                // Skip the attribute's value, if any.
                if meta.input.peek(syn::Token![=]) {
                    let _: syn::Expr = meta.value()?.parse()?;
                }
            }
            Ok(())
        })?;
    }
    Ok((!other).then_some(value))
}

/// A variant's name under serde's `rename_all` rule: `AtRisk` is `at_risk`
/// in snake case, `at-risk` in kebab case.
fn variant_name(variant: &str, rule: Option<&str>) -> String {
    let separator = match rule {
        Some("snake_case") => '_',
        Some("kebab-case") => '-',
        _ => return variant.to_string(),
    };
    let mut out = String::new();
    for (i, c) in variant.char_indices() {
        if i > 0 && c.is_uppercase() {
            out.push(separator);
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Whether a field's type is written `Option<...>`.
fn is_option(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|segment| segment.ident == "Option"),
        _ => false,
    }
}

fn rename(field: &str, rule: Option<&str>) -> String {
    match rule {
        Some("kebab-case") => field.replace('_', "-"),
        _ => field.to_string(),
    }
}

fn string(meta: &syn::meta::ParseNestedMeta) -> syn::Result<String> {
    Ok(meta.value()?.parse::<LitStr>()?.value())
}

fn container_attrs(input: &DeriveInput) -> syn::Result<ContainerAttrs> {
    let mut out = ContainerAttrs::default();
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename_all") {
                let rule = string(&meta)?;
                if rule != "snake_case" && rule != "kebab-case" {
                    return Err(
                        meta.error("FromValue: rename_all supports snake_case and kebab-case")
                    );
                }
                out.rename_all = Some(rule);
            } else if meta.path.is_ident("deny_unknown_fields") {
                out.deny_unknown_fields = true;
            } else if meta.path.is_ident("default") {
                if meta.input.peek(syn::Token![=]) {
                    return Err(
                        meta.error("FromValue: container default = \"path\" is not supported")
                    );
                }
                out.default = true;
            } else if meta.path.is_ident("expecting") {
                out.expecting = Some(string(&meta)?);
            } else {
                return Err(meta.error("FromValue: serde container attribute not supported"));
            }
            Ok(())
        })?;
    }
    Ok(out)
}

fn field_attrs(field: &syn::Field) -> syn::Result<FieldAttrs> {
    let mut out = FieldAttrs::default();
    for attr in field.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                out.rename = Some(string(&meta)?);
            } else if meta.path.is_ident("default") {
                out.default = Some(if meta.input.peek(syn::Token![=]) {
                    Some(syn::parse_str(&string(&meta)?)?)
                } else {
                    None
                });
            } else if meta.path.is_ident("with") {
                let module: syn::Path = syn::parse_str(&string(&meta)?)?;
                out.with = Some(syn::parse_quote! { #module::deserialize });
            } else if meta.path.is_ident("deserialize_with") {
                out.with = Some(syn::parse_str(&string(&meta)?)?);
            } else if meta.path.is_ident("flatten") {
                out.flatten = true;
            } else if meta.path.is_ident("skip_serializing_if")
                || meta.path.is_ident("serialize_with")
            {
                let _ = string(&meta)?;
            } else {
                return Err(meta.error("FromValue: serde field attribute not supported"));
            }
            Ok(())
        })?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names_follow_serdes_rules() {
        assert_eq!(
            variant_name("ModifiedFollowing", Some("snake_case")),
            "modified_following"
        );
        assert_eq!(
            variant_name("DanglingReference", Some("kebab-case")),
            "dangling-reference"
        );
        assert_eq!(variant_name("Days", Some("snake_case")), "days");
        assert_eq!(variant_name("DayFirst", None), "DayFirst");
    }

    #[test]
    fn field_names_follow_serdes_rules() {
        assert_eq!(rename("max_depth", Some("kebab-case")), "max-depth");
        assert_eq!(rename("max_depth", Some("snake_case")), "max_depth");
    }

    #[test]
    fn an_unknown_attribute_is_a_compile_error() {
        let input: DeriveInput = syn::parse_quote! {
            struct S { #[serde(alias = "b")] a: u32 }
        };
        let err = expand(&input).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("FromValue: serde field attribute not supported")
        );
        let input: DeriveInput = syn::parse_quote! {
            struct S { #[serde(flatten)] rest: Other }
        };
        assert!(expand(&input).is_err());
    }

    #[test]
    fn only_unit_enums_are_read_by_name() {
        let input: DeriveInput = syn::parse_quote! {
            #[serde(rename_all = "snake_case")]
            enum E { AtRisk, #[serde(rename = "x")] Other }
        };
        let Data::Enum(data) = &input.data else {
            unreachable!()
        };
        let tokens = unit_enum(&input, data)
            .ok()
            .flatten()
            .map(|t| t.to_string());
        assert!(tokens.is_some_and(|t| t.contains("\"at_risk\"") && t.contains("\"x\"")));
        let input: DeriveInput = syn::parse_quote! {
            #[serde(untagged)]
            enum E { A(String), B(u32) }
        };
        let Data::Enum(data) = &input.data else {
            unreachable!()
        };
        assert!(matches!(unit_enum(&input, data), Ok(None)));
    }
}
