#pragma once

#include "content/contentreport.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>

namespace dblearn {

class Curriculum;
struct LessonEntry;
struct RenderedLesson;

// What the structure checks need to know about the rest of the content folder.
struct ContentContext {
    const Curriculum *curriculum = nullptr;
    QString contentDir;       // absolute and clean
    QStringList datasetNames; // DatasetCatalog::names()
    // The lesson path (relative to contentDir) is a curriculum lesson that exists.
    std::function<bool(const QString &relativePath)> isWritten;
    // The rendering of a markdown file under contentDir (for the anchors of links into it), or
    // nullptr when it cannot be rendered.
    std::function<const RenderedLesson *(const QString &relativePath)> rendered;
};

// The checks of one rendered lesson that run nothing: the renderer's problems, the front matter
// against the curriculum, links and anchors, code block and exercise attributes, quiz structure.
// Appends to the report's errors and warnings and fills its figures (words, runnable, ...).
class LessonStructureCheck final
{
public:
    explicit LessonStructureCheck(ContentContext context);

    void check(const LessonEntry &entry, const QByteArray &source, const RenderedLesson &lesson,
               LessonReport *report) const;

    // Files under the content folder the lesson links to (relative paths), for the stray-file check.
    QSet<QString> linkedFiles(const QString &lessonPath, const RenderedLesson &lesson) const;

    // "line 42: …", "quiz block line 93: …" as the renderer writes them, split into line and text.
    static ContentIssue issueFromRendererMessage(const QString &path, const QString &message,
                                                 ContentIssue::Severity severity);
    // Where a relative link from `lessonPath` points, relative to the content folder; empty (and
    // *problem set) when it leaves the folder or is absolute. *fragment gets the decoded anchor.
    static QString resolveLink(const QString &lessonPath, const QString &url, QString *fragment, QString *problem);

private:
    void checkFrontMatter(const LessonEntry &entry, const QByteArray &source, LessonReport *report) const;
    void checkLinks(const QString &path, const RenderedLesson &lesson, LessonReport *report) const;
    void checkBlocks(const RenderedLesson &lesson, LessonReport *report) const;
    void checkQuizzes(const RenderedLesson &lesson, LessonReport *report) const;

    ContentContext m_context;
};

} // namespace dblearn
