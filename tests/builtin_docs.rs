//! The builtin registry documents itself: every builtin has a doc string
//! and examples, and every example runs (in a fresh session) and displays
//! without error — so `:help` and the reference docs never show code that
//! fails.

use arr::Session;
use arr::builtins::{self, Module};

#[test]
fn every_builtin_has_a_doc_a_signature_and_an_example() {
    let mut problems = Vec::new();
    for b in builtins::all() {
        let name = b.qualified();
        if b.doc.trim().is_empty() {
            problems.push(format!("{name}: empty doc"));
        }
        if b.examples.is_empty() {
            problems.push(format!("{name}: no examples"));
        }
        if !b.signature.starts_with(&format!("{}(", b.name)) || !b.signature.ends_with(')') {
            problems.push(format!("{name}: signature {:?} does not read name(...)", b.signature));
        }
        if b.examples.iter().any(|e| e.trim().is_empty()) {
            problems.push(format!("{name}: an empty example"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_builtin_example_runs_and_displays() {
    let mut failures = Vec::new();
    let mut count = 0;
    for b in builtins::all() {
        for example in b.examples {
            count += 1;
            let mut s = Session::new();
            s.set_output(Box::new(std::io::sink()));
            let name = format!("<example of {}>", b.qualified());
            match s.eval_display(&name, example) {
                Ok(_) => {}
                Err(diags) => {
                    failures.push(format!("{example}\n{}", s.render(&diags, false)));
                }
            }
        }
    }
    assert!(count > 100, "only {count} examples in the registry");
    assert!(failures.is_empty(), "{} examples fail:\n\n{}", failures.len(), failures.join("\n"));
}

/// An example should use its own builtin, so it documents that builtin and
/// not another one (`random.seed`'s example calls `random.seed`).
#[test]
fn every_example_mentions_its_builtin() {
    let mut problems = Vec::new();
    for b in builtins::all() {
        // Operators document their function form too (`array([1, 2]) @ ...`).
        let ok = b.examples.iter().any(|e| e.contains(b.name));
        if !ok {
            problems.push(format!("{}: no example uses it", b.qualified()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Names are unique within a module, and lookup finds each builtin.
#[test]
fn registry_names_are_unique_and_found() {
    let mut seen = std::collections::HashSet::new();
    for b in builtins::all() {
        assert!(seen.insert((b.module, b.name)), "{} is registered twice", b.qualified());
        let found = builtins::lookup(b.module, b.name).expect("lookup finds a registered builtin");
        assert!(std::ptr::eq(found, *b), "lookup of {} finds another entry", b.qualified());
        if b.method {
            assert!(
                builtins::method(b.name).is_some(),
                "{} is a method but not found as one",
                b.name
            );
        }
    }
    assert!(builtins::names_in(Module::Random).contains(&"normal"));
    assert!(builtins::names_in(Module::Root).contains(&"linspace"));
}
