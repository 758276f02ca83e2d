#include "search/lessonsearchindex.h"

#include "curriculum/curriculum.h"
#include "lessons/headingslugger.h"

#include <sqlite3.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace dblearn {

namespace {

struct Section {
    QString heading;
    QString anchor;
    QString text;
};

// Markdown inline syntax reduced to its words: links keep their text, emphasis and code marks go,
// and so does a quote's or callout's opening "> [!NOTE]".
QString plainInline(QString text)
{
    if (text.contains(QLatin1Char('['))) {
        static const QRegularExpression image(QStringLiteral("!\\[([^\\]]*)\\]\\([^)]*\\)"));
        static const QRegularExpression link(QStringLiteral("\\[([^\\]]*)\\]\\([^)]*\\)"));
        text.replace(image, QStringLiteral("\\1"));
        text.replace(link, QStringLiteral("\\1"));
    }
    qsizetype from = 0;
    if (text.startsWith(QLatin1Char('>'))) {
        from = 1;
        while (from < text.size() && text[from].isSpace())
            ++from;
        if (text.sliced(from).startsWith(QLatin1String("[!"))) {
            qsizetype end = from + 2;
            while (end < text.size() && text[end] >= QLatin1Char('A') && text[end] <= QLatin1Char('Z'))
                ++end;
            if (end > from + 2 && end < text.size() && text[end] == QLatin1Char(']'))
                from = end + 1;
        }
    }
    QString plain;
    plain.reserve(text.size() - from);
    for (qsizetype i = from; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c != QLatin1Char('*') && c != QLatin1Char('_') && c != QLatin1Char('`') && c != QLatin1Char('~'))
            plain.append(c);
    }
    return plain.trimmed();
}

// Splits a lesson into sections at its headings, with the anchors the renderer gives them.
QList<Section> splitSections(const QByteArray &markdown)
{
    QList<Section> sections{Section{}};
    HeadingSlugger slugger;
    const QList<QByteArray> lines = markdown.split('\n');
    int i = 0;
    if (!lines.isEmpty() && lines.first().trimmed() == "---") { // front matter
        for (i = 1; i < lines.size() && lines[i].trimmed() != "---"; ++i) {
        }
        ++i;
    }
    QByteArray fence;   // the open fence's marker, empty outside code
    bool skipFence = false; // exercise and quiz blocks hold answers: not indexed
    for (; i < lines.size(); ++i) {
        const QByteArray line = lines[i];
        const QByteArray trimmed = line.trimmed();
        if (!fence.isEmpty()) {
            if (trimmed.startsWith(fence) && trimmed.mid(fence.size()).trimmed().isEmpty()) {
                fence.clear();
                continue;
            }
            if (!skipFence)
                sections.last().text += QString::fromUtf8(line) + QLatin1Char('\n');
            continue;
        }
        if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
            int n = 0;
            while (n < trimmed.size() && trimmed[n] == trimmed[0])
                ++n;
            fence = trimmed.left(n);
            const QByteArray info = trimmed.mid(n).trimmed();
            skipFence = info.startsWith("exercise") || info.startsWith("quiz");
            continue;
        }
        if (line.startsWith('#')) {
            int level = 0;
            while (level < line.size() && line[level] == '#')
                ++level;
            if (level <= 6 && (level == line.size() || line[level] == ' ' || line[level] == '\t')) {
                QString text = QString::fromUtf8(line.mid(level)).trimmed();
                while (text.endsWith(QLatin1Char('#')))
                    text.chop(1);
                text = plainInline(text);
                sections << Section{text, slugger.slug(text), QString()};
                continue;
            }
        }
        sections.last().text += plainInline(QString::fromUtf8(line)) + QLatin1Char('\n');
    }
    return sections;
}

} // namespace

