//! The NumPy-style distributions of `random.*` (`src/builtins/distributions.rs`):
//! dtype and shape, sample moments of 200k draws against the theoretical
//! mean and variance, identical values under different chunkings, and
//! parameter errors with NumPy's messages pointing at the argument.

use arr::diag::ErrorKind;
use arr::{Session, Value};

const N: usize = 200_000;

/// Computes `code`'s array value: (dtype name, shape, values).
fn run(code: &str) -> (String, Vec<usize>, Vec<f64>) {
    let mut s = Session::new();
    let v = s.eval("<test>", code).unwrap_or_else(|d| panic!("{code}: {}", s.render(&d, false)));
    let Some(Value::Array(n)) = v else { panic!("{code}: not an array: {v:?}") };
    let data =
        s.interp().compute(&n).unwrap_or_else(|d| panic!("{code}: {}", s.render(&[d], false)));
    (data.dtype().name().to_string(), data.shape().to_vec(), data.to_f64_vec())
}

/// `call` (a `random.*` call taking `size=`) gives `dtype`, and N draws have
/// sample mean and variance within 5 standard errors of `mean` and `var`
/// (the variance's standard error estimated from the sample 4th moment).
#[track_caller]
fn check(call: &str, dtype: &str, mean: f64, var: f64) {
    let code = format!("random.seed(7); {call}size={N})");
    let (dt, shape, x) = run(&code);
    assert_eq!(dt, dtype, "{code}");
    assert_eq!(shape, vec![N], "{code}");
    assert!(x.iter().all(|v| v.is_finite()), "{code}: non-finite draw");
    let n = N as f64;
    let m = x.iter().sum::<f64>() / n;
    let m2 = x.iter().map(|v| (v - m).powi(2)).sum::<f64>() / n;
    let m4 = x.iter().map(|v| (v - m).powi(4)).sum::<f64>() / n;
    let se_mean = (var / n).sqrt();
    let se_var = ((m4 - m2 * m2) / n).sqrt();
    assert!((m - mean).abs() < 5.0 * se_mean, "{code}: mean {m}, expected {mean} ± {se_mean}");
    assert!((m2 - var).abs() < 5.0 * se_var, "{code}: variance {m2}, expected {var} ± {se_var}");
}

#[test]
fn float_distributions_moments() {
    check("random.exponential(2.0, ", "float64", 2.0, 4.0);
    check("random.standard_exponential(", "float64", 1.0, 1.0);
    check("random.gamma(2.5, 2.0, ", "float64", 5.0, 10.0);
    check("random.gamma(0.5, ", "float64", 0.5, 0.5);
    check("random.standard_gamma(3.0, ", "float64", 3.0, 3.0);
    check("random.beta(2, 5, ", "float64", 2.0 / 7.0, 10.0 / (49.0 * 8.0));
    check("random.beta(0.5, 0.5, ", "float64", 0.5, 0.125);
    let (mu, s2) = (0.5f64, 0.16f64);
    let ln_var = (s2.exp() - 1.0) * (2.0 * mu + s2).exp();
    check("random.lognormal(0.5, 0.4, ", "float64", (mu + s2 / 2.0).exp(), ln_var);
    check("random.chisquare(3, ", "float64", 3.0, 6.0);
    check("random.chisquare(0.7, ", "float64", 0.7, 1.4);
    check("random.pareto(6.0, ", "float64", 0.2, 6.0 / (25.0 * 4.0));
}

#[test]
fn integer_distributions_moments() {
    check("random.poisson(4.5, ", "int64", 4.5, 4.5);
    check("random.poisson(60.0, ", "int64", 60.0, 60.0);
    check("random.poisson(", "int64", 1.0, 1.0);
    check("random.binomial(20, 0.3, ", "int64", 6.0, 4.2);
    check("random.binomial(1000, 0.6, ", "int64", 600.0, 240.0);
    check("random.geometric(0.25, ", "int64", 4.0, 12.0);
    check("random.geometric(0.9, ", "int64", 1.0 / 0.9, 0.1 / 0.81);
}

#[test]
fn rand_and_randn() {
    let (dt, shape, x) = run("random.seed(3); random.rand(400, 500)");
    assert_eq!((dt.as_str(), shape), ("float64", vec![400, 500]));
    assert!(x.iter().all(|v| (0.0..1.0).contains(v)));
    let m = x.iter().sum::<f64>() / x.len() as f64;
    assert!((m - 0.5).abs() < 5.0 * (1.0 / 12.0 / x.len() as f64).sqrt(), "rand mean {m}");

    let (dt, shape, x) = run("random.seed(3); random.randn(200000)");
    assert_eq!((dt.as_str(), shape), ("float64", vec![N]));
    let m = x.iter().sum::<f64>() / N as f64;
    let v = x.iter().map(|v| (v - m).powi(2)).sum::<f64>() / N as f64;
    assert!(m.abs() < 5.0 / (N as f64).sqrt(), "randn mean {m}");
    assert!((v - 1.0).abs() < 5.0 * (2.0 / N as f64).sqrt(), "randn variance {v}");

    // No dims: 0-d, like the scalar NumPy returns.
    assert_eq!(run("random.rand()").1, Vec::<usize>::new());
    assert_eq!(run("random.randn(2, 3, 4)").1, vec![2, 3, 4]);
    // rand(d0, d1) draws the same numbers as random.random((d0, d1)).
    assert_eq!(
        run("random.seed(5); random.rand(30, 40)").2,
        run("random.seed(5); random.random((30, 40))").2
    );
}

