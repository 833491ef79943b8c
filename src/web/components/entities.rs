//! Entities table: one row per entity, filterable by kind and name, sorted by mentions.

use super::snippet;
use std::collections::BTreeSet;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: super::SharedReport,
}

/// Rows shown before "show all": keeps rendering fast for thousand-document batches.
const FIRST_ROWS: usize = 100;

#[function_component(EntityTable)]
pub fn entity_table(props: &Props) -> Html {
    let kind = use_state(String::new);
    let query = use_state(String::new);
    let show_all = use_state(|| false);
    let open = use_state(|| None::<String>);
    let report = &props.report;

    let mut rows: Vec<_> = report
        .entities
        .iter()
        .filter(|e| kind.is_empty() || e.kind == *kind)
        .filter(|e| {
            query.is_empty() || {
                let q = query.to_lowercase();
                e.name.to_lowercase().contains(&q)
                    || e.aliases.iter().any(|a| a.to_lowercase().contains(&q))
            }
        })
        .map(|e| {
            let sources: BTreeSet<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
            (e, sources)
        })
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse((r.1.len(), r.0.mentions.len())));
    let total = rows.len();
    if !*show_all {
        rows.truncate(FIRST_ROWS);
    }

    let kinds: BTreeSet<&str> = report.entities.iter().map(|e| e.kind.as_str()).collect();
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            kind.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };

    html! {
        <section class="pane entities" aria-label="Entities">
            <h2>{ format!("Entities ({})", report.entities.len()) }</h2>
            <div class="filters">
                <label>{ "Kind " }
                    <select onchange={on_kind} aria-label="Filter entities by kind">
                        <option value="" selected={kind.is_empty()}>{ "all" }</option>
                        { for kinds.iter().map(|k| html! { <option value={k.to_string()} selected={*kind == *k}>{ k }</option> }) }
                    </select>
                </label>
                <label>{ "Name " }<input type="search" oninput={on_query} placeholder="filter" aria-label="Filter entities by name" /></label>
            </div>
            <table id="entities">
                <thead><tr><th>{ "Name" }</th><th>{ "Kind" }</th><th>{ "Sources" }</th><th>{ "Mentions" }</th><th>{ "Also written" }</th></tr></thead>
                <tbody>
                { for rows.iter().map(|(e, sources)| {
                    let id = e.id.clone();
                    let is_open = open.as_deref() == Some(id.as_str());
                    let toggle = {
                        let open = open.clone();
                        let id = id.clone();
                        Callback::from(move |_: MouseEvent| open.set(if is_open { None } else { Some(id.clone()) }))
                    };
                    let aliases: Vec<&str> = e.aliases.iter().map(String::as_str).filter(|a| *a != e.name).collect();
                    html! {
                        <>
                        <tr class={classes!("entity", format!("kind-{}", e.kind))} data-entity={e.id.clone()}>
                            <td><button class="link" onclick={toggle} aria-expanded={is_open.to_string()}>{ &e.name }</button></td>
                            <td><span class={classes!("badge", format!("kind-{}", e.kind))}>{ &e.kind }</span></td>
                            <td>{ sources.len() }</td>
                            <td>{ e.mentions.len() }</td>
                            <td class="aliases">{ aliases.join(", ") }</td>
                        </tr>
                        if is_open {
                            <tr class="mentions"><td colspan="5"><ul>
                            { for e.mentions.iter().take(50).filter_map(|m| {
                                let doc = snippet::document(report, &m.doc)?;
                                let (before, hit, after) = snippet::in_context(&doc.text, m.start, m.end, 60);
                                Some(html! { <li><span class="doc-id">{ &m.doc }</span>{ " …" }{ before }<mark>{ hit }</mark>{ after }{ "…" }</li> })
                            }) }
                            </ul></td></tr>
                        }
                        </>
                    }
                }) }
                </tbody>
            </table>
            if total > rows.len() {
                <button class="more" onclick={let s = show_all.clone(); move |_| s.set(true)}>{ format!("Show all {total}") }</button>
            }
        </section>
    }
}
