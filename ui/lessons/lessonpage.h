#pragma once

#include <QWebEnginePage>

namespace dblearn {

// A lesson page: only our scheme navigates inside the view; a link clicked to http(s) opens
// in the system browser; a link to another lesson asks the app to open it; all else is refused.
class LessonPage final : public QWebEnginePage
{
    Q_OBJECT
public:
    explicit LessonPage(QWebEngineProfile *profile, QObject *parent = nullptr);

signals:
    void lessonLinkActivated(const QString &lessonPath, const QString &anchor);
    void externalLinkActivated(const QUrl &url);
    void navigationRefused(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int line,
                                  const QString &source) override;

private:
    bool m_programmaticLoad = false;
    friend class LessonView;
};

} // namespace dblearn
