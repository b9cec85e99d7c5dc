#!/usr/bin/env bash
# Installs the Debian packages the tests need, only those that are missing:
#   chromium          browser tests (Playwright drives /usr/bin/chromium) and kaleido chart images
#   fonts-noto-cjk    Chinese glyphs in screenshots and exported PNGs (boxes without it, silently)
#   libreoffice-impress, poppler-utils   render exported decks to PDF/PNG to look at them
#   libreoffice-writer   the 分析报告 (.docx) as PDF
# Needs root or sudo; without either it warns and exits 0 so the tests that need these skip.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# not grep -q: it exits at the first match, fc-list then dies of SIGPIPE and pipefail reports failure
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk)
command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-impress)
# Debian's libreoffice-core has no Writer: its library is what converts a .docx
[ -e /usr/lib/libreoffice/program/libswlo.so ] || missing+=(libreoffice-writer)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)

if [ ${#missing[@]} -eq 0 ]; then
    echo "system packages: all present"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    echo "WARNING: system packages missing (${missing[*]}) and neither root nor password-less sudo;" >&2
    echo "WARNING: install them by hand: apt-get install -y --no-install-recommends ${missing[*]}" >&2
    echo "WARNING: continuing; browser, image and deck tests will skip or fail." >&2
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "WARNING: no apt-get on this machine; missing: ${missing[*]}" >&2
    exit 0
fi

echo "system packages: installing ${missing[*]}"
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "system packages: installed in $(( $(date +%s) - start )) s"
