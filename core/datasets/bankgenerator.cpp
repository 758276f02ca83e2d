#include "datasets/bankgenerator.h"

#include "datasets/datasetrandom.h"
#include "datasets/samplenames.h"
#include "datasets/textbuilder.h"
#include "datasets/valuetext.h"

#include <vector>

namespace dblearn {

namespace {

using Scaling = TableSpec::Scaling;

const qint64 openFrom = ValueText::epoch(2020, 1, 1);
const qint64 openTo = ValueText::epoch(2024, 1, 1);
const qint64 transferFrom = ValueText::epoch(2024, 1, 1);
const qint64 transferTo = ValueText::epoch(2025, 1, 1);
constexpr int rejectEvery = 50;     // every 50th transfer asks for more than the balance: rejected
constexpr int frozenPerMille = 20;  // frozen accounts take no part in transfers

qint64 slotStart(qint64 start, qint64 end, qint64 index, qint64 count)
{
    return start + (end - start) * index / count;
}

struct Transfer {
    qint64 from = 0;
    qint64 to = 0;
    qint64 amount = 0;
    qint64 at = 0;
    bool rejected = false;
};

// Replays the same transfers from the same seed: once to learn the final balances (which the
// accounts table, written first, must hold), once to write the rows.
class TransferSimulation final
{
public:
    TransferSimulation(quint64 seed, const std::vector<qint64> &openingCents, const std::vector<bool> &frozen,
                       qint64 transferCount)
        : m_random("bank", seed, "transfers"),
          m_balance(openingCents),
          m_frozen(frozen),
          m_count(transferCount)
    {
    }

    Transfer next(qint64 position)
    {
        Transfer t;
        t.at = m_random.uniform(slotStart(transferFrom, transferTo, position, m_count),
                                slotStart(transferFrom, transferTo, position + 1, m_count) - 1);
        t.rejected = position % rejectEvery == rejectEvery - 1;
        t.from = pickAccount(t.rejected ? 0 : 100);
        t.to = pickAccount(0);
        if (t.to == t.from)
            t.to = nextActive(t.from);
        const qint64 balance = m_balance[size_t(t.from)];
        if (t.rejected) {
            t.amount = balance + m_random.uniform(1, 50000);
        } else {
            t.amount = m_random.uniform(100, qMax(qint64(100), balance / 4));
            m_balance[size_t(t.from)] -= t.amount;
            m_balance[size_t(t.to)] += t.amount;
        }
        return t;
    }

    const std::vector<qint64> &balances() const { return m_balance; }

private:
    qint64 accounts() const { return qint64(m_balance.size()) - 1; }

    qint64 nextActive(qint64 id) const
    {
        qint64 next = id;
        do {
            next = next % accounts() + 1;
        } while (m_frozen[size_t(next)] && next != id);
        return next;
    }

    // A random active account holding at least `minimum` cents.
    qint64 pickAccount(qint64 minimum)
    {
        for (int attempt = 0; attempt < 32; ++attempt) {
            const qint64 id = m_random.uniform(1, accounts());
            if (!m_frozen[size_t(id)] && m_balance[size_t(id)] >= minimum)
                return id;
        }
        const qint64 start = m_random.uniform(1, accounts());
        qint64 id = start;
        do {
            if (!m_frozen[size_t(id)] && m_balance[size_t(id)] >= minimum)
                return id;
            id = id % accounts() + 1;
        } while (id != start);
        return start; // cannot happen: money is conserved and openings are positive
    }

