#include "lessons/lessonblockwriter.h"

#include "lessons/lessonblockparser.h"
#include "lessons/lessonhtmlbuilder.h"
#include "lessons/sqlcodehighlighter.h"

#include <QRegularExpression>

namespace dblearn {

namespace {
// Longer code is written plain, as lesson.js leaves code over 100,000 characters plain.
constexpr qsizetype maxHighlightedBytes = 100000;
} // namespace

void LessonBlockWriter::warn(int line, const QString &message)
{
    m_ctx.lesson->warnings.append(QStringLiteral("line %1: %2").arg(line).arg(message));
}

void LessonBlockWriter::writeText(const QString &text)
{
    m_out.appendEscaped(m_ctx.utf8(text));
}

void LessonBlockWriter::writePlainCode(QByteArrayView language, QByteArrayView code, const QString &engine,
                                       const QString &runEngine)
{
    const bool sql = SqlCodeHighlighter::handles(language) && code.size() <= maxHighlightedBytes;
    HtmlBuffer &out = m_out;
    out.put("<pre");
    if (!engine.isEmpty()) {
        out.put(" data-engine=\"");
        writeText(engine);
        out.append('"');
    }
    out.put("><code");
    SqlCodeRange range;
    if (!language.isEmpty()) {
        out.put(" class=\"language-");
        out.appendEscaped(language.constData(), language.size());
        range.classEnd = out.size();
        out.append('"');
    }
    out.append('>');
    range.begin = out.size();
    out.appendEscaped(code.constData(), code.size());
    range.end = out.size();
    out.put("</code></pre>\n");
    if (sql && &out == m_ctx.bodyBuffer) {
        // Highlighted when the page is put together (RenderedLesson::pageBodyHtml).
        range.dialect = SqlCodeHighlighter::dialectFor(language, engine.isEmpty() ? runEngine : engine);
        m_ctx.lesson->sqlCode.append(range);
    }
}

void LessonBlockWriter::writeSnippet(const InfoTokens &tokens, QByteArrayView language, QByteArrayView code, int line)
{
    CodeSnippet snippet;
    snippet.id = QLatin1String("snippet-") + QString::number(++m_ctx.snippetCount);
    snippet.language = QString::fromUtf8(language);
    snippet.line = line;
    snippet.code = QString::fromUtf8(code);
    if (snippet.code.endsWith(QLatin1Char('\n')))
        snippet.code.chop(1);

    bool run = false;
    bool valid = true;
    for (qsizetype i = 1; i < tokens.size(); ++i) {
        const QByteArrayView t = tokens.at(i);
        if (t == "run") {
            run = true;
        } else if (t.startsWith("engine=")) {
            snippet.engine = QString::fromUtf8(t.sliced(7));
            if (!LessonBlockParser::isValidName(snippet.engine)) {
                warn(line, QStringLiteral("engine '%1' is not a valid engine name").arg(snippet.engine));
                valid = false;
            }
        } else if (t.startsWith("dataset=")) {
            snippet.dataset = QString::fromUtf8(t.sliced(8));
            if (!LessonBlockParser::isValidName(snippet.dataset)) {
                warn(line, QStringLiteral("dataset '%1' is not a valid dataset name").arg(snippet.dataset));
                valid = false;
            }
        } else {
            warn(line, QStringLiteral("unknown code block option '%1' (known: run, engine=..., dataset=...)")
                           .arg(QString::fromUtf8(t)));
        }
    }
    if (run && snippet.engine.isEmpty()) {
        warn(line, QStringLiteral("a runnable block needs engine=..., such as ```sql run engine=sqlite"));
        valid = false;
    }
    if (run && snippet.code.trimmed().isEmpty()) {
        warn(line, QStringLiteral("a runnable block is empty"));
        valid = false;
    }
    if (!snippet.engine.isEmpty() && !m_ctx.engines.isEmpty() && !m_ctx.engines.contains(snippet.engine))
        warn(line, QStringLiteral("engine '%1' is not listed in the front matter's engines").arg(snippet.engine));
    if (!snippet.dataset.isEmpty() && !m_ctx.datasets.contains(snippet.dataset))
        warn(line, QStringLiteral("dataset '%1' is not listed in the front matter's datasets").arg(snippet.dataset));
    snippet.runnable = run && valid;

    if (!snippet.runnable) {
        writePlainCode(language, code, snippet.engine);
    } else {
        HtmlBuffer &out = m_out;
        out.put("<div class=\"snippet\" data-snippet=\"");
        writeText(snippet.id);
        out.put("\" data-engine=\"");
        writeText(snippet.engine);
        out.put("\" data-dataset=\"");
        writeText(snippet.dataset);
        out.put("\">");
        writePlainCode(language, code, {}, snippet.engine);
        out.put("</div>\n");
    }
    m_ctx.lesson->snippets.append(std::move(snippet));
}

bool LessonBlockWriter::claimBlockId(QString *id, const QString &prefix, int number, int line, QStringList *errors,
                                     const QString &context)
{
    if (id->isEmpty())
        *id = prefix + QString::number(number);
    if (m_ctx.blockIds.contains(*id)) {
        errors->append(QStringLiteral("%1 line %2: the id '%3' is already used by another exercise or quiz")
                           .arg(context)
                           .arg(line)
                           .arg(*id));
        return false;
    }
    m_ctx.blockIds.insert(*id);
    return true;
}

void LessonBlockWriter::writeBlockErrors(const QString &what, const QStringList &errors, int line)
{
    HtmlBuffer &out = m_out;
    out.put("<div class=\"lesson-error\" data-line=\"");
    out.appendNumber(line);
    out.put("\">\n<p class=\"lesson-error-title\">");
    const QByteArray title = QStringLiteral("This %1 (line %2) has errors and is not shown").arg(what).arg(line).toUtf8();
    out.appendEscaped(title.constData(), title.size());
    out.put("</p>\n<ul>\n");
    for (const QString &e : errors) {
        const QByteArray utf8 = e.toUtf8();
        out.put("<li>");
        out.appendEscaped(utf8.constData(), utf8.size());
        out.put("</li>\n");
    }
    out.put("</ul>\n</div>\n");
}

void LessonBlockWriter::writeExercise(QByteArrayView content, int line)
{
    Exercise exercise;
    QStringList errors;
    bool usable = LessonBlockParser::parseExercise(content, line, &exercise, &errors);
    const int number = m_ctx.lesson->exercises.size() + 1;
    if (usable)
        usable = claimBlockId(&exercise.id, QStringLiteral("exercise-"), number, line, &errors, QStringLiteral("exercise block"));
    m_ctx.lesson->errors.append(errors);
    if (usable && !exercise.engine.isEmpty() && !m_ctx.engines.isEmpty() && !m_ctx.engines.contains(exercise.engine))
        warn(line, QStringLiteral("engine '%1' is not listed in the front matter's engines").arg(exercise.engine));
    if (usable && !exercise.dataset.isEmpty() && !m_ctx.datasets.contains(exercise.dataset))
        warn(line, QStringLiteral("dataset '%1' is not listed in the front matter's datasets").arg(exercise.dataset));
    if (!usable) {
        writeBlockErrors(QStringLiteral("exercise"), errors, line);
        return;
    }
    exercise.number = number;

    HtmlBuffer &out = m_out;
    out.put("<section class=\"exercise\" data-exercise=\"");
    writeText(exercise.id);
    out.put("\" data-engine=\"");
    writeText(exercise.engine);
    out.put("\" data-dataset=\"");
    writeText(exercise.dataset);
    out.appendCString(exercise.isDml() ? "\" data-kind=\"dml\">\n" : "\" data-kind=\"query\">\n");
    out.put("<p class=\"exercise-title\">");
    writeText(exercise.title.isEmpty() ? QStringLiteral("Exercise %1").arg(number)
                                  : QStringLiteral("Exercise %1: %2").arg(number).arg(exercise.title));
    out.put("</p>\n<div class=\"exercise-prompt\">\n");
    LessonHtmlBuilder::renderFragment(m_ctx, exercise.prompt, line, out);
    out.put("</div>\n<textarea class=\"exercise-editor\" rows=\"");
    out.appendNumber(qBound(4, int(exercise.starter.count(QLatin1Char('\n'))) + 3, 20));
    out.put("\" spellcheck=\"false\" aria-label=\"");
    writeText(QStringLiteral("Your SQL for exercise %1").arg(number));
    out.put("\">\n"); // the HTML parser drops this first line break, keeping the starter's own
    writeText(exercise.starter);
    out.put("</textarea>\n");
    for (qsizetype i = 0; i < exercise.hints.size(); ++i) {
        out.put("<details class=\"exercise-hint\"><summary>");
        writeText(exercise.hints.size() == 1 ? QStringLiteral("Hint") : QStringLiteral("Hint %1").arg(i + 1));
        out.put("</summary>\n");
        LessonHtmlBuilder::renderFragment(m_ctx, exercise.hints.at(i), line, out);
        out.put("</details>\n");
    }
    out.put("</section>\n");
    m_ctx.lesson->exercises.append(std::move(exercise));
}

void LessonBlockWriter::writeQuiz(QByteArrayView content, int line)
{
    Quiz quiz;
    QStringList errors;
    bool usable = LessonBlockParser::parseQuiz(content, line, &quiz, &errors);
    const int number = m_ctx.lesson->quizzes.size() + 1;
    if (usable)
        usable = claimBlockId(&quiz.id, QStringLiteral("quiz-"), number, line, &errors, QStringLiteral("quiz block"));
    m_ctx.lesson->errors.append(errors);
    if (!usable) {
        writeBlockErrors(QStringLiteral("quiz"), errors, line);
        return;
    }
    quiz.number = number;

    HtmlBuffer &out = m_out;
    out.put("<section class=\"quiz\" data-quiz=\"");
    writeText(quiz.id);
    out.appendCString(quiz.multiple ? "\" data-type=\"multiple\">\n" : "\" data-type=\"single\">\n");
    out.put("<p class=\"quiz-title\">");
    out.put("Question ");
    out.appendNumber(number);
    out.appendCString(quiz.multiple ? " <span class=\"quiz-kind\">(choose all that apply)</span>"
                           : " <span class=\"quiz-kind\">(choose one)</span>");
    out.put("</p>\n<div class=\"quiz-question\">\n");
    LessonHtmlBuilder::renderFragment(m_ctx, quiz.question, line, out);
    out.put("</div>\n<ul class=\"quiz-options\">\n");
    for (const QuizOption &option : quiz.options) {
        out.put("<li><button type=\"button\" class=\"quiz-option\" data-option=\"");
        writeText(option.id);
        out.put("\">");
        LessonHtmlBuilder::renderFragment(m_ctx, option.text, option.line, out, true);
        out.put("</button></li>\n");
    }
    out.put("</ul>\n</section>\n");
    m_ctx.lesson->quizzes.append(std::move(quiz));
}

} // namespace dblearn

