#include "lessons/mathcache.h"

#include "lessons/renderedlesson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace dblearn {

namespace {

constexpr qint64 maxFileBytes = 16 * 1024 * 1024; // a lesson's file is tens of KB

} // namespace

MathCache::MathCache(const QString &dir) : m_dir(dir) {}

QString MathCache::fileFor(const QString &lessonPath) const
{
    if (m_dir.isEmpty() || lessonPath.isEmpty() || QDir::isAbsolutePath(lessonPath))
        return {};
    const QString root = QDir::cleanPath(m_dir);
    const QString file = QDir::cleanPath(root + QLatin1Char('/') + lessonPath + QLatin1String(".json"));
    return file.startsWith(root + QLatin1Char('/')) ? file : QString();
}

QByteArray MathCache::key(const RenderedLesson &lesson, const MathSpan &span)
{
    QByteArray key(span.display ? "d:" : "i:");
    key.append(QByteArrayView(lesson.bodyHtml).sliced(span.begin, span.end - span.begin));
    return key;
}

int MathCache::apply(const QString &lessonPath, RenderedLesson *lesson) const
{
    lesson->mathHtml.clear();
    if (lesson->math.isEmpty())
        return 0;
    QFile file(fileFor(lessonPath));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly) || file.size() > maxFileBytes)
        return 0;
    const QJsonObject math = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("math")).toObject();
    if (math.isEmpty())
        return 0;
    int found = 0;
    for (const MathSpan &span : std::as_const(lesson->math)) {
        if (span.begin < 0 || span.end < span.begin || span.end > lesson->bodyHtml.size())
            continue;
        const QByteArray k = key(*lesson, span);
        if (lesson->mathHtml.contains(k)) {
            ++found;
            continue;
        }
        const QJsonValue html = math.value(QString::fromUtf8(k));
        if (html.isString() && !html.toString().isEmpty()) {
            lesson->mathHtml.insert(k, html.toString().toUtf8());
            ++found;
        }
    }
    return found;
}

bool MathCache::write(const QString &lessonPath, const QHash<QByteArray, QByteArray> &entries,
                      const QString &katexVersion, QString *error) const
{
    const QString path = fileFor(lessonPath);
    if (path.isEmpty()) {
        *error = QStringLiteral("\"%1\" is not a lesson path").arg(lessonPath);
        return false;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("cannot create the folder of %1").arg(path);
        return false;
    }
    QJsonObject math;
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        math.insert(QString::fromUtf8(it.key()), QString::fromUtf8(it.value()));
    QJsonObject root;
    root.insert(QLatin1String("katex"), katexVersion);
    root.insert(QLatin1String("math"), math);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0
        || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace dblearn
