//! Quotes: grouped by statement across sources, each with its speaker and cue.

use super::snippet;
use newslens_core::report::{Quote, Report};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Rc<Report>,
}

fn speaker_name(report: &Report, q: &Quote) -> String {
    q.speaker
        .as_ref()
        .and_then(|id| report.entities.iter().find(|e| &e.id == id))
        .map_or_else(|| "unknown speaker".to_string(), |e| e.name.clone())
}

#[function_component(QuoteList)]
pub fn quote_list(props: &Props) -> Html {
    let report = &props.report;
    let show_scare = use_state(|| false);
    // Quotes sharing a group render one statement; the rest stand alone.
    let mut groups: BTreeMap<String, Vec<&Quote>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for q in report
        .quotes
        .iter()
        .filter(|q| *show_scare || q.kind != "scare")
    {
        let key = q.group.clone().unwrap_or_else(|| q.id.clone());
        if !groups.contains_key(&key) {
            order.push(key.clone());
        }
        groups.entry(key).or_default().push(q);
    }
    let scare = report.quotes.iter().filter(|q| q.kind == "scare").count();
    html! {
        <section class="pane quotes" aria-label="Quotes">
            <h2>{ format!("Quotes ({})", report.quotes.len() - scare) }</h2>
            if scare > 0 {
                <label class="toggle"><input type="checkbox" checked={*show_scare}
                    onchange={let s = show_scare.clone(); move |_| s.set(!*s)} />{ format!(" show {scare} scare quotes") }</label>
            }
            <ul id="quotes">
            { for order.iter().map(|key| {
                let members = &groups[key];
                let shared = members.len() > 1;
                html! {
                    <li class={classes!("quote-group", shared.then_some("shared"))}>
                        if shared { <span class="badge">{ format!("same statement in {} sources", members.len()) }</span> }
                        { for members.iter().map(|q| html! {
                            <blockquote class={classes!("quote", format!("kind-{}", q.kind))} data-quote={q.id.clone()}>
                                <p>{ "“" }{ &q.text }{ "”" }</p>
                                <footer>
                                    <span class="speaker">{ speaker_name(report, q) }</span>
                                    if let Some(cue) = &q.cue { <span class="cue">{ format!(" ({cue})") }</span> }
                                    <span class="doc-id">{ format!(" — {}", snippet::label(report, &q.doc)) }</span>
                                </footer>
                            </blockquote>
                        }) }
                    </li>
                }
            }) }
            </ul>
        </section>
    }
}
