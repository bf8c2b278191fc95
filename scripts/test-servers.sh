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
  if as_root runuser -u postgres -- $pg_bin/pg_isready -q -h 127.0.0.1 -p "$SDV_PG_PORT"; then return 0; fi
  as_root mkdir -p "$SDV_SERVER_DIR" && as_root chmod 755 "$SDV_SERVER_DIR"
  if [ ! -s "$dir/PG_VERSION" ]; then
    as_root mkdir -p "$dir" && as_root chown postgres:postgres "$dir"
    as_root runuser -u postgres -- $pg_bin/initdb -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_root runuser -u postgres -- $pg_bin/pg_ctl -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $SDV_PG_PORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  psql -h 127.0.0.1 -p "$SDV_PG_PORT" -U postgres -d postgres -qtAc \
    "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='sdv') THEN CREATE ROLE sdv LOGIN SUPERUSER PASSWORD 'sdv'; END IF; END\$\$;"
  echo "test-servers: PostgreSQL on 127.0.0.1:$SDV_PG_PORT"
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
