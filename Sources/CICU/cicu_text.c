// Bulk character properties for TlumachText's fast paths (see cicu_text.h).
#include "cicu_text.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>

#include <string.h>

static uint8_t class_of(const UNormalizer2 *nfc, UChar32 c) {
    uint8_t bits = 0;
    // hasBoundaryBefore alone is not enough: singletons such as U+2000 or U+212B have a boundary before them and
    // still change under NFC. Both must hold for "NFC never changes it, whatever precedes it".
    if (nfc != NULL && unorm2_hasBoundaryBefore(nfc, c)) {
        UChar units[2];
        int32_t length = 0;
        U16_APPEND_UNSAFE(units, length, c);
        UErrorCode status = U_ZERO_ERROR;
        if (unorm2_quickCheck(nfc, units, length, &status) == UNORM_YES && U_SUCCESS(status))
            bits |= TL_TEXT_NFC_BOUNDARY;
    }
    int32_t mask = U_GET_GC_MASK(c);
    if (mask & U_GC_L_MASK) bits |= TL_TEXT_LETTER;
    if (mask & U_GC_M_MASK) bits |= TL_TEXT_MARK;
    if (mask & U_GC_ND_MASK) bits |= TL_TEXT_DIGIT;
    if (mask & U_GC_ZS_MASK) bits |= TL_TEXT_SPACE;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_SUCCESS(status)) {
        if (script == USCRIPT_LATIN) bits |= TL_TEXT_LATIN;
        if (script == USCRIPT_CYRILLIC) bits |= TL_TEXT_CYRILLIC;
    }
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) bits |= TL_TEXT_PICTOGRAPHIC;
    return bits;
}

uint8_t tl_text_class_of(int32_t codePoint) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    return class_of(U_SUCCESS(status) ? nfc : NULL, codePoint);
}

// Sets `bit` on every BMP code point whose property `property` has `value` (ICU builds the set from the
// property's ranges, not code point by code point).
static void set_bit_where(uint8_t *table, UProperty property, int32_t value, uint8_t bit) {
    UErrorCode status = U_ZERO_ERROR;
    USet *set = uset_openEmpty();
    uset_applyIntPropertyValue(set, property, value, &status);
    if (U_SUCCESS(status)) {
        int32_t count = uset_getItemCount(set);
        for (int32_t item = 0; item < count; item++) {
            UChar32 start, end;
            UErrorCode itemStatus = U_ZERO_ERROR;
            // Ranges only (a property set has no strings); zero is the length of a range item.
            if (uset_getItem(set, item, &start, &end, NULL, 0, &itemStatus) != 0 || U_FAILURE(itemStatus)) continue;
            if (start > 0xFFFF) break;
            if (end > 0xFFFF) end = 0xFFFF;
            for (UChar32 c = start; c <= end; c++) table[c] |= bit;
        }
    }
    uset_close(set);
}

// The general category bits of a range of code points of one category.
static UBool set_category_bits(const void *context, UChar32 start, UChar32 limit, UCharCategory type) {
    uint8_t *table = (uint8_t *)context;
    int32_t mask = U_MASK(type);
    uint8_t bits = 0;
    if (mask & U_GC_L_MASK) bits |= TL_TEXT_LETTER;
    if (mask & U_GC_M_MASK) bits |= TL_TEXT_MARK;
    if (mask & U_GC_ND_MASK) bits |= TL_TEXT_DIGIT;
    if (mask & U_GC_ZS_MASK) bits |= TL_TEXT_SPACE;
    if (limit > 0x10000) limit = 0x10000;
    if (bits != 0)
        for (UChar32 c = start; c < limit; c++) table[c] |= bits;
    return limit < 0x10000;
}

// The same bits as class_of for each BMP code point (ICUTests compares the two on all 65,536), taken from ICU's
// property ranges: general category, script, Extended_Pictographic and NFC_QC=Yes by range, then the NFC boundary
// test per code point only where NFC_QC is Yes. A third of the time of asking ICU about each code point, which
// every command paid at start-up.
void tl_text_fill_class_table(uint8_t *table) {
    memset(table, 0, 0x10000);
    u_enumCharTypes(set_category_bits, table);
    set_bit_where(table, UCHAR_SCRIPT, USCRIPT_LATIN, TL_TEXT_LATIN);
    set_bit_where(table, UCHAR_SCRIPT, USCRIPT_CYRILLIC, TL_TEXT_CYRILLIC);
    set_bit_where(table, UCHAR_EXTENDED_PICTOGRAPHIC, 1, TL_TEXT_PICTOGRAPHIC);
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return;
    set_bit_where(table, UCHAR_NFC_QUICK_CHECK, UNORM_YES, TL_TEXT_NFC_BOUNDARY);
    for (UChar32 c = 0; c < 0x10000; c++) {
        if ((table[c] & TL_TEXT_NFC_BOUNDARY) && !unorm2_hasBoundaryBefore(nfc, c)) table[c] &= (uint8_t)~TL_TEXT_NFC_BOUNDARY;
    }
}
