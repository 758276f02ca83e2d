#pragma once

#include "plans/plananalyzer.h"
#include "plans/planparser.h"

#include <QDir>
#include <QFile>
#include <QTest>

// Reading the fixtures of tests/fixtures/plans.
namespace planfixtures {

inline QString path(const QString &name)
{
    return QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fixtures/plans/") + name;
}

inline QStringList all()
{
    return QDir(QStringLiteral(DBLEARN_TEST_SOURCE_DIR "/fixtures/plans")).entryList(QDir::Files, QDir::Name);
}

inline QByteArray bytes(const QString &name)
{
    QFile file(path(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("fixture %s missing", qPrintable(name));
    return file.readAll();
}

// Parses and analyses a fixture; fails the test (returns an empty plan) when it cannot be read.
inline dblearn::Plan load(const QString &name, const dblearn::PlanWarningContext &context = {})
{
    dblearn::Plan plan;
    dblearn::PlanParseError error;
    if (!dblearn::PlanParser::parse(bytes(name), dblearn::PlanFormat::Auto, &plan, &error)) {
        qWarning("%s: %s", qPrintable(name), qPrintable(error.toString()));
        return {};
    }
    dblearn::PlanAnalyzer::analyze(&plan, context);
    return plan;
}

inline int findNode(const dblearn::Plan &plan, const QString &type, const QString &relation = {})
{
    for (const dblearn::PlanNode &node : plan.nodes) {
        if (node.type == type && (relation.isEmpty() || node.relation == relation || node.cteName == relation))
            return node.id;
    }
    return -1;
}

inline bool hasWarning(const dblearn::PlanNode &node, const QString &rule)
{
    for (const dblearn::PlanWarning &w : node.warnings) {
        if (w.rule == rule)
            return true;
    }
    return false;
}

} // namespace planfixtures
