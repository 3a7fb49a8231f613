#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when they are missing:
# chromium (browser tests), php-cli (php -l over the code examples), librsvg2-bin (SVG render checks).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v php >/dev/null 2>&1 || missing+=(php-cli)
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "setup-system: please install: ${missing[*]} (apt-get install -y ${missing[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
