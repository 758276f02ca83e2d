#include "cost/pricecatalog.h"

#include "support/apppaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <cmath>
#include <limits>

namespace dblearn {

namespace {
constexpr int catalogSchemaVersion = 1;
}

QString PriceEntry::sourceText() const
{
    QString text = source + QStringLiteral(", observed ") + observed + QStringLiteral(", ") + confidence
                   + QStringLiteral(" confidence");
    if (example)
        text += QStringLiteral(" (an example, not a quoted price)");
    if (overridden)
        text = QStringLiteral("your price (the catalog's: %1 %2 — %3)").arg(QString::number(catalogPrice), unit, text);
    return text;
}

QString PriceCatalog::defaultDirectory()
{
    return AppPaths::contentDir() + QStringLiteral("/prices");
}

QString PriceCatalog::defaultOverridesPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/price-overrides.json");
}

int PriceCatalog::applyTo(Worksheet *worksheet) const
{
    int changed = 0;
    for (Scenario &scenario : worksheet->scenarios) {
        for (CostComponent &component : scenario.components) {
            for (auto it = component.priceRefs.cbegin(); it != component.priceRefs.cend(); ++it) {
                const PriceEntry *entry = find(it.value());
                if (!entry)
                    continue;
                if (it.key() == QLatin1String("tiers")) {
                    if (!entry->tiers.isEmpty()) {
                        bool same = component.tiers.size() == entry->tiers.size();
                        for (int t = 0; same && t < component.tiers.size(); ++t)
                            same = component.tiers[t].upToGb == entry->tiers[t].upToGb
                                   && component.tiers[t].pricePerGb == entry->tiers[t].pricePerGb;
                        if (!same) {
                            component.tiers = entry->tiers;
                            ++changed;
                        }
                    }
                    continue;
                }
                const int index = ComponentSpecs::parameterIndex(component.kind, it.key());
                if (index < 0)
                    continue;
                if (!component.present[size_t(index)] || component.values[size_t(index)] != entry->price) {
                    component.setValue(index, entry->price);
                    ++changed;
                }
            }
        }
    }
    return changed;
}

QDate PriceCatalog::parseObserved(const QString &observed)
{
    const QStringList parts = observed.split(QLatin1Char('-'));
    bool ok = false;
    const int year = parts.value(0).toInt(&ok);
    if (!ok || parts.size() > 3)
        return {};
    int month = 1, day = 1;
    if (parts.size() >= 2 && (month = parts[1].toInt(&ok), !ok))
        return {};
    if (parts.size() == 3 && (day = parts[2].toInt(&ok), !ok))
        return {};
    return QDate(year, month, day);
}

bool PriceCatalog::isStale(const PriceEntry &entry, const QDate &today)
{
    return !entry.observedDate.isValid() || entry.observedDate.addMonths(maxAgeMonths) < today;
}

bool PriceCatalog::loadDirectory(const QString &dir, QStringList *errors)
{
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        errors->append(QStringLiteral("%1: no price files (*.json)").arg(QDir::toNativeSeparators(dir)));
        return false;
    }
    bool any = false;
    for (const QString &name : files) {
        QString error;
        if (loadFile(QDir(dir).filePath(name), &error))
            any = true;
        else
            errors->append(name + QStringLiteral(": ") + error);
    }
    return any;
}

