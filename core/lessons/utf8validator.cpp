#include "lessons/utf8validator.h"

#include <cstdint>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <cstring>

namespace dblearn {

namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
constexpr std::uint64_t kLowBits = 0x0101010101010101ULL;

// True when none of the 8 bytes is >= 0x80 or 0x00.
inline bool plainAsciiWord(const unsigned char *p)
{
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    const bool hasZero = ((w - kLowBits) & ~w & kHighBits) != 0;
    return (w & kHighBits) == 0 && !hasZero;
}

QString hexByte(unsigned char c)
{
    return QLatin1String("0x") + QString::number(uint(c), 16).toUpper().rightJustified(2, QLatin1Char('0'));
}

} // namespace

bool Utf8Validator::validate(QByteArrayView data)
{
    m_errorOffset = -1;
    m_errorLine = 0;
    m_nul = false;
    m_reason.clear();

    const auto *bytes = reinterpret_cast<const unsigned char *>(data.data());
    const qsizetype size = data.size();
    qsizetype i = 0;
    while (i < size) {
#ifdef __SSE2__
        // Plain ASCII bytes (no high bit, no NUL) sixty-four, then sixteen at a time.
        const __m128i zero = _mm_setzero_si128();
        while (i + 64 <= size) {
            const auto *p = reinterpret_cast<const __m128i *>(bytes + i);
            const __m128i a = _mm_loadu_si128(p);
            const __m128i b = _mm_loadu_si128(p + 1);
            const __m128i c = _mm_loadu_si128(p + 2);
            const __m128i d = _mm_loadu_si128(p + 3);
            const __m128i high = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
            const __m128i low = _mm_min_epu8(_mm_min_epu8(a, b), _mm_min_epu8(c, d));
            if ((_mm_movemask_epi8(high) | _mm_movemask_epi8(_mm_cmpeq_epi8(low, zero))) != 0)
                break;
            i += 64;
        }
        if (i + 16 <= size) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(bytes + i));
            const int special = _mm_movemask_epi8(v) | _mm_movemask_epi8(_mm_cmpeq_epi8(v, zero));
            if (special == 0) {
                i += 16;
                continue;
            }
            i += __builtin_ctz(unsigned(special)); // the first byte that is not plain ASCII
        }
        if (i == size)
            break;
#endif
        if (i + 8 <= size && plainAsciiWord(bytes + i)) {
            i += 8;
            continue;
        }
        const unsigned char c = bytes[i];
        if (c == 0) {
            m_nul = true;
            fail(data, i, QStringLiteral("NUL byte"));
            return false;
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            cp = c & 0x07;
        } else if (c == 0xC0 || c == 0xC1) {
            fail(data, i, QStringLiteral("overlong encoding (lead byte %1)").arg(hexByte(c)));
            return false;
        } else if (c >= 0x80 && c <= 0xBF) {
            fail(data, i, QStringLiteral("unexpected continuation byte %1").arg(hexByte(c)));
            return false;
        } else {
            fail(data, i, QStringLiteral("byte %1 never appears in UTF-8").arg(hexByte(c)));
            return false;
        }
        for (int k = 1; k < length; ++k) {
            if (i + k >= size || (bytes[i + k] & 0xC0) != 0x80) {
                fail(data, i, QStringLiteral("truncated %1-byte sequence").arg(length));
                return false;
            }
            cp = (cp << 6) | (bytes[i + k] & 0x3F);
        }
        if ((length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000)) {
            fail(data, i, QStringLiteral("overlong encoding"));
            return false;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            fail(data, i, QStringLiteral("UTF-16 surrogate U+%1 encoded in UTF-8").arg(QString::number(uint(cp), 16).toUpper()));
            return false;
        }
        if (cp > 0x10FFFF) {
            fail(data, i, QStringLiteral("code point above U+10FFFF"));
            return false;
        }
        i += length;
    }
    return true;
}

void Utf8Validator::fail(QByteArrayView data, qsizetype offset, const QString &reason)
{
    m_errorOffset = offset;
    m_reason = reason;
    int line = 1;
    const char *p = data.data();
    const char *end = p + offset;
    while ((p = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)))) != nullptr) {
        ++line;
        ++p;
    }
    m_errorLine = line;
}

QString Utf8Validator::errorString() const
{
    if (m_errorOffset < 0)
        return {};
    if (m_nul)
        return QStringLiteral("the lesson contains a NUL byte at byte %1 (line %2); lessons must be UTF-8 text")
            .arg(m_errorOffset)
            .arg(m_errorLine);
    return QStringLiteral("invalid UTF-8 at byte %1 (line %2): %3").arg(m_errorOffset).arg(m_errorLine).arg(m_reason);
}

} // namespace dblearn
