/* A C host of arr: run by tests/capi.rs, which checks its output. */
#include <stdio.h>
#include "arr.h"

static void show(ArrSession *s, const char *code) {
    char *out = arr_eval(s, code);
    printf("%s\n", out ? out : "(null)");
    arr_string_free(out);
}

int main(void) {
    ArrSession *s = arr_session_new_with(2, 0, 0, 1);
    if (!s) {
        printf("no session\n");
        return 1;
    }
    show(s, "import numpy as np\nx = np.arange(6).reshape(2, 3)");
    show(s, "x.sum(axis=0)");
    show(s, "x.mean()");
    show(s, "x + y");                 /* an error: y is undefined */
    show(s, "x.shape");               /* the session survived it */
    show(s, "\xff\xfe");              /* invalid UTF-8 */
    show(NULL, "1");                  /* no session */
    show(s, NULL);                    /* no code */
    arr_session_free(s);
    arr_session_free(NULL);
    arr_string_free(NULL);

    ArrSession *d = arr_session_new();
    show(d, "1 + 1");
    arr_session_free(d);
    return 0;
}
