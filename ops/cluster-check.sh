#!/usr/bin/env bash
# The cluster check: a three-node Galera cluster on loopback (Debian's mariadbd + galera-4), two instances of the
# production jar on different nodes behind haproxy (sticky cookie, health check), then a browser driver
# (src/test/java/cn/luohu/qpb/e2e/ClusterCheck.java, real Chromium) checks:
#   a) concurrent approvals racing for the last quota place through different nodes: exactly one wins;
#   b) the finaliser and the reminders due on both instances at the same moment: each result final once,
#      one reminder per person and day, no ERROR in either log;
#   c) a node killed mid-run: the instance on another node keeps serving; the killed node's users log in again;
#   d) a backup of node 3 with mariadb-backup while the cluster serves, prepared, restored and read back.
# Prints PASS/FAIL per check, exits non-zero on any failure, stops everything it started. Everything listens on
# and talks to 127.0.0.1 only. Needs: apt-get install mariadb-server mariadb-backup galera-4 haproxy socat
# chromium chromium-driver (mariadbd runs as the calling user; as root it needs --user=root and mariabackup SST,
# rsync SST fails as root).
#
#   ops/cluster-check.sh              build the production jar, then run the check
#   QPB_JAR=path ops/cluster-check.sh use this jar instead of building one
#   QPB_CLUSTER_DIR=/tmp/qc           where the nodes' data, sockets and logs go (short: a socket path has a limit)
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECT=$PWD
source .ci/lib.sh
use_jdk21

DIR=${QPB_CLUSTER_DIR:-/tmp/qpbc}
GALERA=${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}
DB_PORT=(0 3311 3312 3313)          # node i: SQL port, Galera group port, IST port, SST port
GCOMM_PORT=(0 4571 4572 4573)
IST_PORT=(0 4581 4582 4583)
SST_PORT=(0 4591 4592 4593)
APP_PORT=(0 8181 8182)               # instance a on node 1, instance b on node 2
PROXY_PORT=8180
MIGRATION_PASSWORD=qpb-migrate-check
APP_PASSWORD=qpb-app-check
SST_PASSWORD=qpb-sst-check
# the jobs fire on both instances at the same seconds (one clock): every 20 s
JOB_CRON='*/20 * * * * *'

PIDS=()
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }

stop_all() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
    done
}
trap stop_all EXIT

sql() { # sql <node> <statement>: as root, through the node's socket
    mariadb --socket="$DIR/n$1/sock" -uroot -N -B -e "$2"
}

# --- the jar ---
JAR=${QPB_JAR:-}
if [ -z "$JAR" ]; then
    log "building the production jar (mvn package -DskipTests)"
    mvn -B -ntp -q package -DskipTests
    JAR=$(ls "$PROJECT"/target/qpb-portal-*.jar | grep -v original | head -1)
fi
log "jar: $JAR"

# --- three Galera nodes ---
for i in 1 2 3; do
    if [ -e "$DIR/n$i/pid" ] && kill -0 "$(cat "$DIR/n$i/pid")" 2>/dev/null; then
        echo "a node of an earlier run still runs (pid $(cat "$DIR/n$i/pid")): stop it first" >&2
        exit 2
    fi
done
rm -rf "$DIR"
mkdir -p "$DIR"
for i in 1 2 3; do
    mkdir -p "$DIR/n$i/data"
    cat > "$DIR/n$i/my.cnf" <<EOF
[mysqld]
user=$(id -un)
datadir=$DIR/n$i/data
socket=$DIR/n$i/sock
pid-file=$DIR/n$i/pid
log-error=$DIR/n$i/error.log
port=${DB_PORT[$i]}
skip-ssl
innodb_buffer_pool_size=128M
$(server_options)
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=$GALERA
wsrep_cluster_name=qpb-check
wsrep_cluster_address=gcomm://127.0.0.1:${GCOMM_PORT[1]},127.0.0.1:${GCOMM_PORT[2]},127.0.0.1:${GCOMM_PORT[3]}
wsrep_node_name=n$i
wsrep_node_address=127.0.0.1:${GCOMM_PORT[$i]}
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${GCOMM_PORT[$i]};ist.recv_addr=127.0.0.1:${IST_PORT[$i]};gcache.size=128M"
wsrep_sst_method=mariabackup
wsrep_sst_auth=sst:$SST_PASSWORD
wsrep_sst_receive_address=127.0.0.1:${SST_PORT[$i]}
EOF
done

