#include "lessons/headingslugger.h"

namespace dblearn {

QString HeadingSlugger::slugify(const QString &text)
{
    // Fast path for ASCII headings (nearly all of them): no case mapping tables needed.
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        QString out(text.size(), Qt::Uninitialized);
        char16_t *w = reinterpret_cast<char16_t *>(out.data());
        const char16_t *begin = reinterpret_cast<const char16_t *>(text.constData());
        const char16_t *end = begin + text.size();
        while (begin < end && (*begin == u' ' || (*begin >= u'\t' && *begin <= u'\r')))
            ++begin;
        while (end > begin && (end[-1] == u' ' || (end[-1] >= u'\t' && end[-1] <= u'\r')))
            --end;
        qsizetype n = 0;
        for (const char16_t *p = begin; p < end; ++p) {
            const char16_t c = *p;
            if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_')
                w[n++] = c;
            else if (c >= u'A' && c <= u'Z')
                w[n++] = char16_t(c - u'A' + u'a');
            else if (c == u' ' || c == u'-')
                w[n++] = u'-';
        }
        out.truncate(n);
        return out;
    }

    QString out;
    out.reserve(text.size());
    const QString lower = text.trimmed().toLower();
    for (const char32_t cp : lower.toUcs4()) {
        if (cp == U' ' || cp == U'-') {
            out.append(QLatin1Char('-'));
        } else if (cp == U'_' || QChar::isLetterOrNumber(cp) || QChar::isMark(cp)) {
            if (QChar::requiresSurrogates(cp)) {
                out.append(QChar(QChar::highSurrogate(cp)));
                out.append(QChar(QChar::lowSurrogate(cp)));
            } else {
                out.append(QChar(char16_t(cp)));
            }
        }
    }
    return out;
}

QString HeadingSlugger::slug(const QString &headingText)
{
    QString base = slugify(headingText);
    if (base.isEmpty())
        base = QStringLiteral("section");
    QString candidate = base;
    while (m_occurrences.contains(candidate)) {
        const int n = ++m_occurrences[base];
        candidate = base + QLatin1Char('-') + QString::number(n);
    }
    m_occurrences.insert(candidate, 0);
    return candidate;
}

} // namespace dblearn
