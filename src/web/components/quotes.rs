//! Quotes: grouped by statement across sources (with the words each wording does not share with
//! the others marked) or by speaker, each with its speaker, cue and source.

use super::snippet;
use newslens_core::report::{Quote, Report};
use std::collections::BTreeMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: super::SharedReport,
}

fn speaker_name(report: &Report, q: &Quote) -> String {
    report
        .speaker_name(q)
        .unwrap_or_else(|| "unknown speaker".to_string())
}

/// The group a quote's speaker heads in the by-speaker view: an entity across documents, a
/// phrase naming no entity ("the commission") within its document only.
fn speaker_key(report: &Report, q: &Quote) -> String {
    match (&q.speaker, report.speaker_name(q)) {
        (None, Some(phrase)) => format!("{phrase} ({})", snippet::label(report, &q.doc)),
        _ => speaker_name(report, q),
    }
}

/// Groups quotes by `key`, keeping the order in which keys first appear.
fn grouped<'a>(
    quotes: &[&'a Quote],
    key: impl Fn(&Quote) -> String,
) -> Vec<(String, Vec<&'a Quote>)> {
    let mut groups: BTreeMap<String, usize> = BTreeMap::new();
    let mut out: Vec<(String, Vec<&Quote>)> = Vec::new();
    for &q in quotes {
        let k = key(q);
        match groups.get(&k) {
            Some(&i) => out[i].1.push(q),
            None => {
                groups.insert(k.clone(), out.len());
                out.push((k, vec![q]));
            }
        }
    }
    out
}

fn quote_card(report: &Report, q: &Quote, other: Option<&str>, show_speaker: bool) -> Html {
    html! {
        <blockquote class={classes!("quote", format!("kind-{}", q.kind))} data-quote={q.id.clone()}>
            <p>{ "“" }{ match other {
                Some(other) => snippet::diff_marked(&q.text, other),
                None => html! { <>{ &q.text }</> },
            } }{ "”" }</p>
            <footer>
                if show_speaker { <span class="speaker">{ speaker_name(report, q) }</span> }
                if let Some(cue) = &q.cue { <span class="cue">{ format!(" ({cue})") }</span> }
                <span class="doc-id">{ format!(" — {}", snippet::label(report, &q.doc)) }</span>
            </footer>
        </blockquote>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum By {
    Statement,
    Speaker,
}

#[function_component(QuoteList)]
pub fn quote_list(props: &Props) -> Html {
    let report = &props.report;
    let show_scare = use_state(|| false);
    let by = use_state(|| By::Statement);
    let quotes: Vec<&Quote> = report
        .quotes
        .iter()
        .filter(|q| *show_scare || q.kind != "scare")
        .collect();
    let scare = report.quotes.iter().filter(|q| q.kind == "scare").count();
    let choose = |b: By| {
        let by = by.clone();
        Callback::from(move |_| by.set(b))
    };
    let body = match *by {
        // Quotes sharing a group render one statement; the rest stand alone.
        By::Statement => {
            let groups = grouped(&quotes, |q| q.group.clone().unwrap_or_else(|| q.id.clone()));
            html! {
                <ul id="quotes">
                { for groups.iter().map(|(_, members)| {
                    let shared = members.len() > 1;
                    html! {
                        <li class={classes!("quote-group", shared.then_some("shared"))}>
                            if shared { <span class="badge">{ format!("same statement in {} sources", members.len()) }</span> }
                            { for members.iter().enumerate().map(|(i, q)| {
                                // Each wording is compared with the first; the first with the second.
                                let other = shared.then(|| members[if i == 0 { 1 } else { 0 }].text.as_str());
                                quote_card(report, q, other, true)
                            }) }
                        </li>
                    }
                }) }
                </ul>
            }
        }
        By::Speaker => {
            let mut groups = grouped(&quotes, |q| speaker_key(report, q));
            groups.sort_by_key(|(name, members)| {
                (name == "unknown speaker", std::cmp::Reverse(members.len()))
            });
            html! {
                <ul id="quotes">
                { for groups.iter().map(|(name, members)| html! {
                    <li class="quote-group by-speaker">
                        <h3 class="speaker-name">{ format!("{name} ({})", members.len()) }</h3>
                        { for members.iter().map(|q| quote_card(report, q, None, false)) }
                    </li>
                }) }
                </ul>
            }
        }
    };
    html! {
        <section class="pane quotes" aria-label="Quotes">
            <h2>{ format!("Quotes ({})", report.quotes.len() - scare) }</h2>
            <div class="controls" role="group" aria-label="Group quotes">
                <button id="quotes-by-statement" aria-pressed={(*by == By::Statement).to_string()} onclick={choose(By::Statement)}>{ "By statement" }</button>
                <button id="quotes-by-speaker" aria-pressed={(*by == By::Speaker).to_string()} onclick={choose(By::Speaker)}>{ "By speaker" }</button>
                if scare > 0 {
                    <label class="toggle"><input type="checkbox" checked={*show_scare}
                        onchange={let s = show_scare.clone(); move |_| s.set(!*s)} />{ format!(" show {scare} scare quotes") }</label>
                }
            </div>
            { body }
        </section>
    }
}
