#include "lessons/markdownrenderer.h"

#include "lessons/frontmatter.h"
#include "lessons/lessonhtmlbuilder.h"
#include "lessons/utf8validator.h"

#include <cmath>
#include <utility>

namespace dblearn {

namespace {

QStringList stringList(const QVariant &value)
{
    QStringList list;
    for (const QVariant &v : value.toList())
        list.append(v.toString());
    return list;
}

// A hostile file can produce one warning per link; keep the result small.
void capMessages(QStringList *messages, const char *kind)
{
    constexpr qsizetype limit = 500;
    if (messages->size() <= limit)
        return;
    const qsizetype more = messages->size() - limit;
    messages->resize(limit);
    messages->append(QStringLiteral("... and %1 more %2").arg(more).arg(QLatin1String(kind)));
}

RenderedLesson failed(const QString &error)
{
    RenderedLesson lesson;
    lesson.ok = false;
    lesson.error = error;
    return lesson;
}

} // namespace

unsigned MarkdownRenderer::parserFlags()
{
    return LessonHtmlBuilder::parserFlags();
}

RenderedLesson MarkdownRenderer::render(const QByteArray &fileContents) const
{
    if (fileContents.size() > maxLessonBytes) {
        const double mib = std::ceil(double(fileContents.size()) * 10.0 / (1024.0 * 1024.0)) / 10.0;
        return failed(QStringLiteral("lesson is %1 MB, the limit is %2 MB")
                          .arg(mib, 0, 'f', 1)
                          .arg(maxLessonBytes / (1024 * 1024)));
    }
    Utf8Validator utf8;
    if (!utf8.validate(fileContents))
        return failed(utf8.errorString());

    FrontMatter frontMatter;
    if (!frontMatter.parse(fileContents))
        return failed(frontMatter.error());

    RenderedLesson lesson;
    lesson.frontMatter = frontMatter.values();
    frontMatter.check(&lesson.errors, &lesson.warnings);

    LessonRenderContext context;
    context.lesson = &lesson;
    context.engines = stringList(lesson.frontMatter.value(QStringLiteral("engines")));
    context.datasets = stringList(lesson.frontMatter.value(QStringLiteral("datasets")));

    // md4c 0.4.8 can read past the end of its input: a link destination whose nested parentheses
    // run to the end ("[c](a(b)") is scanned on into the bytes after it. A QByteArray that owns its
    // data ends in a '\0', which stops the scan; data from QByteArray::fromRawData (no allocation
    // of its own: capacity 0) need not, so md4c gets a terminated copy of it.
    QByteArray terminated;
    if (fileContents.capacity() == 0 && !fileContents.isEmpty())
        terminated = QByteArray(fileContents.constData(), fileContents.size());
    const QByteArray &source = terminated.isNull() ? fileContents : terminated;
    const QByteArrayView body = QByteArrayView(source).sliced(frontMatter.bodyOffset());
    QByteArray html;
    LessonHtmlBuilder builder(context, body, frontMatter.bodyFirstLine());
    if (!builder.build(&html))
        return failed(QStringLiteral("the markdown parser ran out of memory"));
    builder.checkRequiredSections();

    const QVariant title = lesson.frontMatter.value(QStringLiteral("title"));
    if (title.typeId() == QMetaType::QString && !title.toString().trimmed().isEmpty())
        lesson.title = title.toString().trimmed();
    else if (!lesson.headings.isEmpty())
        lesson.title = lesson.headings.front().text;

    capMessages(&lesson.warnings, "warnings");
    capMessages(&lesson.errors, "errors");
    lesson.bodyHtml = std::move(html);
    lesson.ok = true;
    return lesson;
}

} // namespace dblearn
