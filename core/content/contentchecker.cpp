#include "content/contentchecker.h"

#include "backends/backendregistry.h"
#include "content/lessonexecutioncheck.h"
#include "content/lessonstructurecheck.h"
#include "curriculum/curriculum.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetprovider.h"
#include "lessons/frontmatter.h"
#include "lessons/markdownrenderer.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace dblearn {

namespace {

// One lesson of the curriculum on its way through the check.
struct LessonItem {
    const LessonEntry *entry = nullptr;
    LessonReport report;
    QByteArray source;
    RenderedLesson rendered; // ok == false when the file is missing or refused
    bool needsSqlite = false;
};

ContentIssue issue(ContentIssue::Severity severity, const QString &path, int line, const QString &message)
{
    return ContentIssue{severity, path, line, message};
}

// Reads and renders one lesson file; never throws, never reads more than the renderer accepts.
void readLesson(const QString &filePath, LessonItem *item)
{
    LessonReport &report = item->report;
    const QFileInfo info(filePath);
    if (info.isDir()) {
        report.errors << issue(ContentIssue::Severity::Error, report.path, 0,
                               QStringLiteral("is a folder, not a lesson file"));
        return;
    }
    if (!info.isFile()) { // a pipe or a device: reading could block or never end
        report.errors << issue(ContentIssue::Severity::Error, report.path, 0, QStringLiteral("is not a regular file"));
        return;
    }
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        report.errors << issue(ContentIssue::Severity::Error, report.path, 0,
                               QStringLiteral("cannot be read: %1").arg(file.errorString()));
        return;
    }
    // Said here with the file's real size, without reading it.
    if (info.size() > MarkdownRenderer::maxLessonBytes) {
        const double mib = std::ceil(double(info.size()) * 10.0 / (1024.0 * 1024.0)) / 10.0;
        report.errors << issue(ContentIssue::Severity::Error, report.path, 0,
                               QStringLiteral("cannot be rendered: lesson is %1 MB, the limit is %2 MB")
                                   .arg(mib, 0, 'f', 1)
                                   .arg(MarkdownRenderer::maxLessonBytes / (1024 * 1024)));
        return;
    }
    // At most one byte past the renderer's limit (a file that grew since), which it refuses.
    item->source = file.read(qint64(MarkdownRenderer::maxLessonBytes) + 1);
    try {
        item->rendered = MarkdownRenderer().render(item->source);
    } catch (const std::exception &e) {
        item->rendered = RenderedLesson();
        item->rendered.error = QStringLiteral("the renderer failed: %1").arg(QString::fromLocal8Bit(e.what()));
    }
    if (!item->rendered.ok) {
        ContentIssue refused = LessonStructureCheck::issueFromRendererMessage(report.path, item->rendered.error,
                                                                              ContentIssue::Severity::Error);
        refused.message = QStringLiteral("cannot be rendered: ") + refused.message;
        report.errors << refused;
        item->source.clear();
    }
}

bool runsOnSqlite(const RenderedLesson &lesson)
{
    for (const CodeSnippet &snippet : lesson.snippets) {
        if (snippet.runnable && snippet.engine == QLatin1String("sqlite"))
            return true;
    }
    for (const Exercise &exercise : lesson.exercises) {
        if (exercise.engine == QLatin1String("sqlite"))
            return true;
    }
    return false;
}

void sortByLine(QList<ContentIssue> *issues)
{
    std::stable_sort(issues->begin(), issues->end(),
                     [](const ContentIssue &a, const ContentIssue &b) { return a.line < b.line; });
}

} // namespace

struct ContentChecker::Private {
    const BackendRegistry &registry;
    ContentCheckOptions options;
    std::function<void(int, int, const QString &)> progress;
    std::mutex progressMutex;

    // Markdown files that are not lessons (content/datasets/*.md), rendered for their anchors.
    std::map<QString, std::unique_ptr<RenderedLesson>> otherFiles;
};

ContentChecker::ContentChecker(const BackendRegistry &registry, ContentCheckOptions options)
    : d(new Private{registry, std::move(options), {}, {}, {}})
{}

ContentChecker::~ContentChecker() = default;

void ContentChecker::setProgressCallback(std::function<void(int, int, const QString &)> callback)
{
    d->progress = std::move(callback);
}

QStringList ContentChecker::runnableEngines()
{
    return {QStringLiteral("sqlite"), QStringLiteral("postgresql"), QStringLiteral("mariadb"), QStringLiteral("mysql")};
}

