//! `analyse`: the native command line over the analysis core.
//!
//! ```text
//! analyse [--json] [--raw] FILE...
//! ```
//! With `--json`, writes a report (format v1) to standard output; otherwise a short summary.
//! `-` reads standard input. Files that cannot be read are listed in the report's `errors` and
//! the others are analysed, and so are they when the analysis stops on a file (a fault of its
//! own): that file is left out with an error. The exit status is 0 whenever a report was
//! written, 1 when none could be, 2 on misuse.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use newslens_core::compare::Ahead;
    use newslens_core::report::Report;
    use newslens_core::{
        analyse_recognised, recognise_input, shares, Batch, Input, Options, Recognised, LEFT_OUT,
    };
    use std::io::{Read, Write};

    const USAGE: &str = "usage: analyse [--json] [--raw] FILE...  (- reads standard input)";

    /// Files larger than this are not read at all (the page applies the same limit).
    const MAX_FILE_BYTES: u64 = newslens_core::ingest::MAX_INPUT_BYTES as u64;

    pub fn run(args: Vec<String>) -> i32 {
        let mut json = false;
        let mut options = Options::default();
        let mut paths = Vec::new();
        let mut only_paths = false;
        for arg in args {
            match arg.as_str() {
                _ if only_paths => paths.push(arg),
                "--" => only_paths = true,
                "--json" => json = true,
                "--raw" => options.raw = true,
                "-h" | "--help" => {
                    println!("{USAGE}");
                    return 0;
                }
                "-" => paths.push(arg),
                flag if flag.starts_with('-') => {
                    eprintln!("analyse: unknown option {flag}\n{USAGE}");
                    return 2;
                }
                _ => paths.push(arg),
            }
        }
        if paths.is_empty() {
            eprintln!("analyse: no input files\n{USAGE}");
            return 2;
        }

        let mut inputs = Vec::new();
        let mut unreadable = Vec::new();
        for path in &paths {
            match read_input(path) {
                Ok(bytes) => inputs.push(Input::new(display_name(path), bytes)),
                Err(error) => unreadable.push((display_name(path), error)),
            }
        }
        let Some(mut report) = analyse_in_threads(&inputs, &options) else {
            eprintln!(
                "analyse: the analysis stopped on an error of its own with these files together; \
                 no report was written (analyse them in smaller batches)"
            );
            return 1;
        };
        for (name, error) in unreadable {
            report
                .errors
                .push(newslens_core::report::InputError { name, error });
        }

        // Buffered: standard output flushes at every line, a system call per line of JSON.
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let written = if json {
            serde_json::to_writer_pretty(&mut out, &report)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        } else {
            write_summary(&mut out, &report)
        }
        .and_then(|_| out.flush());
        match written {
            Ok(()) => 0,
            // A closed pipe (`analyse ... | head`) is not an error worth a message.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            Err(e) => {
                eprintln!("analyse: cannot write the report: {e}");
                1
            }
        }
    }

    /// [`recognise_input`], or, when it stops on a fault of its own (a panic, whose message goes
    /// to standard error), the input left out with an error saying so: the other files are
    /// analysed, as in the page. `NEWSLENS_CRASH_ON=NAME` makes it stop on a file of that name
    /// (tests).
    fn recognise_or_leave_out(input: &Input, options: &Options) -> Recognised {
        let crash_on = std::env::var("NEWSLENS_CRASH_ON").ok();
        let recognised = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if crash_on.as_deref() == Some(input.name.as_str()) {
                panic!("stopped on {}, as NEWSLENS_CRASH_ON asks", input.name);
            }
            recognise_input(input, options)
        }));
        recognised.unwrap_or_else(|_| Recognised {
            name: input.name.clone(),
            keep: input.keep.clone(),
            result: Err(LEFT_OUT.into()),
        })
    }

    /// `newslens_core::analyse`, with the inputs read and recognised on every core, then the
    /// texts compared beside the rest (the page's worker does the same with helper workers): the
    /// same report. When the batch's own steps stop on a fault of News Lens, the files it came
    /// from are looked for and left out ([`leave_out_faulty`]); `None` when the fault needs
    /// files together.
    fn analyse_in_threads(inputs: &[Input], options: &Options) -> Option<Report> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let sizes: Vec<usize> = inputs.iter().map(|i| i.bytes.len()).collect();
        let parts = shares(&sizes, threads);
        // Each thread also prepares its texts for the comparison (a third of its work).
        let mut docs = Vec::with_capacity(inputs.len());
        let mut ahead = Ahead::default();
        std::thread::scope(|scope| {
            let running: Vec<_> = parts
                .into_iter()
                .map(|part| {
                    let inputs = &inputs[part];
                    scope.spawn(move || {
                        let read: Vec<_> = inputs
                            .iter()
                            .map(|i| recognise_or_leave_out(i, options))
                            .collect();
                        // Only for a comparison in a thread of its own. A fault here is met
                        // again, and handled, when the batch compares.
                        let ahead = std::panic::catch_unwind(|| {
                            let mut ahead = Ahead::default();
                            if threads > 1 {
                                for (article, _) in read.iter().flat_map(|d| &d.result) {
                                    ahead.add(article.text.clone());
                                }
                            }
                            ahead
                        });
                        (read, ahead.unwrap_or_default())
                    })
                })
                .collect();
            for (read, prepared) in running.into_iter().map(|r| r.join().expect("no panics")) {
                docs.extend(read);
                ahead.join(prepared);
            }
        });
        let analysed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            analyse_batch(docs, ahead, options, threads > 1)
        }));
        analysed.ok().or_else(|| leave_out_faulty(inputs, options))
    }

    /// The batch's steps over recognised documents, the comparison of the texts in a thread of
    /// its own beside the entities and quotes when `two_threads`. `NEWSLENS_CRASH_IN_BATCH=A,B`
    /// makes them stop on a batch holding the documents named (tests).
    fn analyse_batch(
        docs: Vec<Recognised>,
        ahead: Ahead,
        options: &Options,
        two_threads: bool,
    ) -> Report {
        if let Ok(names) = std::env::var("NEWSLENS_CRASH_IN_BATCH") {
            let held = |name: &str| docs.iter().any(|d| d.name == name && d.result.is_ok());
            if names.split(',').all(held) {
                panic!("stopped on {names} together, as NEWSLENS_CRASH_IN_BATCH asks");
            }
        }
        if !two_threads {
            return analyse_recognised(docs, options, |_| {});
        }
        let (batch, mentions) = Batch::new(docs, options);
        let (statements, draft, mut comparison) = std::thread::scope(|scope| {
            let texts = batch.texts();
            let comparing = scope.spawn(move || ahead.compare(&texts));
            let statements = batch.statements(mentions, &mut |_| {});
            let draft = batch.draft(&statements);
            (statements, draft, comparing.join().expect("no panics"))
        });
        batch.report(Some(draft), &statements, &mut comparison, &mut |_| {})
    }

    /// After the batch's steps stopped on a fault, as the page does: the inputs are read again,
    /// the documents halved and each half analysed alone, a half that fails halved again, down
    /// to single documents, which are left out with an error saying so; then the rest is
    /// analysed. `None` when it still fails with no more documents found: the fault comes from
    /// documents together.
    fn leave_out_faulty(inputs: &[Input], options: &Options) -> Option<Report> {
        eprintln!("analyse: the analysis stopped on an error of its own; looking for the files it came from");
        let mut docs: Vec<Recognised> = inputs
            .iter()
            .map(|i| recognise_or_leave_out(i, options))
            .collect();
        // The first fault's message was written; the search's own would repeat it.
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let analyse = |docs: Vec<Recognised>| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                analyse_batch(docs, Ahead::default(), options, false)
            }))
            .ok()
        };
        let report = loop {
            let readable: Vec<usize> = (0..docs.len())
                .filter(|&i| docs[i].result.is_ok())
                .collect();
            let mut faulty = Vec::new();
            let fails =
                |set: &[usize]| analyse(set.iter().map(|&i| docs[i].clone()).collect()).is_none();
            narrow_down(&readable, &fails, &mut faulty);
            if faulty.is_empty() {
                break None;
            }
            for i in faulty {
                eprintln!("analyse: left out {}", docs[i].name);
                docs[i].result = Err(LEFT_OUT.into());
            }
            if let Some(report) = analyse(docs.clone()) {
                break Some(report);
            }
        };
        std::panic::set_hook(hook);
        report
    }

    /// The single members of `set`, which is known to fail, that fail alone: halves that fail
    /// are halved again. A fault that needs members of both halves finds nothing.
    fn narrow_down(set: &[usize], fails: &dyn Fn(&[usize]) -> bool, faulty: &mut Vec<usize>) {
        if let [one] = set {
            faulty.push(*one);
            return;
        }
        let (a, b) = set.split_at(set.len() / 2);
        for half in [a, b] {
            if !half.is_empty() && fails(half) {
                narrow_down(half, fails, faulty);
            }
        }
    }

    /// The report names a document by its file name, as the page does (it never sees paths).
    fn display_name(path: &str) -> String {
        if path == "-" {
            return "stdin".into();
        }
        std::path::Path::new(path)
            .file_name()
            .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
    }

    fn read_input(path: &str) -> Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        if path == "-" {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            return Ok(bytes);
        }
        let file = std::fs::File::open(path).map_err(|e| format!("cannot open: {e}"))?;
        let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
        if meta.is_dir() {
            return Err("is a directory".into());
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(newslens_core::ingest::too_large(meta.len()));
        }
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read: {e}"))?;
        Ok(bytes)
    }

    fn write_summary(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
        writeln!(
            out,
            "{} documents, {} errors",
            report.documents.len(),
            report.errors.len()
        )?;
        for d in &report.documents {
            writeln!(
                out,
                "  {} {}: {} | {} | {} | {} chars",
                d.id,
                d.name,
                d.title.as_deref().unwrap_or("(no title)"),
                d.source.as_deref().unwrap_or("(no source)"),
                d.published.as_deref().unwrap_or("(no date)"),
                d.text.chars().count()
            )?;
        }
        for e in &report.errors {
            writeln!(out, "  error {}: {}", e.name, e.error)?;
        }
        let mut entities: Vec<_> = report.entities.iter().collect();
        entities.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        writeln!(out, "{} entities; most mentioned:", report.entities.len())?;
        for e in entities.iter().take(15) {
            writeln!(
                out,
                "  {:<32} {:<12} {} mentions",
                e.name,
                e.kind,
                e.mentions.len()
            )?;
        }
        writeln!(out, "{} quotes", report.quotes.len())?;
        for q in report.quotes.iter().take(10) {
            let speaker = q
                .speaker
                .as_ref()
                .and_then(|id| report.entities.iter().find(|e| &e.id == id))
                .map_or("?", |e| e.name.as_str());
            let text: String = q.text.chars().take(70).collect();
            writeln!(out, "  {} {speaker}: “{text}”", q.doc)?;
        }
        writeln!(out, "overlaps (score / similarity):")?;
        let mut pairs: Vec<_> = report.overlaps.iter().collect();
        pairs.sort_by(|a, b| b.score.total_cmp(&a.score));
        for o in pairs.iter().take(10) {
            writeln!(
                out,
                "  {} ~ {}: {:.3} / {:.3}, {} passages",
                o.a,
                o.b,
                o.score,
                o.similarity,
                o.passages.len()
            )?;
        }
        Ok(())
    }
}
