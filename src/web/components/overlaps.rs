//! Overlaps: a source-by-source matrix, every pair with its shared-text score, story similarity
//! and aligned passages (differences marked), what each source alone says, and the numbers
//! sources agree or disagree on.

use super::snippet;
use newslens_core::report::{Overlap, Report};
use newslens_core::text::CharOffsets;
use std::collections::HashMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: super::SharedReport,
}

const FIRST_PAIRS: usize = 50;
/// Beyond this many documents the matrix would not fit a screen; the pair list remains.
const MATRIX_LIMIT: usize = 30;

type Pair = (String, String);

fn pair_key(o: &Overlap) -> Pair {
    (o.a.clone(), o.b.clone())
}

fn matrix(report: &Report, selected: &UseStateHandle<Option<Pair>>) -> Html {
    let docs = &report.documents;
    let by_pair: HashMap<(&str, &str), &Overlap> = report
        .overlaps
        .iter()
        .flat_map(|o| {
            [
                ((o.a.as_str(), o.b.as_str()), o),
                ((o.b.as_str(), o.a.as_str()), o),
            ]
        })
        .collect();
    let cell = |a: &str, b: &str| -> Html {
        if a == b {
            return html! { <td class="self" aria-hidden="true"></td> };
        }
        let o = by_pair.get(&(a, b)).copied();
        let Some(o) = o else {
            return html! { <td class="none" title="unrelated">{ "–" }</td> };
        };
        let label = format!(
            "{} and {}: shared text {:.0}%, same story {:.0}%",
            snippet::label(report, a),
            snippet::label(report, b),
            o.score * 100.0,
            o.similarity * 100.0
        );
        // Colour strength (five steps: the page's CSP allows no inline styles) follows the
        // shared text, with a tint for pairs on the same story; the number shows the share.
        let strength = (o.score * 2.0).max(o.similarity * 0.35).min(1.0);
        let step = format!("s{}", (strength * 5.0).round() as u32);
        let key = pair_key(o);
        let is_selected = selected.as_ref() == Some(&key);
        let onclick = {
            let selected = selected.clone();
            Callback::from(move |_| selected.set(Some(key.clone())))
        };
        html! {
            <td class={classes!("cell", step, is_selected.then_some("selected"))}>
                <button class="link" aria-label={label.clone()} title={label} onclick={onclick}>
                    { format!("{:.0}", o.score * 100.0) }
                </button>
            </td>
        }
    };
    html! {
        <div class="matrix-wrap">
            <table id="overlap-matrix" class="matrix">
                <caption>{ "Shared text between sources, in % (darker = more shared); pick a cell to see the pair" }</caption>
                <thead><tr><th></th>{ for docs.iter().enumerate().map(|(i, d)| html! {
                    <th scope="col" title={snippet::label(report, &d.id)}>{ format!("{}", i + 1) }</th>
                }) }</tr></thead>
                <tbody>{ for docs.iter().enumerate().map(|(i, row)| html! {
                    <tr>
                        <th scope="row" title={snippet::label(report, &row.id)}>{ format!("{} {}", i + 1, snippet::label(report, &row.id)) }</th>
                        { for docs.iter().map(|col| cell(&row.id, &col.id)) }
                    </tr>
                }) }</tbody>
            </table>
        </div>
    }
}

