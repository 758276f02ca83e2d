#include "lessonpage.h"

#include "lessonschemehandler.h"

#include <QLoggingCategory>

namespace dblearn {

namespace {
Q_LOGGING_CATEGORY(lcPage, "dblearn.lessons.page", QtWarningMsg)
}

LessonPage::LessonPage(QWebEngineProfile *profile, QObject *parent) : QWebEnginePage(profile, parent) {}

bool LessonPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (url.scheme() == LessonSchemeHandler::schemeNameString()) {
        // The app's own loads (setUrl) and reloads navigate; a clicked lesson link goes through
        // the app so history, progress and the curriculum dock follow.
        if (type == NavigationTypeLinkClicked && isMainFrame) {
            const QString lessonPath = LessonSchemeHandler::lessonPathFromUrl(url);
            if (!lessonPath.isEmpty()) {
                emit lessonLinkActivated(lessonPath, url.fragment());
                return false;
            }
            emit navigationRefused(url);
            return false;
        }
        return isMainFrame ? type != NavigationTypeFormSubmitted : false;
    }
    if (type == NavigationTypeLinkClicked && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))) {
        emit externalLinkActivated(url);
        return false;
    }
    qCInfo(lcPage) << "refused navigation to" << url.toDisplayString(QUrl::RemoveUserInfo);
    emit navigationRefused(url);
    return false;
}

QWebEnginePage *LessonPage::createWindow(WebWindowType)
{
    return nullptr; // window.open and target=_blank never create windows
}

void LessonPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int line,
                                          const QString &source)
{
    if (level == ErrorMessageLevel)
        qCWarning(lcPage).noquote() << source << ':' << line << ':' << message;
    else
        qCDebug(lcPage).noquote() << source << ':' << line << ':' << message;
}

} // namespace dblearn
