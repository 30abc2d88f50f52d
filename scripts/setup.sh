#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian/Ubuntu machine, then the npm packages.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: a CJK font (Chinese text in the browser and LibreOffice), headless Chromium for the
# browser tests, LibreOffice to prove our .docx files open in a real word processor, pdftotext to read
# what LibreOffice printed (page numbers).
APT_PACKAGES=(fonts-noto-cjk chromium libreoffice-writer-nogui poppler-utils)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo"
  echo "安装系统软件包：${missing[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