#[test]
fn shapes_and_scalars() {
    assert_eq!(run("random.poisson(3, size=(3, 4))").1, vec![3, 4]);
    assert_eq!(run("random.beta(1, 2, (2, 0, 5))").1, vec![2, 0, 5]);
    let (dt, shape, _) = run("random.binomial(5, 0.5)");
    assert_eq!((dt.as_str(), shape), ("int64", vec![]));
    // Edge parameters NumPy allows.
    assert!(run("random.exponential(0.0, size=5)").2.iter().all(|&v| v == 0.0));
    assert!(run("random.poisson(0, size=5)").2.iter().all(|&v| v == 0.0));
    assert!(run("random.binomial(7, 1.0, size=5)").2.iter().all(|&v| v == 7.0));
    assert!(run("random.geometric(1.0, size=5)").2.iter().all(|&v| v == 1.0));
    assert!(run("random.binomial(0, 0.5, size=5)").2.iter().all(|&v| v == 0.0));
}

#[test]
fn chunking_does_not_change_values() {
    let calls = [
        "exponential(2.0, ",
        "standard_exponential(",
        "poisson(30.0, ",
        "binomial(100, 0.3, ",
        "geometric(0.2, ",
        "gamma(0.7, 2.0, ",
        "standard_gamma(4.0, ",
        "beta(0.5, 3, ",
        "lognormal(1, 0.5, ",
        "chisquare(2.5, ",
        "pareto(2.0, ",
    ];
    for c in calls {
        let a = run(&format!("random.seed(11); random.{c}size=(60, 70), chunks=(7, 13))"));
        let b = run(&format!("random.seed(11); random.{c}size=(60, 70), chunks=-1)"));
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!((&a.0, &a.1), (&b.0, &b.1), "{c}");
        assert!(bits(&a.2) == bits(&b.2), "{c}: values differ between chunkings");
        // And a slice of the array is exactly the same elements.
        let s = run(&format!("random.seed(11); random.{c}size=(60, 70), chunks=(9, 9))[5:20, 33]"));
        let col: Vec<f64> = (5..20).map(|r| a.2[r * 70 + 33]).collect();
        assert!(bits(&s.2) == bits(&col), "{c}: slice differs");
    }
    let a = run("random.seed(2); random.randn(50, 50, chunks=(3, 50))");
    let b = run("random.seed(2); random.randn(50, 50, chunks=(50, 7))");
    assert_eq!(a.2, b.2);
}

#[test]
fn bad_parameters() {
    let cases = [
        ("random.exponential(-1.0, size=3)", "-1.0", "scale < 0"),
        ("random.poisson(-2, size=3)", "-2", "lam < 0"),
        ("random.poisson(1e20)", "1e20", "lam value too large"),
        ("random.binomial(-1, 0.5)", "-1", "n < 0"),
        ("random.binomial(10, 1.5)", "1.5", "p < 0, p > 1 or p is NaN"),
        ("random.binomial(10, nan)", "nan", "p < 0, p > 1 or p is NaN"),
        ("random.geometric(0.0)", "0.0", "p <= 0, p > 1 or p contains NaNs"),
        ("random.geometric(p=1.5)", "1.5", "p <= 0, p > 1 or p contains NaNs"),
        ("random.gamma(-1.0)", "-1.0", "shape < 0"),
        ("random.gamma(1.0, -2.0)", "-2.0", "scale < 0"),
        ("random.standard_gamma(-0.5)", "-0.5", "shape < 0"),
        ("random.beta(0, 1)", "0", "a <= 0"),
        ("random.beta(1, b=-1)", "-1", "b <= 0"),
        ("random.lognormal(0, -1)", "-1", "sigma < 0"),
        ("random.chisquare(0)", "0", "df <= 0"),
        ("random.pareto(-3)", "-3", "a <= 0"),
    ];
    for (code, arg, message) in cases {
        let mut s = Session::new();
        let diags = match s.eval("<test>", code) {
            Ok(_) => panic!("{code}: no error"),
            Err(d) => d,
        };
        assert_eq!(diags[0].kind, ErrorKind::Value, "{code}: {}", s.render(&diags, false));
        assert!(diags[0].message.contains(message), "{code}: {}", diags[0].message);
        let span = diags[0].span.expect("span");
        let call = code.rfind("random.").unwrap();
        let pointed = &code[span.start as usize..span.end as usize];
        assert!(span.start as usize > call && pointed == arg, "{code}: points at {pointed:?}");
    }
    let type_errors = [
        "random.binomial(2.5, 0.5)",
        "random.rand(2.0)",
        "random.rand((2, 3))",
        "random.exponential('a')",
        "random.poisson(ones(3))",
        "random.gamma()",
    ];
    for code in type_errors {
        let mut s = Session::new();
        let diags = s.eval("<test>", code).err().unwrap_or_else(|| panic!("{code}: no error"));
        assert_eq!(diags[0].kind, ErrorKind::Type, "{code}: {}", diags[0].message);
    }
    let mut s = Session::new();
    let diags = s.eval("<test>", "random.rand(2, -3)").expect_err("negative dim");
    assert_eq!(diags[0].kind, ErrorKind::Value);
    assert!(diags[0].message.contains("negative dimensions"), "{}", diags[0].message);
}
