//! Reading view: one document's cleaned text with entities highlighted by kind and quotes marked.
//! Focusing or clicking an entity opens its card: kind, spellings, and mentions in every source.

use super::snippet;
use newslens_core::report::Report;
use newslens_core::text::CharOffsets;
use std::collections::BTreeSet;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: super::SharedReport,
}

/// Characters of a document shown at first, and added by each "Show more": a long article is
/// well under this; a text of megabytes (a log, a dump) with tens of thousands of mentions took
/// seconds to lay out, and again at each click on an entity.
const SHOWN_CHARS: usize = 50_000;

/// A run of text with the same annotations.
struct Segment {
    start: usize,
    end: usize,
    /// The innermost entity over this run: (entity index, kind).
    entity: Option<usize>,
    quote: bool,
}

/// Cuts a document into segments at every annotation boundary (character offsets).
fn segments(report: &Report, doc: &str, len: usize) -> Vec<Segment> {
    let mut mentions: Vec<(usize, usize, usize)> = Vec::new();
    for (i, e) in report.entities.iter().enumerate() {
        for m in e.mentions.iter().filter(|m| m.doc == doc) {
            mentions.push((m.start.min(len), m.end.min(len), i));
        }
    }
    let quotes: Vec<(usize, usize)> = report
        .quotes
        .iter()
        .filter(|q| q.doc == doc && q.kind != "scare")
        .flat_map(|q| {
            // A split quote is marked piece by piece, not over its attribution.
            if q.parts.is_empty() {
                vec![(q.start, q.end)]
            } else {
                q.parts.iter().map(|p| (p.start, p.end)).collect()
            }
        })
        .collect();
    let mut cuts: BTreeSet<usize> = [0, len].into_iter().collect();
    for &(s, e, _) in &mentions {
        cuts.extend([s, e]);
    }
    for &(s, e) in &quotes {
        cuts.extend([s.min(len), e.min(len)]);
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    // One sweep: the mentions and quotes begun by each run's start, less those ended by then,
    // are those over it (every start and end is a cut). Each run against every mention took
    // minutes for a text of tens of thousands of mentions.
    let mut mentions_over = Over::new(mentions.iter().map(|m| (m.0, m.1)).collect());
    let mut quotes_over = Over::new(quotes);
    cuts.windows(2)
        .map(|w| {
            let (start, end) = (w[0], w[1]);
            // The innermost, the first listed among equals.
            let entity = mentions_over
                .at(start)
                .iter()
                .min_by_key(|&&i| (mentions[i].1 - mentions[i].0, i))
                .map(|&i| mentions[i].2);
            let quote = !quotes_over.at(start).is_empty();
            Segment {
                start,
                end,
                entity,
                quote,
            }
        })
        .collect()
}

/// Spans over a point, as the point moves forward: those begun by it, less those ended.
struct Over {
    spans: Vec<(usize, usize)>,
    /// Span indexes by start.
    order: Vec<usize>,
    next: usize,
    over: Vec<usize>,
}

impl Over {
    fn new(spans: Vec<(usize, usize)>) -> Over {
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| spans[i].0);
        Over {
            spans,
            order,
            next: 0,
            over: Vec::new(),
        }
    }

    /// The spans (indexes, in the order they began) with `start <= at < end`; `at` must not
    /// go back.
    fn at(&mut self, at: usize) -> &[usize] {
        while let Some(&i) = self
            .order
            .get(self.next)
            .filter(|&&i| self.spans[i].0 <= at)
        {
            self.over.push(i);
            self.next += 1;
        }
        let spans = &self.spans;
        self.over.retain(|&i| spans[i].1 > at);
        &self.over
    }
}