LessonSearchIndex::LessonSearchIndex()
{
    if (sqlite3_open_v2(":memory:", &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        sqlite3_close(m_db);
        m_db = nullptr;
        return;
    }
    // A prefix index of two characters: search-as-you-type asks for "replication la*", and a short
    // prefix otherwise merges the doclists of every term that starts with it. Over the curriculum,
    // with one-letter prefixes as well, the 99th percentile went from 12-16 ms to 3 ms.
    // (toFtsQuery asks for no one-letter prefix.)
    sqlite3_exec(m_db,
                 "CREATE VIRTUAL TABLE sections USING fts5(lesson_path UNINDEXED, anchor UNINDEXED, "
                 "lesson_title, heading, body, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2')",
                 nullptr, nullptr, nullptr);
}

LessonSearchIndex::~LessonSearchIndex()
{
    sqlite3_close(m_db);
}

bool LessonSearchIndex::build(const Curriculum &curriculum, const QString &contentDir, QString *error)
{
    if (!m_db) {
        *error = QStringLiteral("the search index could not be created (SQLite in memory failed)");
        return false;
    }
    // Built in one go and never written again: its segments are not merged along the way.
    sqlite3_exec(m_db, "INSERT INTO sections(sections, rank) VALUES('automerge', 0)", nullptr, nullptr, nullptr);
    sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr);
    const QDir dir(contentDir);
    for (const LessonEntry &lesson : curriculum.lessons()) {
        QFile file(dir.filePath(lesson.path));
        if (!file.open(QIODevice::ReadOnly))
            continue; // not written yet
        addLesson(lesson.path, lesson.title, file.read(8 * 1024 * 1024));
    }
    if (sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    return true;
}

bool LessonSearchIndex::addLesson(const QString &lessonPath, const QString &title, const QByteArray &markdown)
{
    if (!m_db)
        return false;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, "INSERT INTO sections VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, nullptr) != SQLITE_OK)
        return false;
    const QByteArray path = lessonPath.toUtf8();
    const QByteArray titleUtf8 = title.toUtf8();
    bool ok = true;
    for (const Section &section : splitSections(markdown)) {
        if (section.heading.isEmpty() && section.text.trimmed().isEmpty())
            continue;
        const QByteArray anchor = section.anchor.toUtf8();
        const QByteArray heading = section.heading.toUtf8();
        const QByteArray body = section.text.toUtf8();
        sqlite3_bind_text(stmt, 1, path.constData(), int(path.size()), SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, anchor.constData(), int(anchor.size()), SQLITE_STATIC);
        sqlite3_bind_text(stmt, 3, titleUtf8.constData(), int(titleUtf8.size()), SQLITE_STATIC);
        sqlite3_bind_text(stmt, 4, heading.constData(), int(heading.size()), SQLITE_STATIC);
        sqlite3_bind_text(stmt, 5, body.constData(), int(body.size()), SQLITE_STATIC);
        ok = sqlite3_step(stmt) == SQLITE_DONE && ok;
        sqlite3_reset(stmt);
        ++m_sections;
    }
    sqlite3_finalize(stmt);
    return ok;
}

QString LessonSearchIndex::toFtsQuery(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption);
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    QStringList terms;
    for (const QString &word : words)
        terms << QLatin1Char('"') + word + QLatin1Char('"');
    if (terms.isEmpty())
        return {};
    if (!text.isEmpty() && text.back().isLetterOrNumber()) { // still typing the last word
        if (words.last().size() >= 2)
            terms.last() += QLatin1Char('*');
        else if (terms.size() > 1)
            terms.removeLast(); // one letter narrows nothing yet: "vector s" searches "vector"
    }
    return terms.join(QLatin1Char(' '));
}

QList<SearchHit> LessonSearchIndex::search(const QString &query, int limit) const
{
    QList<SearchHit> hits;
    const QByteArray fts = toFtsQuery(query).toUtf8();
    if (!m_db || fts.isEmpty())
        return hits;
    sqlite3_stmt *stmt = nullptr;
    // Title matches weigh most, then headings, then text. Ordered by FTS5's rank (not by a bm25()
    // column), snippet() runs for the rows returned only, not for every match.
    const char *sql = "SELECT lesson_path, lesson_title, heading, anchor, "
                      "snippet(sections, 4, '[[', ']]', '…', 12), rank "
                      "FROM sections WHERE sections MATCH ?1 AND rank MATCH 'bm25(0, 0, 10.0, 5.0, 1.0)' ORDER BY rank LIMIT ?2";
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return hits;
    sqlite3_bind_text(stmt, 1, fts.constData(), int(fts.size()), SQLITE_STATIC);
    sqlite3_bind_int(stmt, 2, limit);
    auto text = [stmt](int column) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column)),
                                 sqlite3_column_bytes(stmt, column));
    };
    while (sqlite3_step(stmt) == SQLITE_ROW)
        hits << SearchHit{text(0), text(1), text(2), text(3), text(4).simplified(), sqlite3_column_double(stmt, 5)};
    sqlite3_finalize(stmt);
    return hits;
}

} // namespace dblearn
