//! Tests for the syntax stage: AST shapes (as S-expressions), precedence,
//! spans, error messages and rendered diagnostics, REPL continuation, and a
//! no-panic fuzz over random bytes, token soups and extreme nesting.

use super::ast::*;
use super::{is_incomplete, parse, sexpr};
use crate::diag::render::render_all;
use crate::diag::sources::Sources;
use crate::diag::{Diagnostic, Span};

#[track_caller]
fn ok(src: &str) -> String {
    match parse(0, src) {
        Ok(p) => sexpr(&p),
        Err(d) => panic!("expected {src:?} to parse, got {d:#?}"),
    }
}

#[track_caller]
fn errs(src: &str) -> Vec<Diagnostic> {
    match parse(0, src) {
        Ok(p) => panic!("expected {src:?} to fail, got {}", sexpr(&p)),
        Err(d) => d,
    }
}

#[track_caller]
fn messages(src: &str) -> Vec<String> {
    errs(src).into_iter().map(|d| d.message).collect()
}

#[track_caller]
fn rendered(src: &str) -> String {
    let mut sources = Sources::new();
    let id = sources.add("test.arr", src);
    let diags = match parse(id, src) {
        Ok(_) => panic!("expected {src:?} to fail"),
        Err(d) => d,
    };
    render_all(&diags, &sources, false)
}

#[test]
fn the_motivating_example() {
    assert_eq!(
        ok("import numpy as np\n\
            x = np.random.normal(10, 0.1, size=(20000,20000), chunks=(1000,1000)); x.mean(axis=0)[::100]"),
        "(import (numpy np))\n\
         (= x (call (. (. np random) normal) 10 0.1 (kw size (tuple 20000 20000)) (kw chunks (tuple 1000 1000))))\n\
         (index (call (. x mean) (kw axis 0)) (slice _ _ 100))"
    );
    assert_eq!(ok("def f(x, k=2): return x*k"), "(def f (x (k 2)) (return (* x k)))");
}

#[test]
fn precedence() {
    let cases = [
        ("a + b * c", "(+ a (* b c))"),
        ("a * b + c", "(+ (* a b) c)"),
        ("a - b - c", "(- (- a b) c)"),
        ("-2**2", "(neg (** 2 2))"),
        ("2**-1", "(** 2 (neg 1))"),
        ("2**3**2", "(** 2 (** 3 2))"),
        ("a ** -b ** c", "(** a (neg (** b c)))"),
        ("-a.b[0](1)", "(neg (call (index (. a b) 0) 1))"),
        ("~a & b | c ^ d", "(| (& (~ a) b) (^ c d))"),
        ("a << 1 + 2", "(<< a (+ 1 2))"),
        ("a | b < c", "(cmp (| a b) < c)"),
        ("a < b <= c != d", "(cmp a < b <= c != d)"),
        ("not a == b", "(not (cmp a == b))"),
        ("not not a", "(not (not a))"),
        ("a and b or c and not d", "(or (and a b) (and c (not d)))"),
        ("a or b or c", "(or (or a b) c)"),
        ("x if a or b else y", "(ifexp (or a b) x y)"),
        ("x if c else y if d else z", "(ifexp c x (ifexp d y z))"),
        ("lambda: x if c else y", "(lambda () (ifexp c x y))"),
        ("a @ b // c % d / e", "(/ (% (// (@ a b) c) d) e)"),
        ("a in b", "(cmp a in b)"),
        ("a not in b", "(cmp a not-in b)"),
        ("a is b", "(cmp a is b)"),
        ("a is not None", "(cmp a is-not None)"),
        ("-x ** 2 * 3", "(* (neg (** x 2)) 3)"),
        ("+x - -y", "(- (pos x) (neg y))"),
    ];
    for (src, want) in cases {
        assert_eq!(ok(src), want, "for {src:?}");
    }
}

