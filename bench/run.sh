#!/usr/bin/env bash
# The benchmark suite (docs/performance.md). Starts the packaged service on a fresh data directory with its
# embedded PostgreSQL (fsync on, as in production), then, in one run:
#   1. the ceiling: one 300-byte row per commit from as many clients, with pgbench if installed and JDBC always;
#   2. books: --projects projects with their requisitions, payments, amendments, recoveries, business support and
#      commercial service over ten years and ten municipalities, written through the REST API;
#   3. the Gatling scenarios (HTML reports with charts under the run's gatling/ folder): DistinctCases,
#      OneFrame, SingleClient, FinanceStaff, ReportReads;
#   4. probes: every report of a year, an as-of report, a rebuild of every projection;
#   5. loading history through the import (POST /api/imports): --import projects of 2000-2009 as a workbook,
#      dry run, confirmed, run, and the read models caught up;
#   6. the service's resident memory, sampled every second throughout;
# and prints the summary (also summary.md in the run's folder), each write figure as a ratio to the ceiling.
#
# Usage: bench/run.sh [--projects N] [--users U] [--seconds S] [--year Y] [--import N] [--profile] [--two-nodes] [--smoke]
#   --import N     projects in the import's workbook (default: as many as --projects; 0 leaves the import out)
#   --import-only  the ceiling and the import alone (loading history at scale: --import 100000 --import-only)
#   --smoke        six projects, a second of ceiling, every scenario's requests once (the Smoke simulation):
#                  checks that every step works, not how fast (CI runs this after the tests)
#   --profile      runs DistinctCases and the probes once more, unmeasured, with the service's CPU recorded (Java
#                  Flight Recorder), and draws them as flame-writes.svg and flame-probes.svg in the run's folder
#   --two-nodes    also runs DistinctCases and OneFrame against two service instances on the one database,
#                  half the users on each
# SERVICE_JAVA_OPTS: JVM options for the service (default: those the README starts it with).
# SERVICE_JAR: the service's jar (default: ledger-api/target/grant-ledger.jar), to compare two builds on one machine.
# The run's folder: target/bench/<time>/ (figures.properties, summary.md, service logs, gatling/).
set -euo pipefail
cd "${BENCH_HOME:-$(dirname "$0")/..}"
if [ -z "${BENCH_HOME:-}" ]; then
    # run from a copy: bash reads a script as it goes, so editing this file would change a run under way
    copy=$(mktemp)
    cp bench/run.sh "$copy"
    BENCH_HOME=$(pwd) exec bash "$copy" "$@"
fi

PROJECTS=200; USERS=8; SECONDS_EACH=20; CEILING_SECONDS=10; YEAR=2025; ROUNDS=20; TWO_NODES=no; SMOKE=no; PROFILE=no
IMPORT=; IMPORT_ONLY=no
while [ $# -gt 0 ]; do
    case "$1" in
        --projects) PROJECTS=$2; shift 2 ;;
        --users) USERS=$2; shift 2 ;;
        --seconds) SECONDS_EACH=$2; shift 2 ;;
        --year) YEAR=$2; shift 2 ;;
        --import) IMPORT=$2; shift 2 ;;
        --import-only) IMPORT_ONLY=yes; shift ;;
        --two-nodes) TWO_NODES=yes; shift ;;
        --profile) PROFILE=yes; shift ;;
        --smoke) SMOKE=yes; PROJECTS=6; USERS=2; SECONDS_EACH=1; CEILING_SECONDS=1; ROUNDS=2; IMPORT=${IMPORT:-20}; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

RUN=$(pwd)/target/bench/$(date -u +%Y%m%dT%H%M%SZ)
FIGURES=$RUN/figures.properties
mkdir -p "$RUN"
MVN="./mvnw -B"
[ -n "${BENCH_OFFLINE:-}" ] && MVN="$MVN -o"

if [ -z "${BENCH_NO_BUILD:-}" ]; then
    $MVN -q -DskipTests install
fi
# the build wrote both class paths (ledger-bench/pom.xml)
BENCH_CP="ledger-bench/target/classes:$(cat ledger-bench/target/classpath.txt)"
GATLING_CP="ledger-bench/target/test-classes:ledger-bench/target/classes:$(cat ledger-bench/target/test-classpath.txt)"
# (POI, for the import's workbook, logs through Log4j's API: its simple logger, not a warning that none is there)
bench() {
    java -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory \
        -cp "$BENCH_CP" se.region.grantledger.bench.Bench "$@" --figures "$FIGURES"
}