namespace dblearn {

void LessonBlockWriter::writeWorksheet(const InfoTokens &tokens, QByteArrayView caption, int line)
{
    WorksheetLink link;
    link.line = line;
    link.caption = QString::fromUtf8(caption).trimmed();
    for (qsizetype i = 1; i < tokens.size(); ++i) {
        const QString token = QString::fromUtf8(tokens[i]);
        if (token.startsWith(QLatin1String("template=")))
            link.templateId = token.mid(9);
        else
            m_ctx.lesson->warnings.append(QStringLiteral("line %1: unknown worksheet option \"%2\"").arg(line).arg(token));
    }
    static const QRegularExpression validId(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    if (!validId.match(link.templateId).hasMatch()) {
        const QString message = QStringLiteral("worksheet block line %1: needs template=ID (lower-case letters, digits and "
                                               "dashes), the name of a file in content/worksheets/ without .json")
                                    .arg(line);
        m_ctx.lesson->errors.append(message);
        writeBlockErrors(QStringLiteral("worksheet"), {message}, line);
        return;
    }
    HtmlBuffer &out = m_out;
    out.put("<div class=\"worksheet-link\" data-template=\"");
    writeText(link.templateId);
    out.put("\"><p class=\"worksheet-caption\">");
    writeText(link.caption.isEmpty() ? QStringLiteral("Cost worksheet: ") + link.templateId : link.caption);
    out.put("</p><button type=\"button\" class=\"open-worksheet\" data-action=\"open-worksheet\" data-needs-app=\"true\" disabled title=\"Opens in the DB Learn app\">Open worksheet</button></div>\n");
    m_ctx.lesson->worksheets.append(link);
}

} // namespace dblearn
