//! Entities table: one row per entity, filterable by kind, name and number of sources, sortable
//! by each column (most sources first until the person picks another order). Vague dates ("now",
//! "the future") are left out unless asked for.

use super::{set_from, snippet, use_rows_after_paint};
use newslens_core::report::Report;
use newslens_core::text::CharOffsets;
use std::collections::{BTreeSet, HashMap};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: super::SharedReport,
}

/// A date that names no day, month or year: hidden unless asked for.
fn is_vague(e: &newslens_core::report::Entity) -> bool {
    e.kind == "date" && newslens_core::entities::is_vague_date(&e.name)
}

/// Rows shown before "show all": keeps rendering fast for thousand-document batches.
const FIRST_ROWS: usize = 100;

/// Rows in the table's first paint (about a screenful); the rest of the first rows follow.
const FIRST_PAINT_ROWS: usize = 30;

/// The column rows are ordered by: names and kinds A to Z, counts largest first.
#[derive(Clone, Copy, PartialEq)]
enum Order {
    Name,
    Kind,
    Sources,
    Mentions,
}

impl Order {
    const ALL: [(Order, &'static str); 4] = [
        (Order::Name, "Name"),
        (Order::Kind, "Kind"),
        (Order::Sources, "Sources"),
        (Order::Mentions, "Mentions"),
    ];
}

/// The entities the filters let through, as (index, number of sources), in `order`.
fn sorted_rows(
    report: &Report,
    kind: &str,
    query: &str,
    min_sources: usize,
    show_vague: bool,
    order: Order,
) -> Vec<(usize, usize)> {
    let query = query.to_lowercase();
    let mut rows: Vec<(usize, usize)> = report
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| kind.is_empty() || e.kind == kind)
        .filter(|(_, e)| show_vague || !is_vague(e))
        .filter(|(_, e)| {
            query.is_empty()
                || e.name.to_lowercase().contains(&query)
                || e.aliases.iter().any(|a| a.to_lowercase().contains(&query))
        })
        .filter_map(|(i, e)| {
            let sources = e.sources();
            (sources >= min_sources).then_some((i, sources))
        })
        .collect();
    // One comparison for every order: each sort call would add a copy of the sort to the download.
    let entity = |r: &(usize, usize)| &report.entities[r.0];
    let counts = |r: &(usize, usize)| (r.1, entity(r).mentions.len());
    rows.sort_by(|a, b| match order {
        Order::Sources => counts(b).cmp(&counts(a)),
        Order::Mentions => (counts(b).1, counts(b).0).cmp(&(counts(a).1, counts(a).0)),
        Order::Name => {
            let lower = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<Vec<_>>();
            lower(&entity(a).name).cmp(&lower(&entity(b).name))
        }
        Order::Kind => entity(a)
            .kind
            .cmp(&entity(b).kind)
            .then(counts(b).cmp(&counts(a))),
    });
    rows
}

