#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace dblearn {

// Where the statements of an editor's script are, so the console can run "the statement under
// the cursor". It splits by the dialect's rules (quotes, comments, dollar quoting) through
// StatementSplitter; execution itself walks the script with the engine's own parser.
class StatementLocator final
{
public:
    struct Range {
        int begin = -1; // first character of the statement
        int end = -1;   // one past its last character, not counting the ';'
        bool isValid() const { return begin >= 0 && end > begin; }
        int length() const { return end - begin; }
    };

    // dialect: a backend's declared dialect ("sqlite", "postgresql", "mysql").
    static QList<Range> split(QStringView sql, const QString &dialect);

    // The statement the cursor is in. In the gap between two statements: the one before, when the
    // cursor is still on the line where it ended (just after its ';'); otherwise the next one, or
    // the last one when none follows. Invalid when the script holds no statement.
    static Range at(QStringView sql, int cursor, const QString &dialect);

    // Line and column (1-based) of a character offset, for messages.
    static void lineAndColumn(QStringView sql, int offset, int *line, int *column);
};

} // namespace dblearn
