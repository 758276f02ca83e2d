#include "cost/worksheetfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <limits>

namespace dblearn {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// A number from JSON: NaN for anything that is not a number (a string, null, an object).
double number(const QJsonValue &v)
{
    return v.isDouble() ? v.toDouble() : nan;
}

// Reads an optional number setting: absent keeps `fallback`; present but not a number gives NaN.
double setting(const QJsonObject &o, const char *key, double fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isUndefined() ? fallback : number(v);
}

QString describeParseError(const QByteArray &data, const QJsonParseError &e)
{
    const QByteArray trimmed = data.trimmed();
    // Qt reports where it stopped: at the very end of the data, the file was cut short.
    const bool atEnd = e.offset >= trimmed.size() - 1;
    const QByteArray before = data.left(e.offset);
    const int line = int(before.count('\n')) + 1;
    const int column = int(e.offset - before.lastIndexOf('\n'));
    if (atEnd)
        return QStringLiteral("the file ends early (truncated?) at line %1, column %2: %3")
            .arg(line).arg(column).arg(e.errorString());
    return QStringLiteral("not valid JSON at line %1, column %2: %3").arg(line).arg(column).arg(e.errorString());
}

bool readComponent(const QJsonObject &o, const QString &where, CostComponent *out, QString *error)
{
    ComponentKind kind;
    const QString kindName = o.value(QLatin1String("kind")).toString();
    if (!ComponentSpecs::kindFromName(kindName, &kind)) {
        *error = QStringLiteral("%1: unknown component kind \"%2\"").arg(where, kindName);
        return false;
    }
    CostComponent c = CostComponent::make(kind, o.value(QLatin1String("name")).toString());
    c.note = o.value(QLatin1String("note")).toString();
    const QString w = where + QStringLiteral(" › ") + c.name;
    if (o.contains(QLatin1String("commitment"))) {
        const QString name = o.value(QLatin1String("commitment")).toString();
        if (!ComponentSpecs::commitmentFromName(name, &c.commitment)) {
            *error = QStringLiteral("%1: unknown commitment \"%2\" (on-demand, reserved or savings-plan)").arg(w, name);
            return false;
        }
    }
    // Every parameter starts missing; the file must give each one that is used.
    std::fill(c.present.begin(), c.present.end(), false);
    const QJsonObject params = o.value(QLatin1String("params")).toObject();
    for (auto it = params.begin(); it != params.end(); ++it) {
        const int index = ComponentSpecs::parameterIndex(kind, it.key());
        if (index < 0) {
            *error = QStringLiteral("%1: unknown parameter \"%2\" for a %3 component").arg(w, it.key(), kindName);
            return false;
        }
        c.setValue(index, number(it.value()));
    }
    const QJsonObject prices = o.value(QLatin1String("prices")).toObject();
    for (auto it = prices.begin(); it != prices.end(); ++it)
        c.priceRefs.insert(it.key(), it.value().toString());
    if (o.contains(QLatin1String("growth"))) {
        const QJsonObject g = o.value(QLatin1String("growth")).toObject();
        const QString model = g.value(QLatin1String("model")).toString();
        if (!GrowthModel::typeFromName(model, &c.growth.type)) {
            *error = QStringLiteral("%1: unknown growth model \"%2\" (fixed, linear or compound)").arg(w, model);
            return false;
        }
        if (c.growth.type == GrowthModel::Type::Linear)
            c.growth.rate = number(g.value(QLatin1String("perMonth")));
        else if (c.growth.type == GrowthModel::Type::Compound)
            c.growth.rate = number(g.value(QLatin1String("annualRate")));
    }
    const QJsonArray tiers = o.value(QLatin1String("tiers")).toArray();
    for (const QJsonValue &t : tiers) {
        const QJsonValue upTo = t.toObject().value(QLatin1String("upToGb"));
        c.tiers.append({upTo.isNull() ? std::numeric_limits<double>::infinity() : number(upTo),
                        number(t.toObject().value(QLatin1String("pricePerGb")))});
    }
    *out = c;
    return true;
}

QJsonValue jsonNumber(double v)
{
    // JSON has no NaN or infinity: they are written as null and read back as "not a number".
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString WorksheetFile::formatName()
{
    return QStringLiteral("dblearn-worksheet");
}

QJsonObject WorksheetFile::upgradeFromVersion1(const QJsonObject &v1)
{
    QJsonObject root = v1;
    root.insert(QStringLiteral("format"), formatName());
    root.insert(QStringLiteral("schemaVersion"), 2);
    if (root.contains(QLatin1String("months")))
        root.insert(QStringLiteral("horizonMonths"), root.take(QStringLiteral("months")));
    QJsonObject finance;
    if (root.contains(QLatin1String("discountRatePercent")))
        finance.insert(QStringLiteral("discountRate"), root.take(QStringLiteral("discountRatePercent")).toDouble() / 100.0);
    if (root.contains(QLatin1String("inflationPercent")))
        finance.insert(QStringLiteral("inflation"), root.take(QStringLiteral("inflationPercent")).toDouble() / 100.0);
    root.insert(QStringLiteral("finance"), finance);
    QJsonArray scenarios = root.value(QLatin1String("scenarios")).toArray();
    for (int s = 0; s < scenarios.size(); ++s) {
        QJsonObject scenario = scenarios[s].toObject();
        QJsonArray components = scenario.value(QLatin1String("components")).toArray();
        for (int c = 0; c < components.size(); ++c) {
            QJsonObject component = components[c].toObject();
            if (component.contains(QLatin1String("growthPercentPerYear"))) {
                const double percent = component.take(QStringLiteral("growthPercentPerYear")).toDouble();
                component.insert(QStringLiteral("growth"),
                                 QJsonObject{{QStringLiteral("model"), QStringLiteral("compound")},
                                             {QStringLiteral("annualRate"), percent / 100.0}});
            }
            components[c] = component;
        }
        scenario.insert(QStringLiteral("components"), components);
        scenarios[s] = scenario;
    }
    root.insert(QStringLiteral("scenarios"), scenarios);
    return root;
}

bool WorksheetFile::load(const QString &path, Worksheet *out, QString *error, int *readVersion)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    if (!parse(file.readAll(), out, error, readVersion)) {
        *error = QDir::toNativeSeparators(path) + QStringLiteral(": ") + *error;
        return false;
    }
    return true;
}

bool WorksheetFile::parse(const QByteArray &data, Worksheet *out, QString *error, int *readVersion)
{
    if (data.trimmed().isEmpty()) {
        *error = QStringLiteral("the file is empty");
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = describeParseError(data, parseError);
        return false;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("not a DB Learn worksheet: the top level is not a JSON object");
        return false;
    }
    QJsonObject root = doc.object();
    const QJsonValue versionValue = root.value(QLatin1String("schemaVersion"));
    if (!versionValue.isDouble()) {
        *error = QStringLiteral("not a DB Learn worksheet: there is no schemaVersion");
        return false;
    }
    const int version = versionValue.toInt();
    if (version > currentVersion) {
        *error = QStringLiteral("this worksheet was written by a newer DB Learn (schema version %1; this version "
                                "reads up to %2). Update DB Learn to open it; the file was not changed.")
                     .arg(version)
                     .arg(currentVersion);
        return false;
    }
    if (version < 1) {
        *error = QStringLiteral("schemaVersion %1 is not a valid version").arg(version);
        return false;
    }
    if (version == 1)
        root = upgradeFromVersion1(root);
    if (root.value(QLatin1String("format")).toString() != formatName()) {
        *error = QStringLiteral("not a DB Learn worksheet: \"format\" is not \"%1\"").arg(formatName());
        return false;
    }
    if (readVersion)
        *readVersion = version;

    Worksheet w;
    w.id = root.value(QLatin1String("id")).toString();
    w.title = root.value(QLatin1String("title")).toString();
    w.description = root.value(QLatin1String("description")).toString();
    const QJsonValue horizon = root.value(QLatin1String("horizonMonths"));
    if (!horizon.isDouble()) {
        *error = QStringLiteral("horizonMonths is missing or not a number");
        return false;
    }
    const double h = horizon.toDouble();
    w.horizonMonths = (h >= 0 && h <= 1e6 && h == std::floor(h)) ? int(h) : -1; // the validator explains -1
    const QJsonObject currency = root.value(QLatin1String("currency")).toObject();
    w.currency.code = currency.value(QLatin1String("code")).toString(QStringLiteral("USD"));
    w.currency.perUsd = setting(currency, "perUsd", 1.0);
    w.currency.rateDate = currency.value(QLatin1String("rateDate")).toString();
    const QJsonObject finance = root.value(QLatin1String("finance")).toObject();
    // Required: a missing rate is NaN, which the validator marks (no silent 0%).
    w.discountRate = setting(finance, "discountRate", nan);
    w.inflation = setting(finance, "inflation", nan);
    w.sensitivityPercent = setting(root, "sensitivityPercent", 10.0);
    const QJsonObject cases = root.value(QLatin1String("cases")).toObject();
    const QJsonObject pessimistic = cases.value(QLatin1String("pessimistic")).toObject();
    const QJsonObject optimistic = cases.value(QLatin1String("optimistic")).toObject();
    w.pessimistic = {setting(pessimistic, "price", w.pessimistic.price), setting(pessimistic, "usage", w.pessimistic.usage)};
    w.optimistic = {setting(optimistic, "price", w.optimistic.price), setting(optimistic, "usage", w.optimistic.usage)};
    for (const QJsonValue &pair : root.value(QLatin1String("comparisons")).toArray())
        w.comparisons.append({pair.toObject().value(QLatin1String("baseline")).toString(),
                              pair.toObject().value(QLatin1String("candidate")).toString()});

    const QJsonValue scenariosValue = root.value(QLatin1String("scenarios"));
    if (!scenariosValue.isArray()) {
        *error = QStringLiteral("\"scenarios\" is missing or not a list");
        return false;
    }
    const QJsonArray scenarios = scenariosValue.toArray();
    for (int s = 0; s < scenarios.size(); ++s) {
        const QJsonObject so = scenarios[s].toObject();
        Scenario scenario;
        scenario.id = so.value(QLatin1String("id")).toString();
        scenario.name = so.value(QLatin1String("name")).toString(scenario.id);
        scenario.notes = so.value(QLatin1String("notes")).toString();
        const QString where = QStringLiteral("scenario %1 (\"%2\")").arg(s + 1).arg(scenario.name);
        const QJsonArray components = so.value(QLatin1String("components")).toArray();
        for (int c = 0; c < components.size(); ++c) {
            CostComponent component;
            if (!readComponent(components[c].toObject(), where, &component, error))
                return false;
            scenario.components << component;
        }
        w.scenarios << scenario;
    }
    *out = w;
    return true;
}

QJsonObject WorksheetFile::toJson(const Worksheet &w)
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), formatName());
    root.insert(QStringLiteral("schemaVersion"), currentVersion);
    if (!w.id.isEmpty())
        root.insert(QStringLiteral("id"), w.id);
    root.insert(QStringLiteral("title"), w.title);
    if (!w.description.isEmpty())
        root.insert(QStringLiteral("description"), w.description);
    root.insert(QStringLiteral("horizonMonths"), w.horizonMonths);
    root.insert(QStringLiteral("currency"), QJsonObject{{QStringLiteral("code"), w.currency.code},
                                                        {QStringLiteral("perUsd"), jsonNumber(w.currency.perUsd)},
                                                        {QStringLiteral("rateDate"), w.currency.rateDate}});
    root.insert(QStringLiteral("finance"), QJsonObject{{QStringLiteral("discountRate"), jsonNumber(w.discountRate)},
                                                       {QStringLiteral("inflation"), jsonNumber(w.inflation)}});
    root.insert(QStringLiteral("sensitivityPercent"), jsonNumber(w.sensitivityPercent));
    auto factors = [](const CaseFactors &f) {
        return QJsonObject{{QStringLiteral("price"), jsonNumber(f.price)}, {QStringLiteral("usage"), jsonNumber(f.usage)}};
    };
    root.insert(QStringLiteral("cases"), QJsonObject{{QStringLiteral("pessimistic"), factors(w.pessimistic)},
                                                     {QStringLiteral("optimistic"), factors(w.optimistic)}});
    if (!w.comparisons.isEmpty()) {
        QJsonArray pairs;
        for (const ScenarioComparison &p : w.comparisons)
            pairs.append(QJsonObject{{QStringLiteral("baseline"), p.baseline}, {QStringLiteral("candidate"), p.candidate}});
        root.insert(QStringLiteral("comparisons"), pairs);
    }
    QJsonArray scenarios;
    for (const Scenario &s : w.scenarios) {
        QJsonArray components;
        for (const CostComponent &c : s.components) {
            QJsonObject o{{QStringLiteral("kind"), ComponentSpecs::kindName(c.kind)}, {QStringLiteral("name"), c.name}};
            if (!c.note.isEmpty())
                o.insert(QStringLiteral("note"), c.note);
            if (c.kind == ComponentKind::Compute)
                o.insert(QStringLiteral("commitment"), ComponentSpecs::commitmentName(c.commitment));
            QJsonObject params;
            const QList<ParameterSpec> &specs = ComponentSpecs::parameters(c.kind);
            for (int i = 0; i < specs.size(); ++i)
                if (c.present[size_t(i)])
                    params.insert(specs[i].key, jsonNumber(c.values[size_t(i)]));
            o.insert(QStringLiteral("params"), params);
            if (!c.priceRefs.isEmpty()) {
                QJsonObject prices;
                for (auto it = c.priceRefs.cbegin(); it != c.priceRefs.cend(); ++it)
                    prices.insert(it.key(), it.value());
                o.insert(QStringLiteral("prices"), prices);
            }
            if (ComponentSpecs::hasGrowth(c.kind)) {
                QJsonObject g{{QStringLiteral("model"), GrowthModel::typeName(c.growth.type)}};
                if (c.growth.type == GrowthModel::Type::Linear)
                    g.insert(QStringLiteral("perMonth"), jsonNumber(c.growth.rate));
                else if (c.growth.type == GrowthModel::Type::Compound)
                    g.insert(QStringLiteral("annualRate"), jsonNumber(c.growth.rate));
                o.insert(QStringLiteral("growth"), g);
            }
            if (ComponentSpecs::hasTiers(c.kind)) {
                QJsonArray tiers;
                for (const PriceTier &t : c.tiers)
                    tiers.append(QJsonObject{{QStringLiteral("upToGb"), std::isinf(t.upToGb) ? QJsonValue(QJsonValue::Null) : jsonNumber(t.upToGb)},
                                             {QStringLiteral("pricePerGb"), jsonNumber(t.pricePerGb)}});
                o.insert(QStringLiteral("tiers"), tiers);
            }
            components.append(o);
        }
        QJsonObject so{{QStringLiteral("id"), s.id}, {QStringLiteral("name"), s.name}, {QStringLiteral("components"), components}};
        if (!s.notes.isEmpty())
            so.insert(QStringLiteral("notes"), s.notes);
        scenarios.append(so);
    }
    root.insert(QStringLiteral("scenarios"), scenarios);
    return root;
}

QByteArray WorksheetFile::serialize(const Worksheet &worksheet)
{
    return QJsonDocument(toJson(worksheet)).toJson(QJsonDocument::Indented);
}

bool WorksheetFile::save(const Worksheet &worksheet, const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists()) {
        *error = QStringLiteral("cannot save %1: the folder does not exist").arg(QDir::toNativeSeparators(path));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QByteArray data = serialize(worksheet);
    if (file.write(data) != data.size() || !file.commit()) {
        *error = QStringLiteral("cannot save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false; // QSaveFile leaves the previous file as it was
    }
    return true;
}

} // namespace dblearn
