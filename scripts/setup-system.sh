#!/usr/bin/env bash
# Installs the Debian packages the set-up needs, when they are missing (as root; otherwise it says
# what to install).
#   setup-system.sh        what the test suite needs: chromium (browser tests), php-cli (php -l over
#                          the code examples), librsvg2-bin (SVG render checks), postgresql (the
#                          ratings service's tests start a throwaway server with its initdb/pg_ctl),
#                          fonts for Chinese and Urdu (the language tests' screenshots show real
#                          glyphs, not boxes)
#   setup-system.sh venv   what `python3 -m venv` needs: Debian and Ubuntu ship it as python3-venv
set -euo pipefail
missing=()
if [ "${1:-}" = venv ]; then
  "${SYSTEM_PYTHON:-python3}" -c "import ensurepip, venv" >/dev/null 2>&1 || missing+=(python3-venv)
else
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v php >/dev/null 2>&1 || missing+=(php-cli)
  command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  if command -v fc-list >/dev/null 2>&1; then
    [ -n "$(fc-list :lang=zh)" ] || missing+=(fonts-wqy-microhei)
    [ -n "$(fc-list :lang=ur)" ] || missing+=(fonts-sil-scheherazade)
  fi
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "setup-system: please install: ${missing[*]} (sudo apt-get install -y ${missing[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
