// Thin C shims over ICU's C API. Kept free of logic: ownership, retries and errors are handled in the Swift ICU
// module. ICU's version-renamed symbols (u_strToLower_72 …) are resolved here by the ICU headers' macros.
#include "cicu.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucol.h>
#include <unicode/uloc.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/uenum.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

const char *tl_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void tl_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    strncpy(buffer, text, (size_t)capacity);
    if (capacity > 0) buffer[capacity - 1] = 0;
}

// MARK: Normalisation

const void *tl_normalizer_get(int32_t form, int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    switch (form) {
    case 0: return unorm2_getNFCInstance(s);
    case 1: return unorm2_getNFDInstance(s);
    case 2: return unorm2_getNFKCInstance(s);
    case 3: return unorm2_getNFKDInstance(s);
    case 4: return unorm2_getNFKCCasefoldInstance(s);
    default: *s = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

int32_t tl_normalize(const void *normalizer, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity,
                     int32_t *status) {
    return unorm2_normalize((const UNormalizer2 *)normalizer, (const UChar *)src, length, (UChar *)dest, capacity,
                            (UErrorCode *)status);
}

int32_t tl_normalize_quick_check(const void *normalizer, const uint16_t *src, int32_t length, int32_t *status) {
    return (int32_t)unorm2_quickCheck((const UNormalizer2 *)normalizer, (const UChar *)src, length,
                                      (UErrorCode *)status);
}

int32_t tl_normalize_span_yes(const void *normalizer, const uint16_t *src, int32_t length, int32_t *status) {
    return unorm2_spanQuickCheckYes((const UNormalizer2 *)normalizer, (const UChar *)src, length,
                                    (UErrorCode *)status);
}

// MARK: Transliteration

void *tl_translit_open_id(const uint16_t *id, int32_t idLength, int32_t direction, int32_t *status) {
    return utrans_openU((const UChar *)id, idLength, direction == 0 ? UTRANS_FORWARD : UTRANS_REVERSE, NULL, 0,
                        NULL, (UErrorCode *)status);
}

void *tl_translit_open_rules(const uint16_t *id, int32_t idLength, const uint16_t *rules, int32_t rulesLength,
                             int32_t direction, int32_t *errorLine, int32_t *errorOffset, int32_t *status) {
    UParseError parseError;
    memset(&parseError, 0, sizeof parseError);
    void *result = utrans_openU((const UChar *)id, idLength, direction == 0 ? UTRANS_FORWARD : UTRANS_REVERSE,
                                (const UChar *)rules, rulesLength, &parseError, (UErrorCode *)status);
    *errorLine = parseError.line;
    *errorOffset = parseError.offset;
    return result;
}

void *tl_translit_clone(const void *translit, int32_t *status) {
    return utrans_clone((const UTransliterator *)translit, (UErrorCode *)status);
}

int32_t tl_translit_transform(const void *translit, uint16_t *text, int32_t length, int32_t capacity,
                              int32_t *status) {
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars((const UTransliterator *)translit, (UChar *)text, &textLength, capacity, 0, &limit,
                       (UErrorCode *)status);
    return textLength;
}

void tl_translit_close(void *translit) { utrans_close((UTransliterator *)translit); }

int32_t tl_translit_count_available(void) { return utrans_countAvailableIDs(); }

int32_t tl_translit_available_id(int32_t index, uint16_t *dest, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration *ids = utrans_openIDs(&status);
    if (U_FAILURE(status)) return 0;
    int32_t length = 0;
    const UChar *id = NULL;
    for (int32_t i = 0; i <= index; i++) {
        id = uenum_unext(ids, &length, &status);
        if (id == NULL || U_FAILURE(status)) { uenum_close(ids); return 0; }
    }
    int32_t copied = length < capacity ? length : capacity;
    memcpy(dest, id, (size_t)copied * sizeof(UChar));
    uenum_close(ids);
    return length;
}

// MARK: Break iteration

void *tl_break_open(int32_t type, const char *locale, int32_t *status) {
    UBreakIteratorType kind;
    switch (type) {
    case 0: kind = UBRK_CHARACTER; break;
    case 1: kind = UBRK_WORD; break;
    case 2: kind = UBRK_LINE; break;
    case 3: kind = UBRK_SENTENCE; break;
    default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
    return ubrk_open(kind, locale, NULL, 0, (UErrorCode *)status);
}

void *tl_break_clone(const void *iterator, int32_t *status) {
    return ubrk_clone((const UBreakIterator *)iterator, (UErrorCode *)status);
}

void tl_break_set_text(void *iterator, const uint16_t *text, int32_t length, int32_t *status) {
    ubrk_setText((UBreakIterator *)iterator, (const UChar *)text, length, (UErrorCode *)status);
}

int32_t tl_break_first(void *iterator) { return ubrk_first((UBreakIterator *)iterator); }
int32_t tl_break_next(void *iterator) {
    int32_t next = ubrk_next((UBreakIterator *)iterator);
    return next == UBRK_DONE ? -1 : next;
}
int32_t tl_break_rule_status(void *iterator) { return ubrk_getRuleStatus((UBreakIterator *)iterator); }
void tl_break_close(void *iterator) { ubrk_close((UBreakIterator *)iterator); }

// MARK: Case mapping

int32_t tl_to_lower(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, const char *locale,
                    int32_t *status) {
    return u_strToLower((UChar *)dest, capacity, (const UChar *)src, length, locale, (UErrorCode *)status);
}

int32_t tl_to_upper(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, const char *locale,
                    int32_t *status) {
    return u_strToUpper((UChar *)dest, capacity, (const UChar *)src, length, locale, (UErrorCode *)status);
}

int32_t tl_to_title(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, const char *locale,
                    int32_t *status) {
    return u_strToTitle((UChar *)dest, capacity, (const UChar *)src, length, NULL, locale, (UErrorCode *)status);
}

int32_t tl_fold_case(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    return u_strFoldCase((UChar *)dest, capacity, (const UChar *)src, length, U_FOLD_CASE_DEFAULT,
                         (UErrorCode *)status);
}

// MARK: Properties

int32_t tl_script_of(int32_t codePoint, int32_t *status) {
    return (int32_t)uscript_getScript(codePoint, (UErrorCode *)status);
}

int32_t tl_char_type(int32_t codePoint) { return (int32_t)u_charType(codePoint); }

// MARK: Spoof checking

void *tl_spoof_open(int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    USpoofChecker *checker = uspoof_open(s);
    if (U_FAILURE(*s)) return NULL;
    uspoof_setChecks(checker, USPOOF_RESTRICTION_LEVEL | USPOOF_INVISIBLE | USPOOF_MIXED_NUMBERS, s);
    uspoof_setRestrictionLevel(checker, USPOOF_HIGHLY_RESTRICTIVE);
    if (U_FAILURE(*s)) { uspoof_close(checker); return NULL; }
    return checker;
}

int32_t tl_spoof_check(const void *checker, const uint16_t *text, int32_t length, int32_t *status) {
    return uspoof_check2((const USpoofChecker *)checker, (const UChar *)text, length, NULL, (UErrorCode *)status);
}

int32_t tl_spoof_skeleton(const void *checker, const uint16_t *text, int32_t length, uint16_t *dest,
                          int32_t capacity, int32_t *status) {
    return uspoof_getSkeleton((const USpoofChecker *)checker, 0, (const UChar *)text, length, (UChar *)dest,
                              capacity, (UErrorCode *)status);
}

void tl_spoof_close(void *checker) { uspoof_close((USpoofChecker *)checker); }

// MARK: Collation

void *tl_collator_open(const char *locale, int32_t *status) { return ucol_open(locale, (UErrorCode *)status); }

int32_t tl_collator_sort_key(const void *collator, const uint16_t *text, int32_t length, uint8_t *dest,
                             int32_t capacity) {
    return ucol_getSortKey((const UCollator *)collator, (const UChar *)text, length, dest, capacity);
}

int32_t tl_collator_compare(const void *collator, const uint16_t *a, int32_t aLength, const uint16_t *b,
                            int32_t bLength) {
    return (int32_t)ucol_strcoll((const UCollator *)collator, (const UChar *)a, aLength, (const UChar *)b, bLength);
}

void tl_collator_close(void *collator) { ucol_close((UCollator *)collator); }

// MARK: Numbers

void *tl_number_format_open(const char *locale, int32_t *status) {
    return unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, (UErrorCode *)status);
}

double tl_number_parse(const void *format, const uint16_t *text, int32_t length, int32_t *parsedLength,
                       int32_t *status) {
    int32_t position = 0;
    double value = unum_parseDouble((const UNumberFormat *)format, (const UChar *)text, length, &position,
                                    (UErrorCode *)status);
    *parsedLength = position;
    return value;
}

int32_t tl_number_format(const void *format, double value, uint16_t *dest, int32_t capacity, int32_t *status) {
    return unum_formatDouble((const UNumberFormat *)format, value, (UChar *)dest, capacity, NULL,
                             (UErrorCode *)status);
}

void tl_number_format_close(void *format) { unum_close((UNumberFormat *)format); }

// MARK: Charset conversion

int32_t tl_decode_charset(const char *charset, const uint8_t *src, int32_t length, uint16_t *dest, int32_t capacity,
                          int32_t *errorOffset, int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    *errorOffset = -1;
    UConverter *converter = ucnv_open(charset, s);
    if (U_FAILURE(*s)) return 0;
    // Stop at the first unmapped or illegal sequence instead of substituting: the caller reports its offset.
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, s);
    const char *source = (const char *)src;
    const char *sourceLimit = source + length;
    UChar *target = (UChar *)dest;
    ucnv_toUnicode(converter, &target, (UChar *)dest + capacity, &source, sourceLimit, NULL, 1, s);
    if (U_FAILURE(*s) && *s != U_BUFFER_OVERFLOW_ERROR) {
        char invalid[32];
        int8_t invalidLength = sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter, invalid, &invalidLength, &ignored);
        *errorOffset = (int32_t)(source - (const char *)src) - (U_SUCCESS(ignored) ? invalidLength : 0);
    }
    ucnv_close(converter);
    return (int32_t)(target - (UChar *)dest);
}

