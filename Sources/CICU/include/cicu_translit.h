// ICU UnicodeSet for the transliteration fast path: the fast path decides its contexts ([:L:], [:Lu:],
// Cyrillic letters) from the very same set patterns its ICU rules use, so the two cannot disagree.
#ifndef TLUMACH_CICU_TRANSLIT_H
#define TLUMACH_CICU_TRANSLIT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Opens and freezes (so it is safe to share between threads) a set from a pattern such as "[[:L:][:M:]]".
void *tl_uset_open_pattern(const uint16_t *pattern, int32_t length, int32_t *status);
/// 1 when the set contains the code point, else 0.
int32_t tl_uset_contains(const void *set, int32_t codePoint);
void tl_uset_close(void *set);
/// Number of items (code point ranges, then strings) in the set.
int32_t tl_uset_item_count(const void *set);
/// The index-th item: 1 with *start/*end set when it is a code point range, 0 when it is a string.
int32_t tl_uset_range(const void *set, int32_t index, int32_t *start, int32_t *end);

#ifdef __cplusplus
}
#endif

#endif
