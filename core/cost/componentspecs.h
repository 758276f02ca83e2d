#pragma once

#include <QList>
#include <QString>

namespace dblearn {

// What a cost component models. Each kind has a fixed list of parameters (see ComponentSpecs).
enum class ComponentKind {
    Compute,      // instances × hours × hourly price, with Multi-AZ, replicas and commitments
    Storage,      // GB-months, with a growth model
    Iops,         // provisioned IOPS above an included amount
    Throughput,   // provisioned MiB/s above an included amount
    Backup,       // backup GB beyond the free allowance, with a growth model
    IoRequests,   // millions of I/O requests, with a growth model
    DataTransfer, // GB out, priced by tiers, with a growth model
    Licence,      // units × monthly price
    Support,      // a share of the rest of the monthly bill, with a minimum
    Staff,        // FTE fraction × loaded annual cost ÷ 12, plus on-call
    Migration,    // a one-off amount in one month
};

// How charts and totals group the components.
enum class CostCategory { Compute, Storage, Io, Backup, Transfer, LicencesAndSupport, Staff, OneOff };

// How a compute component is paid for.
enum class Commitment { OnDemand, Reserved, SavingsPlan };

// What the base, pessimistic and optimistic cases scale: prices, usage quantities, or neither.
enum class ParameterRole { Price, Usage, Other };

// One numeric input of a component, as the editor shows it and the validator checks it.
struct ParameterSpec {
    QString key;         // the name in the worksheet file
    QString label;       // "Hourly price"
    QString unit;        // "USD/h"
    QString explanation; // one line for the editor
    double minimum = 0;
    double maximum = 0;  // above this the value is treated as a mistake ("absurd")
    double defaultValue = 0;
    ParameterRole role = ParameterRole::Other;
    bool perturbable = true; // varied by the sensitivity analysis (flags and counts are not)
    bool integer = false;
};

// Parameter positions, in the order ComponentSpecs::parameters() lists them for each kind.
namespace param {
enum Compute { HourlyPrice, Count, MultiAz, Replicas, HoursPerMonth, CommittedHourly, Upfront, TermMonths, Discount };
enum Storage { StorageGb, StoragePrice, StorageMultiAz };
enum Provisioned { Provisioned, Included, ProvisionedPrice }; // IOPS and throughput
enum Backup { BackupGb, BackupPrice, FreeGb, FreeEqualsStorage };
enum IoRequests { Millions, PricePerMillion };
enum DataTransfer { TransferGb };
enum Licence { Units, PricePerUnit };
enum Support { ShareOfBill, MinimumMonthly };
enum Staff { Fte, LoadedAnnualCost, OnCallMonthly };
enum Migration { Amount, Month };
} // namespace param

// The catalogue of component kinds and their parameters.
class ComponentSpecs final
{
public:
    static QString kindName(ComponentKind kind);  // "compute": the file's spelling
    static QString kindLabel(ComponentKind kind); // "Compute": for people
    static bool kindFromName(const QString &name, ComponentKind *kind);
    static QList<ComponentKind> allKinds();

    static CostCategory category(ComponentKind kind);
    static QString categoryLabel(CostCategory category);
    static QList<CostCategory> allCategories();

    static QString commitmentName(Commitment commitment); // "on-demand", "reserved", "savings-plan"
    static bool commitmentFromName(const QString &name, Commitment *commitment);

    static bool hasGrowth(ComponentKind kind); // whether the kind's main quantity can grow
    static bool hasTiers(ComponentKind kind);  // data transfer: tiered prices

    static const QList<ParameterSpec> &parameters(ComponentKind kind);
    // The index of `key` in parameters(kind), or -1.
    static int parameterIndex(ComponentKind kind, const QString &key);
    // Whether a parameter is used, given the commitment (reserved-only keys are not used on demand).
    static bool isRelevant(ComponentKind kind, const QString &key, Commitment commitment);
};

} // namespace dblearn
