#!/usr/bin/env bash
# Installs the system tools the tests use, from Debian, when they are missing:
# Chromium and its headless shell (browser tests), xmllint (feed and sitemap validation), python3-feedparser (a real feed
# client), nginx (the site served with its production headers), Java (the Nu HTML Checker).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || [ -n "${CHROME_PATH:-}" ] || missing+=(chromium)
# The browser the tests run in: Chromium's headless shell (lighter than the full browser; see
# playwright.config.ts).
[ -x /usr/bin/chromium-headless-shell ] || [ -n "${CHROME_PATH:-}" ] || missing+=(chromium-headless-shell)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
/usr/bin/python3 -c 'import feedparser' >/dev/null 2>&1 || missing+=(python3-feedparser)
command -v fc-list >/dev/null 2>&1 && fc-list | grep -q . || missing+=(fonts-dejavu-core)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing test tools from Debian: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1; then
  apt_get=(sudo apt-get)
else
  echo "Cannot install ${missing[*]}: run as root or install them with apt-get." >&2
  exit 1
fi
"${apt_get[@]}" update -qq
DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