#[test]
fn literals() {
    let cases = [
        ("1_000_000", "1000000"),
        ("0xff + 0o17 + 0b101 + 0x_1F", "(+ (+ (+ 255 15) 5) 31)"),
        ("1e-6", "1e-6"),
        (".5", "0.5"),
        ("1.", "1.0"),
        ("2.5E+3", "2500.0"),
        ("1_0.2_5", "10.25"),
        ("9223372036854775807", "9223372036854775807"),
        ("True, False, None, ...", "(tuple True False None ...)"),
        (r#"'a\n\t\'b\x41\u00e9'"#, "\"a\\n\\t'bAé\""),
        (r#"r"\n\"""#, "\"\\\\n\\\\\\\"\""),
        ("'a' \"b\"", "\"ab\""),
        ("'''x\ny'''", "\"x\\ny\""),
        ("\"\"\"a \"quoted\" b\"\"\"", "\"a \\\"quoted\\\" b\""),
        ("'\\q'", "\"\\\\q\""),
    ];
    for (src, want) in cases {
        assert_eq!(ok(src), want, "for {src:?}");
    }
}

#[test]
fn fstrings() {
    assert_eq!(ok(r#"f"x={x:.3f} {y}""#), r#"(f "x=" {x :".3f"} " " {y})"#);
    assert_eq!(ok(r#"f"{{a}} {b['k']}""#), r#"(f "{a} " {(index b "k")})"#);
    assert_eq!(ok(r#"f'{a + 1:>{w}}!'"#), r#"(f {(+ a 1) :">{w}"} "!")"#);
    assert_eq!(ok(r#"f"{f'{x}'}""#), r#"(f {(f {x})})"#);
    assert_eq!(ok(r#""a" f"{b}" "c""#), r#"(f "a" {b} "c")"#);
    assert_eq!(ok(r#"rf"\d{x}""#), r#"(f "\\d" {x})"#);
    assert_eq!(ok("f'''{\nx\n}'''"), "(f {x})");
}

#[test]
fn fstring_expression_spans_point_into_the_source() {
    let src = r#"s = f"v={value + 1:.2f}""#;
    let p = parse(0, src).unwrap();
    let Stmt::Assign { value, .. } = &p.body[0].node else { panic!() };
    let Expr::FString(parts) = &value.node else { panic!() };
    let FStringPart::Expr { expr, .. } = &parts[1] else { panic!() };
    assert_eq!(&src[expr.span.range()], "value + 1");
    let d = &errs(r#"s = f"v={value + }""#)[0];
    assert_eq!(d.message, "expected an expression, found `}`");
    assert_eq!(d.span.unwrap().start as usize, r#"s = f"v={value + }""#.find('}').unwrap());
    let bad = errs(r#"f"{x!r}""#);
    assert_eq!(bad[0].message, "f-string conversions like `!r` are not supported");
}

#[test]
fn collections_and_comprehensions() {
    let cases = [
        ("()", "(tuple)"),
        ("(1,)", "(tuple 1)"),
        ("(1)", "1"),
        ("(1, 2,)", "(tuple 1 2)"),
        ("[]", "(list)"),
        ("[1]", "(list 1)"),
        ("[1, 2,]", "(list 1 2)"),
        ("{}", "(dict)"),
        ("{'a': 1, b: [2],}", "(dict (\"a\" 1) (b (list 2)))"),
        (
            "[i * j for i in range(3) if i for j in xs if j > 1 if j < 5]",
            "(listcomp (* i j) (for i (call range 3) (if i)) (for j xs (if (cmp j > 1)) (if (cmp j < 5))))",
        ),
        ("[a for a, b in pairs]", "(listcomp a (for (tuple a b) pairs))"),
        ("[x if c else y for x in xs]", "(listcomp (ifexp c x y) (for x xs))"),
        ("sum(x for x in xs)", "(call sum (listcomp x (for x xs)))"),
        ("(x for x in xs)", "(listcomp x (for x xs))"),
        ("1, 2", "(tuple 1 2)"),
        ("1,", "(tuple 1)"),
    ];
    for (src, want) in cases {
        assert_eq!(ok(src), want, "for {src:?}");
    }
}

#[test]
fn calls_indexing_and_lambdas() {
    let cases = [
        ("f()", "(call f)"),
        ("f(1, x=2, *a, **k,)", "(call f 1 (kw x 2) (* a) (** k))"),
        ("f(a)(b)", "(call (call f a) b)"),
        ("x[1:2, ::-1, None, ..., 0]", "(index x (slice 1 2 _) (slice _ _ (neg 1)) None ... 0)"),
        ("x[:]", "(index x (slice _ _ _))"),
        ("x[::]", "(index x (slice _ _ _))"),
        ("x[a:]", "(index x (slice a _ _))"),
        ("x[:b]", "(index x (slice _ b _))"),
        ("x[1:2:3]", "(index x (slice 1 2 3))"),
        ("x[i, j]", "(index x i j)"),
        ("x[i][j]", "(index (index x i) j)"),
        ("lambda x, y=1, *a, **k: x", "(lambda (x (y 1) *a **k) x)"),
        ("lambda: 0", "(lambda () 0)"),
        ("x.T.sum(axis=(0, 1))", "(call (. (. x T) sum) (kw axis (tuple 0 1)))"),
    ];
    for (src, want) in cases {
        assert_eq!(ok(src), want, "for {src:?}");
    }
}

#[test]
fn statements() {
    let cases = [
        ("a = b = 1", "(= a b 1)"),
        ("a, (b, c) = 1, (2, 3)", "(= (tuple a (tuple b c)) (tuple 1 (tuple 2 3)))"),
        ("[a, b] = xs", "(= (tuple a b) xs)"),
        ("x[0, 1:] = 5", "(= (index x 0 (slice 1 _ _)) 5)"),
        ("x.a = 1", "(= (. x a) 1)"),
        ("x += 1", "(+= x 1)"),
        (
            "x **= 2; y //= 3; z @= w; q >>= 1; r <<= 1",
            "(**= x 2)\n(//= y 3)\n(@= z w)\n(>>= q 1)\n(<<= r 1)",
        ),
        ("x[i] -= 1", "(-= (index x i) 1)"),
        ("import a.b as c, d", "(import (a.b c) d)"),
        ("from a.b import c as d, e", "(from a.b (c d) e)"),
        ("from a import (b, c,)", "(from a b c)"),
        ("from a import *", "(from a *)"),
        ("return", "(return)"),
        ("return a, b", "(return (tuple a b))"),
        ("del a, b", "(del a b)"),
        ("assert x, 'no'", "(assert x \"no\")"),
        ("pass; break; continue", "pass\nbreak\ncontinue"),
        ("x = 1;", "(= x 1)"),
        ("def f(*args, **kw): pass", "(def f (*args **kw) pass)"),
    ];
    for (src, want) in cases {
        assert_eq!(ok(src), want, "for {src:?}");
    }
}

#[test]
fn blocks() {
    let src = "\
if a:
    x = 1
elif b:  # comment
    x = 2

else:
\ty = 3
for i, j in zip(a, b):
    while True:
        if i: break
        continue
def f(x, k=2):
    '''doc'''
    return x * k
";
    assert_eq!(
        ok(src),
        "(if (a (= x 1)) (b (= x 2)) (else (= y 3)))\n\
         (for (tuple i j) (call zip a b) (while True (if (i break)) continue))\n\
         (def f (x (k 2)) \"doc\" (return (* x k)))"
    );
    assert_eq!(ok("if x: y = 1; z = 2\nw"), "(if (x (= y 1) (= z 2)))\nw");
    assert_eq!(ok("x = (1,\n  2)\ny = [\n3]"), "(= x (tuple 1 2))\n(= y (list 3))");
    assert_eq!(ok("x = 1 + \\\n  2"), "(= x (+ 1 2))");
    assert_eq!(ok("\n\n# only comments\n   \n"), "");
    assert_eq!(ok("x\r\ny\r\n"), "x\ny");
}

#[test]
fn spans_are_exact() {
    let src = "a + bb";
    let p = parse(3, src).unwrap();
    let Stmt::Expr(e) = &p.body[0].node else { panic!() };
    let Expr::Binary(_, a, b) = &e.node else { panic!() };
    assert_eq!(b.span, Span::new(3, 4, 6));
    assert_eq!(a.span, Span::new(3, 0, 1));
    assert_eq!(e.span, Span::new(3, 0, 6));
    assert_eq!(p.body[0].span, Span::new(3, 0, 6));

    let src = "y = f(x)[1:2].t";
    let p = parse(0, src).unwrap();
    let Stmt::Assign { value, targets } = &p.body[0].node else { panic!() };
    assert_eq!(&src[value.span.range()], "f(x)[1:2].t");
    assert_eq!(&src[targets[0].span().range()], "y");
    let Expr::Attr(inner, name) = &value.node else { panic!() };
    assert_eq!(&src[name.span.range()], "t");
    let Expr::Index(_, items) = &inner.node else { panic!() };
    let IndexItem::Slice { span, .. } = &items[0] else { panic!() };
    assert_eq!(&src[span.range()], "1:2");

    let src = "if x:\n    y = 1\n    z\nw";
    let p = parse(0, src).unwrap();
    assert_eq!(&src[p.body[0].span.range()], "if x:\n    y = 1\n    z");
    assert_eq!(&src[p.body[1].span.range()], "w");
    let src = "é = 'ü' + x";
    let p = parse(0, src).unwrap();
    let Stmt::Assign { value, .. } = &p.body[0].node else { panic!() };
    let Expr::Binary(_, _, x) = &value.node else { panic!() };
    assert_eq!(&src[x.span.range()], "x");
}

#[test]
fn error_messages() {
    assert_eq!(messages("f(1 +)"), ["unexpected `)`"]);
    assert_eq!(messages(")"), ["unexpected `)`"]);
    assert_eq!(messages("x = "), ["expected an expression, found end of input"]);
    assert_eq!(messages("x = \ny = 2"), ["expected an expression, found end of line"]);
    assert_eq!(messages("x = (1 + 2"), ["this `(` is never closed"]);
    assert_eq!(messages("s = 'abc"), ["unterminated string"]);
    assert_eq!(messages("s = '''abc"), ["unterminated string"]);
    assert_eq!(messages("x = 1 $ 2"), ["invalid character `$`"]);
    assert_eq!(messages("if x:\n    a\n  b"), ["invalid indentation"]);
    assert_eq!(messages("x = 99999999999999999999"), ["integer literal too large"]);
    assert_eq!(messages("x = 0x8000000000000000"), ["integer literal too large"]);
    assert_eq!(messages("x = 012"), ["leading zeros are not allowed in decimal integers"]);
    assert_eq!(messages("x = 1__0"), ["invalid number literal"]);
    assert_eq!(messages("x = 3j"), ["complex numbers are not supported"]);
    assert_eq!(messages("x = [1, 2)"), ["mismatched `)`"]);
    assert_eq!(messages("f(x) = 1"), ["cannot assign to a function call"]);
    assert_eq!(messages("1 = x"), ["cannot assign to a literal"]);
    assert_eq!(messages("a, b += 1"), ["cannot use `+=` on a tuple or list of targets"]);
    assert_eq!(messages("if x:\npass"), ["expected an indented block after `if` on line 1"]);
    assert_eq!(messages("x\n    y"), ["unexpected indent"]);
    assert_eq!(messages("else:\n    x"), ["`else` without a matching `if`"]);
    assert_eq!(messages("class A:\n    pass"), ["`class` statements are not supported"]);
    assert_eq!(
        messages("def f(a=1, b): pass"),
        ["parameter `b` without a default follows one with a default"]
    );
    assert_eq!(messages("def f(a, a): pass"), ["duplicate parameter `a`"]);
    assert_eq!(messages("x = a if b"), ["expected `else`, found end of input"]);
    assert_eq!(messages("for x y: pass"), ["unexpected `y`"]);
    assert_eq!(messages("x = `a`"), ["invalid character `` ` ``".replace("`` ` ``", "```")]);
}

#[test]
fn assignment_in_condition_gets_a_hint() {
    let d = &errs("if x = 1:\n    pass")[0];
    assert_eq!(d.message, "unexpected `=`");
    assert_eq!(d.span, Some(Span::new(0, 5, 6)));
    assert!(d.hint.as_deref().unwrap().contains("`==`"));
}

#[test]
fn one_error_per_bad_line() {
    let src = "x = )\ny = 1\nz = (]\nw = 2 +\nok = 3\nq = 'open\nif a = 1:\n    pass\n";
    let ds = errs(src);
    let lines: Vec<usize> = ds
        .iter()
        .map(|d| src[..d.span.unwrap().start as usize].matches('\n').count() + 1)
        .collect();
    assert_eq!(lines, [1, 3, 4, 6, 7]);
    // Errors inside the block of a bad header are still found.
    assert_eq!(errs("def f(x) y:\n    x = )\n").len(), 2);
}

#[test]
fn rendered_diagnostics() {
    assert_eq!(
        rendered("f(1 +)"),
        [
            "SyntaxError: unexpected `)`",
            "   ╭─[ test.arr:1:6 ]",
            "   │",
            " 1 │ f(1 +)",
            "   │      ┬  ",
            "   │      ╰── expected an expression",
            "───╯",
            "",
        ]
        .join("\n")
    );
    assert_eq!(
        rendered("x = (1 + 2\ny = 3"),
        [
            "SyntaxError: this `(` is never closed",
            "   ╭─[ test.arr:1:5 ]",
            "   │",
            " 1 │ x = (1 + 2",
            "   │     ┬  ",
            "   │     ╰── opened here and never closed",
            "   │ ",
            "   │ Help: add a matching `)`",
            "───╯",
            "",
        ]
        .join("\n")
    );
    assert_eq!(
        rendered("x = [1, 2)"),
        [
            "SyntaxError: mismatched `)`",
            "   ╭─[ test.arr:1:10 ]",
            "   │",
            " 1 │ x = [1, 2)",
            "   │     ┬    ┬  ",
            "   │     ╰─────── to close this `[`",
            "   │          │  ",
            "   │          ╰── expected `]` here",
            "───╯",
            "",
        ]
        .join("\n")
    );
    assert_eq!(
        rendered("if x = 1:\n    pass"),
        [
            "SyntaxError: unexpected `=`",
            "   ╭─[ test.arr:1:6 ]",
            "   │",
            " 1 │ if x = 1:",
            "   │      ┬  ",
            "   │      ╰── `=` assigns a value",
            "   │ ",
            "   │ Help: to compare two values use `==`, as in `if x == 1:`",
            "───╯",
            "",
        ]
        .join("\n")
    );
    // No span: a plain line, plus the hint.
    let d = Diagnostic::global(crate::diag::ErrorKind::Cancelled, "computation cancelled")
        .with_hint("press Ctrl-C again to quit");
    assert_eq!(
        render_all(&[d], &Sources::new(), false),
        "Cancelled: computation cancelled\nhelp: press Ctrl-C again to quit\n"
    );
    // Colour on does use escape codes; colour off never does.
    let mut sources = Sources::new();
    let id = sources.add("t", "x = )");
    let ds = parse(id, "x = )").unwrap_err();
    assert!(render_all(&ds, &sources, true).contains('\x1b'));
    assert!(!render_all(&ds, &sources, false).contains('\x1b'));
}

#[test]
fn incomplete_input() {
    let yes = [
        "x = (1,",
        "x = [1,\n 2",
        "s = '''abc",
        "x = 1 + \\",
        "if x:",
        "def f(x):",
        "if x:\n    y = 1",
        "def f(x): return x",
        "for i in r:\n    if i:\n        pass",
        "if x:\n    y\nelse:",
        "x = {",
        "(\n",
    ];
    for s in yes {
        assert!(is_incomplete(s), "{s:?} should be incomplete");
    }
    let no = [
        "",
        "x = 1",
        "x = (1, 2)",
        "if x:\n    y = 1\n",
        "def f(x): return x\n",
        "x = )",
        "x = (]",
        "s = 'abc",
        "x = $(",
        "if x:\n",
        "print('a:')",
        "x = {'a': 1}",
    ];
    for s in no {
        assert!(!is_incomplete(s), "{s:?} should be complete");
    }
}

/// A tiny deterministic PRNG (xorshift64*), so the fuzz tests need no crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn check_no_panic(text: &str) {
    let mut sources = Sources::new();
    let id = sources.add("fuzz", text);
    if let Err(ds) = parse(id, text) {
        assert!(!ds.is_empty());
        for d in &ds {
            let s = d.span.unwrap();
            assert!(
                s.start <= s.end && s.end as usize <= text.len(),
                "bad span {s:?} for {text:?}"
            );
        }
        let _ = render_all(&ds, &sources, false);
    }
    let _ = is_incomplete(text);
}

#[test]
fn fuzz_random_bytes_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let alphabet: Vec<char> =
        "ab1_.0e+-*/%@&|^~<>=!()[]{},:;'\"\\#fr \t\n\r$éπ\u{0}\u{2028}x9jJ".chars().collect();
    for _ in 0..3000 {
        let len = rng.below(40);
        let text: String = if rng.below(2) == 0 {
            (0..len).map(|_| alphabet[rng.below(alphabet.len())]).collect()
        } else {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        };
        check_no_panic(&text);
    }
}

#[test]
fn fuzz_token_soup_never_panics() {
    let mut rng = Rng(42);
    let vocab = [
        "x", "y1", "np", "1", "2.5", "1e3", "'s'", "f'{x}'", "f\"{", "'''", "True", "None", "...",
        "and", "or", "not", "in", "is", "if", "elif", "else", "for", "while", "def", "return",
        "lambda", "import", "from", "as", "pass", "break", "del", "assert", "+", "-", "*", "**",
        "/", "//", "%", "@", "&", "|", "^", "~", "<<", ">>", "<", "<=", "==", "!=", "=", "+=",
        "**=", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "\n", "\n    ", "\n  ", "\t",
        "\\\n", "#c\n", " ", " ", " ",
    ];
    for _ in 0..4000 {
        let n = rng.below(30);
        let text: String =
            (0..n).map(|_| vocab[rng.below(vocab.len())]).collect::<Vec<_>>().join(" ");
        check_no_panic(&text);
        let text: String = (0..n).map(|_| vocab[rng.below(vocab.len())]).collect();
        check_no_panic(&text);
    }
}

#[test]
fn extreme_nesting_is_an_error_not_a_crash() {
    let deep = |open: &str, mid: &str, close: &str, n: usize| {
        format!("x = {}{}{}", open.repeat(n), mid, close.repeat(n))
    };
    for src in [
        deep("(", "1", ")", 10_000),
        deep("[", "1", "]", 10_000),
        deep("{", "", "}", 10_000),
        deep("(", "", "", 10_000),
        deep("-", "1", "", 100_000),
        deep("not ", "1", "", 100_000),
        deep("lambda: ", "1", "", 50_000),
        deep("1 if c else ", "1", "", 50_000),
        format!("x = a{}", ".b".repeat(100_000)),
        format!("x = a{}", "(1)".repeat(100_000)),
        format!("x = 1{}", " + 1".repeat(100_000)),
        format!("x = 2{}", " ** 2".repeat(100_000)),
        format!("x = f'{}{}'", "{f'".repeat(50), "'}".repeat(50)),
        (0..300).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>(),
    ] {
        let ds = errs(&src);
        assert!(!ds.is_empty());
        let _ = is_incomplete(&src);
    }
    // Within the limits, deep nesting parses.
    ok(&deep("(", "1", ")", 190));
    ok(&deep("-", "1", "", 900));
    let blocks: String = (0..90).map(|i| format!("{}if x:\n", " ".repeat(i))).collect();
    ok(&format!("{blocks}{}pass", " ".repeat(90)));
}

#[test]
fn long_flat_data_is_fine() {
    let list = format!("x = [{}]", vec!["-1.5"; 50_000].join(", "));
    assert!(ok(&list).starts_with("(= x (list (neg 1.5)"));
    let script: String =
        (0..10_000).map(|i| format!("x{i} = f(x, {i}) * 2 + y[1:, ::2]\n")).collect();
    assert_eq!(parse(0, &script).unwrap().body.len(), 10_000);
}
