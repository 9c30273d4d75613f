//! The C ABI (`include/arr.h`): sessions behind an opaque pointer and one
//! evaluation call whose result, value or error, is a JSON string, so any
//! language with a C FFI and a JSON parser can embed arr.
//!
//! Every function accepts null pointers and invalid UTF-8 and answers them
//! with a JSON error; no Rust panic crosses the boundary (each call runs
//! under `catch_unwind` and a panic becomes an `InternalError`).
//! `print` output goes to the process's standard output.

use crate::Session;
use std::ffi::{CStr, CString, c_char, c_int};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The session a C host holds (opaque in C).
pub struct ArrSession {
    session: Session,
}

/// A new session with default settings, or null if it could not be made.
#[unsafe(no_mangle)]
pub extern "C" fn arr_session_new() -> *mut ArrSession {
    arr_session_new_with(0, 0, 0, 0)
}

/// A new session: `threads` workers (0: the default), random `seed`,
/// `memory_limit` bytes per computation (0: the default) and file access
/// disabled when `sandbox` is non-zero. Null if it could not be made.
#[unsafe(no_mangle)]
pub extern "C" fn arr_session_new_with(
    threads: u32,
    seed: u64,
    memory_limit: u64,
    sandbox: c_int,
) -> *mut ArrSession {
    catch_unwind(|| {
        let mut b = Session::builder().seed(seed).sandbox(sandbox != 0);
        if threads > 0 {
            b = b.threads(threads as usize);
        }
        if memory_limit > 0 {
            b = b.memory_limit(memory_limit);
        }
        Box::into_raw(Box::new(ArrSession { session: b.build() }))
    })
    .unwrap_or(std::ptr::null_mut())
}

/// Frees a session (null is ignored).
///
/// # Safety
/// `session` is null or a pointer from `arr_session_new*` not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn arr_session_free(session: *mut ArrSession) {
    if !session.is_null() {
        // SAFETY: the caller passes a pointer made by Box::into_raw, once.
        let _ = catch_unwind(AssertUnwindSafe(|| drop(unsafe { Box::from_raw(session) })));
    }
}

/// Evaluates `code` (UTF-8, NUL-terminated) in the session and returns the
/// JSON form of its last value (`null` when there is none) or of the error
/// (`{"error": {"kind", "message", "line", "column"}}`). On error the
/// session is unchanged. The string must be freed with `arr_string_free`;
/// null is returned only if even the error could not be allocated.
///
/// # Safety
/// `session` is null or a live session; `code` is null or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn arr_eval(session: *mut ArrSession, code: *const c_char) -> *mut c_char {
    let json = catch_unwind(AssertUnwindSafe(|| {
        if session.is_null() {
            return usage_error("arr_eval: the session is null");
        }
        if code.is_null() {
            return usage_error("arr_eval: the code is null");
        }
        // SAFETY: checked non-null; the caller guarantees validity.
        let (s, code) = unsafe { (&mut (*session).session, CStr::from_ptr(code)) };
        let Ok(code) = code.to_str() else {
            return usage_error("arr_eval: the code is not valid UTF-8");
        };
        match s.eval_json("<c>", code) {
            Ok(v) => v,
            Err(diags) => match diags.first() {
                Some(d) => s.error_json(d),
                None => usage_error("arr_eval: failed without a message"),
            },
        }
    }))
    .unwrap_or_else(|_| {
        serde_json::json!({"error": {"kind": "InternalError", "message": "arr panicked (a bug in arr); the session may be inconsistent", "line": null, "column": null}})
    });
    // JSON text escapes control characters, so it holds no NUL byte.
    CString::new(json.to_string()).map(CString::into_raw).unwrap_or(std::ptr::null_mut())
}

/// Frees a string returned by `arr_eval` (null is ignored).
///
/// # Safety
/// `s` is null or a string from `arr_eval` not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn arr_string_free(s: *mut c_char) {
    if !s.is_null() {
        // SAFETY: made by CString::into_raw in arr_eval, freed once.
        drop(unsafe { CString::from_raw(s) });
    }
}

fn usage_error(message: &str) -> serde_json::Value {
    serde_json::json!({"error": {"kind": "UsageError", "message": message, "line": null, "column": null}})
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(s: *mut ArrSession, code: &[u8]) -> String {
        let code = CString::new(code).unwrap();
        unsafe {
            let out = arr_eval(s, code.as_ptr());
            let text = CStr::from_ptr(out).to_str().unwrap().to_string();
            arr_string_free(out);
            text
        }
    }

    #[test]
    fn values_errors_and_bad_pointers_are_json() {
        let s = arr_session_new_with(1, 0, 0, 1);
        assert_eq!(eval(s, b"x = 2\nx * 21"), "42");
        assert!(eval(s, b"x +").contains("SyntaxError"));
        assert!(eval(s, b"\xff\xfe").contains("not valid UTF-8"));
        assert!(eval(std::ptr::null_mut(), b"1").contains("session is null"));
        unsafe {
            let out = arr_eval(s, std::ptr::null());
            assert!(CStr::from_ptr(out).to_str().unwrap().contains("code is null"));
            arr_string_free(out);
            arr_session_free(s);
            arr_session_free(std::ptr::null_mut());
            arr_string_free(std::ptr::null_mut());
        }
    }
}
