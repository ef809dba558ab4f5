// The only door to ICU. This header deliberately uses nothing but <stdint.h>/<stddef.h> types so that Swift
// modules that also import Foundation (which ships its own ICU headers) can import it. Strings are UTF-16
// buffers (uint16_t) with explicit lengths, errors are ICU UErrorCode values as int32_t (> 0 is failure),
// and every handle is an opaque pointer closed by its matching *_close function.
#ifndef TLUMACH_CICU_H
#define TLUMACH_CICU_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The symbolic name of an ICU error code ("U_ILLEGAL_ARGUMENT_ERROR").
const char *tl_error_name(int32_t status);
/// The ICU version string ("72.1").
void tl_icu_version(char *buffer, int32_t capacity);

// MARK: Normalisation. The instances are ICU singletons: never closed.
/// form: 0 NFC, 1 NFD, 2 NFKC, 3 NFKD, 4 NFKC_Casefold.
const void *tl_normalizer_get(int32_t form, int32_t *status);
int32_t tl_normalize(const void *normalizer, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity,
                     int32_t *status);
/// 0 = no, 1 = yes, 2 = maybe.
int32_t tl_normalize_quick_check(const void *normalizer, const uint16_t *src, int32_t length, int32_t *status);
/// Length of the prefix that is certainly normalised.
int32_t tl_normalize_span_yes(const void *normalizer, const uint16_t *src, int32_t length, int32_t *status);

// MARK: Transliteration. direction: 0 forward, 1 reverse.
void *tl_translit_open_id(const uint16_t *id, int32_t idLength, int32_t direction, int32_t *status);
/// On a rules syntax error, *errorLine and *errorOffset locate it.
void *tl_translit_open_rules(const uint16_t *id, int32_t idLength, const uint16_t *rules, int32_t rulesLength,
                             int32_t direction, int32_t *errorLine, int32_t *errorOffset, int32_t *status);
void *tl_translit_clone(const void *translit, int32_t *status);
/// Transforms text in place; returns the new length (may exceed capacity: then retry with a larger buffer).
int32_t tl_translit_transform(const void *translit, uint16_t *text, int32_t length, int32_t capacity,
                              int32_t *status);
void tl_translit_close(void *translit);
/// Number of available system transliterator IDs, and the i-th one (returns its length).
int32_t tl_translit_count_available(void);
int32_t tl_translit_available_id(int32_t index, uint16_t *dest, int32_t capacity);

// MARK: Break iteration. type: 0 character, 1 word, 2 line, 3 sentence.
void *tl_break_open(int32_t type, const char *locale, int32_t *status);
void *tl_break_clone(const void *iterator, int32_t *status);
void tl_break_set_text(void *iterator, const uint16_t *text, int32_t length, int32_t *status);
int32_t tl_break_first(void *iterator);
/// Next boundary, or -1 at the end.
int32_t tl_break_next(void *iterator);
/// Rule status of the boundary just returned: word kinds 0–99 none, 100–199 number, 200–299 letter, 300+ kana/ideo.
int32_t tl_break_rule_status(void *iterator);
void tl_break_close(void *iterator);

// MARK: Case mapping (stateless). Return the full result length (retry when it exceeds capacity).
int32_t tl_to_lower(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, const char *locale,
                    int32_t *status);
int32_t tl_to_upper(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, const char *locale,
                    int32_t *status);
/// Title case with ICU's word boundaries, so "п'ятниця" becomes "П'ятниця".
int32_t tl_to_title(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, const char *locale,
                    int32_t *status);
int32_t tl_fold_case(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

// MARK: Code point properties.
/// ISO 15924 script code of a code point (UScriptCode): 7 Cyrillic, 25 Latin, 0 Common, 1 Inherited.
int32_t tl_script_of(int32_t codePoint, int32_t *status);
/// Unicode general category (UCharCategory).
int32_t tl_char_type(int32_t codePoint);

// MARK: Spoof checking (thread-safe once configured).
void *tl_spoof_open(int32_t *status);
/// Result bits (USpoofChecks); 0 means the identifier passed the highly-restrictive level.
int32_t tl_spoof_check(const void *checker, const uint16_t *text, int32_t length, int32_t *status);
int32_t tl_spoof_skeleton(const void *checker, const uint16_t *text, int32_t length, uint16_t *dest,
                          int32_t capacity, int32_t *status);
void tl_spoof_close(void *checker);

// MARK: Collation.
void *tl_collator_open(const char *locale, int32_t *status);
/// Returns the sort key length including the terminating zero (retry when it exceeds capacity).
int32_t tl_collator_sort_key(const void *collator, const uint16_t *text, int32_t length, uint8_t *dest,
                             int32_t capacity);
/// -1, 0, 1.
int32_t tl_collator_compare(const void *collator, const uint16_t *a, int32_t aLength, const uint16_t *b,
                            int32_t bLength);
void tl_collator_close(void *collator);

// MARK: Number formatting and parsing (decimal style).
void *tl_number_format_open(const char *locale, int32_t *status);
/// Parses from the start; *parsedLength receives how many UTF-16 units were consumed (0 when nothing parsed).
double tl_number_parse(const void *format, const uint16_t *text, int32_t length, int32_t *parsedLength,
                       int32_t *status);
int32_t tl_number_format(const void *format, double value, uint16_t *dest, int32_t capacity, int32_t *status);
void tl_number_format_close(void *format);

// MARK: Charset conversion (legacy 8-bit and multibyte encodings a file declares, such as a PO header's KOI8-U).
/// Decodes bytes in the named charset to UTF-16, stopping at the first byte sequence the charset does not map:
/// then *status is a failure and *errorOffset the offset of that sequence. Returns the UTF-16 length written;
/// U_BUFFER_OVERFLOW_ERROR when it does not fit (give capacity ≥ 2 × length + 16 to avoid it). An unknown charset
/// name fails with *errorOffset = -1.
int32_t tl_decode_charset(const char *charset, const uint8_t *src, int32_t length, uint16_t *dest, int32_t capacity,
                          int32_t *errorOffset, int32_t *status);

// MARK: Locale display names (CLDR data of the system ICU).
/// How many ISO 3166 region codes ICU knows.
int32_t tl_region_count(void);
/// The display name of the index-th of those regions in `displayLocale` ("uk": "Італія"); its UTF-16 length.
/// A region ICU has no name for gives its code.
int32_t tl_region_display_name(int32_t index, const char *displayLocale, uint16_t *dest, int32_t capacity,
                               int32_t *status);
/// The exemplar city of every time zone ICU knows (or only those of `region`, an ISO 3166 code, when it is not
/// NULL), in `displayLocale` ("Europe/Madrid": "Мадрид" in "uk"), in ICU's order: each name followed by a 0 (an
/// empty name where the zone has none). Returns the UTF-16 length written; U_BUFFER_OVERFLOW_ERROR when they do
/// not all fit.
int32_t tl_zone_cities(const char *displayLocale, const char *region, uint16_t *dest, int32_t capacity,
                       int32_t *status);

#ifdef __cplusplus
}
#endif
#endif
