// dblearn-mathcache: renders the math of every lesson under a content folder with KaTeX, at build
// time, into one file per lesson (MathCache), so that the lesson page needs KaTeX's stylesheet but
// not its script for them.
//   dblearn-mathcache --content DIR --katex katex.min.js --out DIR
// The output folder is replaced. Math KaTeX rejects is left out (the page shows KaTeX's error).

#include "katexrenderer.h"

#include "lessons/markdownrenderer.h"
#include "lessons/mathcache.h"
#include "lessons/renderedlesson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QTextStream>

using namespace dblearn;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Qt's JavaScript compiler comments on the minified script's style; nothing to act on.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.qml.compiler=false"));
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Renders the lessons' math with KaTeX ahead of time."));
    parser.addHelpOption();
    const QCommandLineOption content(QStringLiteral("content"), QStringLiteral("The content folder."), QStringLiteral("DIR"));
    const QCommandLineOption katex(QStringLiteral("katex"), QStringLiteral("katex.min.js"), QStringLiteral("FILE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The output folder (replaced)."), QStringLiteral("DIR"));
    parser.addOptions({content, katex, out});
    parser.process(app);
    if (!parser.isSet(content) || !parser.isSet(katex) || !parser.isSet(out)) {
        err << "dblearn-mathcache: --content, --katex and --out are required\n";
        return 2;
    }

    KatexRenderer renderer;
    QString error;
    if (!renderer.load(parser.value(katex), &error)) {
        err << "dblearn-mathcache: " << error << '\n';
        return 1;
    }
    const QDir contentDir(parser.value(content));
    if (!contentDir.exists()) {
        err << "dblearn-mathcache: no content folder " << contentDir.path() << '\n';
        return 1;
    }
    QDir outDir(parser.value(out));
    if (outDir.exists() && !outDir.removeRecursively()) {
        err << "dblearn-mathcache: cannot replace " << outDir.path() << '\n';
        return 1;
    }
    const MathCache cache(outDir.absolutePath());

    int lessons = 0;
    int spans = 0;
    int rejected = 0;
    QDirIterator files(contentDir.path(), {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString file = files.next();
        QFile source(file);
        if (!source.open(QIODevice::ReadOnly)) {
            err << "dblearn-mathcache: cannot read " << file << '\n';
            return 1;
        }
        const RenderedLesson lesson = MarkdownRenderer().render(source.readAll());
        if (!lesson.ok || lesson.math.isEmpty())
            continue;
        QHash<QByteArray, QByteArray> entries;
        for (const MathSpan &span : lesson.math) {
            const QByteArray key = MathCache::key(lesson, span);
            if (entries.contains(key))
                continue;
            QString html;
            if (!renderer.render(lesson.mathTex(span), span.display, &html, &error)) {
                ++rejected;
                continue;
            }
            entries.insert(key, html.toUtf8());
        }
        if (entries.isEmpty())
            continue;
        const QString lessonPath = contentDir.relativeFilePath(file);
        if (!cache.write(lessonPath, entries, renderer.version(), &error)) {
            err << "dblearn-mathcache: " << error << '\n';
            return 1;
        }
        ++lessons;
        spans += int(entries.size());
    }
    QTextStream(stdout) << "dblearn-mathcache: " << spans << " formulas of " << lessons << " lessons rendered with KaTeX "
                        << renderer.version() << (rejected ? QStringLiteral(", %1 left to the page").arg(rejected) : QString())
                        << '\n';
    return 0;
}
