#include "datasets/featuresgenerator.h"

#include "datasets/datasetrandom.h"
#include "datasets/samplenames.h"
#include "datasets/valuetext.h"

#include <vector>

namespace dblearn {

namespace {

using Scaling = TableSpec::Scaling;

// Weekly feature snapshots (Sundays from 2024-01-07 to 2024-03-24, computed in a nightly batch),
// churn between mid-January and mid-April, labels in February and March.
const qint64 firstSnapshot = ValueText::epoch(2024, 1, 7);
constexpr int snapshots = 12;
const qint64 churnFrom = ValueText::epoch(2024, 1, 15);
const qint64 churnTo = ValueText::epoch(2024, 4, 15);
constexpr qint64 hour = 3600;
constexpr qint64 day = ValueText::day;

struct Feature {
    const char *name;
    const char *description;
    int windowDays;
    const char *source;
};

const Feature features[] = {
    {"sessions_7d", "Sessions in the 7 days before event_time.", 7, "app_events"},
    {"avg_session_minutes_7d", "Mean session length in minutes over the 7 days before event_time.", 7, "app_events"},
    {"spend_30d", "Amount billed in euros in the 30 days before event_time.", 30, "billing"},
    {"support_tickets_30d", "Support tickets opened in the 30 days before event_time.", 30, "support_desk"},
};
constexpr int featureCount = int(sizeof features / sizeof features[0]);

const char *const plans[] = {"free", "basic", "pro"};

struct Entity {
    qint64 churnAt = 0;  // 0: does not churn in the period
    double engagement = 0;
    int plan = 0;
    qint64 labelTime[2] = {0, 0};
};

// How active the entity is at `t`, 0..1: steady, fading over the three weeks before churn, then 0.
double activityAt(const Entity &e, qint64 t)
{
    if (e.churnAt == 0 || t < e.churnAt - 21 * day)
        return e.engagement;
    if (t >= e.churnAt)
        return 0;
    return e.engagement * double(e.churnAt - t) / double(21 * day);
}

} // namespace

FeaturesGenerator::FeaturesGenerator()
{
    m_tables << TableSpec(QStringLiteral("entities"), 100, Scaling::Linear,
                          QStringLiteral("Customers of a subscription app, the entities features describe."))
                    .id()
                    .column(QStringLiteral("signup_at"), ColumnType::Timestamp)
                    .column(QStringLiteral("country"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("plan"), ColumnType::ShortText, 20)
                    .check(QStringLiteral("plan IN ('free', 'basic', 'pro')"));
    m_tables << TableSpec(QStringLiteral("feature_definitions"), featureCount, Scaling::Fixed,
                          QStringLiteral("The feature registry: what each feature means, its window and source."))
                    .column(QStringLiteral("feature_name"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("description"), ColumnType::Text)
                    .column(QStringLiteral("window_days"), ColumnType::Integer)
                    .column(QStringLiteral("source"), ColumnType::ShortText, 40)
                    .key({QStringLiteral("feature_name")});
    m_tables << TableSpec(QStringLiteral("feature_values"), qint64(100) * snapshots * featureCount, Scaling::Linear,
                          QStringLiteral("Weekly values of each feature per entity. event_time is when the value "
                                         "was true; ingestion_time is when it reached the store: usually within the "
                                         "hour, but about 1 in 10 arrive days late."))
                    .id()
                    .column(QStringLiteral("entity_id"), ColumnType::Integer)
                    .column(QStringLiteral("feature_name"), ColumnType::ShortText, 60)
                    .column(QStringLiteral("value"), ColumnType::Double)
                    .column(QStringLiteral("event_time"), ColumnType::Timestamp)
                    .column(QStringLiteral("ingestion_time"), ColumnType::Timestamp)
                    .references({QStringLiteral("entity_id")}, QStringLiteral("entities"))
                    .references({QStringLiteral("feature_name")}, QStringLiteral("feature_definitions"),
                                {QStringLiteral("feature_name")})
                    .check(QStringLiteral("ingestion_time >= event_time"))
                    .index({QStringLiteral("entity_id"), QStringLiteral("feature_name"), QStringLiteral("event_time")});
    m_tables << TableSpec(QStringLiteral("labels"), 200, Scaling::Linear,
                          QStringLiteral("Two training examples per entity: at label_time, did the customer churn "
                                         "within the next 30 days? Features after label_time leak the answer."))
                    .column(QStringLiteral("entity_id"), ColumnType::Integer)
                    .column(QStringLiteral("label_time"), ColumnType::Timestamp)
                    .column(QStringLiteral("churned_within_30d"), ColumnType::Boolean)
                    .key({QStringLiteral("entity_id"), QStringLiteral("label_time")})
                    .references({QStringLiteral("entity_id")}, QStringLiteral("entities"));
}

QString FeaturesGenerator::name() const
{
    return QStringLiteral("features");
}

QString FeaturesGenerator::title() const
{
    return QStringLiteral("Feature store");
}

QString FeaturesGenerator::description() const
{
    return QStringLiteral("A feature store for churn prediction: entities, weekly feature values with event time "
                          "and ingestion time (some arrive late), and labels. Point-in-time-correct joins give "
                          "different answers from naive ones, and features after the label time leak it. For "
                          "feature stores, point-in-time joins, leakage and training/serving skew.");
}

QString FeaturesGenerator::scaleNote() const
{
    return QStringLiteral("Scale 1000 gives 100,000 entities and 4.8 million feature values.");
}

bool FeaturesGenerator::generate(DatasetSink &sink, int scale, quint64 seed) const
{
    TableWriter &entityRows = sink.table(QStringLiteral("entities"));
    TableWriter &definitionRows = sink.table(QStringLiteral("feature_definitions"));
    TableWriter &valueRows = sink.table(QStringLiteral("feature_values"));
    TableWriter &labelRows = sink.table(QStringLiteral("labels"));
    const qint64 entityCount = rowCount(QStringLiteral("entities"), scale);

    DatasetRandom random("features", seed, "entities");
    std::vector<Entity> entities(static_cast<size_t>(entityCount));
    const qint64 signupFrom = ValueText::epoch(2022, 1, 1);
    const qint64 signupSpan = 730 * day;
    for (qint64 i = 0; i < entityCount; ++i) {
        Entity &e = entities[size_t(i)];
        const qint64 p = random.uniform(0, 99);
        e.plan = p < 55 ? 0 : p < 85 ? 1 : 2;
        e.engagement = 0.15 + 0.85 * random.unit();
        // Less engaged customers on cheaper plans churn more often.
        const int churnPerMille = int(350 * (1.0 - e.engagement)) + (e.plan == 0 ? 120 : e.plan == 1 ? 60 : 20);
        if (random.chance(churnPerMille))
            e.churnAt = random.uniform(churnFrom, churnTo - 1);
        e.labelTime[0] = ValueText::epoch(2024, 2, 1) + random.uniform(0, 14 * day - 1);
        e.labelTime[1] = ValueText::epoch(2024, 3, 1) + random.uniform(0, 14 * day - 1);

        entityRows.addInteger(i + 1);
        entityRows.addTimestamp(signupFrom + (signupSpan * i) / entityCount + random.uniform(0, signupSpan / entityCount));
        entityRows.addText(SampleNames::randomPlace(random).country);
        entityRows.addText(plans[e.plan]);
        if (!entityRows.endRow())
            return false;
    }

    for (const Feature &f : features) {
        definitionRows.addText(f.name);
        definitionRows.addText(f.description);
        definitionRows.addInteger(f.windowDays);
        definitionRows.addText(f.source);
        if (!definitionRows.endRow())
            return false;
    }

    // Snapshot by snapshot, as the nightly batch produced them.
    DatasetRandom values("features", seed, "feature_values");
    qint64 id = 0;
    for (int s = 0; s < snapshots; ++s) {
        const qint64 batchStart = firstSnapshot + qint64(s) * 7 * day + 1 * hour;
        for (qint64 i = 0; i < entityCount; ++i) {
            const Entity &e = entities[size_t(i)];
            const qint64 eventTime = batchStart + values.uniform(0, 4 * hour);
            const double activity = activityAt(e, eventTime);
            const bool gone = e.churnAt != 0 && eventTime >= e.churnAt;
            qint64 hundredths[featureCount];
            // sessions_7d: whole sessions
            hundredths[0] = 100 * qMax(qint64(0), qint64(activity * 18.0 + values.normal() * 2.0 + 0.5));
            if (gone)
                hundredths[0] = 0;
            // avg_session_minutes_7d
            hundredths[1] = hundredths[0] == 0 ? 0 : qMax(qint64(100), qint64((4.0 + activity * 22.0 + values.normal() * 2.5) * 100.0));
            // spend_30d: the plan's price while subscribed, plus in-app purchases
            const qint64 planCents = e.plan == 0 ? 0 : e.plan == 1 ? 999 : 2999;
            hundredths[2] = gone ? 0 : planCents + (values.chance(int(200 * activity)) ? values.uniform(199, 4999) : 0);
            // support_tickets_30d: more trouble before leaving
            const int ticketChance = e.churnAt != 0 && eventTime >= e.churnAt - 30 * day ? 450 : 80;
            hundredths[3] = 100 * ((values.chance(ticketChance) ? 1 : 0) + (values.chance(ticketChance / 3) ? 1 : 0));

            for (int f = 0; f < featureCount; ++f) {
                const qint64 r = values.uniform(0, 999);
                qint64 delay;
                if (r < 880)
                    delay = values.uniform(5 * 60, hour); // the usual pipeline
                else if (r < 980)
                    delay = values.uniform(day, 4 * day); // a late partition
                else
                    delay = values.uniform(7 * day, 14 * day); // a backfill
                valueRows.addInteger(++id);
                valueRows.addInteger(i + 1);
                valueRows.addText(features[f].name);
                valueRows.addFixed(hundredths[f], 2);
                valueRows.addTimestamp(eventTime);
                valueRows.addTimestamp(eventTime + delay);
                if (!valueRows.endRow())
                    return false;
            }
        }
    }

    for (qint64 i = 0; i < entityCount; ++i) {
        const Entity &e = entities[size_t(i)];
        for (const qint64 t : e.labelTime) {
            labelRows.addInteger(i + 1);
            labelRows.addTimestamp(t);
            labelRows.addBoolean(e.churnAt > t && e.churnAt <= t + 30 * day);
            if (!labelRows.endRow())
                return false;
        }
    }
    return true;
}

} // namespace dblearn
