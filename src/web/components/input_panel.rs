//! Where inputs come in: a drop zone that is also a file picker, and a paste box.

use crate::web::read::{self, Chosen};
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_files: Callback<Chosen>,
    /// A drop holds folders: its files come once they are walked.
    pub on_opening: Callback<()>,
    pub on_paste: Callback<String>,
}

#[function_component(InputPanel)]
pub fn input_panel(props: &Props) -> Html {
    let dragging = use_state(|| false);
    let paste = use_node_ref();

    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_files.emit(read::chosen(input.files()));
            // Clearing lets the same file be chosen again after it was removed.
            input.set_value("");
        })
    };
    let ondrop = {
        let (on_files, on_opening) = (props.on_files.clone(), props.on_opening.clone());
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(data) = e.data_transfer() {
                read::dropped(&data, &on_opening, on_files.clone());
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let add_paste = {
        let on_paste = props.on_paste.clone();
        let paste = paste.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = paste.cast::<HtmlTextAreaElement>() {
                on_paste.emit(area.value());
                area.set_value("");
            }
        })
    };
    let onkeydown = {
        let add = add_paste.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                if let Ok(m) = MouseEvent::new("click") {
                    add.emit(m);
                }
            }
        })
    };

    html! {
        <section class="inputs" aria-label="Add articles">
            <div class="drop">
                <label id="dropzone" class={classes!("dropzone", (*dragging).then_some("dragging"))}
                    {ondrop} {ondragover} {ondragleave}>
                    <input id="file-input" type="file" multiple=true onchange={onchange.clone()}
                        accept=".txt,.md,.markdown,.html,.htm,.xhtml,.docx,.pdf,text/*" />
                    <strong>{ "Drop article files or folders here" }</strong>
                    <span>{ " or click to choose files (text, Markdown, saved web pages, Word, PDF)" }</span>
                </label>
                <label class="folder-pick">
                    <input id="folder-input" type="file" webkitdirectory=true {onchange} />
                    { "or choose a folder of articles" }
                </label>
            </div>
            <div class="paste">
                <label for="paste-box">{ "Or paste an article's text" }</label>
                <textarea id="paste-box" ref={paste} rows="5" {onkeydown}
                    placeholder="Paste the text of an article here, then press Add (Ctrl+Enter)"></textarea>
                <button id="paste-add" onclick={add_paste}>{ "Add pasted text" }</button>
            </div>
        </section>
    }
}
