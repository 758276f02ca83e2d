#include "lessonschemehandler.h"

#include "lessons/lessonlibrary.h"
#include "support/apppaths.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMimeDatabase>
#include <QUrlQuery>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

namespace dblearn {

namespace {

// Only these kinds of files are served; anything else is refused even inside our folders.
const QHash<QString, QByteArray> &servedTypes()
{
    static const QHash<QString, QByteArray> types{
        {QStringLiteral("js"), "text/javascript"}, {QStringLiteral("css"), "text/css"},
        {QStringLiteral("png"), "image/png"},      {QStringLiteral("jpg"), "image/jpeg"},
        {QStringLiteral("jpeg"), "image/jpeg"},    {QStringLiteral("gif"), "image/gif"},
        {QStringLiteral("svg"), "image/svg+xml"},  {QStringLiteral("webp"), "image/webp"},
        {QStringLiteral("woff"), "font/woff"},     {QStringLiteral("woff2"), "font/woff2"},
        {QStringLiteral("ttf"), "font/ttf"},
    };
    return types;
}

void reply(QWebEngineUrlRequestJob *job, const QByteArray &mime, const QByteArray &data)
{
    auto *buffer = new QBuffer(job);
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    job->reply(mime, buffer);
}

QString themeOf(const QUrl &url)
{
    return QUrlQuery(url).queryItemValue(QStringLiteral("theme")) == QLatin1String("dark") ? QStringLiteral("dark")
                                                                                           : QStringLiteral("light");
}

// The page's lead in bytes of HTML (LessonView::leadBytes), from "lead=N"; 0 (the whole lesson at
// once) when absent or out of range.
qsizetype leadOf(const QUrl &url)
{
    bool ok = false;
    const qlonglong lead = QUrlQuery(url).queryItemValue(QStringLiteral("lead")).toLongLong(&ok);
    return ok && lead > 0 && lead <= 1024 * 1024 ? qsizetype(lead) : 0;
}

} // namespace

LessonSchemeHandler::LessonSchemeHandler(LessonLibrary *library, QObject *parent)
    : QWebEngineUrlSchemeHandler(parent), m_library(library)
{
}

void LessonSchemeHandler::registerScheme()
{
    QWebEngineUrlScheme scheme(schemeName());
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme
                    | QWebEngineUrlScheme::LocalAccessAllowed);
    QWebEngineUrlScheme::registerScheme(scheme);
}

QUrl LessonSchemeHandler::lessonUrl(const QString &lessonPath)
{
    QUrl url;
    url.setScheme(schemeNameString());
    url.setHost(QStringLiteral("lesson"));
    url.setPath(QLatin1Char('/') + lessonPath);
    return url;
}

QString LessonSchemeHandler::lessonPathFromUrl(const QUrl &url)
{
    if (url.scheme() != schemeNameString() || url.host() != QLatin1String("lesson"))
        return {};
    const QString path = url.path(QUrl::FullyDecoded).mid(1);
    return path.endsWith(QLatin1String(".md")) ? path : QString();
}

void LessonSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    if (job->requestMethod() != "GET") {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    const QString host = url.host();
    const QString path = url.path(QUrl::FullyDecoded);

    if (host == QLatin1String("lesson")) {
        const QString lessonPath = path.mid(1);
        if (lessonPath.endsWith(QLatin1String(".md"))) {
            reply(job, "text/html; charset=utf-8", m_library->page(lessonPath, themeOf(url), leadOf(url)));
            return;
        }
        serveFile(job, m_library->contentDir(), lessonPath);
        return;
    }
    if (host == QLatin1String("web")) {
        serveFile(job, AppPaths::webDir(), path.mid(1));
        return;
    }
    job->fail(QWebEngineUrlRequestJob::UrlInvalid);
}

void LessonSchemeHandler::serveFile(QWebEngineUrlRequestJob *job, const QString &root, const QString &relative)
{
    const QString rootPath = QFileInfo(root).canonicalFilePath();
    const QString candidate = QFileInfo(root + QLatin1Char('/') + relative).canonicalFilePath();
    // canonicalFilePath() resolves links: the build tree links web/app and content to the sources,
    // so allow the resolved roots of the entries directly below the served root as well.
    bool inside = !rootPath.isEmpty() && candidate.startsWith(rootPath + QLatin1Char('/'));
    if (!inside && !candidate.isEmpty()) {
        const QString first = relative.section(QLatin1Char('/'), 0, 0);
        const QString linkedRoot = QFileInfo(root + QLatin1Char('/') + first).canonicalFilePath();
        inside = !first.isEmpty() && !relative.contains(QLatin1String(".."))
                 && (candidate == linkedRoot || candidate.startsWith(linkedRoot + QLatin1Char('/')));
    }
    const QByteArray mime = servedTypes().value(QFileInfo(candidate).suffix().toLower());
    if (!inside || mime.isEmpty() || !QFileInfo(candidate).isFile()) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    auto *file = new QFile(candidate, job);
    if (!file->open(QIODevice::ReadOnly)) {
        job->fail(QWebEngineUrlRequestJob::RequestFailed);
        return;
    }
    job->reply(mime, file);
}

} // namespace dblearn
