#include "lessons/urlfilter.h"

namespace dblearn {

namespace {

bool isSlash(char c)
{
    return c == '/' || c == '\\';
}

// The scheme (without ':') when a ':' comes before any '/', '\', '?' or '#'; else empty.
QByteArrayView schemeOf(QByteArrayView url)
{
    for (qsizetype i = 0; i < url.size(); ++i) {
        const char c = url[i];
        if (c == ':')
            return url.first(i == 0 ? 1 : i); // a leading ':' counts as a (bad) scheme
        if (isSlash(c) || c == '?' || c == '#')
            break;
    }
    return {};
}

bool equalsAsciiNoCase(QByteArrayView a, const char *b)
{
    qsizetype i = 0;
    for (; i < a.size() && b[i]; ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != b[i])
            return false;
    }
    return i == a.size() && b[i] == 0;
}

} // namespace

QString UrlFilter::refusal(QByteArrayView url, Target target)
{
    if (url.isEmpty())
        return target == Target::Image ? QStringLiteral("an image needs a file name") : QString();
    for (const char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            return QStringLiteral("it contains a control character");
    }
    if (url.front() == ' ' || url.back() == ' ')
        return QStringLiteral("it starts or ends with a space");
    if (url.size() >= 2 && isSlash(url[0]) && isSlash(url[1]))
        return QStringLiteral("protocol-relative URLs ('//host/...') are not allowed; write https://");

    const QByteArrayView scheme = schemeOf(url);
    if (scheme.isEmpty())
        return {}; // relative path, absolute path in the lesson scheme, ?query or #anchor
    if (target == Target::Link
        && (equalsAsciiNoCase(scheme, "http") || equalsAsciiNoCase(scheme, "https") || equalsAsciiNoCase(scheme, "mailto")))
        return {};
    const QString shown = QString::fromUtf8(scheme.first(qMin<qsizetype>(scheme.size(), 32)));
    if (target == Target::Image)
        return QStringLiteral("images must be files in the content folder (relative paths), not '%1:' URLs").arg(shown);
    return QStringLiteral("the scheme '%1:' is not allowed (only http:, https:, mailto: and relative links)").arg(shown);
}

bool UrlFilter::isExternal(QByteArrayView url)
{
    const QByteArrayView scheme = schemeOf(url);
    return equalsAsciiNoCase(scheme, "http") || equalsAsciiNoCase(scheme, "https") || equalsAsciiNoCase(scheme, "mailto");
}

} // namespace dblearn
