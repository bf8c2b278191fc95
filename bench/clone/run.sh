#!/usr/bin/env bash
# The clone benchmark (issues 5 and 8): generates a realistic 8-table database at each size in
# PostgreSQL and/or MariaDB (not timed), then times, in the same run and against the same source:
#   floor       pg_dump | psql (PostgreSQL) or mariadb-dump | mariadb (MariaDB) into a fresh database
#   restore     the restore half alone (psql / mariadb fed from a dump file made beforehand)
#   read floor  every table streamed to /dev/null (COPY ... TO STDOUT; mariadb --quick SELECT *)
#   introspect  our introspect of the source
#   clone       our clone into a fresh database (then row counts, source beside clone)
#   fit         our fit to a model file
#   sample      our sample from that model into another fresh database (row counts again)
# Wall seconds each; our process's peak RSS from /usr/bin/time -f %M. A command our build lacks is
# reported as "skipped: <command> not available" and its figures are null.
# Writes bench/results/latest.json.
#
# Usage: bench/clone/run.sh [--engine postgresql|mariadb|both] [--rows 1000000[,3000000,10000000]]
#                           [--models cart[,copula,arf]] [--repeat N] [--seed N] [--keep] [--no-build]
# Sizes accept k/M suffixes (--rows 3k,300k,1M). Default: both engines, 1M rows, the default model (cart).
# --models times clone, fit and sample once per model (one result row each) against the floors
# measured once per size. --repeat N runs every timed step N times and keeps the fastest (the least
# disturbed on a shared machine).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
command_line="bench/clone/run.sh${*:+ $*}"
engine_arg=both
rows_arg=1000000
models_arg=cart
seed=1
repeat=1
keep=0
build=1

usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --engine) engine_arg=$2; shift 2 ;;
    --rows) rows_arg=$2; shift 2 ;;
    --models) models_arg=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --repeat takes a positive whole number (got $repeat)" >&2; exit 2; }
case "$engine_arg" in
  postgresql) engines=(postgresql) ;;
  mariadb) engines=(mariadb) ;;
  both) engines=(postgresql mariadb) ;;
  *) echo "run.sh: --engine must be postgresql, mariadb or both (got $engine_arg)" >&2; exit 2 ;;
esac
to_int() {
  case "$1" in
    *[mM]) echo $(( ${1%[mM]} * 1000000 )) ;;
    *[kK]) echo $(( ${1%[kK]} * 1000 )) ;;
    *[!0-9]*|'') echo "run.sh: --rows takes whole numbers (k/M suffixes allowed), got '$1'" >&2; exit 2 ;;
    *) echo "$1" ;;
  esac
}
IFS=',' read -ra models <<<"$models_arg"
for m in "${models[@]}"; do
  case "$m" in copula|cart|arf|auto) ;; *) echo "run.sh: --models takes copula, cart, arf or auto, comma-separated (got '$m')" >&2; exit 2 ;; esac
done
sizes=()
IFS=',' read -ra raw_sizes <<<"$rows_arg"
for r in "${raw_sizes[@]}"; do
  n=$(to_int "$r")
  if [ "$n" -lt 2000 ]; then echo "run.sh: --rows must be at least 2000 (got $n): 170 rows are fixed lookups" >&2; exit 2; fi
  sizes+=("$n")
done

tables=(region category tag customer product product_tag orders order_line)

# --- servers and tools -----------------------------------------------------------------------
# shellcheck source=../../scripts/test-servers.sh
source "$repo/scripts/test-servers.sh"
ensure_packages
start_postgres
start_mariadb
if [ ! -x /usr/bin/time ]; then
  echo "run.sh: installing time (for peak RSS)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
export PGPASSWORD=sdv
export PGOPTIONS="-c client_min_messages=warning"
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)

# The build a DBA runs on big databases (README, "Usage"): published for this machine's runtime with
# ReadyToRun, so start-up does not JIT every method first (measured: about a tenth less CPU at 1M rows).
publish_dir=$repo/bench/.publish
dll=$publish_dir/Sdv.Connector.dll
if [ "$build" = 1 ]; then
  echo "publishing src/Connector (Release, ReadyToRun) to bench/.publish..."
  rm -rf "$publish_dir"
  dotnet publish "$repo/src/Connector" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
    -o "$publish_dir" -nologo -v q >/dev/null || echo "run.sh: the publish failed; our steps will be skipped"
