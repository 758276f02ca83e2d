#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace dblearn {

// Decodes the character references md4c reports as MD_TEXT_ENTITY ("&amp;", "&#58;", "&#x3A;").
// Used where the renderer needs the characters themselves: link targets (to check the scheme),
// heading text (for anchors and the table of contents) and code-block info strings. Body text
// keeps the reference and lets the browser decode it.
class HtmlEntities final
{
public:
    // Appends the UTF-8 of the entity to out and returns true; numeric references to NUL,
    // surrogates or beyond U+10FFFF give U+FFFD. Returns false (out unchanged) for a named
    // reference this table does not know; callers then keep the text literally.
    static bool decode(QByteArrayView entity, QByteArray *out);
};

} // namespace dblearn
