#include "progress/progressstore.h"

#include <sqlite3.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>
#include <QUrl>

#include <memory>

namespace dblearn {

namespace {

constexpr int schemaVersion = 1;

const char schemaSql[] = R"sql(
CREATE TABLE IF NOT EXISTS lesson_state (
    lesson_path   TEXT PRIMARY KEY,
    first_opened  TEXT NOT NULL,
    last_opened   TEXT NOT NULL,
    read_at       TEXT,
    seconds_spent INTEGER NOT NULL DEFAULT 0 CHECK (seconds_spent >= 0)
);
CREATE TABLE IF NOT EXISTS exercise_attempts (
    id          INTEGER PRIMARY KEY,
    lesson_path TEXT NOT NULL,
    exercise_id TEXT NOT NULL,
    at          TEXT NOT NULL,
    passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
    sql_text    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS exercise_attempts_by_lesson ON exercise_attempts (lesson_path, exercise_id);
CREATE TABLE IF NOT EXISTS quiz_answers (
    lesson_path TEXT NOT NULL,
    quiz_id     TEXT NOT NULL,
    question    INTEGER NOT NULL,
    answer      TEXT NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    at          TEXT NOT NULL,
    PRIMARY KEY (lesson_path, quiz_id, question)
);
CREATE TABLE IF NOT EXISTS quiz_log (
    id INTEGER PRIMARY KEY, lesson_path TEXT NOT NULL, at TEXT NOT NULL, correct INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS bookmarks (
    lesson_path TEXT NOT NULL,
    anchor      TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL,
    created     TEXT NOT NULL,
    PRIMARY KEY (lesson_path, anchor)
);
CREATE TABLE IF NOT EXISTS notes (
    lesson_path TEXT PRIMARY KEY,
    markdown    TEXT NOT NULL,
    updated     TEXT NOT NULL
);
)sql";

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// A prepared statement with typed binding; finalised on destruction.
class Statement final
{
public:
    Statement(sqlite3 *db, const char *sql)
    {
        if (db)
            sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    bool isValid() const { return m_stmt != nullptr; }
    Statement &bind(int index, const QString &value)
    {
        const QByteArray utf8 = value.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement &bind(int index, qint64 value)
    {
        sqlite3_bind_int64(m_stmt, index, value);
        return *this;
    }
    int step() { return m_stmt ? sqlite3_step(m_stmt) : SQLITE_MISUSE; }
    bool run() { return step() == SQLITE_DONE; }
    QString text(int column) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column)) : QString();
    }
    qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace

class ProgressStore::WriterLock
{
public:
    explicit WriterLock(const QString &path) : lock(path) { lock.setStaleLockTime(0); }
    QLockFile lock;
};

ProgressStore::ProgressStore() = default;

ProgressStore::~ProgressStore()
{
    close();
}

QString ProgressStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/progress.sqlite");
}

bool ProgressStore::fail(const QString &message) const
{
    m_lastError = message;
    return false;
}

bool ProgressStore::checkWritable() const
{
    if (!m_db)
        return fail(QStringLiteral("the progress store is not open"));
    if (m_readOnly)
        return fail(m_readOnlyReason);
    return true;
}

bool ProgressStore::exec(const char *sql) const
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        m_lastError = QString::fromUtf8(message ? message : sqlite3_errmsg(m_db));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool ProgressStore::open(const QString &filePath, QString *error)
{
    close();
    const QFileInfo info(filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("cannot create the folder %1 for the progress store").arg(info.absolutePath());
        return false;
    }

    // One writer: a second running instance gets the store read-only. So does a folder that cannot
    // be written (a read-only mount or permissions): nobody can change the file there, so it is opened
    // as immutable (a WAL store cannot otherwise be read without creating its -shm file).
    const bool folderReadOnly = !QFileInfo(info.absolutePath()).isWritable();
    m_lock = new WriterLock(filePath + QLatin1String(".lock"));
    m_readOnly = folderReadOnly || !m_lock->lock.tryLock(0);
    if (m_readOnly && !folderReadOnly && m_lock->lock.error() == QLockFile::LockFailedError
        && m_lock->lock.removeStaleLockFile())
        m_readOnly = !m_lock->lock.tryLock(0);

    QString notice;
    for (int attempt = 0; attempt < 2; ++attempt) {
        const int flags = m_readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (m_readOnly && !info.exists()) {
            *error = folderReadOnly
                         ? QStringLiteral("the folder %1 is read-only and holds no progress store yet").arg(info.absolutePath())
                         : QStringLiteral("another DB Learn is writing the progress store and it does not exist yet");
            close();
            return false;
        }
        const QByteArray name = folderReadOnly ? QUrl::fromLocalFile(filePath).toEncoded() + "?immutable=1" : filePath.toUtf8();
        const int uri = folderReadOnly ? SQLITE_OPEN_URI : 0;
        QString details; // what the integrity check found wrong
        if (sqlite3_open_v2(name.constData(), &m_db, flags | uri | SQLITE_OPEN_NOMUTEX, nullptr) == SQLITE_OK) {
            sqlite3_busy_timeout(m_db, 2000);
            const bool readable = exec("PRAGMA schema_version") && integrityCheck(&details);
            if (readable) {
                if (m_readOnly || (exec("PRAGMA journal_mode=WAL") && exec("PRAGMA synchronous=FULL")
                                   && exec("PRAGMA foreign_keys=ON") && migrate())) {
                    if (folderReadOnly)
                        notice = QStringLiteral("the folder %1 is read-only: progress is shown but not saved")
                                     .arg(info.absolutePath());
                    else if (m_readOnly)
                        notice = QStringLiteral("another DB Learn is running: progress is shown but not saved");
                    if (m_readOnly)
                        m_readOnlyReason = notice;
                    if (!notice.isEmpty())
                        *error = notice;
                    return true;
                }
                *error = QStringLiteral("cannot prepare the progress store %1: %2").arg(filePath, m_lastError);
                close();
                return false;
            }
        }
        const QString reason = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
        // Only a damaged file is moved aside. A full disk, an I/O error or a permission problem says
        // nothing about the file, which must stay where it is for the next start.
        const int code = m_db ? sqlite3_errcode(m_db) & 0xff : SQLITE_NOMEM;
        const bool checkFoundProblems = (code == SQLITE_OK || code == SQLITE_DONE) && !details.isEmpty();
        const bool damaged = code == SQLITE_CORRUPT || code == SQLITE_NOTADB || checkFoundProblems;
        sqlite3_close(m_db);
        m_db = nullptr;
        if (m_readOnly || attempt > 0 || !damaged) {
            *error = QStringLiteral("cannot open the progress store %1: %2").arg(filePath, reason);
            close();
            return false;
        }
        // Keep the damaged file for inspection and start afresh rather than refusing to run.
        const QString aside = filePath + QLatin1String(".corrupt-")
                              + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
        QFile::rename(filePath, aside);
        QFile::remove(filePath + QLatin1String("-wal"));
        QFile::remove(filePath + QLatin1String("-shm"));
        notice = QStringLiteral("the progress store was damaged (%1); it was moved to %2 and a new one started")
                     .arg(reason, aside);
    }
    return false;
}

void ProgressStore::close()
{
    if (m_db) {
        sqlite3_close(m_db);
        m_db = nullptr;
    }
    delete m_lock; // unlocks
    m_lock = nullptr;
    m_readOnly = false;
    m_readOnlyReason.clear();
}

bool ProgressStore::migrate()
{
    Statement version(m_db, "PRAGMA user_version");
    const int current = version.step() == SQLITE_ROW ? int(version.integer(0)) : 0;
    if (current > schemaVersion)
        return fail(QStringLiteral("the progress store was written by a newer DB Learn (schema %1, this one knows %2)")
                        .arg(current)
                        .arg(schemaVersion));
    if (current == schemaVersion)
        return true;
    if (!exec("BEGIN IMMEDIATE"))
        return false;
    if (!exec(schemaSql) || !exec("PRAGMA user_version = 1")) {
        exec("ROLLBACK");
        return false;
    }
    return exec("COMMIT");
}

bool ProgressStore::integrityCheck(QString *details) const
{
    Statement check(m_db, "PRAGMA quick_check");
    if (!check.isValid()) {
        *details = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    QStringList problems;
    while (check.step() == SQLITE_ROW) {
        const QString line = check.text(0);
        if (line != QLatin1String("ok"))
            problems << line;
    }
    *details = problems.join(QLatin1String("; "));
    return problems.isEmpty();
}

bool ProgressStore::markOpened(const QString &lessonPath)
{
    if (!checkWritable())
        return false;
    const QString now = nowText();
    Statement s(m_db, "INSERT INTO lesson_state (lesson_path, first_opened, last_opened) VALUES (?1, ?2, ?2) "
                      "ON CONFLICT (lesson_path) DO UPDATE SET last_opened = excluded.last_opened");
    return s.bind(1, lessonPath).bind(2, now).run() || fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
}

bool ProgressStore::markRead(const QString &lessonPath)
{
    if (!checkWritable() || !markOpened(lessonPath))
        return false;
    Statement s(m_db, "UPDATE lesson_state SET read_at = coalesce(read_at, ?2) WHERE lesson_path = ?1");
    return s.bind(1, lessonPath).bind(2, nowText()).run() || fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
}

bool ProgressStore::addTimeSpent(const QString &lessonPath, qint64 seconds)
{
    if (!checkWritable() || seconds <= 0 || !markOpened(lessonPath))
        return false;
    Statement s(m_db, "UPDATE lesson_state SET seconds_spent = seconds_spent + ?2 WHERE lesson_path = ?1");
    return s.bind(1, lessonPath).bind(2, qMin<qint64>(seconds, 24 * 3600)).run()
           || fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
}

bool ProgressStore::recordExerciseAttempt(const QString &lessonPath, const QString &exerciseId, bool passed,
                                          const QString &sql)
{
    if (!checkWritable())
        return false;
    Statement s(m_db, "INSERT INTO exercise_attempts (lesson_path, exercise_id, at, passed, sql_text) "
                      "VALUES (?1, ?2, ?3, ?4, ?5)");
    // Cap the stored text: an attempt is a query, not a document.
    return s.bind(1, lessonPath).bind(2, exerciseId).bind(3, nowText()).bind(4, passed ? 1 : 0).bind(5, sql.left(100000)).run()
           || fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
}

bool ProgressStore::recordQuizAnswer(const QString &lessonPath, const QString &quizId, int question,
                                     const QList<int> &answer, bool correct)
{
    if (!checkWritable())
        return false;
    QStringList parts;
    for (int a : answer)
        parts << QString::number(a);
    const QString now = nowText();
    if (!exec("BEGIN IMMEDIATE"))
        return false;
    Statement s(m_db, "INSERT INTO quiz_answers (lesson_path, quiz_id, question, answer, correct, at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (lesson_path, quiz_id, question) DO UPDATE SET "
                      "answer = excluded.answer, correct = excluded.correct, at = excluded.at");
    Statement log(m_db, "INSERT INTO quiz_log (lesson_path, at, correct) VALUES (?1, ?2, ?3)");
    const bool ok = s.bind(1, lessonPath).bind(2, quizId).bind(3, qint64(question)).bind(4, parts.join(QLatin1Char(',')))
                        .bind(5, correct ? 1 : 0).bind(6, now).run()
                    && log.bind(1, lessonPath).bind(2, now).bind(3, correct ? 1 : 0).run();
    if (!ok) {
        fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
        exec("ROLLBACK");
        return false;
    }
    return exec("COMMIT");
}

LessonProgress ProgressStore::lessonProgress(const QString &lessonPath) const
{
    const QList<LessonProgress> all = allProgress();
    for (const LessonProgress &p : all) {
        if (p.lessonPath == lessonPath)
            return p;
    }
    LessonProgress none;
    none.lessonPath = lessonPath;
    return none;
}

QList<LessonProgress> ProgressStore::allProgress() const
{
    QList<LessonProgress> list;
    Statement s(m_db, R"sql(
        SELECT l.lesson_path, l.read_at IS NOT NULL, l.seconds_spent, l.last_opened,
               (SELECT count(DISTINCT exercise_id) FROM exercise_attempts e WHERE e.lesson_path = l.lesson_path AND passed),
               (SELECT count(*) FROM exercise_attempts e WHERE e.lesson_path = l.lesson_path),
               (SELECT count(*) FROM quiz_answers q WHERE q.lesson_path = l.lesson_path AND correct),
               (SELECT count(*) FROM quiz_answers q WHERE q.lesson_path = l.lesson_path)
        FROM lesson_state l ORDER BY l.lesson_path)sql");
    while (s.step() == SQLITE_ROW) {
        LessonProgress p;
        p.lessonPath = s.text(0);
        p.read = s.integer(1) != 0;
        p.secondsSpent = s.integer(2);
        p.lastOpened = QDateTime::fromString(s.text(3), Qt::ISODateWithMs);
        p.exercisesPassed = int(s.integer(4));
        p.exerciseAttempts = int(s.integer(5));
        p.quizCorrect = int(s.integer(6));
        p.quizAnswered = int(s.integer(7));
        list << p;
    }
    return list;
}

QString ProgressStore::lastOpenedLesson() const
{
    Statement s(m_db, "SELECT lesson_path FROM lesson_state ORDER BY last_opened DESC LIMIT 1");
    return s.step() == SQLITE_ROW ? s.text(0) : QString();
}

bool ProgressStore::isExercisePassed(const QString &lessonPath, const QString &exerciseId) const
{
    Statement s(m_db, "SELECT 1 FROM exercise_attempts WHERE lesson_path = ?1 AND exercise_id = ?2 AND passed LIMIT 1");
    return s.bind(1, lessonPath).bind(2, exerciseId).step() == SQLITE_ROW;
}

bool ProgressStore::setBookmark(const Bookmark &bookmark)
{
    if (!checkWritable())
        return false;
    Statement s(m_db, "INSERT INTO bookmarks (lesson_path, anchor, title, created) VALUES (?1, ?2, ?3, ?4) "
                      "ON CONFLICT (lesson_path, anchor) DO UPDATE SET title = excluded.title");
    const QString created = (bookmark.created.isValid() ? bookmark.created : QDateTime::currentDateTimeUtc())
                                .toString(Qt::ISODateWithMs);
    return s.bind(1, bookmark.lessonPath).bind(2, bookmark.anchor).bind(3, bookmark.title).bind(4, created).run()
           || fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
}

bool ProgressStore::removeBookmark(const QString &lessonPath, const QString &anchor)
{
    if (!checkWritable())
        return false;
    Statement s(m_db, "DELETE FROM bookmarks WHERE lesson_path = ?1 AND anchor = ?2");
    return s.bind(1, lessonPath).bind(2, anchor).run() || fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
}

QList<Bookmark> ProgressStore::bookmarks() const
{
    QList<Bookmark> list;
    Statement s(m_db, "SELECT lesson_path, anchor, title, created FROM bookmarks ORDER BY created, lesson_path");
    while (s.step() == SQLITE_ROW)
        list << Bookmark{s.text(0), s.text(1), s.text(2), QDateTime::fromString(s.text(3), Qt::ISODateWithMs)};
    return list;
}

bool ProgressStore::setNote(const QString &lessonPath, const QString &markdown)
{
    if (!checkWritable())
        return false;
    if (markdown.trimmed().isEmpty()) {
        Statement s(m_db, "DELETE FROM notes WHERE lesson_path = ?1");
        return s.bind(1, lessonPath).run() || fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
    }
    Statement s(m_db, "INSERT INTO notes (lesson_path, markdown, updated) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT (lesson_path) DO UPDATE SET markdown = excluded.markdown, updated = excluded.updated");
    return s.bind(1, lessonPath).bind(2, markdown).bind(3, nowText()).run()
           || fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
}

QString ProgressStore::note(const QString &lessonPath) const
{
    Statement s(m_db, "SELECT markdown FROM notes WHERE lesson_path = ?1");
    return s.bind(1, lessonPath).step() == SQLITE_ROW ? s.text(0) : QString();
}

QList<QPair<QString, QString>> ProgressStore::allNotes() const
{
    QList<QPair<QString, QString>> list;
    Statement s(m_db, "SELECT lesson_path, markdown FROM notes ORDER BY lesson_path");
    while (s.step() == SQLITE_ROW)
        list.append({s.text(0), s.text(1)});
    return list;
}

QList<ActivityDay> ProgressStore::activity(const QDate &from, const QDate &to) const
{
    QList<ActivityDay> days;
    for (QDate d = from; d <= to; d = d.addDays(1))
        days << ActivityDay{d, 0, 0, 0, 0};
    if (days.isEmpty() || !m_db)
        return days;
    auto add = [&](const char *sql, auto member) {
        Statement s(m_db, sql);
        s.bind(1, from.toString(Qt::ISODate)).bind(2, to.addDays(1).toString(Qt::ISODate));
        while (s.step() == SQLITE_ROW) {
            const qint64 index = from.daysTo(QDate::fromString(s.text(0), Qt::ISODate));
            if (index >= 0 && index < days.size())
                days[index].*member += int(s.integer(1));
        }
    };
    add("SELECT substr(read_at, 1, 10), count(*) FROM lesson_state WHERE read_at >= ?1 AND read_at < ?2 GROUP BY 1",
        &ActivityDay::lessonsRead);
    add("SELECT substr(at, 1, 10), count(*) FROM exercise_attempts WHERE at >= ?1 AND at < ?2 GROUP BY 1",
        &ActivityDay::exerciseAttempts);
    add("SELECT substr(at, 1, 10), count(*) FROM exercise_attempts WHERE passed AND at >= ?1 AND at < ?2 GROUP BY 1",
        &ActivityDay::exercisesPassed);
    add("SELECT substr(at, 1, 10), count(*) FROM quiz_log WHERE at >= ?1 AND at < ?2 GROUP BY 1",
        &ActivityDay::quizAnswers);
    return days;
}

} // namespace dblearn
