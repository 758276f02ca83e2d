#include "requestinterceptor.h"

#include "lessonschemehandler.h"

#include <QLoggingCategory>

namespace dblearn {

namespace {
Q_LOGGING_CATEGORY(lcInterceptor, "dblearn.lessons.network", QtWarningMsg)
}

void RequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QString scheme = info.requestUrl().scheme();
    if (scheme == LessonSchemeHandler::schemeNameString() || scheme == QLatin1String("qrc"))
        return;
    ++m_blocked;
    qCInfo(lcInterceptor) << "blocked" << info.requestUrl().toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    info.block(true);
}

} // namespace dblearn
