#pragma once

#include <QWebEngineUrlSchemeHandler>

namespace dblearn {

class LessonLibrary;

// Serves the lesson pages and their assets under the dblearn: scheme:
//   dblearn://lesson/<path.md>      a lesson from the content folder, rendered to a full page
//   dblearn://lesson/<path.png|svg> an image next to the lesson
//   dblearn://web/app/..., dblearn://web/vendor/...  the page's own and third-party scripts/styles
// Nothing outside those folders is ever served.
class LessonSchemeHandler final : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
public:
    explicit LessonSchemeHandler(LessonLibrary *library, QObject *parent = nullptr);

    static QByteArray schemeName() { return QByteArrayLiteral("dblearn"); }
    static QString schemeNameString() { return QStringLiteral("dblearn"); }
    // Must run before the QApplication is created.
    static void registerScheme();
    static QUrl lessonUrl(const QString &lessonPath);
    static QString lessonPathFromUrl(const QUrl &url); // empty when the URL is not a lesson

    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    void serveFile(QWebEngineUrlRequestJob *job, const QString &root, const QString &relative);

    LessonLibrary *m_library;
};

} // namespace dblearn
