#pragma once

namespace dblearn {

// A set of bytes, tested with one table lookup and no branch: the renderer's and MiniYaml's
// scanners classify bytes with these instead of chains of comparisons (or strchr), which cost
// mispredicted branches on text.
class ByteSet final
{
public:
    constexpr explicit ByteSet(const char *chars) { add(chars); }
    // This set with more bytes.
    constexpr ByteSet plus(const char *chars) const
    {
        ByteSet more = *this;
        more.add(chars);
        return more;
    }
    constexpr ByteSet plusNul() const
    {
        ByteSet more = *this;
        more.m_in[0] = true;
        return more;
    }
    constexpr bool contains(char c) const { return m_in[static_cast<unsigned char>(c)]; }

private:
    constexpr void add(const char *chars)
    {
        for (const char *c = chars; *c; ++c)
            m_in[static_cast<unsigned char>(*c)] = true;
    }
    bool m_in[256] = {};
};

} // namespace dblearn