QStringList ContentChecker::knownEngines()
{
    return runnableEngines()
           + QStringList{QStringLiteral("redis"),      QStringLiteral("mongodb"),      QStringLiteral("neo4j"),
                         QStringLiteral("cassandra"),  QStringLiteral("clickhouse"),   QStringLiteral("timescaledb"),
                         QStringLiteral("pgvector"),   QStringLiteral("duckdb"),       QStringLiteral("elasticsearch"),
                         QStringLiteral("opensearch"), QStringLiteral("dynamodb"),     QStringLiteral("cockroachdb"),
                         QStringLiteral("spark"),      QStringLiteral("bigquery"),     QStringLiteral("snowflake"),
                         QStringLiteral("kafka"),      QStringLiteral("qdrant"),       QStringLiteral("milvus"),
                         QStringLiteral("weaviate"),   QStringLiteral("pinecone"),     QStringLiteral("chroma"),
                         QStringLiteral("faiss"),      QStringLiteral("lancedb"),      QStringLiteral("influxdb"),
                         QStringLiteral("etcd"),       QStringLiteral("foundationdb"), QStringLiteral("rocksdb"),
                         QStringLiteral("scylladb"),   QStringLiteral("hbase"),        QStringLiteral("trino"),
                         QStringLiteral("sqlserver"),  QStringLiteral("oracle"),       QStringLiteral("tidb"),
                         QStringLiteral("yugabytedb"), QStringLiteral("spanner"),      QStringLiteral("memcached"),
                         QStringLiteral("surrealdb"),  QStringLiteral("arangodb"),     QStringLiteral("janusgraph")};
}

