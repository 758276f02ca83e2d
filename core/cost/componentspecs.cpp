#include "cost/componentspecs.h"

#include <QHash>


namespace dblearn {

namespace {

struct KindNames {
    ComponentKind kind;
    const char *name;
    const char *label;
};

const KindNames kindNames[] = {
    {ComponentKind::Compute, "compute", "Compute"},
    {ComponentKind::Storage, "storage", "Storage"},
    {ComponentKind::Iops, "iops", "Provisioned IOPS"},
    {ComponentKind::Throughput, "throughput", "Provisioned throughput"},
    {ComponentKind::Backup, "backup", "Backup storage"},
    {ComponentKind::IoRequests, "io-requests", "I/O requests"},
    {ComponentKind::DataTransfer, "data-transfer", "Data transfer"},
    {ComponentKind::Licence, "licence", "Licence"},
    {ComponentKind::Support, "support", "Support"},
    {ComponentKind::Staff, "staff", "Staff"},
    {ComponentKind::Migration, "migration", "One-off migration"},
};

ParameterSpec spec(const char *key, const char *label, const char *unit, const char *explanation, double minimum,
                   double maximum, double defaultValue, ParameterRole role, bool perturbable = true,
                   bool integer = false)
{
    ParameterSpec s;
    s.key = QLatin1String(key);
    s.label = QLatin1String(label);
    s.unit = QLatin1String(unit);
    s.explanation = QLatin1String(explanation);
    s.minimum = minimum;
    s.maximum = maximum;
    s.defaultValue = defaultValue;
    s.role = role;
    s.perturbable = perturbable;
    s.integer = integer;
    return s;
}

using R = ParameterRole;

QHash<int, QList<ParameterSpec>> buildSpecs()
{
    QHash<int, QList<ParameterSpec>> specs;
    // The order of each list is the order of the enums in namespace param.
    specs[int(ComponentKind::Compute)] = {
        spec("hourlyPrice", "On-demand hourly price", "USD/h", "Price of one instance-hour on demand.", 0, 1000, 0,
             R::Price),
        spec("count", "Instances", "instances", "Primary instances running this configuration.", 0, 10000, 1,
             R::Other, false, true),
        spec("multiAz", "Multi-AZ", "0 or 1", "1 doubles each instance with a standby in another zone.", 0, 1, 0,
             R::Other, false, true),
        spec("replicas", "Read replicas", "instances", "Extra instances at the same price (not doubled by Multi-AZ).",
             0, 1000, 0, R::Other, false, true),
        spec("hoursPerMonth", "Hours used per month", "h/month",
             "Hours each instance runs; 730 is always on. Commitments bill 730 h whatever is used.", 0, 744, 730,
             R::Other),
        spec("committedHourly", "Committed hourly price", "USD/h",
             "Recurring hourly price under a reservation (0 for all upfront).", 0, 1000, 0, R::Price),
        spec("upfront", "Upfront per instance", "USD/term", "Paid at the start of each term, per instance.", 0,
             1e7, 0, R::Price),
        spec("termMonths", "Term", "months", "Length of the reservation or savings plan (12 or 36).", 1, 60, 12,
             R::Other, false, true),
        spec("discount", "Savings plan discount", "fraction", "Share taken off the on-demand price (0.3 = 30%).", 0,
             0.95, 0, R::Other),
    };
    specs[int(ComponentKind::Storage)] = {
        spec("gb", "Provisioned storage", "GB", "Storage in month 1; the growth model moves it.", 0, 1e8, 100,
             R::Usage),
        spec("pricePerGbMonth", "Price", "USD/GB-month", "Price of one GB for one month.", 0, 100, 0, R::Price),
        spec("multiAz", "Multi-AZ", "0 or 1", "1 doubles the storage (a standby copy in another zone).", 0, 1, 0,
             R::Other, false, true),
    };
    const QList<ParameterSpec> provisioned = {
        spec("provisioned", "Provisioned", "units", "What is provisioned.", 0, 1e7, 0, R::Usage),
        spec("included", "Included", "units", "Amount included in the storage price (charged only above it).", 0,
             1e7, 0, R::Other),
        spec("pricePerUnitMonth", "Price", "USD/unit-month", "Price of each unit above the included amount.", 0,
             1000, 0, R::Price),
    };
    QList<ParameterSpec> iops = provisioned;
    iops[0].label = QStringLiteral("Provisioned IOPS");
    iops[0].unit = iops[1].unit = QStringLiteral("IOPS");
    iops[2].unit = QStringLiteral("USD/IOPS-month");
    specs[int(ComponentKind::Iops)] = iops;
    QList<ParameterSpec> throughput = provisioned;
    throughput[0].label = QStringLiteral("Provisioned throughput");
    throughput[0].unit = throughput[1].unit = QStringLiteral("MiB/s");
    throughput[2].unit = QStringLiteral("USD/MiB/s-month");
    specs[int(ComponentKind::Throughput)] = throughput;
    specs[int(ComponentKind::Backup)] = {
        spec("gb", "Backup stored", "GB", "Backup storage kept in month 1; the growth model moves it.", 0, 1e8, 0,
             R::Usage),
        spec("pricePerGbMonth", "Price beyond the free allowance", "USD/GB-month",
             "Charged only on backup beyond the free allowance.", 0, 100, 0, R::Price),
        spec("freeGb", "Free allowance", "GB", "Backup storage included at no charge.", 0, 1e8, 0, R::Other),
        spec("freeEqualsStorage", "Free up to provisioned storage", "0 or 1",
             "1: the allowance is the scenario's provisioned storage each month (as RDS does).", 0, 1, 0, R::Other,
             false, true),
    };
    specs[int(ComponentKind::IoRequests)] = {
        spec("millionsPerMonth", "Requests", "million/month", "I/O requests per month in month 1, in millions.", 0,
             1e9, 0, R::Usage),
        spec("pricePerMillion", "Price", "USD/million", "Price of one million requests.", 0, 1000, 0, R::Price),
    };
    specs[int(ComponentKind::DataTransfer)] = {
        spec("gbPerMonth", "Transfer", "GB/month", "GB transferred in month 1; priced by the tiers.", 0, 1e9, 0,
             R::Usage),
    };
    specs[int(ComponentKind::Licence)] = {
        spec("units", "Units", "units", "Licensed units (cores, seats, instances).", 0, 1e6, 1, R::Usage),
        spec("pricePerUnitMonth", "Price", "USD/unit-month", "Monthly price of one unit.", 0, 1e6, 0, R::Price),
    };
    specs[int(ComponentKind::Support)] = {
        spec("shareOfBill", "Share of the bill", "fraction",
             "Support charged as a share of the rest of the month's recurring bill (0.1 = 10%).", 0, 1, 0, R::Other),
        spec("minimumMonthly", "Monthly minimum", "USD/month", "The least support costs in a month.", 0, 1e7, 0,
             R::Price),
    };
    specs[int(ComponentKind::Staff)] = {
        spec("fte", "Staff time", "FTE", "Share of full-time engineers spent on this (0.25 = a quarter).", 0, 100, 0,
             R::Other),
        spec("loadedAnnualCost", "Loaded cost of one FTE", "USD/year",
             "Salary plus overheads of one full-time engineer for a year.", 0, 5e6, 0, R::Price),
        spec("onCallMonthly", "On-call", "USD/month", "On-call allowance per month.", 0, 1e6, 0, R::Price),
    };
    specs[int(ComponentKind::Migration)] = {
        spec("amount", "Amount", "USD", "Paid once: migration work, dual running, tooling.", 0, 1e9, 0, R::Price),
        spec("month", "Month", "month", "The month it is paid in (1 = the first).", 1, 120, 1, R::Other, false,
             true),
    };
    return specs;
}

const QHash<int, QList<ParameterSpec>> &allSpecs()
{
    static const QHash<int, QList<ParameterSpec>> specs = buildSpecs();
    return specs;
}

} // namespace

QString ComponentSpecs::kindName(ComponentKind kind)
{
    for (const KindNames &k : kindNames)
        if (k.kind == kind)
            return QLatin1String(k.name);
    return {};
}

QString ComponentSpecs::kindLabel(ComponentKind kind)
{
    for (const KindNames &k : kindNames)
        if (k.kind == kind)
            return QLatin1String(k.label);
    return {};
}

bool ComponentSpecs::kindFromName(const QString &name, ComponentKind *kind)
{
    for (const KindNames &k : kindNames) {
        if (name == QLatin1String(k.name)) {
            *kind = k.kind;
            return true;
        }
    }
    return false;
}

QList<ComponentKind> ComponentSpecs::allKinds()
{
    QList<ComponentKind> kinds;
    for (const KindNames &k : kindNames)
        kinds << k.kind;
    return kinds;
}

CostCategory ComponentSpecs::category(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::Compute:
        return CostCategory::Compute;
    case ComponentKind::Storage:
        return CostCategory::Storage;
    case ComponentKind::Iops:
    case ComponentKind::Throughput:
    case ComponentKind::IoRequests:
        return CostCategory::Io;
    case ComponentKind::Backup:
        return CostCategory::Backup;
    case ComponentKind::DataTransfer:
        return CostCategory::Transfer;
    case ComponentKind::Licence:
    case ComponentKind::Support:
        return CostCategory::LicencesAndSupport;
    case ComponentKind::Staff:
        return CostCategory::Staff;
    case ComponentKind::Migration:
        return CostCategory::OneOff;
    }
    return CostCategory::OneOff;
}

