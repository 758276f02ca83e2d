#include "datasets/textbuilder.h"

#include "datasets/samplenames.h"
#include "datasets/valuetext.h"

#include <cstring>

namespace dblearn {

TextBuilder::TextBuilder()
{
    m_text.reserve(1024);
}

TextBuilder &TextBuilder::clear()
{
    m_text.resize(0);
    return *this;
}

TextBuilder &TextBuilder::append(const char *text)
{
    m_text.append(text, qsizetype(std::strlen(text)));
    return *this;
}

TextBuilder &TextBuilder::append(const char *text, int size)
{
    m_text.append(text, size);
    return *this;
}

TextBuilder &TextBuilder::append(char c)
{
    m_text.append(c);
    return *this;
}

TextBuilder &TextBuilder::append(const QByteArray &text)
{
    m_text.append(text);
    return *this;
}

TextBuilder &TextBuilder::appendInteger(qint64 value)
{
    char buffer[32];
    m_text.append(buffer, ValueText::integer(value, buffer));
    return *this;
}

TextBuilder &TextBuilder::appendPadded(qint64 value, int width)
{
    char buffer[32];
    const int n = ValueText::integer(value, buffer);
    for (int i = n; i < width; ++i)
        m_text.append('0');
    m_text.append(buffer, n);
    return *this;
}

TextBuilder &TextBuilder::appendFixed(qint64 units, int decimals)
{
    char buffer[32];
    m_text.append(buffer, ValueText::fixed(units, decimals, buffer));
    return *this;
}

TextBuilder &TextBuilder::appendSlug(const char *name)
{
    char buffer[128];
    m_text.append(buffer, SampleNames::slug(name, buffer, int(sizeof buffer)));
    return *this;
}

TextBuilder &TextBuilder::capitalize(int position)
{
    if (position >= 0 && position < m_text.size() && m_text.at(position) >= 'a' && m_text.at(position) <= 'z')
        m_text[position] = char(m_text.at(position) - 'a' + 'A');
    return *this;
}

} // namespace dblearn
