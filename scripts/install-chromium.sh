#!/usr/bin/env bash
# Browser tests use Debian's Chromium at /usr/bin/chromium; nothing downloads a browser.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium ontbreekt: installeer het met 'sudo apt-get install chromium' en start opnieuw." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
