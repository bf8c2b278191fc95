#!/usr/bin/env bash
# Runs the whole test suite. Installs and starts what the tests need:
# PostgreSQL 15 and MariaDB from Debian's packages (as root), on loopback,
# with data directories of their own, then `dotnet test` for the solution.
# Idempotent: a second run reuses servers that are already running.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/test-servers.sh
ensure_packages
start_postgres
start_mariadb
export SDV_TEST_POSTGRES SDV_TEST_MARIADB

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test Sdv.Connector.sln -c Release --nologo \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false || status=$?

# One plain closing line, summed over every test project's results file.
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    # xunit's skipped tests are counted in total but not in executed.
    s += int(c.get("total", 0)) - int(c.get("executed", 0))
print(f"{p} passed, {f} failed, {s} skipped")
PY
exit $status
