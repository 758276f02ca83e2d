#pragma once

#include "lessons/htmlbuffer.h"
#include "lessons/lessonrendercontext.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

namespace dblearn {

// Writes the fenced blocks that are more than code (docs/lesson-format.md): runnable snippets,
// exercises and quizzes, or an error box for a broken one, and records them in the lesson.
// Solutions and quiz explanations are recorded, never written to the page.
class LessonBlockWriter final
{
public:
    using InfoTokens = QVarLengthArray<QByteArrayView, 8>; // words of a code fence's info string

    LessonBlockWriter(LessonRenderContext &context, HtmlBuffer &out) : m_ctx(context), m_out(out) {}

    // A fenced code block: tokens[0] is the language, then run, engine=..., dataset=...
    void writeSnippet(const InfoTokens &tokens, QByteArrayView language, QByteArrayView code, int line);
    // <pre><code class="language-x">; data-engine on the <pre> for code of an engine not run here.
    // SQL is recorded in RenderedLesson::sqlCode, to highlight for engine's or else runEngine's dialect.
    void writePlainCode(QByteArrayView language, QByteArrayView code, const QString &engine = {},
                        const QString &runEngine = {});
    void writeExercise(QByteArrayView content, int line);
    void writeQuiz(QByteArrayView content, int line);
    void writeWorksheet(const InfoTokens &tokens, QByteArrayView caption, int line);

private:
    void writeBlockErrors(const QString &what, const QStringList &errors, int line);
    bool claimBlockId(QString *id, const QString &prefix, int number, int line, QStringList *errors, const QString &context);
    void writeText(const QString &text); // escaped
    void warn(int line, const QString &message);

    LessonRenderContext &m_ctx;
    HtmlBuffer &m_out;
};

} // namespace dblearn
