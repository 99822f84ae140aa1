#!/usr/bin/env bash
# Times the work-item list queries on one million rows in MariaDB (database cr_bench, made afresh).
# Run on a machine where `mariadb -uroot` works through the local socket: docs/load/list-queries.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=cr_bench
mariadb -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
cat db/migration/V*.sql | mariadb -uroot "$DB"
CHANNELS="'ACCOUNT_MANAGER','CORE_AGENT','PHONE_ACCOUNT_MANAGER','WEBSITE','SERVICE_HALL','GROUP_HOTLINE','EXPERIENCE_HALL','OPERATIONS_CENTER','NETWORK_MAINTENANCE','BILLING_SUPPORT'"
mariadb -uroot "$DB" <<SQL
SET @now = '2026-11-25 00:00:00';
INSERT INTO work_item (work_item_id, item_type, source_channel, external_id, customer_id, owner_channel, status, second_transfer,
  occurred_at, response_due_at, resolve_due_at, dispatch_due_at, claimed_at, closed_at, request_hash, created_by, created_at,
  sla_clock, dispatch_minutes)
SELECT LPAD(seq, 36, '0'), ELT(1 + seq % 3, 'LEAD', 'ALERT', 'FAULT'),
       ELT(1 + seq % 12, $CHANNELS, 'HOTLINE_10086', 'BI_SYSTEM'), CONCAT('EXT-', seq), CONCAT('C-', seq % 50000),
       ELT(1 + (seq * 7) % 10, $CHANNELS), ELT(1 + seq % 4, 'ROUTED', 'AWAITING_DISPATCH', 'CLAIMED', 'CLOSED'), seq % 4 = 1,
       TIMESTAMPADD(SECOND, -seq * 30, @now), TIMESTAMPADD(SECOND, -seq * 30 + 14400, @now),
       TIMESTAMPADD(SECOND, -seq * 30 + 86400, @now), IF(seq % 4 = 1, TIMESTAMPADD(SECOND, -seq * 30 + 3600, @now), NULL),
       IF(seq % 4 >= 2, TIMESTAMPADD(SECOND, -seq * 30 + 600, @now), NULL),
       IF(seq % 4 = 3, TIMESTAMPADD(SECOND, -seq * 30 + 7200, @now), NULL),
       REPEAT('a', 64), 'bench', TIMESTAMPADD(SECOND, -seq * 30, @now), 'BUSINESS_HOURS', 60
  FROM seq_1_to_1000000;
INSERT INTO routing_decision (decision_id, work_item_id, table_version, routing_rule, sla_rule, request_json, decision_json, decided_at)
SELECT work_item_id, work_item_id, 'bench', 'L1', 'S6', '{}', '{}', created_at FROM work_item;
ANALYZE TABLE work_item, routing_decision;
SQL
BREACHED="((w.claimed_at IS NULL AND w.response_due_at < '2026-11-25 00:00:00') OR (w.claimed_at IS NOT NULL AND w.claimed_at > w.response_due_at) OR (w.closed_at IS NULL AND w.resolve_due_at < '2026-11-25 00:00:00') OR (w.closed_at IS NOT NULL AND w.closed_at > w.resolve_due_at))"
branch() { echo "(SELECT w.work_item_id AS id, w.created_at AS created_at FROM work_item w WHERE w.$1 = 'NETWORK_MAINTENANCE' $2 ORDER BY w.created_at DESC, w.work_item_id DESC LIMIT $3)"; }
page() { echo "SELECT SQL_NO_CACHE w.work_item_id FROM (SELECT u.id, u.created_at FROM ($(branch owner_channel "$1" "$2") UNION $(branch source_channel "$1" "$2")) u ORDER BY u.created_at DESC, u.id DESC LIMIT 20 OFFSET $3) page JOIN work_item w ON w.work_item_id = page.id JOIN routing_decision d ON d.work_item_id = w.work_item_id ORDER BY w.created_at DESC"; }
count() { echo "SELECT SQL_NO_CACHE COUNT(*) FROM ($(branch owner_channel "$1" 10001) UNION $(branch source_channel "$1" 10001)) u"; }
naive_count() { echo "SELECT SQL_NO_CACHE COUNT(*) FROM work_item w WHERE (w.owner_channel = 'NETWORK_MAINTENANCE' OR w.source_channel = 'NETWORK_MAINTENANCE') $1"; }
time_it() { local start end; start=$(date +%s%N); mariadb -uroot -N "$DB" -e "$2" > /dev/null; end=$(date +%s%N); printf '%8.3f s  %s\n' "$(echo "($end - $start) / 1000000000" | bc -l)" "$1"; }
time_it "page 0 of a channel's items" "$(page "" 20 0)"
time_it "page 50 of a channel's items" "$(page "" 1020 1000)"
time_it "page 0, breached" "$(page "AND $BREACHED" 20 0)"
time_it "page 0, status CLOSED" "$(page "AND w.status = 'CLOSED'" 20 0)"
time_it "total, a channel's items (capped at 10,000)" "$(count "")"
time_it "total, breached (capped at 10,000)" "$(count "AND $BREACHED")"
time_it "total with one OR query, uncapped (not used; for comparison)" "$(naive_count "")"