fn pair_item(report: &Report, o: &Overlap, open: bool) -> Html {
    // Each text's character offsets are found once for its passages (counting from its start
    // for each was seconds for texts of megabytes).
    let with_offsets =
        |id: &str| snippet::document(report, id).map(|d| (d, CharOffsets::new(&d.text)));
    let (a, b) = (with_offsets(&o.a), with_offsets(&o.b));
    html! {
        <li class="overlap">
            <div class="pair">
                <span class="doc-id">{ snippet::label(report, &o.a) }</span>{ " ~ " }
                <span class="doc-id">{ snippet::label(report, &o.b) }</span>
            </div>
            <div class="scores">
                <meter min="0" max="1" value={o.score.to_string()} aria-label="shared text"></meter>
                { format!(" shared text {:.0}%, same story {:.0}%, {} passages", o.score * 100.0, o.similarity * 100.0, o.passages.len()) }
            </div>
            if let (Some((a, slice_a)), Some((b, slice_b))) = (a, b) {
                if !o.passages.is_empty() {
                    <details class="passages" open={open}>
                        <summary>{ "shared passages (words worded differently are marked)" }</summary>
                        <ol>{ for o.passages.iter().take(20).map(|p| {
                            let ta = slice_a.slice(&a.text, p.a_start, p.a_end);
                            let tb = slice_b.slice(&b.text, p.b_start, p.b_end);
                            html! {
                                <li class="passage">
                                    <p class="side-a">{ snippet::diff_marked(ta, tb) }</p>
                                    <p class="side-b">{ snippet::diff_marked(tb, ta) }</p>
                                </li>
                            }
                        }) }</ol>
                    </details>
                }
            }
        </li>
    }
}

fn only_here(report: &Report) -> Html {
    html! {
        <section class="only-here" aria-label="What only one source says">
            <h3>{ "Only in one source" }</h3>
            <ul id="only-here">
            { for report.documents.iter().map(|d| {
                let offsets = CharOffsets::new(&d.text);
                html! {
                <li>
                    <details>
                        <summary>{ format!("{} — {} sentences no other source has", snippet::label(report, &d.id), d.unique.len()) }</summary>
                        <ul>{ for d.unique.iter().take(100).map(|s| html! {
                            <li class="unique-sentence">{ offsets.slice(&d.text, s.start, s.end) }</li>
                        }) }</ul>
                    </details>
                </li>
                }
            }) }
            </ul>
        </section>
    }
}

fn facts(report: &Report) -> Html {
    if report.facts.is_empty() {
        return html! {};
    }
    html! {
        <section class="facts" aria-label="Numbers and dates compared across sources">
            <h3>{ "Numbers and dates across sources" }</h3>
            <ul id="facts">
            { for report.facts.iter().map(|f| html! {
                <li class={classes!("fact", if f.agree { "agree" } else { "disagree" })}>
                    <span class="badge">{ if f.agree { "agree" } else { "disagree" } }</span>
                    <strong>{ format!(" {}: ", f.subject) }</strong>
                    { for f.values.iter().map(|v| {
                        let mut sources: Vec<String> = v.mentions.iter().map(|m| snippet::label(report, &m.doc)).collect();
                        sources.dedup();
                        html! { <span class="fact-value">{ format!("{} ({}) ", v.value, sources.join(", ")) }</span> }
                    }) }
                </li>
            }) }
            </ul>
        </section>
    }
}

#[function_component(OverlapList)]
pub fn overlap_list(props: &Props) -> Html {
    let report = &props.report;
    let show_all = use_state(|| false);
    let selected = use_state(|| None::<Pair>);
    let mut pairs: Vec<&Overlap> = report.overlaps.iter().collect();
    pairs.sort_by(|a, b| {
        (b.score, b.similarity)
            .partial_cmp(&(a.score, a.similarity))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let total = pairs.len();
    let chosen = selected
        .as_ref()
        .and_then(|k| report.overlaps.iter().find(|o| &pair_key(o) == k));
    if !*show_all {
        pairs.truncate(FIRST_PAIRS);
    }
    html! {
        <section class="pane overlaps" aria-label="Overlaps between sources">
            <h2>{ format!("Overlaps ({} pairs)", total) }</h2>
            if (2..=MATRIX_LIMIT).contains(&report.documents.len()) { { matrix(report, &selected) } }
            if let Some(o) = chosen {
                <div id="selected-pair" class="selected-pair">
                    <ul>{ pair_item(report, o, true) }</ul>
                    <button onclick={let s = selected.clone(); move |_| s.set(None)}>{ "Show all pairs" }</button>
                </div>
            } else {
                <ul id="overlaps">{ for pairs.iter().map(|o| pair_item(report, o, false)) }</ul>
                if total > pairs.len() {
                    <button class="more" onclick={let s = show_all.clone(); move |_| s.set(true)}>{ format!("Show all {total}") }</button>
                }
            }
            { facts(report) }
            { only_here(report) }
        </section>
    }
}