int32_t tl_region_count(void) {
    const char *const *codes = uloc_getISOCountries();
    int32_t count = 0;
    while (codes[count] != NULL) count++;
    return count;
}

int32_t tl_region_display_name(int32_t index, const char *displayLocale, uint16_t *dest, int32_t capacity,
                               int32_t *status) {
    const char *const *codes = uloc_getISOCountries();
    if (index < 0 || index >= tl_region_count()) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return 0;
    }
    char locale[16] = "und_";
    strncat(locale, codes[index], sizeof locale - strlen(locale) - 1);
    UErrorCode code = U_ZERO_ERROR;
    int32_t length = uloc_getDisplayCountry(locale, displayLocale, (UChar *)dest, capacity, &code);
    *status = code;
    return length;
}

int32_t tl_zone_cities(const char *displayLocale, const char *region, uint16_t *dest, int32_t capacity,
                       int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UEnumeration *zones = region != NULL ? ucal_openCountryTimeZones(region, &code) : ucal_openTimeZones(&code);
    if (U_FAILURE(code)) {
        *status = code;
        return 0;
    }
    static const UChar pattern[] = {'V', 'V', 'V'};  // the exemplar city
    UDate now = ucal_getNow();
    int32_t written = 0;
    int32_t zoneLength = 0;
    const UChar *zone;
    *status = U_ZERO_ERROR;
    while ((zone = uenum_unext(zones, &zoneLength, &code)) != NULL && U_SUCCESS(code)) {
        UErrorCode formatCode = U_ZERO_ERROR;
        UChar city[128];
        int32_t length = 0;
        UDateFormat *format = udat_open(UDAT_PATTERN, UDAT_PATTERN, displayLocale, zone, zoneLength, pattern, 3,
                                        &formatCode);
        if (U_SUCCESS(formatCode)) length = udat_format(format, now, city, 128, NULL, &formatCode);
        if (format != NULL) udat_close(format);
        if (U_FAILURE(formatCode) || length > 128) length = 0;
        if (written + length + 1 > capacity) {
            *status = U_BUFFER_OVERFLOW_ERROR;
            break;
        }
        memcpy(dest + written, city, (size_t)length * sizeof(UChar));
        written += length;
        dest[written++] = 0;
    }
    uenum_close(zones);
    return written;
}
