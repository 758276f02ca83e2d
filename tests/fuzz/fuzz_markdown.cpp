// libFuzzer target: the lesson renderer (md4c with our callbacks, front matter, lesson blocks) and
// its URL filter. Invariants: a refused file says why; rendered HTML holds only the tags and
// attributes the renderer writes, no event handler, no <script>, and every href/src, read the way
// a browser reads it (entities decoded, tabs and newlines dropped), is allowed by the filter's
// rules; every recorded link passes the filter.
#include "fuzzcheck.h"

#include "lessons/markdownrenderer.h"
#include "lessons/mathcache.h"
#include "lessons/renderedlesson.h"
#include "lessons/urlfilter.h"

#include <QRegularExpression>
#include <QSet>

#include <cstddef>
#include <cstdint>

using namespace dblearn;

namespace {

// Decodes the character references the renderer may write in an attribute (&amp; &quot; &lt;
// &gt; &#39; and numeric ones), as a browser would before looking at the URL.
QString decodeAttribute(const QString &value)
{
    static const QRegularExpression reference(QStringLiteral("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);"));
    QString out;
    qsizetype last = 0;
    auto it = reference.globalMatch(value);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(value).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (name.startsWith(QLatin1Char('#'))) {
            bool ok = false;
            const uint code = name.at(1).toLower() == QLatin1Char('x') ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok, 10);
            if (ok && code < 0x110000)
                out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        } else if (name == QLatin1String("amp")) {
            out += QLatin1Char('&');
        } else if (name == QLatin1String("quot")) {
            out += QLatin1Char('"');
        } else if (name == QLatin1String("lt")) {
            out += QLatin1Char('<');
        } else if (name == QLatin1String("gt")) {
            out += QLatin1Char('>');
        } else {
            out += m.captured(0); // a named reference the renderer never writes: kept, checked as is
        }
        last = m.capturedEnd();
    }
    out += QStringView(value).mid(last);
    return out;
}

// The scheme a browser sees: leading spaces and control characters are stripped, tabs and line
// breaks anywhere are removed, then the scheme is what comes before the first ':' if that ':'
// comes before any '/', '?' or '#'.
QString browserScheme(const QString &url)
{
    QString s;
    for (const QChar c : url) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            continue;
        if (s.isEmpty() && c.unicode() <= 0x20)
            continue;
        s += c;
    }
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char(':'))
            return s.left(i).toLower();
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char('?') || c == QLatin1Char('#'))
            break;
    }
    if (s.startsWith(QLatin1String("//")) || s.startsWith(QLatin1String("\\\\")) || s.startsWith(QLatin1String("/\\"))
        || s.startsWith(QLatin1String("\\/")))
        return QStringLiteral("//"); // protocol-relative: another host
    return {};
}

