//! Overlaps: every pair of sources with its shared-text score, story similarity and passages.

use super::snippet;
use newslens_core::report::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Rc<Report>,
}

const FIRST_PAIRS: usize = 50;

#[function_component(OverlapList)]
pub fn overlap_list(props: &Props) -> Html {
    let report = &props.report;
    let show_all = use_state(|| false);
    let mut pairs: Vec<_> = report.overlaps.iter().collect();
    pairs.sort_by(|a, b| {
        (b.score, b.similarity)
            .partial_cmp(&(a.score, a.similarity))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let total = pairs.len();
    if !*show_all {
        pairs.truncate(FIRST_PAIRS);
    }
    html! {
        <section class="pane overlaps" aria-label="Overlaps between sources">
            <h2>{ format!("Overlaps ({} pairs)", total) }</h2>
            <ul id="overlaps">
            { for pairs.iter().map(|o| {
                let a = snippet::document(report, &o.a);
                let b = snippet::document(report, &o.b);
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
                        if let (Some(a), Some(b)) = (a, b) {
                            if !o.passages.is_empty() {
                                <details class="passages">
                                    <summary>{ "shared passages" }</summary>
                                    <ol>{ for o.passages.iter().take(20).map(|p| html! {
                                        <li class="passage">
                                            <p class="side-a">{ snippet::chars(&a.text, p.a_start, p.a_end) }</p>
                                            <p class="side-b">{ snippet::chars(&b.text, p.b_start, p.b_end) }</p>
                                        </li>
                                    }) }</ol>
                                </details>
                            }
                        }
                    </li>
                }
            }) }
            </ul>
            if total > pairs.len() {
                <button class="more" onclick={let s = show_all.clone(); move |_| s.set(true)}>{ format!("Show all {total}") }</button>
            }
        </section>
    }
}