bool PriceCatalog::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not valid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("schemaVersion")).toInt() != catalogSchemaVersion) {
        *error = QStringLiteral("schemaVersion must be %1").arg(catalogSchemaVersion);
        return false;
    }
    const QString provider = root.value(QLatin1String("provider")).toString();
    const QJsonArray prices = root.value(QLatin1String("prices")).toArray();
    QList<PriceEntry> loaded;
    for (int i = 0; i < prices.size(); ++i) {
        const QJsonObject o = prices[i].toObject();
        PriceEntry e;
        e.id = o.value(QLatin1String("id")).toString();
        e.provider = provider;
        e.region = o.value(QLatin1String("region")).toString();
        e.service = o.value(QLatin1String("service")).toString();
        e.item = o.value(QLatin1String("item")).toString();
        e.unit = o.value(QLatin1String("unit")).toString();
        e.price = o.value(QLatin1String("price")).toDouble(std::numeric_limits<double>::quiet_NaN());
        e.priceHigh = o.value(QLatin1String("priceHigh")).toDouble(0);
        e.source = o.value(QLatin1String("source")).toString();
        e.observed = o.value(QLatin1String("observed")).toString();
        e.observedDate = parseObserved(e.observed);
        e.confidence = o.value(QLatin1String("confidence")).toString();
        e.note = o.value(QLatin1String("note")).toString();
        e.example = o.value(QLatin1String("example")).toBool();
        const QJsonArray tiers = o.value(QLatin1String("tiers")).toArray();
        for (const QJsonValue &t : tiers) {
            const QJsonValue upTo = t.toObject().value(QLatin1String("upToGb"));
            e.tiers.append({upTo.isNull() ? std::numeric_limits<double>::infinity() : upTo.toDouble(),
                            t.toObject().value(QLatin1String("pricePerGb")).toDouble()});
        }
        QString problem;
        if (e.id.isEmpty())
            problem = QStringLiteral("has no id");
        else if (!std::isfinite(e.price) || e.price < 0)
            problem = QStringLiteral("has no valid price");
        else if (e.source.isEmpty())
            problem = QStringLiteral("has no source");
        else if (!e.observedDate.isValid())
            problem = QStringLiteral("has no observation date (YYYY, YYYY-MM or YYYY-MM-DD)");
        else if (e.confidence != QLatin1String("high") && e.confidence != QLatin1String("medium")
                 && e.confidence != QLatin1String("low"))
            problem = QStringLiteral("has the confidence \"%1\" (high, medium or low)").arg(e.confidence);
        else if (m_index.contains(e.id))
            problem = QStringLiteral("repeats an id already in the catalog");
        if (!problem.isEmpty()) {
            *error = QStringLiteral("price %1 (%2) %3").arg(i + 1).arg(e.id, problem);
            return false;
        }
        loaded << e;
    }
    for (const PriceEntry &e : loaded) {
        m_index.insert(e.id, int(m_entries.size()));
        m_entries << e;
        applyOverride(e.id);
    }
    return true;
}

const PriceEntry *PriceCatalog::find(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_entries[*it];
}

void PriceCatalog::applyOverride(const QString &id)
{
    const auto it = m_index.constFind(id);
    if (it == m_index.cend())
        return;
    PriceEntry &e = m_entries[*it];
    const auto o = m_overrides.constFind(id);
    if (o == m_overrides.cend()) {
        if (e.overridden) {
            e.price = e.catalogPrice;
            e.overridden = false;
        }
        return;
    }
    if (!e.overridden)
        e.catalogPrice = e.price;
    e.overridden = true;
    e.price = o->price;
}

bool PriceCatalog::setOverride(const QString &id, double price, const QString &note, QString *error)
{
    if (!std::isfinite(price) || price < 0) {
        *error = QStringLiteral("a price must be a number of 0 or more");
        return false;
    }
    if (!m_index.contains(id)) {
        *error = QStringLiteral("there is no price \"%1\" in the catalog").arg(id);
        return false;
    }
    m_overrides.insert(id, {price, note});
    applyOverride(id);
    return true;
}

void PriceCatalog::clearOverride(const QString &id)
{
    m_overrides.remove(id);
    applyOverride(id);
}

bool PriceCatalog::loadOverrides(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return true; // no overrides yet
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("%1: not valid JSON (%2); your prices were not loaded")
                     .arg(QDir::toNativeSeparators(path), parseError.errorString());
        return false;
    }
    const QJsonObject overrides = doc.object().value(QLatin1String("overrides")).toObject();
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        m_overrides.insert(it.key(), {o.value(QLatin1String("price")).toDouble(), o.value(QLatin1String("note")).toString()});
        applyOverride(it.key());
    }
    return true;
}

bool PriceCatalog::saveOverrides(const QString &path, QString *error) const
{
    QJsonObject overrides;
    for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it)
        overrides.insert(it.key(), QJsonObject{{QStringLiteral("price"), it->price}, {QStringLiteral("note"), it->note}});
    const QJsonObject root{{QStringLiteral("schemaVersion"), catalogSchemaVersion},
                           {QStringLiteral("overrides"), overrides}};
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace dblearn
