#include "console/sqlkeywords.h"

namespace dblearn {

namespace {

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

const char *const commonKeywords =
    "ADD ALL ALTER AND ANY AS ASC BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONSTRAINT CREATE "
    "CROSS CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DEFAULT DELETE DESC DISTINCT DROP ELSE END ESCAPE EXCEPT EXISTS "
    "EXPLAIN FALSE FETCH FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GROUP HAVING IF IN INDEX INNER INSERT INTERSECT "
    "INTO IS JOIN KEY LAST LATERAL LEFT LIKE LIMIT NATURAL NOT NULL NULLS OFFSET ON OR ORDER OUTER OVER PARTITION "
    "PRECEDING PRIMARY RANGE RECURSIVE REFERENCES RELEASE RENAME REPLACE RETURNING RIGHT ROLLBACK ROW ROWS SAVEPOINT "
    "SELECT SET TABLE TEMP TEMPORARY THEN TO TRANSACTION TRIGGER TRUE UNBOUNDED UNION UNIQUE UPDATE USING VALUES VIEW "
    "WHEN WHERE WINDOW WITH";
const char *const sqliteKeywords =
    "ABORT ANALYZE ATTACH AUTOINCREMENT DEFERRED DETACH EXCLUSIVE FAIL GLOB IGNORE IMMEDIATE INDEXED INSTEAD ISNULL "
    "NOTNULL PLAN PRAGMA QUERY RAISE REGEXP REINDEX STRICT VACUUM VIRTUAL WITHOUT CONFLICT";
const char *const postgresqlKeywords =
    "ANALYZE ARRAY ASYMMETRIC BUFFERS CONCURRENTLY COPY DO EXCLUDE EXTENSION FUNCTION GRANT ILIKE LANGUAGE LISTEN "
    "MATERIALIZED NOTIFY OWNER PROCEDURE REFRESH RETURNS REVOKE ROLE SCHEMA SEQUENCE SIMILAR TABLESAMPLE TRUNCATE "
    "VACUUM VERBOSE CONFLICT NOTHING ONLY SHOW";
const char *const mysqlKeywords =
    "ANALYZE AUTO_INCREMENT CHARSET DATABASE DATABASES DELAYED DESCRIBE DUPLICATE ENGINE FORCE FULLTEXT HIGH_PRIORITY "
    "IGNORE LOCK LOW_PRIORITY MODIFY OPTIMIZE PROCEDURE REGEXP SCHEMA SHOW STRAIGHT_JOIN TABLES TRUNCATE UNLOCK USE "
    "ZEROFILL";

const char *const commonFunctions =
    "ABS AVG COALESCE COUNT DENSE_RANK FIRST_VALUE LAG LAST_VALUE LEAD LENGTH LOWER MAX MIN NTILE NULLIF RANK "
    "ROUND ROW_NUMBER SUBSTR SUM TRIM UPPER REPLACE CUME_DIST PERCENT_RANK NTH_VALUE";
const char *const sqliteFunctions =
    "CHANGES DATE DATETIME GROUP_CONCAT HEX IFNULL IIF INSTR JSON JSON_EXTRACT JSON_GROUP_ARRAY JSON_OBJECT "
    "JULIANDAY LAST_INSERT_ROWID LIKELIHOOD PRINTF QUOTE RANDOM RANDOMBLOB STRFTIME TIME TOTAL TYPEOF UNICODE "
    "ZEROBLOB FORMAT UNIXEPOCH";
const char *const postgresqlFunctions =
    "AGE ARRAY_AGG ARRAY_LENGTH CONCAT CURRENT_SETTING DATE_PART DATE_TRUNC EXTRACT GENERATE_SERIES GREATEST "
    "JSONB_AGG JSONB_BUILD_OBJECT JSON_AGG LEAST NOW PG_SIZE_PRETTY PG_TOTAL_RELATION_SIZE REGEXP_REPLACE "
    "STRING_AGG TO_CHAR TO_TIMESTAMP UNNEST PERCENTILE_CONT";
const char *const mysqlFunctions =
    "CONCAT CONCAT_WS CURDATE DATE_ADD DATE_FORMAT DATEDIFF GROUP_CONCAT IFNULL JSON_ARRAYAGG JSON_EXTRACT "
    "JSON_OBJECT NOW STR_TO_DATE TIMESTAMPDIFF UNIX_TIMESTAMP";

const char *const commonTypes =
    "BIGINT BLOB BOOLEAN CHAR DATE DECIMAL DOUBLE FLOAT INT INTEGER NUMERIC REAL SMALLINT TEXT TIME TIMESTAMP VARCHAR";
const char *const postgresqlTypes = "BYTEA JSON JSONB SERIAL BIGSERIAL TIMESTAMPTZ UUID INTERVAL INET";
const char *const mysqlTypes = "DATETIME ENUM JSON LONGTEXT MEDIUMINT MEDIUMTEXT TINYINT VARBINARY";

QStringList merged(const char *common, const char *own)
{
    QStringList list = words(common) + words(own);
    list.sort();
    list.removeDuplicates();
    return list;
}

enum Dialect { SQLite, PostgreSQL, MySQL };
Dialect dialectOf(const QString &dialect)
{
    if (dialect == QLatin1String("postgresql"))
        return PostgreSQL;
    if (dialect == QLatin1String("mysql") || dialect == QLatin1String("mariadb"))
        return MySQL;
    return SQLite;
}

} // namespace

const QStringList &SqlKeywords::keywords(const QString &dialect)
{
    static const QStringList lists[] = {merged(commonKeywords, sqliteKeywords),
                                        merged(commonKeywords, postgresqlKeywords),
                                        merged(commonKeywords, mysqlKeywords)};
    return lists[dialectOf(dialect)];
}

const QStringList &SqlKeywords::functions(const QString &dialect)
{
    static const QStringList lists[] = {merged(commonFunctions, sqliteFunctions),
                                        merged(commonFunctions, postgresqlFunctions),
                                        merged(commonFunctions, mysqlFunctions)};
    return lists[dialectOf(dialect)];
}

const QStringList &SqlKeywords::types(const QString &dialect)
{
    static const QStringList lists[] = {merged(commonTypes, ""), merged(commonTypes, postgresqlTypes),
                                        merged(commonTypes, mysqlTypes)};
    return lists[dialectOf(dialect)];
}

} // namespace dblearn
