//! The loaded documents (removable), with their metadata, what was cleaned away, and errors.

use crate::web::protocol::PageInput;
use newslens_core::report::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub inputs: Vec<PageInput>,
    pub report: Option<Rc<Report>>,
    pub on_remove: Callback<u32>,
}

#[function_component(DocumentList)]
pub fn document_list(props: &Props) -> Html {
    if props.inputs.is_empty() {
        return html! {};
    }
    let report = props.report.as_deref();
    // Documents and errors come back in input order, each input once, so match them by name in turn.
    let mut docs = report
        .map(|r| r.documents.iter().collect::<Vec<_>>())
        .unwrap_or_default();
    let mut errors = report
        .map(|r| r.errors.iter().collect::<Vec<_>>())
        .unwrap_or_default();
    let rows = props.inputs.iter().map(|input| {
        let id = input.id;
        let on_remove = props.on_remove.reform(move |_| id);
        let doc = docs.iter().position(|d| d.name == input.name).map(|i| docs.remove(i));
        let error = errors.iter().position(|e| e.name == input.name).map(|i| errors.remove(i));
        let detail = match (doc, error) {
            (Some(d), _) => {
                let meta: Vec<String> = [d.title.clone(), d.source.clone(), d.published.clone()]
                    .into_iter()
                    .flatten()
                    .collect();
                html! {
                    <>
                        <span class="doc-id">{ &d.id }</span>
                        <span class="doc-meta">{ meta.join(" · ") }</span>
                        <span class="doc-size">{ format!("{} words", d.text.split_whitespace().count()) }</span>
                        if !d.removed.is_empty() {
                            <details class="removed">
                                <summary>{ format!("removed {} lines", d.removed.len()) }</summary>
                                <ul>{ for d.removed.iter().map(|r| html! {
                                    <li><span class="reason">{ r.reason.replace('_', " ") }</span>{ " " }{ &r.text }</li>
                                }) }</ul>
                            </details>
                        }
                        { for d.warnings.iter().map(|w| html! { <span class="warning">{ w }</span> }) }
                    </>
                }
            }
            (None, Some(e)) => html! { <span class="error" role="alert">{ &e.error }</span> },
            (None, None) if input.content.is_none() => html! { <span class="pending">{ "reading…" }</span> },
            (None, None) => html! { <span class="pending">{ "waiting for analysis" }</span> },
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
            <h2>{ format!("Documents ({})", props.inputs.len()) }</h2>
            <ul id="documents">{ for rows }</ul>
        </section>
    }
}
