#include "lessons/lessonpagetemplate.h"

#include <QRegularExpression>

namespace dblearn {

namespace {

// Page assets, served by the app's scheme handler from share/dblearn/web (and Qt's own
// qwebchannel.js from its resources). Mermaid and KaTeX write inline styles into the SVG and
// HTML they generate, so styles need 'unsafe-inline'; scripts never do, and nothing uses eval.
constexpr auto csp = "default-src 'none'; script-src dblearn:; style-src dblearn: 'unsafe-inline'; "
                     "img-src dblearn: data:; font-src dblearn:; connect-src 'none'; media-src 'none'; "
                     "object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; "
                     "base-uri 'none'; form-action 'none'";

constexpr auto webRoot = "dblearn://web/";

QString themeOrDefault(const QString &theme)
{
    return theme == QLatin1String("dark") ? QStringLiteral("dark") : QStringLiteral("light");
}

QString languageOrDefault(const QString &language)
{
    static const QRegularExpression bcp47(QStringLiteral("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"));
    return bcp47.match(language).hasMatch() ? language : QStringLiteral("en");
}

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Whether a class attribute value (up to its closing quote) has the given word in it.
bool classHasWord(QByteArrayView value, QByteArrayView word)
{
    for (qsizetype at = value.indexOf(word); at >= 0; at = value.indexOf(word, at + word.size())) {
        const qsizetype after = at + word.size();
        if ((at == 0 || !isWordChar(value[at - 1]))
            && (after == value.size() || (!isWordChar(value[after]) && value[after] != '-')))
            return true;
    }
    return false;
}

struct MathOnPage {
    bool any = false;        // KaTeX's stylesheet and fonts are needed
    bool unrendered = false; // and its script, for math not rendered ahead of time ("is-rendered")
};

MathOnPage mathOnPage(QByteArrayView body)
{
    // <span class="math inline">, <div class="math display">, ```math fences, md4c's <x-equation>.
    MathOnPage math;
    if (body.indexOf("<x-equation") >= 0)
        math.any = math.unrendered = true;
    constexpr QByteArrayView attribute("class=\"");
    for (qsizetype at = body.indexOf(attribute); at >= 0 && !math.unrendered; at = body.indexOf(attribute, at + 1)) {
        const qsizetype begin = at + attribute.size();
        const qsizetype end = body.indexOf('"', begin);
        if (end < 0)
            break;
        const QByteArrayView value = body.sliced(begin, end - begin);
        if (classHasWord(value, "math")) {
            math.any = true;
            math.unrendered = !classHasWord(value, "is-rendered");
        }
    }
    return math;
}

// A code block the renderer did not highlight (its class has no "hljs"): highlight.js is needed.
bool hasCodeForHighlighter(QByteArrayView body)
{
    constexpr QByteArrayView marker("<code class=\"language-");
    for (qsizetype at = body.indexOf(marker); at >= 0; at = body.indexOf(marker, at + 1)) {
        const qsizetype begin = at + marker.size();
        const qsizetype end = body.indexOf('"', begin);
        if (end < 0)
            return false;
        if (!body.sliced(begin, end - begin).endsWith(" hljs"))
            return true;
    }
    return false;
}

QString stylesheet(const QString &path)
{
    return QLatin1String(R"(<link rel="stylesheet" href=")") + QLatin1String(webRoot) + path
           + QLatin1String("\">\n");
}

QString script(const QString &path)
{
    return QLatin1String(R"(<script defer src=")") + QLatin1String(webRoot) + path + QLatin1String("\"></script>\n");
}

QByteArray document(const QString &title, const QString &theme, const QString &language, const QString &head,
                    QByteArrayView body)
{
    const QString top = QLatin1String("<!DOCTYPE html>\n<html lang=\"") + languageOrDefault(language)
                        + QLatin1String("\" data-theme=\"") + themeOrDefault(theme)
                        + QLatin1String("\">\n<head>\n<meta charset=\"utf-8\">\n"
                                        "<meta http-equiv=\"Content-Security-Policy\" content=\"")
                        + LessonPageTemplate::contentSecurityPolicy()
                        + QLatin1String("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                        "<meta name=\"referrer\" content=\"no-referrer\">\n<title>")
                        + title.toHtmlEscaped() + QLatin1String("</title>\n") + head
                        + QLatin1String("</head>\n<body>\n");
    constexpr QByteArrayView bottom("</body>\n</html>\n");
    QByteArray html = top.toUtf8();
    html.reserve(html.size() + body.size() + bottom.size());
    html.append(body);
    html.append(bottom);
    return html;
}

} // namespace

QString LessonPageTemplate::contentSecurityPolicy()
{
    return QLatin1String(csp);
}

QByteArray LessonPageTemplate::page(const QString &title, QByteArrayView bodyHtml, const QString &theme,
                                    const QString &language)
{
    const MathOnPage math = mathOnPage(bodyHtml);

    QString head;
    if (math.any) {
        head += stylesheet(QStringLiteral("vendor/katex/katex.min.css"));
        // The two faces nearly all math is set in, fetched while the page is parsed rather than
        // once its first layout asks for them.
        for (const char *font : {"KaTeX_Main-Regular", "KaTeX_Math-Italic"})
            head += QLatin1String(R"(<link rel="preload" as="font" type="font/woff2" crossorigin href=")")
                    + QLatin1String(webRoot) + QLatin1String("vendor/katex/fonts/") + QLatin1String(font)
                    + QLatin1String(".woff2\">\n");
    }
    head += stylesheet(QStringLiteral("app/lesson.css"));
    // Deferred scripts run in document order once the body is parsed; lesson.js comes last.
    // SQL comes highlighted from the renderer; highlight.js only for code in other languages.
    if (hasCodeForHighlighter(bodyHtml))
        head += script(QStringLiteral("vendor/highlight/highlight.min.js"))
                + script(QStringLiteral("vendor/highlight/languages/pgsql.min.js"))
                + script(QStringLiteral("vendor/highlight/languages/dockerfile.min.js"));
    if (math.unrendered) // math rendered ahead of time needs KaTeX's stylesheet and fonts only
        head += script(QStringLiteral("vendor/katex/katex.min.js"));
    // Never mermaid (3.5 MB of script) in the head: lesson.js loads it once the text is shown.
    // The bridge (qwebchannel.js, lesson-bridge.js) is not the page's: the app injects it into an
    // isolated world when the document is created (LessonView).
    head += script(QStringLiteral("app/lesson.js"));

    constexpr QByteArrayView open("<main class=\"lesson\" id=\"lesson\">\n");
    constexpr QByteArrayView close("\n</main>\n");
    QByteArray body;
    body.reserve(open.size() + bodyHtml.size() + close.size());
    body.append(open).append(bodyHtml).append(close);
    return document(title, theme, language, head, body);
}

QByteArray LessonPageTemplate::errorPage(const QString &title, const QString &message, const QString &theme)
{
    const QString head = stylesheet(QStringLiteral("app/lesson.css")) + script(QStringLiteral("app/lesson.js"));
    const QString body = QLatin1String("<main class=\"lesson error-page\" id=\"lesson\">\n"
                                       "<div class=\"error-box\" role=\"alert\">\n<h1>")
                         + title.toHtmlEscaped() + QLatin1String("</h1>\n<p class=\"error-message\">")
                         + message.toHtmlEscaped() + QLatin1String("</p>\n</div>\n</main>\n");
    return document(title, theme, QStringLiteral("en"), head, body.toUtf8());
}

} // namespace dblearn
