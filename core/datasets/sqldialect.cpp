#include "datasets/sqldialect.h"

#include <QSet>

namespace dblearn {

namespace {

bool isPlainIdentifier(const QString &text)
{
    if (text.isEmpty() || !(text.at(0).isLower() || text.at(0) == QLatin1Char('_')))
        return false;
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_'))
            return false;
    }
    return true;
}

bool isReservedWord(const QString &word)
{
    // Words reserved in at least one of SQLite, PostgreSQL and MariaDB that a table or column
    // might plausibly be called.
    static const QSet<QString> reserved{
        QStringLiteral("all"),     QStringLiteral("analyze"), QStringLiteral("and"),   QStringLiteral("as"),
        QStringLiteral("asc"),     QStringLiteral("between"), QStringLiteral("by"),    QStringLiteral("case"),
        QStringLiteral("check"),   QStringLiteral("column"),  QStringLiteral("constraint"),
        QStringLiteral("create"),  QStringLiteral("current_date"), QStringLiteral("current_time"),
        QStringLiteral("current_user"), QStringLiteral("default"), QStringLiteral("delete"),
        QStringLiteral("desc"),    QStringLiteral("distinct"), QStringLiteral("drop"), QStringLiteral("else"),
        QStringLiteral("end"),     QStringLiteral("from"),    QStringLiteral("function"), QStringLiteral("grant"),
        QStringLiteral("group"),   QStringLiteral("having"),  QStringLiteral("in"),    QStringLiteral("index"),
        QStringLiteral("insert"),  QStringLiteral("interval"), QStringLiteral("into"), QStringLiteral("is"),
        QStringLiteral("join"),    QStringLiteral("key"),     QStringLiteral("keys"),  QStringLiteral("left"),
        QStringLiteral("like"),    QStringLiteral("limit"),   QStringLiteral("match"), QStringLiteral("not"),
        QStringLiteral("null"),    QStringLiteral("offset"),  QStringLiteral("on"),    QStringLiteral("or"),
        QStringLiteral("order"),   QStringLiteral("over"),    QStringLiteral("primary"), QStringLiteral("range"),
        QStringLiteral("rank"),    QStringLiteral("references"), QStringLiteral("right"), QStringLiteral("row"),
        QStringLiteral("rows"),    QStringLiteral("select"),  QStringLiteral("set"),   QStringLiteral("table"),
        QStringLiteral("then"),    QStringLiteral("to"),      QStringLiteral("union"), QStringLiteral("unique"),
        QStringLiteral("update"),  QStringLiteral("user"),    QStringLiteral("using"), QStringLiteral("values"),
        QStringLiteral("when"),    QStringLiteral("where"),   QStringLiteral("window"), QStringLiteral("with"),
    };
    return reserved.contains(word);
}

} // namespace

SqlDialect::SqlDialect(Kind kind) : m_kind(kind) {}

bool SqlDialect::fromName(const QString &name, SqlDialect *dialect)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("sqlite"))
        *dialect = SqlDialect(Kind::SQLite);
    else if (n == QLatin1String("postgresql") || n == QLatin1String("postgres"))
        *dialect = SqlDialect(Kind::PostgreSQL);
    else if (n == QLatin1String("mysql") || n == QLatin1String("mariadb"))
        *dialect = SqlDialect(Kind::MySQL);
    else
        return false;
    return true;
}

QStringList SqlDialect::names()
{
    return {QStringLiteral("sqlite"), QStringLiteral("postgresql"), QStringLiteral("mysql")};
}

QString SqlDialect::name() const
{
    switch (m_kind) {
    case Kind::SQLite:
        return QStringLiteral("sqlite");
    case Kind::PostgreSQL:
        return QStringLiteral("postgresql");
    case Kind::MySQL:
        return QStringLiteral("mysql");
    }
    return {};
}

QString SqlDialect::typeName(const ColumnSpec &column) const
{
    const bool sqlite = m_kind == Kind::SQLite;
    const bool mysql = m_kind == Kind::MySQL;
    switch (column.type) {
    case ColumnType::Integer:
        return mysql ? QStringLiteral("INT") : QStringLiteral("INTEGER");
    case ColumnType::BigInt:
        return sqlite ? QStringLiteral("INTEGER") : QStringLiteral("BIGINT");
    case ColumnType::Decimal:
        return (mysql ? QStringLiteral("DECIMAL(%1,%2)") : QStringLiteral("NUMERIC(%1,%2)"))
            .arg(column.length > 0 ? column.length : 12)
            .arg(column.scale);
    case ColumnType::Double:
        return sqlite ? QStringLiteral("REAL") : mysql ? QStringLiteral("DOUBLE") : QStringLiteral("DOUBLE PRECISION");
    case ColumnType::ShortText:
        return mysql ? QStringLiteral("VARCHAR(%1)").arg(column.length > 0 ? column.length : 255)
                     : QStringLiteral("TEXT");
    case ColumnType::Text:
        return QStringLiteral("TEXT");
    case ColumnType::Timestamp:
        return sqlite ? QStringLiteral("TEXT") : mysql ? QStringLiteral("DATETIME") : QStringLiteral("TIMESTAMP");
    case ColumnType::Date:
        return sqlite ? QStringLiteral("TEXT") : QStringLiteral("DATE");
    case ColumnType::Boolean:
        return QStringLiteral("BOOLEAN");
    }
    return QStringLiteral("TEXT");
}

