#include "lessons/lessonlibrary.h"

#include "lessons/lessonpagetemplate.h"
#include "lessons/markdownrenderer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace dblearn {

LessonLibrary::LessonLibrary(const QString &contentDir, const QString &mathDir)
    : m_contentDir(QDir(contentDir).absolutePath()), m_math(mathDir)
{
}

QString LessonLibrary::filePath(const QString &lessonPath) const
{
    if (lessonPath.isEmpty() || QDir::isAbsolutePath(lessonPath))
        return {};
    const QString cleaned = QDir::cleanPath(m_contentDir + QLatin1Char('/') + lessonPath);
    if (!cleaned.startsWith(m_contentDir + QLatin1Char('/')))
        return {};
    return cleaned;
}

bool LessonLibrary::exists(const QString &lessonPath) const
{
    const QString path = filePath(lessonPath);
    return !path.isEmpty() && QFileInfo(path).isFile();
}

const RenderedLesson &LessonLibrary::lesson(const QString &lessonPath)
{
    const QString path = filePath(lessonPath);
    const QFileInfo info(path);
    CacheEntry &entry = m_cache[lessonPath];
    if (!path.isEmpty() && info.isFile() && entry.lesson.ok && entry.modified == info.lastModified()
        && entry.size == info.size())
        return entry.lesson;

    entry = CacheEntry{};
    if (path.isEmpty()) {
        entry.lesson.error = QStringLiteral("\"%1\" is not a lesson path inside the content folder").arg(lessonPath);
        return entry.lesson;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        entry.lesson.error = info.exists() ? QStringLiteral("cannot read %1: %2").arg(lessonPath, file.errorString())
                                           : QStringLiteral("%1 is not written yet").arg(lessonPath);
        return entry.lesson;
    }
    // The renderer refuses oversized lessons itself; read one byte past its limit at most.
    const QByteArray bytes = file.read(qint64(MarkdownRenderer::maxLessonBytes) + 1);
    entry.modified = info.lastModified();
    entry.size = info.size();
    entry.lesson = MarkdownRenderer().render(bytes);
    m_math.apply(lessonPath, &entry.lesson);
    return entry.lesson;
}

QByteArray LessonLibrary::page(const QString &lessonPath, const QString &theme, qsizetype leadBytes)
{
    const RenderedLesson &rendered = lesson(lessonPath);
    if (!rendered.ok)
        return LessonPageTemplate::errorPage(QStringLiteral("This lesson cannot be shown"), rendered.error, theme);
    return LessonPageTemplate::page(rendered.title, rendered.pageBodyHtml(leadBytes), theme);
}

} // namespace dblearn
