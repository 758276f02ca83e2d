#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace dblearn {

// Wraps a rendered lesson body in the complete HTML document the lesson view loads: a strict
// Content-Security-Policy (scripts and styles only from the dblearn: scheme, no network), the
// page's stylesheet and scripts under dblearn://web/, and the theme on <html data-theme>.
// The libraries for diagrams and math are referenced only when the body has any, so plain pages
// stay fast. The body (UTF-8) is inserted as given (it is the markdown renderer's output); the title and
// error messages are escaped.
class LessonPageTemplate final
{
public:
    // The policy put in the page's <meta http-equiv="Content-Security-Policy">.
    static QString contentSecurityPolicy();

    // theme: "light" or "dark" (anything else is light); language: a BCP 47 tag (anything else is "en").
    static QByteArray page(const QString &title, QByteArrayView bodyHtml, const QString &theme,
                           const QString &language = QStringLiteral("en"));
    // A page saying why a lesson cannot be shown; title and message are plain text.
    static QByteArray errorPage(const QString &title, const QString &message, const QString &theme);
};

} // namespace dblearn
