# What .ci/run, .ci/mariadb-10.11 and ops/cluster-check.sh share; sourced, not run.

# Maven needs a JDK 21+; this machine's default java is 17.
use_jdk21() {
    if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
    fi
    export PATH="$JAVA_HOME/bin:$PATH"
}

# wait_for <seconds> <description> <command...>: polls the command until it succeeds, at most that long
wait_for() {
    local seconds=$1 what=$2; shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "timed out after ${seconds}s waiting for $what" >&2
            return 1
        fi
        sleep 0.5
    done
}

# The [mysqld] lines every MariaDB server of ours has, as production's: loopback only, utf8mb4, room for an
# evidence file (README "Run against an external MariaDB"), binary logging in row format.
server_options() {
    cat <<EOF
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max_allowed_packet=64M
log-bin=binlog
binlog_format=ROW
EOF
}