QString ComponentSpecs::categoryLabel(CostCategory category)
{
    switch (category) {
    case CostCategory::Compute:
        return QStringLiteral("Compute");
    case CostCategory::Storage:
        return QStringLiteral("Storage");
    case CostCategory::Io:
        return QStringLiteral("I/O");
    case CostCategory::Backup:
        return QStringLiteral("Backup");
    case CostCategory::Transfer:
        return QStringLiteral("Data transfer");
    case CostCategory::LicencesAndSupport:
        return QStringLiteral("Licences & support");
    case CostCategory::Staff:
        return QStringLiteral("Staff");
    case CostCategory::OneOff:
        return QStringLiteral("One-off");
    }
    return {};
}

QList<CostCategory> ComponentSpecs::allCategories()
{
    return {CostCategory::Compute,  CostCategory::Storage,           CostCategory::Io,    CostCategory::Backup,
            CostCategory::Transfer, CostCategory::LicencesAndSupport, CostCategory::Staff, CostCategory::OneOff};
}

QString ComponentSpecs::commitmentName(Commitment commitment)
{
    switch (commitment) {
    case Commitment::OnDemand:
        return QStringLiteral("on-demand");
    case Commitment::Reserved:
        return QStringLiteral("reserved");
    case Commitment::SavingsPlan:
        return QStringLiteral("savings-plan");
    }
    return {};
}

