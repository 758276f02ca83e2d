#include "lessons/renderedlesson.h"

#include "lessons/htmlbuffer.h"
#include "lessons/mathcache.h"
#include "lessons/sqlcodehighlighter.h"

#include <algorithm>

namespace dblearn {

namespace {

template <typename T>
const T *findById(const QList<T> &list, const QString &id)
{
    for (const T &item : list) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

} // namespace

QByteArray RenderedLesson::pageBodyHtml(qsizetype leadBytes) const
{
    const QByteArrayView body(bodyHtml);
    // Where the later part starts: between top-level blocks, never inside a SQL block or a math span.
    qsizetype split = -1;
    if (leadBytes > 0) {
        const auto end = std::lower_bound(blockEnds.cbegin(), blockEnds.cend(), leadBytes);
        if (end != blockEnds.cend() && *end < body.size())
            split = *end;
    }
    if (sqlCode.isEmpty() && mathHtml.isEmpty() && split < 0)
        return bodyHtml;
    HtmlBuffer out;
    out.reserve(body.size() + body.size() / 2);
    qsizetype copied = 0;
    bool opened = false;
    const auto copyTo = [&](qsizetype until) {
        if (!opened && split >= copied && split < until) {
            opened = true;
            out.append(body.sliced(copied, split - copied));
            out.put("<div class=\"lesson-later\" id=\"lesson-later\" hidden>\n");
            copied = split;
        }
        out.append(body.sliced(copied, until - copied));
        copied = until;
    };
    qsizetype nextSql = 0;
    qsizetype nextMath = mathHtml.isEmpty() ? math.size() : 0;
    // The SQL blocks and the math spans, in the order they come in the body (they never nest).
    while (nextSql < sqlCode.size() || nextMath < math.size()) {
        if (nextMath == math.size() || (nextSql < sqlCode.size() && sqlCode[nextSql].classEnd < math[nextMath].open)) {
            const SqlCodeRange &code = sqlCode[nextSql++];
            if (code.classEnd < copied || code.begin < code.classEnd || code.end < code.begin || code.end > body.size())
                return bodyHtml; // not from the renderer: shown plain, as highlight.js is not loaded either
            copyTo(code.classEnd);
            out.put(" hljs"); // lesson.js leaves highlighted code alone
            copyTo(code.begin);
            SqlCodeHighlighter::writeEscaped(out, body.sliced(code.begin, code.end - code.begin), code.dialect);
            copied = code.end;
            continue;
        }
        const MathSpan &span = math[nextMath++];
        if (span.open < copied || span.begin < span.open || span.end < span.begin || span.close < span.end
            || span.close > body.size())
            return bodyHtml;
        const auto html = mathHtml.constFind(MathCache::key(*this, span));
        if (html == mathHtml.cend())
            continue; // rendered by the page
        // <span class="math inline is-rendered" data-tex="TEX">KaTeX's HTML</span>: lesson.js
        // leaves rendered math alone; data-tex is what it sets on math it renders itself.
        const QByteArrayView tex = body.sliced(span.begin, span.end - span.begin);
        copyTo(span.open);
        if (span.display)
            out.put("<span class=\"math display is-rendered\" data-tex=\"");
        else
            out.put("<span class=\"math inline is-rendered\" data-tex=\"");
        out.append(tex); // escaped by the renderer, quotes included
        out.put("\">");
        out.append(*html);
        out.put("</span>");
        copied = span.close;
    }
    copyTo(body.size());
    if (opened)
        out.put("</div>\n");
    return out.take();
}

QString RenderedLesson::mathTex(const MathSpan &span) const
{
    if (span.begin < 0 || span.end < span.begin || span.end > bodyHtml.size())
        return {};
    QString tex = QString::fromUtf8(QByteArrayView(bodyHtml).sliced(span.begin, span.end - span.begin));
    tex.replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    tex = tex.trimmed();
    // As lesson.js does for the math it renders (stripDelimiters).
    static const std::pair<QLatin1String, QLatin1String> pairs[] = {
        {QLatin1String("$$"), QLatin1String("$$")}, {QLatin1String("\\["), QLatin1String("\\]")},
        {QLatin1String("\\("), QLatin1String("\\)")}, {QLatin1String("$"), QLatin1String("$")}};
    for (const auto &[open, close] : pairs) {
        if (tex.size() > open.size() + close.size() && tex.startsWith(open) && tex.endsWith(close))
            return tex.sliced(open.size(), tex.size() - open.size() - close.size()).trimmed();
    }
    return tex;
}

const CodeSnippet *RenderedLesson::snippet(const QString &id) const
{
    return findById(snippets, id);
}

const Exercise *RenderedLesson::exercise(const QString &id) const
{
    return findById(exercises, id);
}

const Quiz *RenderedLesson::quiz(const QString &id) const
{
    return findById(quizzes, id);
}

} // namespace dblearn