fi
available=" "
if [ -f "$dll" ]; then
  # The commands the build offers, from the "Commands:" section of --help.
  available=" $(dotnet "$dll" --help 2>/dev/null | awk '/^Commands:/ {f = 1; next} f && /^  [a-z]/ {print $1}' | tr '\n' ' ')"
fi
has_command() { [[ "$available" == *" $1 "* ]]; }
echo "our commands available:${available}"

work=$(mktemp -d /var/tmp/sdv-bench.XXXXXX)
created_dbs=()
cleanup() {
  if [ "$keep" = 0 ]; then
    for entry in "${created_dbs[@]}"; do drop_db "${entry%%:*}" "${entry#*:}" >/dev/null 2>&1 || true; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- engine helpers ----------------------------------------------------------------------------
pg() { local db=$1; shift; "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SDV_PG_PORT" -U sdv -d "$db" "$@"; }
my() { mariadb -h 127.0.0.1 -P "$SDV_MARIADB_PORT" -u sdv --password=sdv "$@"; }

drop_db() {
  case "$1" in
    postgresql) pg postgres -c "DROP DATABASE IF EXISTS \"$2\" WITH (FORCE)" ;;
    mariadb) my -e "DROP DATABASE IF EXISTS \`$2\`" ;;
  esac
}
fresh_db() {
  drop_db "$1" "$2"
  case "$1" in
    postgresql) pg postgres -c "CREATE DATABASE \"$2\"" ;;
    mariadb) my -e "CREATE DATABASE \`$2\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ;;
  esac
  created_dbs+=("$1:$2")
}
url() {
  case "$1" in
    postgresql) echo "postgresql://sdv:sdv@127.0.0.1:$SDV_PG_PORT/$2" ;;
    mariadb) echo "mariadb://sdv:sdv@127.0.0.1:$SDV_MARIADB_PORT/$2" ;;
  esac
}
count_rows() { # engine db table -> count, or "-" when the table is not there
  case "$1" in
    postgresql) pg "$2" -tAc "SELECT count(*) FROM \"$3\"" 2>/dev/null || echo - ;;
    mariadb) my -N -B "$2" -e "SELECT count(*) FROM \`$3\`" 2>/dev/null || echo - ;;
  esac
}

generate() { # engine db customers products product_tags orders lines
  local subst="s/@CUSTOMERS@/$3/g; s/@PRODUCTS@/$4/g; s/@PRODUCT_TAGS@/$5/g; s/@ORDERS@/$6/g; s/@LINES@/$7/g"
  case "$1" in
    postgresql)
      pg "$2" -f "$here/postgresql/schema.sql"
      sed "$subst" "$here/postgresql/generate.sql" | pg "$2" >/dev/null
      pg "$2" -f "$here/postgresql/constraints.sql"
      # A freshly loaded table is vacuumed by autovacuum soon after (PostgreSQL 13+ vacuums after
      # inserts); done here, untimed, so it does not run during the first timed steps instead.
      pg "$2" -c "VACUUM" ;;
    mariadb)
      my "$2" <"$here/mariadb/schema.sql"
      sed "$subst" "$here/mariadb/generate.sql" | my "$2" >/dev/null ;;
  esac
}
floor_copy() { # engine source target: dump piped into restore, both running at once
  case "$1" in
    postgresql) "$pg_bin/pg_dump" -h 127.0.0.1 -p "$SDV_PG_PORT" -U sdv -d "$2" | pg "$3" >/dev/null ;;
    mariadb) mariadb-dump -h 127.0.0.1 -P "$SDV_MARIADB_PORT" -u sdv --password=sdv --single-transaction "$2" | my "$3" ;;
  esac
}
dump_to() { # engine source file
  case "$1" in
    postgresql) "$pg_bin/pg_dump" -h 127.0.0.1 -p "$SDV_PG_PORT" -U sdv -d "$2" -f "$3" ;;
    mariadb) mariadb-dump -h 127.0.0.1 -P "$SDV_MARIADB_PORT" -u sdv --password=sdv --single-transaction "$2" >"$3" ;;
  esac
}
restore_from() { # engine target file
  case "$1" in
    postgresql) pg "$2" -f "$3" >/dev/null ;;
    mariadb) my "$2" <"$3" ;;
  esac
}
read_all() { # engine db: every table streamed out and thrown away
  local t args=() sql=""
  case "$1" in
    postgresql)
      for t in "${tables[@]}"; do args+=(-c "COPY (SELECT * FROM \"$t\") TO STDOUT"); done
      pg "$2" "${args[@]}" >/dev/null ;;
    mariadb)
      for t in "${tables[@]}"; do sql+="SELECT * FROM \`$t\`; "; done
      my --quick -N -B "$2" -e "$sql" >/dev/null ;;
  esac
}