QString SqlDialect::quoteIdentifier(const QString &identifier) const
{
    if (m_kind == Kind::MySQL) {
        QString escaped = identifier;
        escaped.replace(QLatin1Char('`'), QLatin1String("``"));
        return QLatin1Char('`') + escaped + QLatin1Char('`');
    }
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString SqlDialect::identifier(const QString &identifier) const
{
    if (isPlainIdentifier(identifier) && !isReservedWord(identifier))
        return identifier;
    return quoteIdentifier(identifier);
}

QString SqlDialect::createTable(const TableSpec &table) const
{
    QStringList parts;
    const bool singleKey = table.primaryKey.size() == 1;
    for (const ColumnSpec &column : table.columns) {
        const bool isKey = singleKey && table.primaryKey.first() == column.name;
        QString line = QStringLiteral("    ") + identifier(column.name) + QLatin1Char(' ');
        if (isKey && column.autoIncrement) {
            switch (m_kind) {
            case Kind::SQLite: // an alias of the rowid: new rows get max(id) + 1
                line += QStringLiteral("INTEGER PRIMARY KEY");
                break;
            case Kind::PostgreSQL:
                line += typeName(column) + QStringLiteral(" GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
                break;
            case Kind::MySQL:
                line += typeName(column) + QStringLiteral(" NOT NULL AUTO_INCREMENT PRIMARY KEY");
                break;
            }
        } else {
            line += typeName(column);
            if (!column.nullable)
                line += QStringLiteral(" NOT NULL");
            if (isKey)
                line += QStringLiteral(" PRIMARY KEY");
        }
        parts << line;
    }
    const auto columnList = [this](const QStringList &columns) {
        QStringList quoted;
        for (const QString &c : columns)
            quoted << identifier(c);
        return quoted.join(QStringLiteral(", "));
    };
    if (table.primaryKey.size() > 1)
        parts << QStringLiteral("    PRIMARY KEY (") + columnList(table.primaryKey) + QLatin1Char(')');
    for (const ForeignKeySpec &fk : table.foreignKeys) {
        parts << QStringLiteral("    FOREIGN KEY (") + columnList(fk.columns) + QStringLiteral(") REFERENCES ")
                + identifier(fk.table) + QStringLiteral(" (") + columnList(fk.referencedColumns) + QLatin1Char(')');
    }
    for (const QString &check : table.checks)
        parts << QStringLiteral("    CHECK (") + check + QLatin1Char(')');

    QString sql = QStringLiteral("CREATE TABLE ") + identifier(table.name) + QStringLiteral(" (\n")
        + parts.join(QStringLiteral(",\n")) + QStringLiteral("\n)");
    if (m_kind == Kind::MySQL)
        sql += QStringLiteral(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    return sql;
}

QString SqlDialect::createIndex(const QString &table, const IndexSpec &index) const
{
    QStringList columns;
    for (const QString &c : index.columns)
        columns << identifier(c);
    return (index.unique ? QStringLiteral("CREATE UNIQUE INDEX ") : QStringLiteral("CREATE INDEX "))
        + identifier(index.name) + QStringLiteral(" ON ") + identifier(table) + QStringLiteral(" (")
        + columns.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString SqlDialect::dropTable(const QString &table) const
{
    // PostgreSQL refuses to drop a table that a learner's view depends on; CASCADE drops the view.
    return QStringLiteral("DROP TABLE IF EXISTS ") + identifier(table)
        + (m_kind == Kind::PostgreSQL ? QStringLiteral(" CASCADE") : QString());
}

QByteArray SqlDialect::insertPrefix(const TableSpec &table) const
{
    QStringList columns;
    for (const ColumnSpec &c : table.columns)
        columns << identifier(c.name);
    return (QStringLiteral("INSERT INTO ") + identifier(table.name) + QStringLiteral(" (")
            + columns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES "))
        .toUtf8();
}

QStringList SqlDialect::afterLoad(const TableSpec &table) const
{
    QStringList statements;
    if (m_kind != Kind::PostgreSQL || table.primaryKey.size() != 1)
        return statements;
    for (const ColumnSpec &column : table.columns) {
        if (column.name != table.primaryKey.first() || !column.autoIncrement)
            continue;
        // Rows were inserted with explicit ids; move the identity past them so that an INSERT
        // without an id does not collide with id 1.
        const QString t = identifier(table.name);
        const QString c = identifier(column.name);
        statements << QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', '%2'), COALESCE(MAX(%3), 0) + 1, false) "
                                     "FROM %4")
                          .arg(table.name, column.name, c, t);
    }
    return statements;
}

QString SqlDialect::beginTransaction() const
{
    return m_kind == Kind::MySQL ? QStringLiteral("START TRANSACTION") : QStringLiteral("BEGIN");
}

QString SqlDialect::commit() const
{
    return QStringLiteral("COMMIT");
}

QString SqlDialect::rollback() const
{
    return QStringLiteral("ROLLBACK");
}

} // namespace dblearn
