#include "content/lessonstructurecheck.h"

#include "content/contentchecker.h"
#include "curriculum/curriculum.h"
#include "lessons/frontmatter.h"
#include "lessons/renderedlesson.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace dblearn {

namespace {

struct IssueSink {
    const QString &path;
    LessonReport *report;

    void error(int line, const QString &message) const
    {
        report->errors.append(ContentIssue{ContentIssue::Severity::Error, path, line, message});
    }
    void warning(int line, const QString &message) const
    {
        report->warnings.append(ContentIssue{ContentIssue::Severity::Warning, path, line, message});
    }
};

QString quotedList(const QStringList &names)
{
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

} // namespace

LessonStructureCheck::LessonStructureCheck(ContentContext context) : m_context(std::move(context)) {}

ContentIssue LessonStructureCheck::issueFromRendererMessage(const QString &path, const QString &message,
                                                            ContentIssue::Severity severity)
{
    static const QRegularExpression located(
        QStringLiteral("^(?:(front matter|exercise block|quiz block) )?line (\\d+): (.*)$"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression inside(QStringLiteral("\\(line (\\d+)\\)"));
    ContentIssue issue{severity, path, 0, message};
    if (const QRegularExpressionMatch m = located.match(message); m.hasMatch()) {
        issue.line = m.captured(2).toInt();
        issue.message = m.captured(1).isEmpty() ? m.captured(3) : m.captured(1) + QStringLiteral(": ") + m.captured(3);
    } else if (const QRegularExpressionMatch m = inside.match(message); m.hasMatch()) {
        issue.line = m.captured(1).toInt();
    }
    return issue;
}

QString LessonStructureCheck::resolveLink(const QString &lessonPath, const QString &url, QString *fragment,
                                          QString *problem)
{
    QString target = url;
    fragment->clear();
    if (const qsizetype hash = target.indexOf(QLatin1Char('#')); hash >= 0) {
        *fragment = QUrl::fromPercentEncoding(target.mid(hash + 1).toUtf8());
        target.truncate(hash);
    }
    if (const qsizetype query = target.indexOf(QLatin1Char('?')); query >= 0)
        target.truncate(query);
    target = QUrl::fromPercentEncoding(target.toUtf8());
    if (target.isEmpty())
        return lessonPath; // an anchor in the same lesson
    if (target.startsWith(QLatin1Char('/')) || target.contains(QLatin1Char('\\'))) {
        *problem =
            QStringLiteral("link to '%1' must be relative to this lesson (such as ../02_sql/01_select.md)").arg(url);
        return {};
    }
    const QString base = QFileInfo(lessonPath).path();
    const QString resolved = QDir::cleanPath(base + QLatin1Char('/') + target);
    if (resolved == QLatin1String("..") || resolved.startsWith(QLatin1String("../"))
        || resolved.startsWith(QLatin1Char('/')) || resolved == QLatin1String(".")) {
        *problem = QStringLiteral("link to '%1' leaves the content folder").arg(url);
        return {};
    }
    return resolved;
}

void LessonStructureCheck::check(const LessonEntry &entry, const QByteArray &source, const RenderedLesson &lesson,
                                 LessonReport *report) const
{
    for (const QString &message : lesson.errors)
        report->errors.append(issueFromRendererMessage(entry.path, message, ContentIssue::Severity::Error));
    for (const QString &message : lesson.warnings)
        report->warnings.append(issueFromRendererMessage(entry.path, message, ContentIssue::Severity::Warning));

    report->words = lesson.proseWords;
    report->exercises = int(lesson.exercises.size());
    report->quizQuestions = int(lesson.quizzes.size());
    report->references = int(lesson.references.size());
    report->diagrams = int(lesson.bodyHtml.count("<pre class=\"mermaid\""));
    report->runnable = 0;
    for (const CodeSnippet &snippet : lesson.snippets)
        report->runnable += snippet.runnable ? 1 : 0;

    checkFrontMatter(entry, source, report);
    checkLinks(entry.path, lesson, report);
    checkBlocks(lesson, report);
    checkQuizzes(lesson, report);
}

void LessonStructureCheck::checkFrontMatter(const LessonEntry &entry, const QByteArray &source,
                                            LessonReport *report) const
{
    const IssueSink sink{entry.path, report};
    FrontMatter frontMatter;
    if (!frontMatter.parse(source) || !frontMatter.isPresent())
        return; // the renderer has said why
    const YamlNode &root = frontMatter.root();
    const Curriculum &curriculum = *m_context.curriculum;

    if (const YamlNode *title = root.find(QLatin1String("title")); title && title->isString()) {
        const QString text = title->toString().trimmed();
        if (!text.isEmpty() && text != entry.title)
            sink.error(title->line,
                       QStringLiteral("title \"%1\" differs from the curriculum's \"%2\"").arg(text, entry.title));
    }
    const CurriculumLevel *level =
        entry.level >= 0 && entry.level < curriculum.levels().size() ? &curriculum.levels().at(entry.level) : nullptr;
    if (const YamlNode *node = root.find(QLatin1String("level"));
        node && node->isInteger() && level && node->integer != level->number) {
        sink.error(node->line, QStringLiteral("level %1 differs from the curriculum's level %2 (%3)")
                                   .arg(node->integer)
                                   .arg(level->number)
                                   .arg(level->title));
    }
    if (const YamlNode *node = root.find(QLatin1String("section"));
        node && node->isString() && level && entry.section >= 0 && entry.section < level->sections.size()) {
        const QString expected = level->sections.at(entry.section).title;
        const QString text = node->toString().trimmed();
        if (!text.isEmpty() && text != expected)
            sink.error(node->line,
                       QStringLiteral("section \"%1\" differs from the curriculum's \"%2\"").arg(text, expected));
    }

    if (const YamlNode *node = root.find(QLatin1String("prerequisites")); node && node->isList()) {
        const int own = curriculum.indexOf(entry.path);
        for (const YamlNode &item : node->items) {
            if (!item.isString())
                continue; // the renderer reports the type
            const QString path = item.toString();
            const int index = curriculum.indexOf(path);
            if (path == entry.path)
                sink.error(item.line, QStringLiteral("the lesson lists itself as a prerequisite"));
            else if (index < 0)
                sink.error(item.line, QStringLiteral("prerequisite '%1' is not a lesson of the curriculum").arg(path));
            else if (!m_context.isWritten(path))
                sink.warning(item.line, QStringLiteral("prerequisite '%1' is not written yet").arg(path));
            else if (index > own)
                sink.warning(item.line,
                             QStringLiteral("prerequisite '%1' comes after this lesson in the curriculum").arg(path));
        }
    }
    if (const YamlNode *node = root.find(QLatin1String("datasets")); node && node->isList()) {
        for (const YamlNode &item : node->items) {
            const QString name = item.toString();
            if (item.isString() && !m_context.datasetNames.contains(name))
                sink.error(
                    item.line,
                    QStringLiteral("unknown dataset '%1' (known: %2)").arg(name, quotedList(m_context.datasetNames)));
        }
    }
    if (const YamlNode *node = root.find(QLatin1String("engines")); node && node->isList()) {
        const QStringList known = ContentChecker::knownEngines();
        for (const YamlNode &item : node->items) {
            const QString name = item.toString();
            if (item.isString() && !name.isEmpty() && !known.contains(name))
                sink.warning(item.line, QStringLiteral("unknown engine '%1' (known: %2)").arg(name, quotedList(known)));
        }
    }
}

void LessonStructureCheck::checkLinks(const QString &path, const RenderedLesson &lesson, LessonReport *report) const
{
    const IssueSink sink{path, report};
    const QDir content(m_context.contentDir);
    for (const LessonLink &link : lesson.links) {
        if (link.external)
            continue;
        QString fragment;
        QString problem;
        const QString target = resolveLink(path, link.url, &fragment, &problem);
        if (target.isEmpty()) {
            sink.error(link.line, problem);
            continue;
        }
        const bool lessonOfCurriculum = m_context.curriculum->indexOf(target) >= 0;
        const QFileInfo info(content.filePath(target));
        if (lessonOfCurriculum && !m_context.isWritten(target)) {
            sink.warning(link.line, QStringLiteral("link to '%1': that lesson is not written yet").arg(target));
            continue;
        }
        if (info.isDir()) {
            sink.error(link.line, QStringLiteral("link to '%1' points to a folder, not a file").arg(link.url));
            continue;
        }
        if (!info.isFile()) {
            sink.error(link.line,
                       QStringLiteral("link to '%1': %2 does not exist in the content folder").arg(link.url, target));
            continue;
        }
        if (fragment.isEmpty() || link.image || !target.endsWith(QLatin1String(".md")))
            continue;
        const RenderedLesson *rendered = target == path ? &lesson : m_context.rendered(target);
        if (!rendered || !rendered->ok)
            continue; // its own problems are reported with it
        bool found = fragment == QLatin1String("lesson");
        for (const Heading &heading : rendered->headings)
            found = found || heading.anchor == fragment;
        if (!found) {
            const QString where = target == path ? QStringLiteral("this lesson") : target;
            sink.error(
                link.line,
                QStringLiteral("link to '%1': %2 has no heading with the anchor '#%3'").arg(link.url, where, fragment));
        }
    }
    for (const WorksheetLink &worksheet : lesson.worksheets) {
        const QString file = QStringLiteral("worksheets/") + worksheet.templateId + QStringLiteral(".json");
        if (!QFileInfo::exists(content.filePath(file)))
            sink.error(worksheet.line, QStringLiteral("worksheet template '%1' does not exist (%2)").arg(worksheet.templateId, file));
    }
}

QSet<QString> LessonStructureCheck::linkedFiles(const QString &lessonPath, const RenderedLesson &lesson) const
{
    QSet<QString> files;
    for (const LessonLink &link : lesson.links) {
        if (link.external)
            continue;
        QString fragment;
        QString problem;
        const QString target = resolveLink(lessonPath, link.url, &fragment, &problem);
        if (!target.isEmpty())
            files.insert(target);
    }
    for (const WorksheetLink &worksheet : lesson.worksheets)
        files.insert(QStringLiteral("worksheets/") + worksheet.templateId + QStringLiteral(".json"));
    return files;
}

void LessonStructureCheck::checkBlocks(const RenderedLesson &lesson, LessonReport *report) const
{
    const IssueSink sink{report->path, report};
    const QStringList runnable = ContentChecker::runnableEngines();
    const QStringList known = ContentChecker::knownEngines();
    const QStringList &datasets = m_context.datasetNames;
    auto checkDataset = [&](int line, const QString &name, const QString &what) {
        if (!name.isEmpty() && !datasets.contains(name))
            sink.error(
                line,
                QStringLiteral("%1 names the unknown dataset '%2' (known: %3)").arg(what, name, quotedList(datasets)));
    };

    for (const CodeSnippet &snippet : lesson.snippets) {
        checkDataset(snippet.line, snippet.dataset, QStringLiteral("the code block"));
        if (snippet.runnable && !runnable.contains(snippet.engine)) {
            sink.error(snippet.line,
                       QStringLiteral("the runnable block's engine '%1' cannot run in the app (runnable: %2); "
                                      "drop 'run' to show the code with its engine label")
                           .arg(snippet.engine, quotedList(runnable)));
        } else if (!snippet.runnable && !snippet.engine.isEmpty() && !known.contains(snippet.engine)) {
            sink.warning(snippet.line, QStringLiteral("the code block names the unknown engine '%1' (known: %2)")
                                           .arg(snippet.engine, quotedList(known)));
        }
    }
    for (const Exercise &exercise : lesson.exercises) {
        const QString what = QStringLiteral("exercise '%1'").arg(exercise.id);
        if (!runnable.contains(exercise.engine)) {
            sink.error(exercise.line, QStringLiteral("%1: the engine '%2' cannot run in the app (runnable: %3)")
                                          .arg(what, exercise.engine, quotedList(runnable)));
        }
        checkDataset(exercise.line, exercise.dataset, what);
        for (const QString &variant : exercise.variantDatasets)
            checkDataset(exercise.line, variant, what + QStringLiteral(" (variant_datasets)"));
    }
}

void LessonStructureCheck::checkQuizzes(const RenderedLesson &lesson, LessonReport *report) const
{
    // The renderer refuses malformed questions (they are in its errors and not in lesson.quizzes);
    // this checks the questions it accepted once more, so a renderer change cannot let one slip.
    const IssueSink sink{report->path, report};
    for (const Quiz &quiz : lesson.quizzes) {
        const qsizetype correct = quiz.correctOptionIds().size();
        if (quiz.options.size() < 2 || quiz.options.size() > 10)
            sink.error(quiz.line,
                       QStringLiteral("quiz '%1' has %2 options (2 to 10)").arg(quiz.id).arg(quiz.options.size()));
        if (!quiz.multiple && correct != 1)
            sink.error(
                quiz.line,
                QStringLiteral("quiz '%1' is single choice but has %2 correct options").arg(quiz.id).arg(correct));
        else if (quiz.multiple && correct < 1)
            sink.error(quiz.line, QStringLiteral("quiz '%1' has no correct option").arg(quiz.id));
        for (const QuizOption &option : quiz.options) {
            if (option.explanation.trimmed().isEmpty())
                sink.error(option.line,
                           QStringLiteral("quiz '%1': option %2 has no explanation").arg(quiz.id, option.id));
        }
    }
}

} // namespace dblearn
