// dblearn-bench-plan: reads a large PostgreSQL JSON plan and times, in the same run,
//   baseline: QJsonDocument::fromJson on the file's bytes;
//   ours:     PlanParser (format detection, JSON, duplicate-key scan, model) + PlanAnalyzer
//             (totals, exclusive times, warnings) + PlanLayout (the graph's card positions).
// Prints one JSON line: {"nodes": N, "ours": seconds, "baseline": seconds, "rounds": R} (medians).

#include "plans/plananalyzer.h"
#include "plans/planlayout.h"
#include "plans/planparser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace dblearn;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: dblearn-bench-plan PLAN.json [ROUNDS]\n");
        return 2;
    }
    QFile file(args.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }
    const QByteArray data = file.readAll();
    const int rounds = args.size() > 2 ? args.at(2).toInt() : 9;
    std::vector<double> ours;
    std::vector<double> baseline;
    int nodes = 0;
    for (int round = 0; round < rounds; ++round) {
        // Alternate the order so neither side always runs on a warm allocator.
        for (int side = 0; side < 2; ++side) {
            const bool oursNow = (round + side) % 2 == 0;
            QElapsedTimer timer;
            timer.start();
            if (oursNow) {
                Plan plan;
                PlanParseError error;
                if (!PlanParser::parse(data, PlanFormat::Auto, &plan, &error)) {
                    std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
                    return 1;
                }
                PlanAnalyzer::analyze(&plan);
                PlanLayout layout;
                layout.layout(plan);
                nodes = plan.nodeCount();
                ours.push_back(timer.nsecsElapsed() / 1e9);
            } else {
                const QJsonDocument document = QJsonDocument::fromJson(data);
                if (document.isNull())
                    return 1;
                baseline.push_back(timer.nsecsElapsed() / 1e9);
            }
        }
    }
    std::printf("{\"nodes\": %d, \"ours\": %.6f, \"baseline\": %.6f, \"rounds\": %d}\n", nodes, median(ours),
                median(baseline), rounds);
    return 0;
}
