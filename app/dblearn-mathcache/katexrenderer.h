#pragma once

#include <QJSEngine>
#include <QJSValue>
#include <QString>

namespace dblearn {

// KaTeX's renderToString in Qt's JavaScript engine: the same katex.min.js the lesson page loads,
// so the HTML is what the page would make (KaTeX needs no DOM for it). Used at build time only.
class KatexRenderer final
{
public:
    // Loads katex.min.js; false with the reason.
    bool load(const QString &scriptFile, QString *error);
    QString version() const;

    // KaTeX's HTML for the TeX, with the page's options (lesson.js renderMath); false with KaTeX's
    // message when the TeX is not valid (the page then shows KaTeX's error rendering itself).
    bool render(const QString &tex, bool display, QString *html, QString *error);

private:
    QJSEngine m_engine;
    QJSValue m_katex;
    QJSValue m_renderToString;
};

} // namespace dblearn
