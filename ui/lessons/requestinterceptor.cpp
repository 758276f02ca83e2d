#include "requestinterceptor.h"

#include "lessonschemehandler.h"

namespace dblearn {

void RequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QString scheme = info.requestUrl().scheme();
    if (scheme == LessonSchemeHandler::schemeNameString() || scheme == QLatin1String("qrc"))
        return;
    m_blocked.fetchAndAddRelaxed(1);
    m_log.record(BlockedAttempt::Kind::Request, info.requestUrl(), resourceTypeName(info.resourceType()));
    info.block(true);
}

QString RequestInterceptor::resourceTypeName(int resourceType)
{
    switch (resourceType) {
    case QWebEngineUrlRequestInfo::ResourceTypeMainFrame:
        return QStringLiteral("page");
    case QWebEngineUrlRequestInfo::ResourceTypeSubFrame:
        return QStringLiteral("frame");
    case QWebEngineUrlRequestInfo::ResourceTypeStylesheet:
        return QStringLiteral("stylesheet");
    case QWebEngineUrlRequestInfo::ResourceTypeScript:
        return QStringLiteral("script");
    case QWebEngineUrlRequestInfo::ResourceTypeImage:
        return QStringLiteral("image");
    case QWebEngineUrlRequestInfo::ResourceTypeFontResource:
        return QStringLiteral("font");
    case QWebEngineUrlRequestInfo::ResourceTypeMedia:
        return QStringLiteral("media");
    case QWebEngineUrlRequestInfo::ResourceTypeWorker:
    case QWebEngineUrlRequestInfo::ResourceTypeSharedWorker:
    case QWebEngineUrlRequestInfo::ResourceTypeServiceWorker:
        return QStringLiteral("worker");
    case QWebEngineUrlRequestInfo::ResourceTypeXhr:
        return QStringLiteral("fetch/xhr");
    case QWebEngineUrlRequestInfo::ResourceTypePing:
        return QStringLiteral("ping");
    case QWebEngineUrlRequestInfo::ResourceTypeWebSocket:
        return QStringLiteral("websocket");
    case QWebEngineUrlRequestInfo::ResourceTypeFavicon:
        return QStringLiteral("favicon");
    default:
        return QStringLiteral("other (%1)").arg(resourceType);
    }
}

} // namespace dblearn
