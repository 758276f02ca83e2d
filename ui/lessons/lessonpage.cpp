#include "lessonpage.h"

#include "blockedrequestlog.h"
#include "lessonschemehandler.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QWebEngineNewWindowRequest>

namespace dblearn {

namespace {
Q_LOGGING_CATEGORY(lcPage, "dblearn.lessons.page", QtWarningMsg)
// A click or key press opens an external link only if its navigation request follows within this
// long (it takes milliseconds); a page script cannot make one.
constexpr qint64 userGestureMs = 1000;
}

LessonPage::LessonPage(QWebEngineProfile *profile, QObject *parent) : QWebEnginePage(profile, parent)
{
    // Not handled here, so createWindow() is asked next and refuses; this only records the attempt.
    connect(this, &QWebEnginePage::newWindowRequested, this, [this](QWebEngineNewWindowRequest &request) {
        recordRefusal(request.requestedUrl(), QStringLiteral("new window"));
    });
}

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
            recordRefusal(url, QStringLiteral("link"));
            emit navigationRefused(url);
            return false;
        }
        if (isMainFrame && type != NavigationTypeFormSubmitted)
            return true;
        recordRefusal(url, isMainFrame ? QStringLiteral("form submission") : QStringLiteral("frame"));
        return false;
    }
    if (type == NavigationTypeLinkClicked && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))) {
        // Chromium reports a script's location change or a.click() as a link click too: without a
        // real click just before, it is a page script trying to reach the network through the browser.
        if (isMainFrame && m_lastUserInput.isValid() && m_lastUserInput.elapsed() <= userGestureMs) {
            m_lastUserInput.invalidate(); // one click, one link
            emit externalLinkActivated(url);
            return false;
        }
        qCInfo(lcPage) << "refused an external link without a click:" << url.toDisplayString(QUrl::RemoveUserInfo);
        recordRefusal(url, QStringLiteral("external link without a click"));
        emit navigationRefused(url);
        return false;
    }
    qCInfo(lcPage) << "refused navigation to" << url.toDisplayString(QUrl::RemoveUserInfo);
    recordRefusal(url, isMainFrame ? QStringLiteral("page") : QStringLiteral("frame"));
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
    recordPolicyMessage(message);
    if (level == ErrorMessageLevel)
        qCWarning(lcPage).noquote() << source << ':' << line << ':' << message;
    else
        qCDebug(lcPage).noquote() << source << ':' << line << ':' << message;
}

void LessonPage::recordRefusal(const QUrl &url, const QString &detail)
{
    if (m_blockedLog)
        m_blockedLog->record(BlockedAttempt::Kind::Navigation, url, detail);
}

void LessonPage::recordPolicyMessage(const QString &message)
{
    // Chromium reports on the console what it stopped before any request was made (so the
    // interceptor never sees it): the page's Content Security Policy ("Refused to connect to
    // 'wss://…' because it violates the following Content Security Policy directive: …"), and
    // navigations to data: and to its own local schemes.
    if (!m_blockedLog)
        return;
    static const QRegularExpression policy(QStringLiteral("^Refused to [^']*(?:'([^']*)' because)?"));
    static const QRegularExpression navigation(
        QStringLiteral("^Not allowed to (?:navigate top frame to data URL|load local resource): (\\S+)"));
    if (message.startsWith(QLatin1String("Refused to")) && message.contains(QLatin1String("Content Security Policy"))) {
        const QRegularExpressionMatch match = policy.match(message);
        m_blockedLog->record(BlockedAttempt::Kind::ContentSecurityPolicy, QUrl(match.captured(1)), message.left(300));
        return;
    }
    const QRegularExpressionMatch match = navigation.match(message);
    if (match.hasMatch())
        m_blockedLog->record(BlockedAttempt::Kind::Navigation, QUrl(match.captured(1)), message.left(300));
}

} // namespace dblearn