#[function_component(EntityTable)]
pub fn entity_table(props: &Props) -> Html {
    let kind = use_state(String::new);
    let query = use_state(String::new);
    let show_all = use_state(|| false);
    let open = use_state(|| None::<String>);
    let order = use_state(|| Order::Sources);
    let min_sources = use_state(|| 1usize);
    let show_vague = use_state(|| false);
    let first_rows = use_rows_after_paint(FIRST_PAINT_ROWS, FIRST_ROWS);
    let report = &props.report;

    // The filtered, sorted rows (entity index, number of sources), computed again only when
    // the report or a filter changes: not when a row opens, nor when the first paint's rows grow
    // to the first 100 (tens of milliseconds for 20,000 entities).
    let rows = use_memo(
        (
            report.clone(),
            (*kind).clone(),
            (*query).clone(),
            *min_sources,
            *show_vague,
            *order,
        ),
        |(report, kind, query, min_sources, show_vague, order)| {
            sorted_rows(report, kind, query, *min_sources, *show_vague, *order)
        },
    );
    let total = rows.len();
    let shown = if *show_all { total } else { first_rows };
    let rows = &rows[..total.min(shown)];

    let kinds: BTreeSet<&str> = report.entities.iter().map(|e| e.kind.as_str()).collect();
    let vague = report.entities.iter().filter(|e| is_vague(e)).count();
    let on_vague = set_from::<Event, _>(&show_vague, |i| i.checked());
    let on_min_sources = set_from::<Event, _>(&min_sources, |i| i.value().parse().unwrap_or(1));
    // "Seen in at least N sources", up to the number of documents (at most 10 choices).
    let source_choices = 1..=report.documents.len().clamp(1, 10);
    let header = |column: Order, label: &'static str| {
        let sorted = *order == column;
        let set = {
            let order = order.clone();
            Callback::from(move |_: MouseEvent| order.set(column))
        };
        let direction = if matches!(column, Order::Name | Order::Kind) {
            "ascending"
        } else {
            "descending"
        };
        html! {
            <th aria-sort={if sorted { direction } else { "none" }}>
                <button class="link sort" onclick={set} aria-label={format!("Sort by {}", label.to_lowercase())}>
                    { label }{ if sorted { if direction == "ascending" { " ▲" } else { " ▼" } } else { "" } }
                </button>
            </th>
        }
    };
    let on_kind = set_from::<Event, _>(&kind, HtmlInputElement::value);
    let on_query = set_from::<InputEvent, _>(&query, HtmlInputElement::value);

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
                <label>{ "In at least " }
                    <select id="min-sources" onchange={on_min_sources} aria-label="Show entities found in at least this many sources">
                        { for source_choices.map(|n| html! { <option value={n.to_string()} selected={*min_sources == n}>{ n }</option> }) }
                    </select>
                    { " sources" }
                </label>
                if vague > 0 {
                    <label><input id="show-vague" type="checkbox" checked={*show_vague} onchange={on_vague} />
                        { format!(" {vague} vague dates (“now”, “recently”)") }</label>
                }
            </div>
            <table id="entities">
                <thead><tr>
                    { for Order::ALL.iter().map(|&(column, label)| header(column, label)) }
                    <th>{ "Also written" }</th>
                </tr></thead>
                <tbody>
                { for rows.iter().map(|&(i, sources)| {
                    let e = &report.entities[i];
                    let id = e.id.clone();
                    let is_open = open.as_deref() == Some(id.as_str());
                    let toggle = {
                        let open = open.clone();
                        let id = id.clone();
                        Callback::from(move |_: MouseEvent| open.set(if is_open { None } else { Some(id.clone()) }))
                    };
                    let aliases: Vec<&str> = e.aliases.iter().map(String::as_str).filter(|a| *a != e.name).collect();
                    let mut offsets: HashMap<&str, CharOffsets> = HashMap::new();
                    html! {
                        <>
                        <tr class={classes!("entity", format!("kind-{}", e.kind))} data-entity={e.id.clone()}>
                            <td><button class="link" onclick={toggle} aria-expanded={is_open.to_string()}>{ &e.name }</button></td>
                            <td><span class={classes!("badge", format!("kind-{}", e.kind))}>{ &e.kind }</span></td>
                            <td>{ sources }</td>
                            <td>{ e.mentions.len() }</td>
                            <td class="aliases">{ aliases.join(", ") }</td>
                        </tr>
                        if is_open {
                            <tr class="mentions"><td colspan="5"><ul>
                            { for e.mentions.iter().take(50).filter_map(|m| {
                                let doc = snippet::document(report, &m.doc)?;
                                // (A mention's document's offsets are found once for its
                                // mentions in it: counting from the start for each took
                                // seconds in texts of megabytes.)
                                let offsets = offsets.entry(m.doc.as_str()).or_insert_with(|| CharOffsets::new(&doc.text));
                                let (before, hit, after) = snippet::in_context(offsets, &doc.text, m.start, m.end, 60);
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
