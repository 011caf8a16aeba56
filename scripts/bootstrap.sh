#!/usr/bin/env bash
# Make this checkout ready to run: Node packages (npm ci when node_modules is missing or older than the lock),
# the system packages the tool needs (Chromium, CJK and emoji fonts, poppler), and the compiled CLI in lib/.
# As root it installs system packages with apt; otherwise it prints the exact command and stops.
# Chromium's headless shell (Debian's chromium-headless-shell) is installed beside it when apt has it: exports
# find it first and it does the same work with less CPU (src/browser/find.ts); without it they use Chromium.
# `--test` (what `npm test` passes) also installs what only the tests need: LibreOffice Impress, which opens the
# exported PowerPoint files the way a user's office suite would; and it needs the headless shell, whose fonts the
# tests compare with full Chromium's.
set -euo pipefail
for_tests=false
[ "${1:-}" = "--test" ] && for_tests=true
cd "$(dirname "$0")/.."

say() { printf '\033[1mbootstrap:\033[0m %s\n' "$*" >&2; }

if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing Node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

missing=()
browser_found() {
  [ -n "${CHROME_PATH:-}" ] && [ -x "${CHROME_PATH}" ] && return 0
  for b in chromium chromium-browser google-chrome-stable google-chrome; do command -v "$b" >/dev/null 2>&1 && return 0; done
  return 1
}
browser_found || missing+=(chromium)
fonts=$(fc-list : family 2>/dev/null || true)
[[ "$fonts" == *'Noto Sans CJK'* ]] || missing+=(fonts-noto-cjk)
# Emoji, common in real decks, print as empty boxes without a font that has them (the export check names them):
# installed as root, and needed by the tests; the default deck has none, so `npm start` does not stop for it.
if [[ "$fonts" != *'Noto Color Emoji'* ]] && { $for_tests || [ "$(id -u)" = "0" ]; }; then missing+=(fonts-noto-color-emoji); fi
command -v fc-match >/dev/null 2>&1 || missing+=(fontconfig)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
shell_missing=false
# Asked for once: a system whose apt has no such package is not asked again (the marker goes with node_modules).
no_shell_marker=node_modules/.no-chromium-headless-shell
command -v chromium-headless-shell >/dev/null 2>&1 || [ -f "$no_shell_marker" ] || shell_missing=true
if $for_tests && $shell_missing; then missing+=(chromium-headless-shell); shell_missing=false; fi
# The optional headless shell (apt's lists read already): where apt has no such package, say so, once.
install_shell() {
  apt-get install -y -qq --no-install-recommends chromium-headless-shell >/dev/null 2>&1 || {
    say "no chromium-headless-shell package here: exports use Chromium"
    touch "$no_shell_marker"
  }
  shell_missing=false
}
if $for_tests && ! command -v soffice >/dev/null 2>&1; then missing+=(libreoffice-impress); fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Optional for exports: a system without the package keeps using Chromium.
    if $shell_missing; then install_shell; fi
  else
    say "missing system packages: ${missing[*]}"
    say "install them with:  sudo apt-get install -y ${missing[*]}"
    say "(or point CHROME_PATH at a Chrome/Chromium you have)"
    exit 1
  fi
fi

if $shell_missing && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  say "installing chromium-headless-shell with apt-get (exports use less CPU with it)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  install_shell
fi

# Compile the CLI when lib/ is missing or any source is newer than it; bundle the CLI (what bin/deck.js runs) and
# the browser code likewise.
if [ ! -f lib/cli/main.js ] || [ -n "$(find src -newer lib/cli/main.js -name '*.ts' -not -path 'src/client/*' -print -quit)" ]; then
  say "compiling (tsc)"
  npx tsc -p tsconfig.json
  touch lib/cli/main.js
fi
# (npm ci rebuilds the bundle itself, through package.json's prepare: new packages get bundled.)
# The bundle holds templates/ compiled (src/render/precompile.ts): an edited template is bundled again too.
templates=$(if [ -d templates ]; then echo templates; fi)
if [ ! -f lib/cli-bundle/main.js ] || [ -n "$(find src scripts/build-cli.mjs $templates -newer lib/cli-bundle/main.js \( -name '*.ts' -o -name '*.mjs' -o -name '*.hbs' \) -not -path 'src/client/*' -print -quit)" ]; then
  say "bundling the CLI (esbuild)"
  node scripts/build-cli.mjs
fi
if [ ! -f lib/client/.stamp ] || [ -n "$(find src/client scripts/build-client.mjs -newer lib/client/.stamp -print -quit)" ]; then
  say "bundling the browser code (esbuild)"
  node scripts/build-client.mjs
  touch lib/client/.stamp
fi
