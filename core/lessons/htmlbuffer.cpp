#include "lessons/htmlbuffer.h"

#include "lessons/byteset.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace dblearn {

void HtmlBuffer::reserve(qsizetype capacity)
{
    if (capacity > m_capacity)
        grow(capacity - m_size);
}

void HtmlBuffer::grow(qsizetype needed)
{
    qsizetype capacity = qMax<qsizetype>(m_capacity * 2, 256);
    while (capacity - m_size < needed)
        capacity *= 2;
    m_bytes.resize(capacity); // keeps the first m_size bytes (the rest is uninitialised)
    m_data = m_bytes.data();
    m_capacity = capacity;
}

QByteArray HtmlBuffer::take()
{
    m_bytes.truncate(m_size);
    QByteArray result = std::move(m_bytes);
    m_bytes = QByteArray();
    m_data = nullptr;
    m_size = 0;
    m_capacity = 0;
    return result;
}

void HtmlBuffer::appendNumber(qint64 n)
{
    char digits[24];
    int i = 0;
    const bool negative = n < 0;
    quint64 v = negative ? quint64(-(n + 1)) + 1 : quint64(n);
    do {
        digits[i++] = char('0' + v % 10);
        v /= 10;
    } while (v);
    if (negative)
        append('-');
    while (i > 0)
        append(digits[--i]);
}

namespace {

// The character reference for a byte that needs one, written at out; returns the end.
inline char *writeReference(char *out, char c)
{
    switch (c) {
    case '&': std::memcpy(out, "&amp;", 5); return out + 5;
    case '<': std::memcpy(out, "&lt;", 4); return out + 4;
    case '>': std::memcpy(out, "&gt;", 4); return out + 4;
    case '"': std::memcpy(out, "&quot;", 6); return out + 6;
    default: *out = c; return out + 1;
    }
}

constexpr ByteSet kNeedsReference("&<>\"");
constexpr ByteSet kWordSpace(" \t\n\r"); // separates words

#ifdef __SSE2__
inline unsigned referenceMask(__m128i v)
{
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')), _mm_cmpeq_epi8(v, _mm_set1_epi8('<'))),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('>')), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))));
    return unsigned(_mm_movemask_epi8(hit));
}

inline unsigned spaceMask(__m128i v)
{
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    return unsigned(_mm_movemask_epi8(hit));
}

inline int popcount16(unsigned x)
{
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0F0Fu;
    return int((x + (x >> 8)) & 0x1Fu);
}
#endif

} // namespace

void HtmlBuffer::appendEscaped(const char *text, qsizetype size)
{
    if (size <= 0)
        return;
    char *out = reserveEscaped(size);
    const char *p = text;
    const char *end = text + size;
#ifdef __SSE2__
    // Sixteen bytes at a time: stored whole, then, when one needs a reference, the output goes
    // back to it and continues from there.
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out), v);
        const unsigned mask = referenceMask(v);
        if (mask == 0) {
            p += 16;
            out += 16;
            continue;
        }
        const int k = __builtin_ctz(mask);
        out = writeReference(out + k, p[k]);
        p += k + 1;
    }
#endif
    while (p < end) {
        const char c = *p++;
        if (kNeedsReference.contains(c))
            out = writeReference(out, c);
        else
            *out++ = c;
    }
    m_size = out - m_data;
}

int HtmlBuffer::appendEscapedCountingWords(const char *text, qsizetype size, bool *inWord)
{
    if (size <= 0)
        return 0;
    char *out = reserveEscaped(size);
    const char *p = text;
    const char *end = text + size;
    int words = 0;
    // A word starts at a byte that is not a space and follows one (or starts a run that follows one).
    unsigned prevSpace = *inWord ? 0u : 1u;
#ifdef __SSE2__
    // The words of each whole block of sixteen are counted from a mask of its spaces; the
    // escaping is as in appendEscaped, one reference at a time within the block.
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const unsigned spaces = spaceMask(v);
        words += popcount16(~spaces & ((spaces << 1) | prevSpace) & 0xFFFFu);
        prevSpace = (spaces >> 15) & 1u;
        unsigned mask = referenceMask(v);
        if (mask == 0) {
            _mm_storeu_si128(reinterpret_cast<__m128i *>(out), v);
            out += 16;
            p += 16;
            continue;
        }
        const char *blockEnd = p + 16;
        while (mask != 0) {
            const int k = __builtin_ctz(mask);
            const char *hit = blockEnd - 16 + k;
            std::memcpy(out, p, size_t(hit - p));
            out = writeReference(out + (hit - p), *hit);
            p = hit + 1;
            mask &= mask - 1;
        }
        std::memcpy(out, p, size_t(blockEnd - p));
        out += blockEnd - p;
        p = blockEnd;
    }
#endif
    while (p < end) {
        const char c = *p++;
        const unsigned space = kWordSpace.contains(c) ? 1u : 0u;
        words += int(~space & prevSpace & 1u);
        prevSpace = space;
        if (kNeedsReference.contains(c))
            out = writeReference(out, c);
        else
            *out++ = c;
    }
    *inWord = prevSpace == 0;
    m_size = out - m_data;
    return words;
}

void HtmlBuffer::appendUrl(QByteArrayView url)
{
    for (const char c : url) {
        switch (c) {
        case '&': put("&amp;"); break;
        case '"': put("%22"); break;
        case '<': put("%3C"); break;
        case '>': put("%3E"); break;
        case ' ': put("%20"); break;
        case '\'': put("%27"); break;
        case '`': put("%60"); break;
        default: append(c); break;
        }
    }
}

} // namespace dblearn
