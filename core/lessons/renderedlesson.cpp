#include "lessons/renderedlesson.h"

#include "lessons/htmlbuffer.h"
#include "lessons/sqlcodehighlighter.h"

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

QByteArray RenderedLesson::pageBodyHtml() const
{
    if (sqlCode.isEmpty())
        return bodyHtml;
    const QByteArrayView body(bodyHtml);
    HtmlBuffer out;
    out.reserve(body.size() + body.size() / 2);
    qsizetype copied = 0;
    for (const SqlCodeRange &code : sqlCode) {
        if (code.classEnd < copied || code.begin < code.classEnd || code.end < code.begin || code.end > body.size())
            return bodyHtml; // not from the renderer: shown plain, as highlight.js is not loaded either
        out.append(body.sliced(copied, code.classEnd - copied));
        out.put(" hljs"); // lesson.js leaves highlighted code alone
        out.append(body.sliced(code.classEnd, code.begin - code.classEnd));
        SqlCodeHighlighter::writeEscaped(out, body.sliced(code.begin, code.end - code.begin), code.dialect);
        copied = code.end;
    }
    out.append(body.sliced(copied));
    return out.take();
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
