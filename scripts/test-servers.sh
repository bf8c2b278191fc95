#!/usr/bin/env bash
# Shared by test.sh and the benchmarks: installs and starts the test servers.
# PostgreSQL on 127.0.0.1:${SDV_PG_PORT:-54329}, MariaDB on 127.0.0.1:${SDV_MARIADB_PORT:-33069},
# data under ${SDV_SERVER_DIR:-/var/tmp/sdv-connector-servers}. Role sdv / password sdv on both,
# allowed to create databases (tests make their own).

SDV_SERVER_DIR=${SDV_SERVER_DIR:-/var/tmp/sdv-connector-servers}
SDV_PG_PORT=${SDV_PG_PORT:-54329}
SDV_MARIADB_PORT=${SDV_MARIADB_PORT:-33069}
SDV_TEST_POSTGRES=${SDV_TEST_POSTGRES:-"Host=127.0.0.1;Port=$SDV_PG_PORT;Username=sdv;Password=sdv;Database=postgres"}
SDV_TEST_MARIADB=${SDV_TEST_MARIADB:-"Server=127.0.0.1;Port=$SDV_MARIADB_PORT;User ID=sdv;Password=sdv;AllowLoadLocalInfile=true"}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_packages() {
  local missing=()
  [ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql-15 postgresql-client-15)
  # PostGIS: the kitchen-sink clone tests' geometry and geography columns (skipped, with the reason, without it).
  [ -f /usr/share/postgresql/15/extension/postgis.control ] || missing+=(postgresql-15-postgis-3)
  command -v mariadbd >/dev/null 2>&1 || missing+=(mariadb-server mariadb-client)
  command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  command -v chromium >/dev/null || missing+=(chromium)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "test-servers: installing ${missing[*]}"
    as_root apt-get update -qq
    # Debian's packages start a cluster of their own; policy-rc.d stops that, we run our own.
    as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

pg_bin=/usr/lib/postgresql/15/bin
start_postgres() {
  local dir=$SDV_SERVER_DIR/pg
  if ! as_root runuser -u postgres -- $pg_bin/pg_isready -q -h 127.0.0.1 -p "$SDV_PG_PORT"; then
    as_root mkdir -p "$SDV_SERVER_DIR" && as_root chmod 755 "$SDV_SERVER_DIR"
    if [ ! -s "$dir/PG_VERSION" ]; then
      as_root mkdir -p "$dir" && as_root chown postgres:postgres "$dir"
      as_root runuser -u postgres -- $pg_bin/initdb -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_root runuser -u postgres -- $pg_bin/pg_ctl -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $SDV_PG_PORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  fi
  # Roles and authentication are (re)applied on every call, also to a server that was already up.
  psql -h 127.0.0.1 -p "$SDV_PG_PORT" -U postgres -d postgres -qtAc \
    "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='sdv') THEN CREATE ROLE sdv LOGIN SUPERUSER PASSWORD 'sdv'; END IF; END\$\$;"
  configure_postgres_auth "$dir"
  echo "test-servers: PostgreSQL on 127.0.0.1:$SDV_PG_PORT"
}

# Loopback logins are trusted (any password gets in), so a wrong password cannot be tested with
# them. One dedicated role, sdv_pw (password sdv_pw), must authenticate with scram-sha-256 on
# 127.0.0.1 and ::1; every other role keeps the trust rules initdb wrote. The rule goes first
# in pg_hba.conf (first match wins); a marker makes re-running a no-op, and the server is
# reloaded only when the file changed.
configure_postgres_auth() {
  local dir=${1:-$SDV_SERVER_DIR/pg}
  local hba=$dir/pg_hba.conf
  local marker="# sdv-connector: sdv_pw must give its password (wrong-password tests)"
  psql -h 127.0.0.1 -p "$SDV_PG_PORT" -U postgres -d postgres -qtAc \
    "SET password_encryption = 'scram-sha-256'; DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='sdv_pw') THEN CREATE ROLE sdv_pw LOGIN PASSWORD 'sdv_pw'; END IF; END\$\$;" >/dev/null
  if ! as_root grep -qxF "$marker" "$hba"; then
    local rules
    rules=$(printf '%s\n%s\n%s\n' "$marker" \
      "host    all             sdv_pw          127.0.0.1/32            scram-sha-256" \
      "host    all             sdv_pw          ::1/128                 scram-sha-256")
    as_root bash -c 'set -e; tmp=$(mktemp "$2.XXXXXX"); { printf "%s\n" "$1"; cat "$2"; } >"$tmp"; chown postgres:postgres "$tmp"; chmod 600 "$tmp"; mv "$tmp" "$2"' _ "$rules" "$hba"
    psql -h 127.0.0.1 -p "$SDV_PG_PORT" -U postgres -d postgres -qtAc "SELECT pg_reload_conf()" >/dev/null
    local errors
    errors=$(psql -h 127.0.0.1 -p "$SDV_PG_PORT" -U postgres -d postgres -qtAc "SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL")
    if [ "$errors" != "0" ]; then echo "test-servers: $hba has $errors bad line(s); see pg_hba_file_rules" >&2; return 1; fi
    echo "test-servers: PostgreSQL requires scram-sha-256 for sdv_pw on loopback (pg_hba.conf reloaded)"
  fi
}

start_mariadb() {
  local dir=$SDV_SERVER_DIR/mariadb
  local sock=$dir/mariadb.sock
  if mariadb-admin --protocol=socket -S "$sock" -uroot ping >/dev/null 2>&1; then return 0; fi
  as_root mkdir -p "$dir/data" && as_root chown -R mysql:mysql "$dir"
  if [ ! -d "$dir/data/mysql" ]; then
    as_root mariadb-install-db --user=mysql --datadir="$dir/data" --auth-root-authentication-method=socket >/dev/null
  fi
  as_root bash -c "nohup mariadbd --user=mysql --datadir='$dir/data' --socket='$sock' --bind-address=127.0.0.1 --port=$SDV_MARIADB_PORT \
    --pid-file='$dir/mariadb.pid' --log-error='$dir/error.log' --innodb-flush-log-at-trx-commit=0 --skip-log-bin \
    --innodb-buffer-pool-size=512M --max-connections=300 --local-infile=1 >/dev/null 2>&1 &"
  for _ in $(seq 1 60); do
    mariadb-admin --protocol=socket -S "$sock" -uroot ping >/dev/null 2>&1 && break
    sleep 1
  done
  as_root mariadb --protocol=socket -S "$sock" -uroot -e \
    "CREATE USER IF NOT EXISTS 'sdv'@'%' IDENTIFIED BY 'sdv'; CREATE USER IF NOT EXISTS 'sdv'@'localhost' IDENTIFIED BY 'sdv'; GRANT ALL ON *.* TO 'sdv'@'%' WITH GRANT OPTION; GRANT ALL ON *.* TO 'sdv'@'localhost' WITH GRANT OPTION; FLUSH PRIVILEGES;"
  echo "test-servers: MariaDB on 127.0.0.1:$SDV_MARIADB_PORT"
}
