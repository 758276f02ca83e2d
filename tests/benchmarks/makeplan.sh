#!/usr/bin/env bash
# Builds the large real PostgreSQL plan the plan benchmark reads: EXPLAIN (ANALYZE, BUFFERS,
# FORMAT JSON) of count(*) over a UNION ALL of 1,200 joined lookups (1,200 x 4 + 2 = 4,802 nodes: a Subquery Scan, a Nested Loop and two index scans each).
#   tests/benchmarks/makeplan.sh OUT.json   (PGHOST/PGPORT/PGUSER as for psql; default 127.0.0.1:55432 postgres)
set -euo pipefail
OUT=$1
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
DB=dblearn_planbench
psql -qAtX -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || psql -qX -d postgres -c "CREATE DATABASE $DB" >/dev/null
psql -qX -d "$DB" >/dev/null <<'SQL'
CREATE TABLE IF NOT EXISTS customers(id int PRIMARY KEY, name text);
CREATE TABLE IF NOT EXISTS orders(id int PRIMARY KEY, customer_id int, total numeric);
INSERT INTO customers SELECT g, 'c' || g FROM generate_series(1, 20000) g ON CONFLICT DO NOTHING;
INSERT INTO orders SELECT g, 1 + (g * 7) % 20000, g % 500 FROM generate_series(1, 200000) g ON CONFLICT DO NOTHING;
VACUUM ANALYZE customers, orders;
SQL
{
  echo "SET max_parallel_workers_per_gather = 0;"
  echo "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT count(*) FROM ("
  for i in $(seq 1 1200); do
    [ "$i" -gt 1 ] && echo "UNION ALL"
    echo "(SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = $((i * 37)) OFFSET 0)"
  done
  echo ") q;"
} > "$OUT.sql"
psql -qAtX -d "$DB" -f "$OUT.sql" > "$OUT"
rm -f "$OUT.sql"
