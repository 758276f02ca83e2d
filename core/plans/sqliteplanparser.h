#pragma once

#include "plans/plan.h"
#include "plans/planparseerror.h"

#include <QString>

namespace dblearn {

// SQLite's EXPLAIN QUERY PLAN in the three shapes it reaches DB Learn: the rows the sqlite plugin
// returns as JSON ([{"id", "parent", "detail"}]), the sqlite3 shell's tree ("QUERY PLAN",
// "|--SCAN t", "`--..."), and raw "id|parent|notused|detail" rows. The tree is rebuilt from the
// parent ids under one "QUERY PLAN" root. Every detail kind of 3.24 to 3.45 gets its type.
// EXPLAIN QUERY PLAN has no costs or row counts; runtime figures would come from
// sqlite3_stmt_scanstatus_v2, which Debian 12's libsqlite3 3.40 is built without.
class SqlitePlanParser final
{
public:
    bool parse(const QString &text, Plan *plan, PlanParseError *error);
    // Sets type, relation, index and conditions from one detail string.
    static void describe(const QString &detail, PlanNode *node);

private:
    struct Row {
        qint64 id = 0;
        qint64 parent = 0;
        QString detail;
    };
    static bool readJson(const QString &text, QList<Row> *rows, PlanParseError *error);
    static bool readShellTree(const QStringList &lines, QList<Row> *rows, PlanParseError *error);
    static bool readPipeRows(const QStringList &lines, QList<Row> *rows, PlanParseError *error);
};

} // namespace dblearn
