// Bulk character properties for TlumachText's fast paths (see cicu_text.h).
#include "cicu_text.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>

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

void tl_text_fill_class_table(uint8_t *table) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) nfc = NULL;
    for (UChar32 c = 0; c < 0x10000; c++) table[c] = class_of(nfc, c);
}
