#pragma once

#include <QByteArray>

namespace dblearn {

// Builds short generated strings (names, e-mails, sentences, JSON vectors) without allocating
// for every row: clear() keeps the capacity.
class TextBuilder final
{
public:
    TextBuilder();

    TextBuilder &clear();
    TextBuilder &append(const char *text);
    TextBuilder &append(const char *text, int size);
    TextBuilder &append(char c);
    TextBuilder &append(const QByteArray &text);
    TextBuilder &appendInteger(qint64 value);
    TextBuilder &appendPadded(qint64 value, int width); // zero-padded: (42, 5) -> "00042"
    TextBuilder &appendFixed(qint64 units, int decimals);
    TextBuilder &appendSlug(const char *name);          // "O'Brien" -> "obrien"
    TextBuilder &capitalize(int position = 0); // upper-cases an ASCII letter at `position`

    const char *data() const { return m_text.constData(); }
    int size() const { return int(m_text.size()); }
    const QByteArray &bytes() const { return m_text; }

private:
    QByteArray m_text;
};

} // namespace dblearn