bool ComponentSpecs::commitmentFromName(const QString &name, Commitment *commitment)
{
    for (Commitment c : {Commitment::OnDemand, Commitment::Reserved, Commitment::SavingsPlan}) {
        if (name == commitmentName(c)) {
            *commitment = c;
            return true;
        }
    }
    return false;
}

bool ComponentSpecs::hasGrowth(ComponentKind kind)
{
    return kind == ComponentKind::Storage || kind == ComponentKind::Backup || kind == ComponentKind::IoRequests
           || kind == ComponentKind::DataTransfer;
}

bool ComponentSpecs::hasTiers(ComponentKind kind)
{
    return kind == ComponentKind::DataTransfer;
}

const QList<ParameterSpec> &ComponentSpecs::parameters(ComponentKind kind)
{
    static const QList<ParameterSpec> none;
    const auto &specs = allSpecs();
    const auto it = specs.constFind(int(kind));
    return it == specs.cend() ? none : *it;
}

int ComponentSpecs::parameterIndex(ComponentKind kind, const QString &key)
{
    const QList<ParameterSpec> &list = parameters(kind);
    for (int i = 0; i < list.size(); ++i)
        if (list[i].key == key)
            return i;
    return -1;
}

bool ComponentSpecs::isRelevant(ComponentKind kind, const QString &key, Commitment commitment)
{
    if (kind != ComponentKind::Compute)
        return true;
    if (key == QLatin1String("committedHourly") || key == QLatin1String("upfront"))
        return commitment == Commitment::Reserved;
    if (key == QLatin1String("discount"))
        return commitment == Commitment::SavingsPlan;
    if (key == QLatin1String("termMonths"))
        return commitment != Commitment::OnDemand;
    return true;
}

} // namespace dblearn