start_node() { # start_node <i> [--wsrep-new-cluster]
    local i=$1; shift
    mariadbd --defaults-file="$DIR/n$i/my.cnf" "$@" > "$DIR/n$i/stdout.log" 2>&1 &
    PIDS+=($!)
    echo $! > "$DIR/n$i/mariadbd.pid"
}
synced() { [ "$(sql "$1" "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='WSREP_LOCAL_STATE_COMMENT'")" = Synced ]; }
cluster_size() { [ "$(sql "$1" "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='WSREP_CLUSTER_SIZE'")" = "$2" ]; }

log "node 1: new cluster"
mariadb-install-db --defaults-file="$DIR/n1/my.cnf" --skip-test-db --auth-root-authentication-method=socket > "$DIR/n1/install.log" 2>&1
start_node 1 --wsrep-new-cluster
wait_for 60 "node 1" synced 1
# the accounts (README "Database accounts"): state transfer (mariabackup), migrations (DDL, the append-only
# triggers, which need SUPER with binary logging on), and the application's account with its role
sql 1 "CREATE USER 'sst'@'localhost' IDENTIFIED BY '$SST_PASSWORD';
       GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR ON *.* TO 'sst'@'localhost';
       CREATE DATABASE qpb CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
       CREATE USER 'qpb_migrate'@'127.0.0.1' IDENTIFIED BY '$MIGRATION_PASSWORD';
       GRANT ALL PRIVILEGES ON qpb.* TO 'qpb_migrate'@'127.0.0.1' WITH GRANT OPTION;
       GRANT SUPER ON *.* TO 'qpb_migrate'@'127.0.0.1';
       CREATE ROLE qpb_app;
       CREATE USER 'qpb'@'127.0.0.1' IDENTIFIED BY '$APP_PASSWORD';
       GRANT qpb_app TO 'qpb'@'127.0.0.1';
       SET DEFAULT ROLE qpb_app FOR 'qpb'@'127.0.0.1';"
if unzip -l "$JAR" | grep -q 'changes/011-app-role-grants.sql'; then
    APP_ROLE_ARG=--qpb.db.app-role=qpb_app # the migrations grant the role its rights, table by table
else
    APP_ROLE_ARG=--qpb.db.app-role=
    sql 1 "GRANT SELECT, INSERT, UPDATE, DELETE ON qpb.* TO qpb_app;" # a build that grants nothing itself
fi
for i in 2 3; do
    log "node $i: joins (state transfer by mariabackup)"
    start_node "$i"
    wait_for 180 "node $i to join" synced "$i"
done
wait_for 30 "three nodes" cluster_size 1 3
log "cluster: 3 nodes synced"

# --- two instances of the production jar: a on node 1, b on node 2 ---
start_app() { # start_app <a|b> <node> [more arguments]
    local name=$1 node=$2; shift 2
    local port=${APP_PORT[$node]}
    java -Xmx768m -jar "$JAR" \
        --server.address=127.0.0.1 --server.port="$port" \
        --spring.datasource.url="jdbc:mariadb://127.0.0.1:${DB_PORT[$node]}/qpb" \
        --spring.datasource.username=qpb --spring.datasource.password="$APP_PASSWORD" \
        --spring.liquibase.user=qpb_migrate --spring.liquibase.password="$MIGRATION_PASSWORD" "$APP_ROLE_ARG" \
        --qpb.notice.finalize-cron="$JOB_CRON" --qpb.reminders.cron="$JOB_CRON" \
        "$@" > "$DIR/app-$name.log" 2>&1 &
    PIDS+=($!)
}
answers() { curl -fsS -o /dev/null "http://127.0.0.1:$1/login"; }
log "instance a (node 1): migrates the empty database and seeds the demo district"
start_app a 1 --qpb.demo-data=true
wait_for 240 "instance a" answers "${APP_PORT[1]}"
log "instance b (node 2)"
start_app b 2
wait_for 240 "instance b" answers "${APP_PORT[2]}"

# haproxy checks readiness where the build has it (Spring Boot Actuator), else only that the login page answers
HEALTH=/actuator/health/readiness
EXPECT='status 200'
health() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1$HEALTH"; }
ready() { [ "$(health "${APP_PORT[1]}")" = 200 ] && [ "$(health "${APP_PORT[2]}")" = 200 ]; }
case "$(health "${APP_PORT[1]}")" in
200|503) # the build has it (503: not ready yet)
    wait_for 60 "both instances ready" ready ;;
*)  # a redirect to the login page: no such endpoint
    log "no $HEALTH in this build: haproxy checks /login, which cannot tell that an instance lost its database"
    HEALTH=/login
    EXPECT='rstatus ^[23]' ;; # the login page answers 200, or 302 to itself with a fresh session
esac
cat > "$DIR/haproxy.cfg" <<EOF
global
    maxconn 256
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    option redispatch
    retries 2
frontend portal
    bind 127.0.0.1:$PROXY_PORT
    default_backend instances
