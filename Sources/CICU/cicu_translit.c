// Thin shims over ICU's UnicodeSet C API (see cicu_translit.h).
#include "cicu_translit.h"

#include <unicode/uset.h>

void *tl_uset_open_pattern(const uint16_t *pattern, int32_t length, int32_t *status) {
    USet *set = uset_openPattern((const UChar *)pattern, length, (UErrorCode *)status);
    if (set != NULL && *status <= 0) uset_freeze(set);
    return set;
}

int32_t tl_uset_contains(const void *set, int32_t codePoint) {
    return uset_contains((const USet *)set, (UChar32)codePoint) ? 1 : 0;
}

void tl_uset_close(void *set) { uset_close((USet *)set); }

int32_t tl_uset_item_count(const void *set) { return uset_getItemCount((const USet *)set); }

int32_t tl_uset_range(const void *set, int32_t index, int32_t *start, int32_t *end) {
    UErrorCode status = U_ZERO_ERROR;
    UChar32 first = 0, last = 0;
    int32_t length = uset_getItem((const USet *)set, index, &first, &last, NULL, 0, &status);
    if (length != 0) return 0;  /* a string (or an error asking for its buffer) */
    *start = first;
    *end = last;
    return 1;
}
