#pragma once

#include <QString>
#include <QStringList>

namespace dblearn {

// An exercise the app checks, from an ```exercise block (docs/lesson-format.md, "Exercises").
// The reference solution never goes into the page; the app reveals it through the bridge.
struct Exercise {
    QString id;                 // author's id, else "exercise-N" (N counts exercises in the lesson)
    int number = 0;             // 1-based position among the lesson's exercises
    QString title;              // may be empty
    QString engine;             // "sqlite", "postgresql", ...
    QString dataset;            // bundled dataset; empty = an empty database
    QStringList variantDatasets; // same schema, other data: the checker runs both queries there too
    QString prompt;             // markdown source
    QString starter;            // SQL put in the editor at first
    QStringList hints;          // markdown sources, shown one by one
    QString solution;           // reference SQL
    QString verify;             // DML/DDL exercises: query whose result after the learner's SQL is compared
    bool ordered = false;       // row order matters
    bool checkColumnNames = false; // compare column names as well as positions
    double floatTolerance = 1e-9;  // absolute tolerance for floating-point values

    int line = 0;         // opening fence
    int solutionLine = 0; // first line of the solution text (for checker messages)
    int verifyLine = 0;   // first line of the verify query; 0 when there is none

    bool isDml() const { return !verify.isEmpty(); }
};

} // namespace dblearn