free_port() {
    while :; do
        port=$((20000 + RANDOM % 20000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

# the JVM options of the README's run command (docs/performance.md, "A heap limit")
README_JAVA_OPTS="-Xmx192m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m"

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# start_service NAME PORT [VAR=VALUE ...]: the jar as an operator starts it, with its log in the run's folder
start_service() {
    local name=$1 port=$2; shift 2
    # shellcheck disable=SC2086 # SERVICE_JAVA_OPTS holds several options
    env PORT="$port" "$@" java ${SERVICE_JAVA_OPTS:-$README_JAVA_OPTS} -jar "${SERVICE_JAR:-ledger-api/target/grant-ledger.jar}" > "$RUN/$name.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 180); do
        if curl -sf "http://localhost:$port/actuator/health" > /dev/null; then return 0; fi
        sleep 1
    done
    echo "$name did not become healthy; its log: $RUN/$name.log" >&2
    exit 1
}

PORT=$(free_port); PGPORT=$(free_port)
start_service service "$PORT" LEDGER_DATA_DIR="$RUN/data" LEDGER_EMBEDDED_POSTGRES_PORT="$PGPORT"
SERVICE_PID=${PIDS[0]}
URL=http://localhost:$PORT
echo "service on $URL, its PostgreSQL on localhost:$PGPORT, run folder $RUN"

( while kill -0 "$SERVICE_PID" 2>/dev/null; do
      awk '/VmRSS/ {print $2}' "/proc/$SERVICE_PID/status" 2>/dev/null || true
      sleep 1
  done ) > "$RUN/rss-kib.txt" &

# CPU seconds a process has used (user + system), and the whole machine's busy and total seconds
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }
machine_cpu() { awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8; print busy, busy + $5 + $6}' /proc/stat; }

# gatling SIMULATION KEY USERS URL: one scenario; its Global Information block becomes the figures gatling.KEY.*,
# with the service's CPU per request and the share of the machine's CPU the service had meanwhile
gatling() {
    local simulation=$1 key=$2 users=$3 url=$4 log="$RUN/gatling-$2.log"
    local service_before machine_before
    service_before=$(cpu_of "$SERVICE_PID"); machine_before=$(machine_cpu)
    if [ "$SMOKE" = yes ]; then
        # Gatling's own launcher on the class path the build wrote: the same run without a Maven start
        java --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
            --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED -cp "$GATLING_CP" -Dbench.url="$url" -Dbench.users="$users" -Dbench.seconds="$SECONDS_EACH" \
            -Dbench.year="$YEAR" io.gatling.app.Gatling --simulation "se.region.grantledger.bench.simulations.$simulation" \
            --results-folder "$RUN/gatling" > "$log" 2>&1 || { tail -40 "$log"; exit 1; }
    else
        $MVN -pl ledger-bench gatling:test -Dgatling.simulationClass="se.region.grantledger.bench.simulations.$simulation" \
            -Dgatling.resultsFolder="$RUN/gatling" -Dbench.url="$url" -Dbench.users="$users" \
            -Dbench.seconds="$SECONDS_EACH" -Dbench.year="$YEAR" > "$log" 2>&1 || { tail -40 "$log"; exit 1; }
    fi
    awk -v key="$key" -v users="$users" '
        /Global Information/ { global = 1 }
        global && /request count/ { split($0, c, "|"); gsub(/[ ,]/, "", c[2]); gsub(/[ ,]/, "", c[4]);
                                    print "gatling." key ".requests=" c[2]; print "gatling." key ".ko=" (c[4] == "-" ? 0 : c[4]) }
        global && /50th percentile/ { split($0, c, "|"); gsub(/[ ,]/, "", c[2]); print "gatling." key ".p50_ms=" c[2] }
        global && /99th percentile/ { split($0, c, "|"); gsub(/[ ,]/, "", c[2]); print "gatling." key ".p99_ms=" c[2] }
        global && /mean throughput/ { split($0, c, "|"); gsub(/[ ,]/, "", c[2]); print "gatling." key ".per_second=" c[2];
                                      print "gatling." key ".users=" users; global = 0 }' "$log" >> "$FIGURES"
    [[ $key == twonodes* ]] && return 0   # the CPU figures are the first node's alone
    local service_after machine_after requests
    service_after=$(cpu_of "$SERVICE_PID"); machine_after=$(machine_cpu)
    requests=$(grep "^gatling.$key.requests=" "$FIGURES" | tail -1 | cut -d= -f2)
    awk -v key="$key" -v s0="$service_before" -v s1="$service_after" -v n="$requests" \
        -v m0="$machine_before" -v m1="$machine_after" -v hz="$(getconf CLK_TCK)" 'BEGIN {
            split(m0, a, " "); split(m1, b, " ")
            printf "gatling.%s.service_cpu_ms_per_request=%.2f\n", key, 1000 * (s1 - s0) / n
            printf "gatling.%s.machine_busy_share=%.3f\n", key, (b[1] - a[1]) / (b[2] - a[2])
            printf "gatling.%s.service_share_of_busy=%.3f\n", key, (s1 - s0) * hz / (b[1] - a[1]) }' >> "$FIGURES"
    grep -A 12 "Global Information" "$log" | sed -n '2,11p'
    if grep -q "^gatling.$key.ko=[1-9]" "$FIGURES"; then
        echo "$simulation: some requests failed; see $log and the Gatling report" >&2
        exit 1
    fi
}

bench ceiling --jdbc "jdbc:postgresql://localhost:$PGPORT/postgres" --pg-port "$PGPORT" --clients "$USERS" \
    --seconds "$CEILING_SECONDS"
if [ "$IMPORT_ONLY" = yes ]; then
    :
else
bench books --url "$URL" --projects "$PROJECTS" --clients "$USERS"
if [ "$SMOKE" = yes ]; then
    gatling Smoke smoke 1 "$URL"   # every scenario's requests once, in one Gatling run
else
    # once unmeasured: the first minute of writes after a start runs at half speed (compilation, caches)
    gatling DistinctCases warmup "$USERS" "$URL"
    gatling DistinctCases distinct "$USERS" "$URL"
    if [ "$PROFILE" = yes ]; then
        # a run of its own: the recorder's sampling would slow the measured one
        jcmd "$SERVICE_PID" JFR.start name=writes settings=profile > /dev/null
        gatling DistinctCases profiled "$USERS" "$URL"
        jcmd "$SERVICE_PID" JFR.stop name=writes filename="$RUN/writes.jfr" > /dev/null
        bench flame --jfr "$RUN/writes.jfr" --svg "$RUN/flame-writes.svg" \
            --title "The service's CPU during DistinctCases ($USERS users, $SECONDS_EACH s)"
    fi
    gatling OneFrame oneframe "$USERS" "$URL"
    gatling SingleClient single 1 "$URL"
    gatling FinanceStaff mixed "$USERS" "$URL"
    gatling ReportReads reports "$USERS" "$URL"
fi
bench probes --url "$URL" --year "$YEAR" --rounds "$ROUNDS"
if [ "$PROFILE" = yes ]; then
    jcmd "$SERVICE_PID" JFR.start name=probes settings=profile > /dev/null
    java -cp "$BENCH_CP" se.region.grantledger.bench.Bench probes --url "$URL" --year "$YEAR" --rounds "$ROUNDS" \
        --figures "$RUN/profiled.properties" > /dev/null
    jcmd "$SERVICE_PID" JFR.stop name=probes filename="$RUN/probes.jfr" > /dev/null
    bench flame --jfr "$RUN/probes.jfr" --svg "$RUN/flame-probes.svg" \
        --title "The service's CPU during the probes: reports, as-of reports (http threads), the rebuild (processors)"
fi
fi

# last, so that its books change no other scenario's conditions
if [ "${IMPORT:-$PROJECTS}" -gt 0 ]; then
    bench import --url "$URL" --projects "${IMPORT:-$PROJECTS}"
fi

if [ "$TWO_NODES" = yes ]; then
    # A second instance on the same database: the embedded server's superuser, as an external deployment would
    # connect; the two share the processors' segments through the token store.
    PORT2=$(free_port)
    start_service second "$PORT2" POSTGRES_URL="jdbc:postgresql://localhost:$PGPORT/postgres" POSTGRES_USER=postgres \
        POSTGRES_PASSWORD=unused
    half=$(( (USERS + 1) / 2 ))
    for scenario in DistinctCases:distinct OneFrame:oneframe; do
        gatling "${scenario%%:*}" "twonodes.${scenario##*:}.first" "$half" "$URL" &
        first=$!
        gatling "${scenario%%:*}" "twonodes.${scenario##*:}.second" "$half" "http://localhost:$PORT2"
        wait "$first"
    done
    # Axon's retry scheduler logs each retry of a command that lost a race to append ("Will retry")
    echo "twonodes.retries=$(cat "$RUN/service.log" "$RUN/second.log" | grep -c 'Will retry' || true)" >> "$FIGURES"
fi

echo "rss.max_mib=$(sort -n "$RUN/rss-kib.txt" | tail -1 | awk '{printf "%.0f", $1 / 1024}')" >> "$FIGURES"
bench summary
