// libFuzzer target: every plan parser and the format detection. The first byte picks the format
// (byte % 7: 0 auto-detect, 1 pg-json, 2 pg-text, 3 mariadb-json, 4 mysql-json, 5 mysql-tree,
// 6 sqlite-eqp); the rest is the plan. Invariants: a refusal says why; a read plan is a
// well-formed tree in pre-order (nodes[i].id == i, parents before children, parent and children
// agree); the analyzer, the layout, the text report, the JSON export and a diff against itself
// (every node the same) all run on it, and the export counts the same nodes.
#include "fuzzcheck.h"

#include "plans/plan.h"
#include "plans/plananalyzer.h"
#include "plans/plandiff.h"
#include "plans/planformat.h"
#include "plans/planjsonwriter.h"
#include "plans/planlayout.h"
#include "plans/planparseerror.h"
#include "plans/planparser.h"
#include "plans/plantextreport.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace dblearn;

namespace {

constexpr PlanFormat formats[] = {PlanFormat::Auto,      PlanFormat::PgJson,    PlanFormat::PgText,    PlanFormat::MariaDbJson,
                                  PlanFormat::MySqlJson, PlanFormat::MySqlTree, PlanFormat::SqliteEqp};

void checkTree(const Plan &plan)
{
    const int n = plan.nodeCount();
    for (int i = 0; i < n; ++i) {
        const PlanNode &node = plan.nodes[size_t(i)];
        DBLEARN_FUZZ_CHECK(node.id == i, QStringLiteral("node %1 has id %2").arg(i).arg(node.id));
        DBLEARN_FUZZ_CHECK(node.parent < i && (i == 0 ? node.parent == -1 : node.parent >= 0),
                           QStringLiteral("node %1 has parent %2").arg(i).arg(node.parent));
        if (node.parent >= 0)
            DBLEARN_FUZZ_CHECK(plan.nodes[size_t(node.parent)].children.contains(i),
                               QStringLiteral("node %1 is not a child of its parent %2").arg(i).arg(node.parent));
        for (const int child : node.children) {
            DBLEARN_FUZZ_CHECK(child > i && child < n && plan.nodes[size_t(child)].parent == i,
                               QStringLiteral("node %1 lists child %2").arg(i).arg(child));
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const PlanFormat format = formats[data[0] % std::size(formats)];
    const QByteArray text(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    Plan plan;
    PlanParseError error;
    if (!PlanParser::parse(text, format, &plan, &error)) {
        DBLEARN_FUZZ_CHECK(error.isError(), QStringLiteral("refused without a message"));
        DBLEARN_FUZZ_CHECK(error.line >= 0 && error.column >= 0, QStringLiteral("error at %1:%2").arg(error.line).arg(error.column));
        return 0;
    }
    DBLEARN_FUZZ_CHECK(!error.isError(), QStringLiteral("read, yet an error: %1").arg(error.toString()));
    if (format != PlanFormat::Auto)
        DBLEARN_FUZZ_CHECK(plan.format == format, QStringLiteral("asked for %1, read as %2")
                                                       .arg(PlanFormats::name(format), PlanFormats::name(plan.format)));
    checkTree(plan);
    if (plan.isEmpty())
        return 0;

    PlanAnalyzer::analyze(&plan);
    checkTree(plan);
    for (const PlanNode &node : plan.nodes)
        DBLEARN_FUZZ_CHECK(!(node.exclusiveTimeMs < 0), QStringLiteral("node %1 has negative own time %2").arg(node.id).arg(node.exclusiveTimeMs));

    PlanLayout layout;
    layout.layout(plan);
    DBLEARN_FUZZ_CHECK(layout.visibleCount() == plan.nodeCount(),
                       QStringLiteral("%1 of %2 nodes laid out").arg(layout.visibleCount()).arg(plan.nodeCount()));

    const QString tree = PlanTextReport::tree(plan);
    DBLEARN_FUZZ_CHECK(!tree.isEmpty(), QStringLiteral("an empty text report"));
    PlanTextReport::markdown(plan);

    const QJsonObject json = PlanJsonWriter::toJson(plan);
    DBLEARN_FUZZ_CHECK(json.value(QLatin1String("nodeCount")).toInt() == plan.nodeCount(),
                       QStringLiteral("the export counts %1 nodes, the plan has %2")
                           .arg(json.value(QLatin1String("nodeCount")).toInt()).arg(plan.nodeCount()));
    QJsonDocument(json).toJson(QJsonDocument::Compact);

    const PlanDiff diff = PlanDiff::compare(plan, plan);
    for (const PlanDiff::Entry &entry : diff.entries())
        DBLEARN_FUZZ_CHECK(entry.kind == PlanDiff::Entry::Kind::Same,
                           QStringLiteral("a plan differs from itself at node %1: %2").arg(entry.a).arg(entry.description));
    return 0;
}