#[function_component(ReadingView)]
pub fn reading_view(props: &Props) -> Html {
    let report = &props.report;
    let selected_doc = use_state(|| 0usize);
    let card = use_state(|| None::<usize>);
    // How much of which document is shown: another document starts at the first part.
    let shown_state = use_state(|| (String::new(), SHOWN_CHARS));
    let Some(doc) = report
        .documents
        .get(*selected_doc)
        .or_else(|| report.documents.first())
    else {
        return html! {};
    };
    let offsets = CharOffsets::new(&doc.text);
    let len = offsets.char_offset(&doc.text, doc.text.len());
    let text = |s: usize, e: usize| offsets.slice(&doc.text, s, e).to_string();

    let on_doc = {
        let selected_doc = selected_doc.clone();
        let card = card.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            selected_doc.set(value.parse().unwrap_or(0));
            card.set(None);
        })
    };
    let shown = match &*shown_state {
        (id, shown) if *id == doc.id => *shown,
        _ => SHOWN_CHARS,
    };
    let mut segments = segments(report, &doc.id, len);
    // Whole runs up to the first that reaches past what is shown.
    let cut = segments.partition_point(|seg| seg.start < shown);
    segments.truncate(cut);
    let left = len - segments.last().map_or(0, |seg| seg.end);
    let more = (left > 0).then(|| {
        let show = |chars: usize| {
            let (state, id) = (shown_state.clone(), doc.id.clone());
            Callback::from(move |_: MouseEvent| state.set((id.clone(), chars)))
        };
        let (more, all) = (show(shown.saturating_add(SHOWN_CHARS)), show(usize::MAX));
        html! {
            <p class="more-text">
                { format!("The text goes on for {left} more characters. ") }
                <button class="more" onclick={more}>{ format!("Show {} more", SHOWN_CHARS.min(left)) }</button>
                { " " }
                <button class="more-all" onclick={all}>{ "Show the whole text" }</button>
            </p>
        }
    });
    let body = segments.into_iter().map(|seg| {
        let content = text(seg.start, seg.end);
        let inner = match seg.entity {
            Some(i) => {
                let e = &report.entities[i];
                let open = {
                    let card = card.clone();
                    Callback::from(move |_: FocusEvent| card.set(Some(i)))
                };
                let click = {
                    let card = card.clone();
                    Callback::from(move |_: MouseEvent| card.set(Some(i)))
                };
                html! {
                    <span class={classes!("ent", format!("kind-{}", e.kind))} tabindex="0" role="button"
                        title={format!("{} ({})", e.name, e.kind)} onfocus={open} onclick={click}
                        data-entity={e.id.clone()}>{ content }</span>
                }
            }
            None => html! { content },
        };
        if seg.quote {
            html! { <q class="quoted">{ inner }</q> }
        } else {
            inner
        }
    });

    let card_view = card.and_then(|i| report.entities.get(i)).map(|e| {
        let mut by_doc: Vec<(String, usize)> = Vec::new();
        for m in &e.mentions {
            match by_doc.iter_mut().find(|(d, _)| *d == m.doc) {
                Some(entry) => entry.1 += 1,
                None => by_doc.push((m.doc.clone(), 1)),
            }
        }
        let close = {
            let card = card.clone();
            Callback::from(move |_: MouseEvent| card.set(None))
        };
        html! {
            <aside class="entity-card" aria-label={format!("About {}", e.name)} aria-live="polite">
                <button class="close" onclick={close} aria-label="Close">{ "✕" }</button>
                <h3>{ &e.name }</h3>
                <p><span class={classes!("badge", format!("kind-{}", e.kind))}>{ &e.kind }</span>
                    if let Some(v) = &e.value { { format!(" = {v}") } }</p>
                if e.aliases.len() > 1 { <p>{ "Written as: " }{ e.aliases.join(", ") }</p> }
                <ul>{ for by_doc.iter().map(|(d, n)| html! {
                    <li>{ format!("{n} × in ") }{ snippet::label(report, d) }</li>
                }) }</ul>
            </aside>
        }
    });

    html! {
        <section class="pane reading" aria-label="Reading view">
            <div class="filters">
                <label>{ "Document " }
                    <select onchange={on_doc} aria-label="Document to read">
                        { for report.documents.iter().enumerate().map(|(i, d)| html! {
                            <option value={i.to_string()} selected={i == *selected_doc}>
                                { format!("{} {}", d.id, snippet::label(report, &d.id)) }
                            </option>
                        }) }
                    </select>
                </label>
            </div>
            <div class="reading-layout">
                <article class="doc-text" id="reading-text">
                    if let Some(title) = &doc.title { <h3>{ title }</h3> }
                    <p class="doc-meta">{ [doc.source.clone(), doc.published.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ") }</p>
                    <div class="body">{ for body }</div>
                    { more.unwrap_or_default() }
                </article>
                { card_view.unwrap_or_default() }
            </div>
        </section>
    }
}
