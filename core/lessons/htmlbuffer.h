#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstring>

namespace dblearn {

// The renderer's output: a growable byte buffer written through a raw pointer, so appending a
// tag or a run of text is a bounds check and a memcpy (QByteArray::append goes through the
// general insert path, which costs more than the markdown parsing itself on tag-heavy text).
class HtmlBuffer final
{
public:
    HtmlBuffer() = default;
    Q_DISABLE_COPY_MOVE(HtmlBuffer)

    void reserve(qsizetype capacity);
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    void clear() { m_size = 0; }
    void truncate(qsizetype size)
    {
        if (size < m_size)
            m_size = size;
    }
    QByteArrayView view() const { return QByteArrayView(m_data, m_size); }
    char *data() { return m_data; } // for edits in place within size()
    // Hands the bytes over and leaves the buffer empty.
    QByteArray take();

    void append(const char *text, qsizetype length)
    {
        if (length <= 0)
            return;
        if (m_capacity - m_size < length)
            grow(length);
        std::memcpy(m_data + m_size, text, size_t(length));
        m_size += length;
    }
    void append(char c)
    {
        if (m_capacity == m_size)
            grow(1);
        m_data[m_size++] = c;
    }
    void append(QByteArrayView bytes) { append(bytes.data(), bytes.size()); }
    void append(const HtmlBuffer &other) { append(other.m_data, other.m_size); }
    // A string literal, its length known at compile time.
    template <qsizetype N>
    void put(const char (&literal)[N])
    {
        append(literal, N - 1);
    }
    void appendCString(const char *text) { append(text, qsizetype(std::strlen(text))); }
    void appendNumber(qint64 n);
    // Text or attribute value: &, <, > and " become character references.
    void appendEscaped(const char *text, qsizetype length);
    void appendEscaped(QByteArrayView text) { appendEscaped(text.data(), text.size()); }
    // The same, counting the words of the text on the way (a word starts at a byte other than a
    // space, tab, CR or LF that follows one of them); *inWord carries a word over from the text
    // before. Returns the number of words that start in this text.
    int appendEscapedCountingWords(const char *text, qsizetype length, bool *inWord);
    // A URL already checked by UrlFilter, for a double-quoted attribute: & becomes &amp;, and
    // ", <, >, ', `, space are percent-encoded.
    void appendUrl(QByteArrayView url);

private:
    void grow(qsizetype needed);
    // Room for length bytes escaped: each becomes at most six ("&quot;"), and sixteen more for a
    // whole-block store at the end. Returns the end of the buffer.
    char *reserveEscaped(qsizetype length)
    {
        const qsizetype room = length * 6 + 16;
        if (m_capacity - m_size < room)
            grow(room);
        return m_data + m_size;
    }

    QByteArray m_bytes; // m_data points into it; its size is the capacity
    char *m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_capacity = 0;
};

} // namespace dblearn
