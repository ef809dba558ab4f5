// Character properties in bulk for the text module's byte-level fast paths. Same rules as cicu.h: only
// <stdint.h>/<stddef.h> types here; ICU headers stay in the .c file.
#ifndef TLUMACH_CICU_TEXT_H
#define TLUMACH_CICU_TEXT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Class bits of a code point, as filled by tl_text_class_of / tl_text_fill_class_table.
enum {
    /// NFC has a boundary before it and NFC_QC=Yes: it never changes, whatever precedes it.
    TL_TEXT_NFC_BOUNDARY = 1,
    /// General category L*.
    TL_TEXT_LETTER = 2,
    /// General category M* (combining marks).
    TL_TEXT_MARK = 4,
    /// Script Latin.
    TL_TEXT_LATIN = 8,
    /// Script Cyrillic.
    TL_TEXT_CYRILLIC = 16,
    /// General category Nd.
    TL_TEXT_DIGIT = 32,
    /// General category Zs (space separators, including the no-break spaces).
    TL_TEXT_SPACE = 64,
    /// Extended_Pictographic (emoji), for keeping zero-width joiners inside emoji sequences.
    TL_TEXT_PICTOGRAPHIC = 128
};

/// The class bits of one code point.
uint8_t tl_text_class_of(int32_t codePoint);
/// Fills table[0..65535] with the class bits of every BMP code point.
void tl_text_fill_class_table(uint8_t *table);

#ifdef __cplusplus
}
#endif
#endif