backend instances
    balance roundrobin
    cookie SRV insert indirect nocache
    option httpchk
    http-check send meth GET uri $HEALTH ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect $EXPECT
    default-server inter 1s fall 2 rise 2
    server a 127.0.0.1:${APP_PORT[1]} check cookie a
    server b 127.0.0.1:${APP_PORT[2]} check cookie b
EOF
haproxy -f "$DIR/haproxy.cfg" -db > "$DIR/haproxy.log" 2>&1 &
PIDS+=($!)
wait_for 30 "haproxy" curl -fsS -o /dev/null "http://127.0.0.1:$PROXY_PORT/login"
log "haproxy on 127.0.0.1:$PROXY_PORT, health check $HEALTH"

# --- the checks, in real Chromium through haproxy ---
log "running the checks (ClusterCheck)"
REPORTS=$PROJECT/target/surefire-reports
rm -f "$REPORTS"/*ClusterCheck*
set +e
mvn -B -ntp -q -Pcluster surefire:test \
    -Dqpb.cluster.proxy="http://127.0.0.1:$PROXY_PORT" \
    -Dqpb.cluster.db="jdbc:mariadb://127.0.0.1:${DB_PORT[3]}/qpb" \
    -Dqpb.cluster.db-user=qpb_migrate -Dqpb.cluster.db-password="$MIGRATION_PASSWORD" \
    -Dqpb.cluster.log-a="$DIR/app-a.log" -Dqpb.cluster.log-b="$DIR/app-b.log" \
    -Dqpb.cluster.node2-pid="$DIR/n2/mariadbd.pid" \
    > "$DIR/driver.log" 2>&1 &
PIDS+=($!) # stopped with the rest if this script is
wait $!
set -e

# --- d) a backup with mariadb-backup, taken from node 3 while the cluster serves, restored and read ---
backup_check() {
    local target="$DIR/backup" restored="$DIR/restored"
    mariadb-backup --backup --galera-info --socket="$DIR/n3/sock" --user=root --target-dir="$target" > "$DIR/backup.log" 2>&1 || return 1
    mariadb-backup --prepare --target-dir="$target" >> "$DIR/backup.log" 2>&1 || return 1
    mkdir -p "$restored/data"
    mariadb-backup --copy-back --target-dir="$target" --datadir="$restored/data" >> "$DIR/backup.log" 2>&1 || return 1
    # the restored copy on a server of its own (no cluster), read as a restore would be
    mariadbd --no-defaults --user="$(id -un)" --datadir="$restored/data" --socket="$restored/sock" --pid-file="$restored/pid" \
        --skip-networking --skip-ssl --log-error="$restored/error.log" --wsrep-on=OFF > /dev/null 2>&1 &
    PIDS+=($!)
    wait_for 60 "the restored copy" mariadb --socket="$restored/sock" -uroot -e 'SELECT 1' || return 1
    local query="SELECT CONCAT(COUNT(*), '/', SUM(state = 'FINAL'), '/', (SELECT COUNT(*) FROM qpb.star_history)) FROM qpb.assessment"
    local live copy
    live=$(sql 1 "$query")
    copy=$(mariadb --socket="$restored/sock" -uroot -N -B -e "$query")
    echo "CHECK d: assessments/final/star changes: node 1 $live, restored backup $copy ($(du -sh "$target" | cut -f1))"
    [ -n "$copy" ] && [ "$live" = "$copy" ] && ls "$target" | grep -q galera_info
}

# --- the result ---
REPORT=$REPORTS/TEST-cn.luohu.qpb.e2e.ClusterCheck.xml
grep -E '^CHECK ' "$REPORTS/cn.luohu.qpb.e2e.ClusterCheck-output.txt" 2>/dev/null || true
status=0
if backup_check; then
    backup=PASS
else
    backup=FAIL
    status=1
fi
for check in approvalsRaceForTheLastQuotaPlace jobsDueOnBothInstancesAtOnce aKilledNodesUsersLogInAgain; do
    if [ ! -f "$REPORT" ] || ! grep -q "name=\"$check\"" "$REPORT"; then
        echo "FAIL  $check (did not run; see $DIR/driver.log)"
        status=1
    elif awk -v c="name=\"$check\"" 'index($0, c) {found=1} found && /<\/testcase>|\/>$/ {print; exit} found {print}' "$REPORT" \
            | grep -qE '<failure|<error'; then
        echo "FAIL  $check"
        status=1
    else
        echo "PASS  $check"
    fi
done
echo "$backup  aBackupIsRestoredAndRead"
echo "logs: $DIR (app-a.log, app-b.log, haproxy.log, n*/error.log, driver.log)"
exit $status