void checkHtml(const QString &html)
{
    DBLEARN_FUZZ_CHECK(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive), QStringLiteral("<script in the HTML"));

    // Every '<' in the body starts one of our tags: text '<' is always escaped.
    static const QRegularExpression tag(QStringLiteral(R"re(<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9_:-]*(?:="[^"]*")?)*)\s*/?>)re"));
    static const QRegularExpression attribute(QStringLiteral(R"re(([a-zA-Z][a-zA-Z0-9_:-]*)(?:="([^"]*)")?)re"));
    static const QSet<QString> allowedTags = {
        QStringLiteral("a"), QStringLiteral("blockquote"), QStringLiteral("br"), QStringLiteral("button"),
        QStringLiteral("code"), QStringLiteral("dd"), QStringLiteral("del"), QStringLiteral("details"),
        QStringLiteral("div"), QStringLiteral("dl"), QStringLiteral("dt"), QStringLiteral("em"),
        QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"),
        QStringLiteral("h4"), QStringLiteral("h5"), QStringLiteral("h6"), QStringLiteral("hr"),
        QStringLiteral("img"), QStringLiteral("input"), QStringLiteral("li"), QStringLiteral("ol"), QStringLiteral("p"), QStringLiteral("pre"),
        QStringLiteral("section"), QStringLiteral("span"), QStringLiteral("strong"), QStringLiteral("summary"),
        QStringLiteral("table"), QStringLiteral("tbody"), QStringLiteral("td"), QStringLiteral("th"),
        QStringLiteral("thead"), QStringLiteral("tr"), QStringLiteral("u"), QStringLiteral("ul"),
        QStringLiteral("x-equation"), QStringLiteral("textarea"),
    };
    qsizetype from = 0;
    while ((from = html.indexOf(QLatin1Char('<'), from)) >= 0) {
        const QRegularExpressionMatch m = tag.match(html, from, QRegularExpression::NormalMatch,
                                                    QRegularExpression::AnchorAtOffsetMatchOption);
        DBLEARN_FUZZ_CHECK(m.hasMatch(), QStringLiteral("a '<' that starts no well-formed tag at %1: %2")
                                             .arg(from).arg(html.mid(from, 80)));
        const QString name = m.captured(2).toLower();
        DBLEARN_FUZZ_CHECK(allowedTags.contains(name), QStringLiteral("unexpected tag <%1>").arg(name));
        auto attrs = attribute.globalMatch(m.captured(3));
        while (attrs.hasNext()) {
            const QRegularExpressionMatch a = attrs.next();
            const QString attr = a.captured(1).toLower();
            DBLEARN_FUZZ_CHECK(!attr.startsWith(QLatin1String("on")), QStringLiteral("event handler attribute %1").arg(attr));
            DBLEARN_FUZZ_CHECK(attr != QLatin1String("style") && attr != QLatin1String("srcdoc") && attr != QLatin1String("formaction"),
                               QStringLiteral("dangerous attribute %1").arg(attr));
            if (attr == QLatin1String("href") || attr == QLatin1String("src")) {
                const QString scheme = browserScheme(decodeAttribute(a.captured(2)));
                const bool image = attr == QLatin1String("src");
                const bool allowed = scheme.isEmpty()
                    || (!image && (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("mailto")));
                DBLEARN_FUZZ_CHECK(allowed, QStringLiteral("%1 with scheme '%2': %3").arg(attr, scheme, a.captured(2)));
            }
        }
        from = m.capturedEnd();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    // The filter alone, on the raw bytes as a URL.
    for (const auto target : {UrlFilter::Target::Link, UrlFilter::Target::Image}) {
        if (UrlFilter::refusal(input, target).isEmpty()) {
            const QString scheme = browserScheme(QString::fromLatin1(input));
            const bool image = target == UrlFilter::Target::Image;
            DBLEARN_FUZZ_CHECK(scheme.isEmpty() || (!image && (scheme == QLatin1String("http") || scheme == QLatin1String("https")
                                                               || scheme == QLatin1String("mailto"))),
                               QStringLiteral("UrlFilter allowed a URL with scheme '%1'").arg(scheme));
        }
    }

    const RenderedLesson lesson = MarkdownRenderer().render(input);
    if (!lesson.ok) {
        DBLEARN_FUZZ_CHECK(!lesson.error.isEmpty(), QStringLiteral("refused without a message"));
        return 0;
    }
    checkHtml(QString::fromUtf8(lesson.bodyHtml));
    // As the page is served: SQL highlighted, every math span from the build's cache (a plain
    // stand-in here): the same guarantees, and each recorded span replaced exactly once.
    RenderedLesson served = lesson;
    for (const MathSpan &span : std::as_const(served.math))
        served.mathHtml.insert(MathCache::key(served, span), QByteArrayLiteral("m"));
    const QByteArray page = served.pageBodyHtml();
    checkHtml(QString::fromUtf8(page));
    DBLEARN_FUZZ_CHECK(page.count(" is-rendered\" data-tex=\"") == served.math.size(),
                       QStringLiteral("%1 math spans, not all put in place").arg(served.math.size()));
    // The lead first: one hidden "lesson-later" div between top-level blocks, the page otherwise
    // unchanged.
    const QByteArray later = "<div class=\"lesson-later\" id=\"lesson-later\" hidden>\n";
    const qsizetype leadBytes = qsizetype(size % 4096) + 1;
    QByteArray split = served.pageBodyHtml(leadBytes);
    const qsizetype at = split.indexOf(later);
    if (at >= 0) {
        DBLEARN_FUZZ_CHECK(split.count(later) == 1 && split.endsWith("</div>\n"), QStringLiteral("a lead-first page is not one wrapper"));
        split.remove(at, later.size());
        split.chop(7);
    }
    DBLEARN_FUZZ_CHECK(split == page, QStringLiteral("the lead-first page differs from the whole page (lead %1)").arg(leadBytes));
    for (const LessonLink &link : lesson.links) {
        const QByteArray url = link.url.toUtf8();
        DBLEARN_FUZZ_CHECK(UrlFilter::refusal(url, link.image ? UrlFilter::Target::Image : UrlFilter::Target::Link).isEmpty(),
                           QStringLiteral("a recorded link the filter refuses: %1").arg(link.url));
    }
    DBLEARN_FUZZ_CHECK(lesson.warnings.size() <= 501, QStringLiteral("warnings are not capped"));
    return 0;
}