    DatasetRandom m_random;
    std::vector<qint64> m_balance;
    const std::vector<bool> &m_frozen;
    qint64 m_count;
};

} // namespace

BankGenerator::BankGenerator()
{
    m_tables << TableSpec(QStringLiteral("accounts"), 100, Scaling::Linear,
                          QStringLiteral("Bank accounts in euros; balance_cents is the sum of the account's ledger "
                                         "entries and may never go below zero. Frozen accounts make no transfers."))
                    .id()
                    .column(QStringLiteral("account_number"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("owner_name"), ColumnType::ShortText, 120)
                    .column(QStringLiteral("kind"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("currency"), ColumnType::ShortText, 3)
                    .column(QStringLiteral("status"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("opened_at"), ColumnType::Timestamp)
                    .column(QStringLiteral("balance_cents"), ColumnType::BigInt)
                    .check(QStringLiteral("balance_cents >= 0"))
                    .check(QStringLiteral("kind IN ('checking', 'savings')"))
                    .check(QStringLiteral("status IN ('active', 'frozen')"))
                    .uniqueIndex({QStringLiteral("account_number")});
    m_tables << TableSpec(QStringLiteral("transfers"), 1000, Scaling::Linear,
                          QStringLiteral("Money moved between accounts during 2024. Every 50th transfer asked for "
                                         "more than the balance and was rejected; it has no ledger entries."))
                    .id()
                    .column(QStringLiteral("from_account_id"), ColumnType::Integer)
                    .column(QStringLiteral("to_account_id"), ColumnType::Integer)
                    .column(QStringLiteral("amount_cents"), ColumnType::BigInt)
                    .column(QStringLiteral("created_at"), ColumnType::Timestamp)
                    .column(QStringLiteral("status"), ColumnType::ShortText, 20)
                    .references({QStringLiteral("from_account_id")}, QStringLiteral("accounts"))
                    .references({QStringLiteral("to_account_id")}, QStringLiteral("accounts"))
                    .check(QStringLiteral("amount_cents > 0"))
                    .check(QStringLiteral("from_account_id <> to_account_id"))
                    .check(QStringLiteral("status IN ('completed', 'rejected')"))
                    .index({QStringLiteral("from_account_id")})
                    .index({QStringLiteral("to_account_id")});
    m_tables << TableSpec(QStringLiteral("ledger"), 2060, Scaling::Linear,
                          QStringLiteral("Double-entry ledger: an opening deposit per account, then a debit and a "
                                         "credit for each completed transfer. Per account, the entries sum to the "
                                         "balance; over all transfers, debits and credits cancel out."))
                    .id()
                    .column(QStringLiteral("account_id"), ColumnType::Integer)
                    .nullable(QStringLiteral("transfer_id"), ColumnType::Integer)
                    .column(QStringLiteral("entry_type"), ColumnType::ShortText, 20)
                    .column(QStringLiteral("amount_cents"), ColumnType::BigInt)
                    .column(QStringLiteral("created_at"), ColumnType::Timestamp)
                    .references({QStringLiteral("account_id")}, QStringLiteral("accounts"))
                    .references({QStringLiteral("transfer_id")}, QStringLiteral("transfers"))
                    .check(QStringLiteral("entry_type IN ('opening', 'debit', 'credit')"))
                    .index({QStringLiteral("account_id")})
                    .index({QStringLiteral("transfer_id")});
}

QString BankGenerator::name() const
{
    return QStringLiteral("bank");
}

QString BankGenerator::title() const
{
    return QStringLiteral("Bank");
}

QString BankGenerator::description() const
{
    return QStringLiteral("A bank's accounts, the transfers between them during 2024 and a double-entry ledger "
                          "whose entries sum to every balance. For transactions, isolation anomalies (lost updates, "
                          "write skew) and constraints.");
}

QString BankGenerator::scaleNote() const
{
    return QStringLiteral("Scale 1000 gives 100,000 accounts and 1,000,000 transfers.");
}

bool BankGenerator::generate(DatasetSink &sink, int scale, quint64 seed) const
{
    TableWriter &accountRows = sink.table(QStringLiteral("accounts"));
    TableWriter &transferRows = sink.table(QStringLiteral("transfers"));
    TableWriter &ledgerRows = sink.table(QStringLiteral("ledger"));
    const qint64 accountCount = rowCount(QStringLiteral("accounts"), scale);
    const qint64 transferCount = rowCount(QStringLiteral("transfers"), scale);

    DatasetRandom random("bank", seed, "accounts");
    std::vector<qint64> opening(size_t(accountCount) + 1, 0);
    std::vector<qint64> openedAt(size_t(accountCount) + 1, 0);
    std::vector<bool> frozen(size_t(accountCount) + 1, false);
    std::vector<int> owner(size_t(accountCount) + 1, 0);
    std::vector<bool> savings(size_t(accountCount) + 1, false);
    for (qint64 id = 1; id <= accountCount; ++id) {
        const double u = random.unit();
        opening[size_t(id)] = (100 + qint64(19900.0 * u * u * u)) * 100; // 100 to 20,000 euros
        openedAt[size_t(id)] = random.uniform(slotStart(openFrom, openTo, id - 1, accountCount),
                                              slotStart(openFrom, openTo, id, accountCount) - 1);
        frozen[size_t(id)] = random.chance(frozenPerMille);
        owner[size_t(id)] = int(random.uniform(0, SampleNames::firstNameCount() * SampleNames::lastNameCount() - 1));
        savings[size_t(id)] = random.chance(300);
    }
    // At least one account must be active, or there is no one to transfer between.
    frozen[1] = false;
    if (accountCount > 1)
        frozen[2] = false;

    std::vector<qint64> finalBalance;
    {
        TransferSimulation dryRun(seed, opening, frozen, transferCount);
        for (qint64 position = 0; position < transferCount; ++position)
            dryRun.next(position);
        finalBalance = dryRun.balances();
    }

    TextBuilder text;
    for (qint64 id = 1; id <= accountCount; ++id) {
        accountRows.addInteger(id);
        text.clear().append("DBL").appendPadded(id * 7919 % 100000000, 8).appendPadded(id % 97, 2);
        accountRows.addText(text.data(), text.size());
        const int o = owner[size_t(id)];
        text.clear()
            .append(SampleNames::firstName(o % SampleNames::firstNameCount()))
            .append(' ')
            .append(SampleNames::lastName(o / SampleNames::firstNameCount()));
        accountRows.addText(text.data(), text.size());
        accountRows.addText(savings[size_t(id)] ? "savings" : "checking");
        accountRows.addText("EUR");
        accountRows.addText(frozen[size_t(id)] ? "frozen" : "active");
        accountRows.addTimestamp(openedAt[size_t(id)]);
        accountRows.addInteger(finalBalance[size_t(id)]);
        if (!accountRows.endRow())
            return false;
    }

    qint64 ledgerId = 0;
    for (qint64 id = 1; id <= accountCount; ++id) {
        ledgerRows.addInteger(++ledgerId);
        ledgerRows.addInteger(id);
        ledgerRows.addNull();
        ledgerRows.addText("opening");
        ledgerRows.addInteger(opening[size_t(id)]);
        ledgerRows.addTimestamp(openedAt[size_t(id)]);
        if (!ledgerRows.endRow())
            return false;
    }

    TransferSimulation simulation(seed, opening, frozen, transferCount);
    for (qint64 position = 0; position < transferCount; ++position) {
        const Transfer t = simulation.next(position);
        const qint64 id = position + 1;
        transferRows.addInteger(id);
        transferRows.addInteger(t.from);
        transferRows.addInteger(t.to);
        transferRows.addInteger(t.amount);
        transferRows.addTimestamp(t.at);
        transferRows.addText(t.rejected ? "rejected" : "completed");
        if (!transferRows.endRow())
            return false;
        if (t.rejected)
            continue;
        for (int side = 0; side < 2; ++side) {
            ledgerRows.addInteger(++ledgerId);
            ledgerRows.addInteger(side == 0 ? t.from : t.to);
            ledgerRows.addInteger(id);
            ledgerRows.addText(side == 0 ? "debit" : "credit");
            ledgerRows.addInteger(side == 0 ? -t.amount : t.amount);
            ledgerRows.addTimestamp(t.at);
            if (!ledgerRows.endRow())
                return false;
        }
    }
    return true;
}

} // namespace dblearn
