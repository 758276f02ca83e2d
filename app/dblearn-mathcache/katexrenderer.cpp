#include "katexrenderer.h"

#include <QFile>

namespace dblearn {

bool KatexRenderer::load(const QString &scriptFile, QString *error)
{
    QFile file(scriptFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(scriptFile, file.errorString());
        return false;
    }
    const QJSValue result = m_engine.evaluate(QString::fromUtf8(file.readAll()), scriptFile);
    if (result.isError()) {
        *error = QStringLiteral("%1: %2").arg(scriptFile, result.toString());
        return false;
    }
    m_katex = m_engine.globalObject().property(QStringLiteral("katex"));
    m_renderToString = m_katex.property(QStringLiteral("renderToString"));
    if (!m_renderToString.isCallable()) {
        *error = QStringLiteral("%1 does not define katex.renderToString").arg(scriptFile);
        return false;
    }
    return true;
}

QString KatexRenderer::version() const
{
    return m_katex.property(QStringLiteral("version")).toString();
}

bool KatexRenderer::render(const QString &tex, bool display, QString *html, QString *error)
{
    // lesson.js renderMath's options, except throwOnError: an error is left for the page to show.
    QJSValue options = m_engine.newObject();
    options.setProperty(QStringLiteral("displayMode"), display);
    options.setProperty(QStringLiteral("throwOnError"), true);
    options.setProperty(QStringLiteral("strict"), QStringLiteral("ignore"));
    options.setProperty(QStringLiteral("trust"), false);
    options.setProperty(QStringLiteral("maxExpand"), 1000);
    options.setProperty(QStringLiteral("maxSize"), 50);
    options.setProperty(QStringLiteral("output"), QStringLiteral("htmlAndMathml"));
    const QJSValue result = m_renderToString.call({tex, options});
    if (result.isError()) {
        *error = result.toString();
        return false;
    }
    *html = result.toString();
    return !html->isEmpty();
}

} // namespace dblearn
