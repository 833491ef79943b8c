//! The committed tagger weights are what `train_ner` writes from CoNLL-2003 train with its
//! defaults: a change to the tagger's features or to training must come with retrained weights
//! (`train_ner PATH/train.txt > core/src/entities/ner.bin`), or the two drift apart silently.

use std::path::Path;
use std::process::Command;

#[test]
fn committed_weights_are_reproducible() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let train = root.join("../shared/corpus/conll2003/train.txt");
    if !train.exists() {
        eprintln!("skipped: ../shared/corpus/conll2003 is not beside this checkout");
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_train_ner"))
        .arg(&train)
        .output()
        .expect("run train_ner");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committed = std::fs::read(root.join("core/src/entities/ner.bin")).expect("ner.bin");
    assert!(
        out.stdout == committed,
        "core/src/entities/ner.bin is not what train_ner writes: retrain it"
    );
}