ContentReport ContentChecker::run()
{
    m_cancelled = false;
    QElapsedTimer timer;
    timer.start();
    ContentReport report;
    const QDir content(QDir::cleanPath(QDir(d->options.contentDir).absolutePath()));
    report.contentDir = content.path();

    Curriculum curriculum;
    QString error;
    if (!content.exists()) {
        report.errors << issue(ContentIssue::Severity::Error, report.contentDir, 0,
                               QStringLiteral("the content folder does not exist"));
        return report;
    }
    if (!curriculum.load(content.filePath(QStringLiteral("curriculum.json")), &error)) {
        report.errors << issue(ContentIssue::Severity::Error, QStringLiteral("curriculum.json"), 0, error);
        return report;
    }
    const DatasetCatalog catalog;

    // 1. Read and render every written lesson; the link checks need all of them.
    std::vector<LessonItem> items(size_t(curriculum.lessons().size()));
    QHash<QString, int> indexOfPath;
    for (qsizetype i = 0; i < curriculum.lessons().size(); ++i) {
        LessonItem &item = items[size_t(i)];
        item.entry = &curriculum.lessons().at(i);
        item.report.path = item.entry->path;
        item.report.title = item.entry->title;
        indexOfPath.insert(item.entry->path, int(i));
        const QString filePath = content.filePath(item.entry->path);
        item.report.written = QFileInfo::exists(filePath);
        if (!item.report.written)
            continue;
        QElapsedTimer lessonTimer;
        lessonTimer.start();
        readLesson(filePath, &item);
        item.needsSqlite = item.rendered.ok && runsOnSqlite(item.rendered);
        item.report.elapsedMs = lessonTimer.elapsed();
    }

    ContentContext context;
    context.curriculum = &curriculum;
    context.contentDir = content.path();
    context.datasetNames = catalog.names();
    context.isWritten = [&](const QString &path) {
        const int index = indexOfPath.value(path, -1);
        return index >= 0 && items[size_t(index)].report.written;
    };
    context.rendered = [&](const QString &path) -> const RenderedLesson * {
        const int index = indexOfPath.value(path, -1);
        if (index >= 0)
            return items[size_t(index)].rendered.ok ? &items[size_t(index)].rendered : nullptr;
        auto found = d->otherFiles.find(path);
        if (found == d->otherFiles.end()) {
            auto rendered = std::make_unique<RenderedLesson>();
            QFile file(content.filePath(path));
            if (file.open(QIODevice::ReadOnly))
                *rendered = MarkdownRenderer().render(file.read(qint64(MarkdownRenderer::maxLessonBytes) + 1));
            found = d->otherFiles.emplace(path, std::move(rendered)).first;
        }
        return found->second->ok ? found->second.get() : nullptr;
    };

    // 2. What can be checked without running anything.
    const LessonStructureCheck structure(context);
    QSet<QString> linked;
    QHash<QString, QString> lessonOfId;
    for (LessonItem &item : items) {
        if (!item.rendered.ok)
            continue;
        QElapsedTimer lessonTimer;
        lessonTimer.start();
        structure.check(*item.entry, item.source, item.rendered, &item.report);
        linked.unite(structure.linkedFiles(item.entry->path, item.rendered));
        FrontMatter frontMatter;
        if (frontMatter.parse(item.source)) {
            const QString id = item.rendered.frontMatter.value(QStringLiteral("id")).toString();
            if (!id.isEmpty() && lessonOfId.contains(id)) {
                item.report.errors << issue(
                    ContentIssue::Severity::Error, item.entry->path, frontMatter.line(QLatin1String("id")),
                    QStringLiteral("the id '%1' is already used by %2").arg(id, lessonOfId.value(id)));
            } else if (!id.isEmpty()) {
                lessonOfId.insert(id, item.entry->path);
            }
        }
        item.report.elapsedMs += lessonTimer.elapsed();
    }
    d->otherFiles.clear();

    // 3. Run the blocks and reference solutions, a few lessons at a time.
    if (d->options.execute) {
        LessonExecutionCheck::Settings settings;
        settings.datasetNames = catalog.names();
        settings.blockTimeoutMs = d->options.blockTimeoutMs;
        settings.exerciseTimeoutMs = d->options.exerciseTimeoutMs;
        const bool needsSqlite =
            std::any_of(items.begin(), items.end(), [](const LessonItem &i) { return i.needsSqlite; });
        if (d->registry.isLoaded(QStringLiteral("sqlite"))) {
            settings.engines.insert(QStringLiteral("sqlite"));
        } else if (needsSqlite) {
            const BackendInfo *info = d->registry.find(QStringLiteral("sqlite"));
            report.errors << issue(ContentIssue::Severity::Error, QString(), 0,
                                   QStringLiteral("the SQLite backend is not available (%1): runnable blocks and "
                                                  "exercises cannot be checked")
                                       .arg(info ? info->refusalReason : QStringLiteral("no plugin found")));
        }
        QTemporaryDir workDir(QDir::tempPath() + QStringLiteral("/dblearn-content-check-XXXXXX"));
        const QString cacheDir = d->options.cacheDir.isEmpty() ? workDir.path() : d->options.cacheDir;
        DatasetProvider datasets(d->registry, cacheDir, workDir.path());
        for (auto it = d->options.servers.cbegin(); it != d->options.servers.cend(); ++it) {
            if (!d->registry.isLoaded(it.key())) {
                report.errors << issue(
                    ContentIssue::Severity::Error, QString(), 0,
                    QStringLiteral("no loaded backend '%1' for its connection (see dblearn-cli backends)")
                        .arg(it.key()));
                continue;
            }
            datasets.setServerUri(it.key(), it.value());
            settings.engines.insert(it.key());
        }
        const LessonExecutionCheck execution(datasets, settings, &m_cancelled);

        std::vector<int> toRun;
        for (size_t i = 0; i < items.size(); ++i) {
            if (items[i].rendered.ok)
                toRun.push_back(int(i));
        }
        int jobs = d->options.jobs > 0 ? d->options.jobs : qBound(1, QThread::idealThreadCount(), 4);
        jobs = qMin(jobs, int(toRun.size()));
        std::atomic<size_t> next{0};
        std::atomic<int> done{0};
        auto work = [&] {
            for (size_t n = next++; n < toRun.size() && !m_cancelled; n = next++) {
                LessonItem &item = items[size_t(toRun[n])];
                QElapsedTimer lessonTimer;
                lessonTimer.start();
                execution.check(item.rendered, &item.report);
                item.report.elapsedMs += lessonTimer.elapsed();
                const int finished = ++done;
                if (d->progress) {
                    std::lock_guard<std::mutex> lock(d->progressMutex);
                    d->progress(finished, int(toRun.size()), item.entry->path);
                }
            }
        };
        std::vector<std::thread> workers;
        for (int i = 1; i < jobs; ++i)
            workers.emplace_back(work);
        work();
        for (std::thread &worker : workers)
            worker.join();
        if (m_cancelled)
            report.errors << issue(ContentIssue::Severity::Error, report.contentDir, 0,
                                   QStringLiteral("the check was cancelled"));
    }

    // 4. Files that belong to no lesson.
    QDirIterator files(content.path(), QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    QStringList strays;
    while (files.hasNext()) {
        const QString relative = content.relativeFilePath(files.next());
        if (relative == QLatin1String("curriculum.json") || relative.startsWith(QLatin1String("datasets/"))
            || relative.startsWith(QLatin1String("prices/")) || relative.startsWith(QLatin1String("worksheets/"))
            || indexOfPath.contains(relative) || linked.contains(relative))
            continue;
        strays << relative;
    }
    strays.sort();
    for (const QString &stray : strays) {
        report.warnings << issue(ContentIssue::Severity::Warning, stray, 0,
                                 QStringLiteral("not a lesson of the curriculum, and no lesson links to it"));
    }

    for (LessonItem &item : items) {
        sortByLine(&item.report.errors);
        sortByLine(&item.report.warnings);
        report.lessons << std::move(item.report);
    }
    report.elapsedMs = timer.elapsed();
    return report;
}

} // namespace dblearn
