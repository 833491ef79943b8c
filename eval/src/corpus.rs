//! Shared helpers of the corpus evaluation commands: reading JSON lines, running the core in raw
//! mode, and span matching on CHARACTER offsets (the report's and the corpora's unit).

use newslens_core::report::Report;
use newslens_core::{analyse, Input, Options};

/// Reads a file or exits with a clear message (status 1).
pub fn read_or_exit(path: &str) -> String {
    match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            std::process::exit(1);
        }
    }
}

/// Parses each non-empty line as JSON; a bad line is reported on stderr and skipped.
pub fn json_lines<T: serde::de::DeserializeOwned>(path: &str) -> Vec<T> {
    let text = read_or_exit(path);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str(line) {
            Ok(v) => out.push(v),
            Err(e) => eprintln!("{path}:{}: skipped: {e}", i + 1),
        }
    }
    out
}

/// Analyses texts together as raw inputs, exactly what `analyse --raw --json` does.
pub fn analyse_raw(texts: &[(&str, &str)]) -> Report {
    let inputs: Vec<Input> = texts
        .iter()
        .map(|(n, t)| Input::new(*n, t.as_bytes().to_vec()))
        .collect();
    analyse(&inputs, &Options { raw: true })
}

/// Number of characters shared by two half-open spans.
pub fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Shrinks a character span of `chars` past surrounding punctuation and spaces.
pub fn trim_punct(chars: &[char], (mut s, mut e): (usize, usize)) -> (usize, usize) {
    let e0 = e.min(chars.len());
    e = e0;
    let junk = |c: char| !c.is_alphanumeric();
    while s < e && junk(chars[s]) {
        s += 1;
    }
    while e > s && junk(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

/// One-to-one greedy matching: pairs (gold i, predicted j) whose overlap is at least half the
/// shorter span, taken by decreasing overlap.
pub fn greedy_match(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (i, &g) in gold.iter().enumerate() {
        for (j, &p) in pred.iter().enumerate() {
            let o = overlap(g, p);
            let shorter = (g.1 - g.0).min(p.1 - p.0);
            if o > 0 && 2 * o >= shorter {
                cands.push((o, i, j));
            }
        }
    }
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gu, mut pu) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut out = Vec::new();
    for (_, i, j) in cands {
        if !gu[i] && !pu[j] {
            gu[i] = true;
            pu[j] = true;
            out.push((i, j));
        }
    }
    out
}

/// Pearson correlation (0 when either side is constant or fewer than two points).
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    if n < 2 {
        return 0.0;
    }
    let mx = x[..n].iter().sum::<f64>() / n as f64;
    let my = y[..n].iter().sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for k in 0..n {
        let (dx, dy) = (x[k] - mx, y[k] - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_punctuation() {
        let c: Vec<char> = "(Acme Ltd.), x".chars().collect();
        assert_eq!(trim_punct(&c, (0, 12)), (1, 9));
        assert_eq!(trim_punct(&c, (10, 12)), (12, 12));
    }

    #[test]
    fn greedy_is_one_to_one_and_needs_half() {
        let gold = [(0, 10), (20, 30)];
        let pred = [(0, 9), (2, 10), (25, 40), (29, 31)];
        let m = greedy_match(&gold, &pred);
        assert_eq!(m, vec![(0, 0), (1, 2)]);
        assert!(greedy_match(&[(0, 10)], &[(6, 20)]).is_empty());
        assert_eq!(greedy_match(&[(0, 10)], &[(5, 20)]), vec![(0, 0)]);
    }

    #[test]
    fn pearson_of_lines() {
        assert!((pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]) - 1.0).abs() < 1e-9);
        assert!((pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-9);
    }
}