settle() { # engine: untimed; a PostgreSQL checkpoint first, so one step's dirty buffers are not
  # written out on the next step's time, and autovacuum workers started by the previous step's
  # writes (the database it loaded) let finish, up to two minutes, so they do not share the next
  # step's cores. MariaDB gets nothing: with the servers' settings (innodb_max_dirty_pages_pct_lwm
  # = 0) it does not flush at idle, so there is nothing to wait for.
  if [ "$1" = postgresql ]; then
    pg postgres -c CHECKPOINT
    local waited=0
    while [ "$waited" -lt 120 ] && [ "$(pg postgres -Atc "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")" != 0 ]; do
      sleep 1; waited=$((waited + 1))
    done
  fi
}

# --- timing --------------------------------------------------------------------------------------
seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'; }
timed() { # runs "$@"; sets LAST_S; returns its status
  settle "$engine"
  local t0=$EPOCHREALTIME rc=0
  "$@" || rc=$?
  LAST_S=$(seconds_since "$t0")
  return $rc
}
ours() { # step args...: runs our dll under /usr/bin/time; sets LAST_S and LAST_RSS_MB (empty when skipped or failed)
  local step=$1; shift
  LAST_S=""; LAST_RSS_MB=""
  if ! has_command "$step"; then
    printf '  %-38s skipped: %s not available\n' "$step" "$step"
    return 1
  fi
  settle "$engine"
  local log=$work/$step.log rss=$work/$step.rss t0=$EPOCHREALTIME rc=0
  /usr/bin/time -f %M -o "$rss" dotnet "$dll" "$step" "$@" >"$log" 2>&1 || rc=$?
  local s; s=$(seconds_since "$t0")
  if [ $rc -ne 0 ]; then
    printf '  %-38s FAILED (exit %d) after %s s; last lines of its output:\n' "$step" "$rc" "$s"
    tail -n 15 "$log" | sed 's/^/    | /'
    return 1
  fi
  LAST_S=$s
  LAST_RSS_MB=$(tail -n 1 "$rss" | awk '{ printf "%.0f", $1 / 1024 }')
  printf '  %-38s %8s s   peak RSS %s MB\n' "$step" "$LAST_S" "$LAST_RSS_MB"
}
ratio() { if [ -n "$1" ] && [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; fi; }
json_num() { if [ -n "$1" ]; then printf '%s' "$1"; else printf 'null'; fi; }
min_of() { # smallest of the non-empty decimal arguments
  local m="" v; for v in "$@"; do [ -n "$v" ] && { [ -z "$m" ] || awk -v a="$v" -v b="$m" 'BEGIN { exit !(a < b) }'; } && m=$v; done; printf '%s' "$m"
}
max_of() { local m="" v; for v in "$@"; do [ -n "$v" ] && { [ -z "$m" ] || [ "$v" -gt "$m" ]; } && m=$v; done; printf '%s' "$m"; }

# --- the runs ------------------------------------------------------------------------------------
runs_json=()
summary=()
for engine in "${engines[@]}"; do
  case "$engine" in postgresql) short=pg ;; mariadb) short=my ;; esac
  for rows in "${sizes[@]}"; do
    customers=$((rows / 20)); products=$((rows / 100)); product_tags=$((rows / 50)); orders=$((rows / 5))
    lines=$((rows - 20 - 50 - 100 - customers - products - product_tags - orders))
    src=sdvb_${short}_${rows}_src; floor_db=sdvb_${short}_${rows}_floor; restore_db=sdvb_${short}_${rows}_restore
    clone_db=sdvb_${short}_${rows}_clone; sample_db=sdvb_${short}_${rows}_sample
    echo
    echo "== $engine, $rows rows (customer $customers, product $products, product_tag $product_tags, orders $orders, order_line $lines; 170 in region/category/tag) =="

    fresh_db "$engine" "$src"
    timed generate "$engine" "$src" "$customers" "$products" "$product_tags" "$orders" "$lines"
    printf '  %-38s %8s s   (not timed)\n' "generate source" "$LAST_S"

    floor_s=""; restore_s=""; read_floor_s=""; introspect_s=""; introspect_rss=""
    floor_label="floor ($([ "$engine" = postgresql ] && echo 'pg_dump | psql' || echo 'mariadb-dump | mariadb'))"
    dump_to "$engine" "$src" "$work/dump.sql"
    dump_mb=$(( $(stat -c %s "$work/dump.sql") / 1048576 ))
    for ((rep = 1; rep <= repeat; rep++)); do
      [ "$repeat" -gt 1 ] && echo "  -- repetition $rep of $repeat (load average $(cut -d' ' -f1 /proc/loadavg))"
      fresh_db "$engine" "$floor_db"
      if timed floor_copy "$engine" "$src" "$floor_db"; then floor_s=$(min_of "$floor_s" "$LAST_S"); shown=$LAST_S; else shown=FAILED; fi
      printf '  %-38s %8s s\n' "$floor_label" "$shown"
      drop_db "$engine" "$floor_db" >/dev/null

      fresh_db "$engine" "$restore_db"
      if timed restore_from "$engine" "$restore_db" "$work/dump.sql"; then restore_s=$(min_of "$restore_s" "$LAST_S"); shown=$LAST_S; else shown=FAILED; fi
      printf '  %-38s %8s s   (dump file %s MB)\n' "restore alone" "$shown" "$dump_mb"
      drop_db "$engine" "$restore_db" >/dev/null

      if timed read_all "$engine" "$src"; then read_floor_s=$(min_of "$read_floor_s" "$LAST_S"); shown=$LAST_S; else shown=FAILED; fi
      printf '  %-38s %8s s\n' "read floor (all tables to /dev/null)" "$shown"

      ours introspect --source "$(url "$engine" "$src")" --out "$work/metadata.json" \
        && { introspect_s=$(min_of "$introspect_s" "$LAST_S"); introspect_rss=$(max_of "$introspect_rss" "$LAST_RSS_MB"); }
    done
    rm -f "$work/dump.sql"

    for model in "${models[@]}"; do
      echo "  -- model $model"
      clone_s=""; clone_rss=""; fit_s=""; fit_rss=""; sample_s=""; sample_rss=""; evaluate_s=""; evaluate_rss=""
      for ((rep = 1; rep <= repeat; rep++)); do
        if has_command clone; then fresh_db "$engine" "$clone_db"; fi
        ours clone --source "$(url "$engine" "$src")" --target "$(url "$engine" "$clone_db")" --seed "$seed" --model-kind "$model" --no-evaluate \
          && { clone_s=$(min_of "$clone_s" "$LAST_S"); clone_rss=$(max_of "$clone_rss" "$LAST_RSS_MB"); }

        # What `clone` adds when it evaluates (its default): the same evaluation, timed on its own, of that clone.
        if has_command clone && [ -n "$clone_s" ]; then
          ours evaluate --real "$(url "$engine" "$src")" --synthetic "$(url "$engine" "$clone_db")" \
            && { evaluate_s=$(min_of "$evaluate_s" "$LAST_S"); evaluate_rss=$(max_of "$evaluate_rss" "$LAST_RSS_MB"); }
        fi

        rm -f "$work/model.sdvm"
        ours fit --source "$(url "$engine" "$src")" --model "$work/model.sdvm" --model-kind "$model" --seed "$seed" \
          && { fit_s=$(min_of "$fit_s" "$LAST_S"); fit_rss=$(max_of "$fit_rss" "$LAST_RSS_MB"); }

        if has_command sample && [ -f "$work/model.sdvm" ]; then
          fresh_db "$engine" "$sample_db"
          ours sample --model "$work/model.sdvm" --target "$(url "$engine" "$sample_db")" --seed "$seed" \
            && { sample_s=$(min_of "$sample_s" "$LAST_S"); sample_rss=$(max_of "$sample_rss" "$LAST_RSS_MB"); }
        elif has_command sample; then
          printf '  %-38s skipped: no model file (fit did not run)\n' sample
        else
          ours sample || true
        fi
      done
      load_now=$(cut -d' ' -f1 /proc/loadavg)

      # Cheap check of the outcome: rows per table, source beside what we wrote.
      if [ -n "$clone_s" ] || [ -n "$sample_s" ]; then
        printf '  %-14s %10s %10s %10s\n' table source clone sample
        for t in "${tables[@]}"; do
          printf '  %-14s %10s %10s %10s\n' "$t" "$(count_rows "$engine" "$src" "$t")" \
            "$([ -n "$clone_s" ] && count_rows "$engine" "$clone_db" "$t" || echo -)" \
            "$([ -n "$sample_s" ] && count_rows "$engine" "$sample_db" "$t" || echo -)"
        done
      fi
      rm -f "$work/model.sdvm"

      clone_ratio=$(ratio "$clone_s" "$floor_s")
      sample_ratio=$(ratio "$sample_s" "$restore_s")
      evaluate_ratio=$(ratio "$evaluate_s" "$clone_s")
      peak=$(max_of "$clone_rss" "$fit_rss" "$sample_rss")
      summary+=("$(printf '%-10s %9s %-7s %8s %8s %8s %8s %11s %7s %8s %12s %11s %10s %14s' "$engine" "$rows" "$model" "${floor_s:--}" "${restore_s:--}" \
        "${read_floor_s:--}" "${clone_s:--}" "${clone_ratio:--}" "${fit_s:--}" "${sample_s:--}" "${sample_ratio:--}" "${peak:--}" "${evaluate_s:--}" "${evaluate_ratio:--}")")
      runs_json+=("$(printf '{"engine": "%s", "rows": %s, "model": "%s", "floor_s": %s, "restore_s": %s, "read_floor_s": %s, "introspect_s": %s, "clone_s": %s, "clone_ratio": %s, "fit_s": %s, "sample_s": %s, "sample_ratio": %s, "peak_rss_mb": %s, "introspect_rss_mb": %s, "evaluate_s": %s, "evaluate_ratio": %s, "evaluate_rss_mb": %s, "repeat": %s, "load_avg_1m": %s}' \
        "$engine" "$rows" "$model" "$(json_num "$floor_s")" "$(json_num "$restore_s")" "$(json_num "$read_floor_s")" "$(json_num "$introspect_s")" \
        "$(json_num "$clone_s")" "$(json_num "$clone_ratio")" "$(json_num "$fit_s")" "$(json_num "$sample_s")" "$(json_num "$sample_ratio")" \
        "$(json_num "$peak")" "$(json_num "$introspect_rss")" "$(json_num "$evaluate_s")" "$(json_num "$evaluate_ratio")" "$(json_num "$evaluate_rss")" "$repeat" "$load_now")")
    done

    if [ "$keep" = 0 ]; then
      for db in "$src" "$clone_db" "$sample_db"; do drop_db "$engine" "$db" >/dev/null; done
    fi
  done
