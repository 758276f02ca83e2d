// dblearn-bench-lessons: rendering and search figures over a content folder.
//   dblearn-bench-lessons render --content DIR [--rounds N]
//       renders every lesson of the curriculum with MarkdownRenderer and with raw md_html() on the
//       same bytes; prints {"ours": s, "baseline": s, "lessons": n, "bytes": n}
//   dblearn-bench-lessons search --content DIR
//       builds the search index (timed) and runs a fixed set of queries, each typed a character at a
//       time as in search-as-you-type; prints {"buildMs", "queries", "p50Ms", "p99Ms", "sections"}

#include "curriculum/curriculum.h"
#include "lessons/markdownrenderer.h"
#include "search/lessonsearchindex.h"

#include <md4c-html.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace dblearn;

namespace {

void sink(const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    static_cast<QByteArray *>(userdata)->append(text, qsizetype(size));
}

QList<QByteArray> readLessons(const Curriculum &curriculum, const QString &contentDir)
{
    QList<QByteArray> lessons;
    for (const LessonEntry &lesson : curriculum.lessons()) {
        QFile file(QDir(contentDir).filePath(lesson.path));
        if (file.open(QIODevice::ReadOnly))
            lessons << file.readAll();
    }
    return lessons;
}

int render(const Curriculum &curriculum, const QString &contentDir, int rounds)
{
    const QList<QByteArray> lessons = readLessons(curriculum, contentDir);
    if (lessons.isEmpty()) {
        std::fprintf(stderr, "no written lessons under %s\n", qPrintable(contentDir));
        return 1;
    }
    qsizetype bytes = 0;
    for (const QByteArray &l : lessons)
        bytes += l.size();
    const MarkdownRenderer renderer;
    double best[2] = {1e9, 1e9};
    qsizetype check = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        for (const QByteArray &l : lessons)
            check += renderer.render(l).bodyHtml.size();
        best[0] = std::min(best[0], timer.nsecsElapsed() / 1e9);
        timer.restart();
        for (const QByteArray &l : lessons) {
            QByteArray out;
            out.reserve(l.size() * 2);
            md_html(l.constData(), MD_SIZE(l.size()), sink, &out, MarkdownRenderer::parserFlags(), 0);
            check += out.size();
        }
        best[1] = std::min(best[1], timer.nsecsElapsed() / 1e9);
    }
    std::printf("{\"ours\": %.6f, \"baseline\": %.6f, \"lessons\": %d, \"bytes\": %lld, \"check\": %lld}\n", best[0],
                best[1], int(lessons.size()), static_cast<long long>(bytes), static_cast<long long>(check));
    return 0;
}

int search(const Curriculum &curriculum, const QString &contentDir)
{
    QElapsedTimer timer;
    timer.start();
    LessonSearchIndex index;
    QString error;
    if (!index.build(curriculum, contentDir, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const double buildMs = timer.nsecsElapsed() / 1e6;
    const QStringList queries{QStringLiteral("write ahead log"), QStringLiteral("isolation level"),
                              QStringLiteral("b-tree index"),    QStringLiteral("normal form"),
                              QStringLiteral("vector search"),   QStringLiteral("replication lag"),
                              QStringLiteral("explain query plan"), QStringLiteral("transaction"),
                              QStringLiteral("partition"),       QStringLiteral("cost")};
    std::vector<double> times;
    int hits = 0;
    for (int round = 0; round < 5; ++round) {
        for (const QString &query : queries) {
            for (int n = 2; n <= query.size(); ++n) { // typed a character at a time
                timer.restart();
                hits += int(index.search(query.left(n), 30).size());
                times.push_back(timer.nsecsElapsed() / 1e6);
            }
        }
    }
    std::sort(times.begin(), times.end());
    const auto at = [&](double q) { return times[std::min(times.size() - 1, size_t(q * double(times.size())))]; };
    std::printf("{\"buildMs\": %.3f, \"queries\": %d, \"p50Ms\": %.4f, \"p99Ms\": %.4f, \"sections\": %d, \"hits\": %d}\n",
                buildMs, int(times.size()), at(0.5), at(0.99), index.sectionCount(), hits);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int contentAt = int(args.indexOf(QStringLiteral("--content")));
    if (args.size() < 2 || contentAt < 0 || contentAt + 1 >= args.size()) {
        std::fprintf(stderr, "usage: dblearn-bench-lessons render|search --content DIR [--rounds N]\n");
        return 2;
    }
    const QString contentDir = args[contentAt + 1];
    Curriculum curriculum;
    QString error;
    if (!curriculum.load(QDir(contentDir).filePath(QStringLiteral("curriculum.json")), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const int roundsAt = int(args.indexOf(QStringLiteral("--rounds")));
    const int rounds = roundsAt > 0 && roundsAt + 1 < args.size() ? args[roundsAt + 1].toInt() : 20;
    if (args[1] == QLatin1String("render"))
        return render(curriculum, contentDir, qMax(1, rounds));
    if (args[1] == QLatin1String("search"))
        return search(curriculum, contentDir);
    std::fprintf(stderr, "unknown mode %s\n", qPrintable(args[1]));
    return 2;
}
