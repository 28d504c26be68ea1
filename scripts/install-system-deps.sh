#!/usr/bin/env bash
# Debian packages that `make test` needs beyond Python: Chromium and Java for the HTML and
# accessibility checks (Playwright drives Debian's Chromium; vnu.jar needs a JRE), npm to
# install vnu-jar and axe-core, gettext for translations, WeasyPrint's libraries and fonts
# with Arabic glyphs, poppler-utils to look at the PDF export's pages (pdftoppm). Idempotent
# and quick when everything is there: it asks dpkg first and runs apt-get only for what is
# missing.
set -euo pipefail

# `--runtime`: only what the running site needs (the PDF export), for `make run`.
# `--bench`: that, and wrk (the HTTP load generator), for `make bench` only.
wanted=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core)
if [ "${1:-}" = "--bench" ]; then
  wanted+=(wrk)
elif [ "${1:-}" != "--runtime" ]; then
  wanted+=(chromium gettext poppler-utils)
  command -v java >/dev/null 2>&1 || wanted+=(default-jre-headless)
  command -v npm >/dev/null 2>&1 || wanted+=(nodejs npm)
fi

missing=()
for package in "${wanted[@]}"; do
  # dpkg-query rather than `dpkg -s | grep -q`: under pipefail, grep closing the pipe
  # early can make the test fail and reinstall a package that is there.
  if [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${missing[@]}"