done

# --- results -------------------------------------------------------------------------------------
echo
[ "$repeat" -gt 1 ] && echo "fastest of $repeat repetitions per step"
echo "clone_ratio = clone_s / floor_s (dump | restore); sample_ratio = sample_s / restore_s (restore alone); peak_rss_mb = max over clone, fit, sample;"
echo "evaluate_ratio = evaluate_s / clone_s (what clone's default evaluation adds, against the clone without it)"
printf '%-10s %9s %-7s %8s %8s %8s %8s %11s %7s %8s %12s %11s %10s %14s\n' engine rows model floor_s restore_s read_s clone_s clone_ratio fit_s sample_s sample_ratio peak_rss_mb evaluate_s evaluate_ratio
printf '%s\n' "${summary[@]}"

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem_mb=$(awk '/^MemTotal/ { printf "%.0f", $2 / 1024 }' /proc/meminfo)
machine="$(nproc) cores ($cpu), ${mem_mb} MB RAM, $(uname -sr), PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), MariaDB $(my -N -B -e 'SELECT VERSION()'), load average at start $load_at_start"
mkdir -p "$repo/bench/results"
{
  printf '{\n  "machine": "%s",\n  "command": "%s",\n  "date": "%s",\n  "runs": [\n' \
    "${machine//\"/\\\"}" "${command_line//\"/\\\"}" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  for i in "${!runs_json[@]}"; do
    printf '    %s%s\n' "${runs_json[$i]}" "$([ "$i" -lt $((${#runs_json[@]} - 1)) ] && echo ,)"
  done
  printf '  ]\n}\n'
} >"$repo/bench/results/latest.json"
echo "wrote bench/results/latest.json"
