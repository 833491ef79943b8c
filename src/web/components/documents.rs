//! The loaded documents (removable), with their metadata, what was cleaned away, and errors.

use crate::web::protocol::PageInput;
use newslens_core::report::{Document, InputError, RemovedText};
use std::collections::{HashMap, VecDeque};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub inputs: Vec<PageInput>,
    pub report: Option<super::SharedReport>,
    pub on_remove: Callback<u32>,
    /// (input id, line, keep it): restore a removed line, or remove a restored one again.
    pub on_restore: Callback<(u32, String, bool)>,
}

/// Rows shown before "show all", so a batch of thousands renders fast.
const FIRST_ROWS: usize = 50;
/// Distinct removed lines listed per document: a log or a template has thousands.
const REMOVED_ROWS: usize = 100;

/// A document's removed lines, each text once (restoring it restores every time it was said),
/// with how many times, in order of first removal.
fn removed_lines(removed: &[RemovedText]) -> Vec<(&RemovedText, usize)> {
    let mut at: HashMap<(&str, &str), usize> = HashMap::new();
    let mut lines: Vec<(&RemovedText, usize)> = Vec::new();
    for r in removed {
        let i = *at
            .entry((r.reason.as_str(), r.text.as_str()))
            .or_insert_with(|| {
                lines.push((r, 0));
                lines.len() - 1
            });
        lines[i].1 += 1;
    }
    lines
}

#[function_component(DocumentList)]
pub fn document_list(props: &Props) -> Html {
    let show_all = use_state(|| false);
    if props.inputs.is_empty() {
        return html! {};
    }
    let failed = props.report.as_ref().map_or(0, |r| r.errors.len());
    let report = props.report.as_deref();
    // Each input comes back once, as a document or an error, so match them by name in turn
    // (names may repeat: the same file dropped twice).
    let mut results: HashMap<&str, VecDeque<Result<&Document, &InputError>>> = HashMap::new();
    if let Some(r) = report {
        for d in &r.documents {
            results.entry(d.name.as_str()).or_default().push_back(Ok(d));
        }
        for e in &r.errors {
            results
                .entry(e.name.as_str())
                .or_default()
                .push_back(Err(e));
        }
    }
    let shown = if *show_all {
        props.inputs.len()
    } else {
        FIRST_ROWS
    };
    let rows = props.inputs.iter().take(shown).map(|input| {
        let id = input.id;
        let on_remove = props.on_remove.reform(move |_| id);
        let result = results.get_mut(input.name.as_str()).and_then(VecDeque::pop_front);
        let detail = match result {
            Some(Ok(d)) => {
                let removed = removed_lines(&d.removed);
                let meta: Vec<String> = [d.title.clone(), d.source.clone(), d.published.clone()]
                    .into_iter()
                    .flatten()
                    .collect();
                html! {
                    <>
                        <span class="doc-id">{ &d.id }</span>
                        <span class="doc-meta">{ meta.join(" · ") }</span>
                        <span class="doc-size">{ format!("{} words", d.text.split_whitespace().count()) }</span>
                        if !d.removed.is_empty() || !input.keep.is_empty() {
                            <details class="removed">
                                <summary>{ removed_summary(d.removed.len(), input.keep.len()) }</summary>
                                <ul>
                                    { for removed.iter().take(REMOVED_ROWS).map(|&(r, times)| {
                                        let on_restore = props.on_restore.reform({
                                            let line = r.text.clone();
                                            move |_| (id, line.clone(), true)
                                        });
                                        html! {
                                            <li>
                                                <span class="reason">{ r.reason.replace('_', " ") }</span>{ " " }{ &r.text }{ " " }
                                                if times > 1 { <span class="times">{ format!("×{times} ") }</span> }
                                                <button class="restore" aria-label={format!("Restore to the text: {}", r.text)}
                                                    onclick={on_restore}>{ "restore" }</button>
                                            </li>
                                        }
                                    }) }
                                    if removed.len() > REMOVED_ROWS {
                                        <li class="more-removed">{ match removed[REMOVED_ROWS..].iter().map(|x| x.1).sum::<usize>() {
                                            1 => "and 1 more line".to_string(),
                                            n => format!("and {n} more lines"),
                                        } }</li>
                                    }
                                    { for input.keep.iter().map(|line| {
                                        let on_undo = props.on_restore.reform({
                                            let line = line.clone();
                                            move |_| (id, line.clone(), false)
                                        });
                                        html! {
                                            <li class="restored">
                                                <span class="reason">{ "restored" }</span>{ " " }{ line }{ " " }
                                                <button class="restore" aria-label={format!("Remove again: {line}")}
                                                    onclick={on_undo}>{ "remove again" }</button>
                                            </li>
                                        }
                                    }) }
                                </ul>
                            </details>
                        }
                        { for d.warnings.iter().map(|w| html! { <span class="warning">{ w }</span> }) }
                    </>
                }
            }
            Some(Err(e)) => html! { <span class="error" role="alert">{ &e.error }</span> },
            None if input.content.is_none() => html! { <span class="pending">{ "reading…" }</span> },
            None => html! { <span class="pending">{ "waiting for analysis" }</span> },
        };
        html! {
            <li class="document" key={input.id}>
                <span class="doc-name">{ &input.name }</span>
                { detail }
                <button class="remove" aria-label={format!("Remove {}", input.name)} onclick={on_remove}>{ "✕" }</button>
            </li>
        }
    });
    html! {
        <section class="documents" aria-label="Documents">
            <h2>{ format!("Documents ({})", props.inputs.len()) }
                if failed > 0 { <span class="error">{ format!(" · {failed} could not be read") }</span> }
            </h2>
            <ul id="documents">{ for rows }</ul>
            if props.inputs.len() > shown {
                <button class="more" onclick={let s = show_all.clone(); move |_| s.set(true)}>
                    { format!("Show all {} documents", props.inputs.len()) }
                </button>
            }
        </section>
    }
}

fn removed_summary(removed: usize, restored: usize) -> String {
    let lines = |n: usize| {
        if n == 1 {
            "1 line".to_string()
        } else {
            format!("{n} lines")
        }
    };
    match restored {
        0 => format!("removed {}", lines(removed)),
        r => format!("removed {}, restored {}", lines(removed), lines(r)),
    }
}
