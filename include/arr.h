/* arr: a lazy, chunked, parallel array language with NumPy syntax.
 *
 * The C ABI of the arr library (libarr.so / libarr.dylib / arr.dll).
 * A session keeps variables between evaluations; every evaluation returns
 * a JSON string: the value of the code's last expression (`null` if it has
 * none), or {"error": {"kind", "message", "line", "column"}} (plus "hint"
 * when there is one). On error the session is left unchanged.
 * Null pointers and invalid UTF-8 give JSON errors of kind "UsageError";
 * an internal failure gives kind "InternalError"; nothing aborts the host.
 * `print` output goes to the process's standard output.
 * A session must not be used from two threads at once.
 */
#ifndef ARR_H
#define ARR_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ArrSession ArrSession;

/* A session with default settings; NULL on failure. */
ArrSession *arr_session_new(void);

/* threads: workers (0 = default); seed: random seed; memory_limit: bytes
 * a computation may hold (0 = default); sandbox != 0 disables file access. */
ArrSession *arr_session_new_with(uint32_t threads, uint64_t seed,
                                 uint64_t memory_limit, int sandbox);

/* Frees a session; NULL is ignored. */
void arr_session_free(ArrSession *session);

/* Evaluates UTF-8 `code`; returns JSON to be freed with arr_string_free. */
char *arr_eval(ArrSession *session, const char *code);

/* Frees a string returned by arr_eval; NULL is ignored. */
void arr_string_free(char *s);

#ifdef __cplusplus
}
#endif

#endif /* ARR_H */
