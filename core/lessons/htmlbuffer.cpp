#include "lessons/htmlbuffer.h"

#include <cstdint>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace dblearn {

namespace {

#ifndef __SSE2__
constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;

// 0x80 in every byte of w that equals c, 0 elsewhere (exact, no false positives).
inline std::uint64_t byteMask(std::uint64_t w, char c)
{
    const std::uint64_t x = w ^ (0x0101010101010101ULL * static_cast<unsigned char>(c));
    return ~(((x & kLow7) + kLow7) | x | kLow7);
}
#endif

} // namespace

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

void HtmlBuffer::appendEscaped(const char *text, qsizetype size)
{
    const char *run = text;
    const char *end = text + size;
    const char *p = text;
    while (p < end) {
        // Skip sixteen (or eight) bytes at a time while none needs escaping, the common case.
#ifdef __SSE2__
        if (end - p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')), _mm_cmpeq_epi8(v, _mm_set1_epi8('<'))),
                                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('>')), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))));
            const unsigned mask = unsigned(_mm_movemask_epi8(hit));
            if (mask == 0) {
                p += 16;
                continue;
            }
            p += __builtin_ctz(mask);
        }
#else
        if (end - p >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            if ((byteMask(w, '&') | byteMask(w, '<') | byteMask(w, '>') | byteMask(w, '"')) == 0) {
                p += 8;
                continue;
            }
        }
#endif
        const char *replacement;
        qsizetype length;
        switch (*p) {
        case '&': replacement = "&amp;"; length = 5; break;
        case '<': replacement = "&lt;"; length = 4; break;
        case '>': replacement = "&gt;"; length = 4; break;
        case '"': replacement = "&quot;"; length = 6; break;
        default: ++p; continue;
        }
        if (p > run)
            append(run, p - run);
        append(replacement, length);
        run = ++p;
    }
    if (end > run)
        append(run, end - run);
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
