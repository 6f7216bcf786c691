#!/usr/bin/env bash
# Installs everything the end-to-end tests need, idempotently and without
# prompts:
#   - Debian: chromium (browser driven by playwright-core), libkrb5-dev (to
#     compile code-server's `kerberos` dependency), ripgrep (stands in for the
#     rg binary @vscode/ripgrep would download), neovim (test/neovim harness).
#   - npm, into test/e2e/.work/node_modules (its own package.json; the repo's
#     package.json / node_modules are never touched): code-server (VS Code
#     web) and playwright-core.
#
# Usage: bash test/e2e/setup.sh          (exits fast when already done)
#        E2E_FORCE=1 bash test/e2e/setup.sh   (reinstall the npm part)
#
# Only the npm registry and Debian's archive are reachable; every step that
# would download a binary from elsewhere is either pre-seeded or falls back
# to building from source (see the notes beside each step and NOTES.md).
set -euo pipefail

CODE_SERVER_VERSION=4.100.3   # = VS Code 1.100.3, the newest that accepts Node 20
PLAYWRIGHT_CORE_VERSION=1.65.1
# @vscode/ripgrep version pinned by code-server 4.100.3's lib/vscode/npm-shrinkwrap.json,
# and the ripgrep release tag / target its lib/postinstall.js asks for.
VSCODE_RIPGREP_VERSION=1.15.11
RIPGREP_TAG=v13.0.0-10
RIPGREP_TARGET=x86_64-unknown-linux-musl

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$HERE/.work"
STAMP="$WORK/.setup-ok-code-server-$CODE_SERVER_VERSION-playwright-$PLAYWRIGHT_CORE_VERSION"
CS="$WORK/node_modules/code-server"
VSC="$CS/lib/vscode"

log() { printf '[e2e-setup %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
t0=$(date +%s)

# ---------------------------------------------------------------- Debian ---
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if ((${#need_apt[@]})); then
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -qq
  timeout 900 apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# ------------------------------------------------------------ fast path ---
installed_version() {
  node -p "require('$CS/package.json').version" 2>/dev/null || true
}
if [[ -z "${E2E_FORCE:-}" && -f "$STAMP" && "$(installed_version)" == "$CODE_SERVER_VERSION" \
      && -x "$VSC/node_modules/@vscode/ripgrep/bin/rg" && -d "$WORK/node_modules/playwright-core" ]]; then
  log "code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_CORE_VERSION already installed ($(( $(date +%s) - t0 ))s)"
  exit 0
fi

mkdir -p "$WORK"
rm -f "$WORK"/.setup-ok-*
# A partial or different install is redone from scratch (run/ dirs, logs and
# screenshots of earlier test runs are kept).
rm -rf "$WORK/node_modules" "$WORK/package-lock.json"

# ------------------------------------------------- ripgrep download cache ---
# @vscode/ripgrep's postinstall downloads
#   ripgrep-<tag>-<target>.tar.gz  from GitHub into
#   path.join(os.tmpdir(), 'vscode-ripgrep-cache-<its package version>')
# unless that file is already there ("Using cached download"), then runs
# `tar xvf <archive> -C <pkg>/bin` and expects <pkg>/bin/rg.  So the archive
# must hold a plain `rg` at its root.  Debian's rg 13.0.0 is the same ripgrep
# release (dynamically linked against libpcre2, which is on the machine).
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$VSCODE_RIPGREP_VERSION"
RG_ARCHIVE="$RG_CACHE/ripgrep-$RIPGREP_TAG-$RIPGREP_TARGET.tar.gz"
mkdir -p "$RG_CACHE"
stage="$(mktemp -d)"
cp /usr/bin/rg "$stage/rg"
tar czf "$RG_ARCHIVE.tmp" -C "$stage" rg
mv "$RG_ARCHIVE.tmp" "$RG_ARCHIVE"
rm -rf "$stage"
log "seeded $RG_ARCHIVE"

# ----------------------------------------------------- npm environment ---
# - code-server's postinstall.sh refuses to run as root unless
#   npm_config_unsafe_perm=true (npm 11 no longer knows the key; the script
#   only reads the env var).
# - node-pty's postinstall runs `npx node-gyp ...`; /root/.npmrc says yes=false,
#   so npx would prompt and fail without a TTY: npm_config_yes=true.
# - No prebuilt binaries can be downloaded: kerberos (prebuild-install) and
#   argon2 (node-pre-gyp) fail their download and fall back to node-gyp, which
#   compiles against Node's headers.  The machine's /root/.npmrc sets
#   nodedir=/usr for that (otherwise node-gyp would try to download headers);
#   we pass it explicitly in case a machine lacks it.
export npm_config_unsafe_perm=true
export npm_config_yes=true
[[ -f /usr/include/node/node.h ]] && export npm_config_nodedir=/usr
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_progress=false
# node-gyp build parallelism (2 cores).
export JOBS=2

cat > "$WORK/package.json" <<JSON
{
  "name": "factcheck-e2e-tools",
  "private": true,
  "description": "Test-only tools for test/e2e (installed by test/e2e/setup.sh; not part of the extension)",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "playwright-core": "$PLAYWRIGHT_CORE_VERSION"
  },
  "allowScripts": {
    "code-server": true,
    "argon2": true
  }
}
JSON

# npm 11.19's install-script policy ("allowScripts", RFC npm/rfcs#868):
# measured here, a dependency's install script that is not listed in the
# project root's package.json "allowScripts" still RUNS, with a warning
# ("N packages have install scripts not yet covered by allowScripts"); with
# strict-allow-scripts=true it FAILS the install; an explicit `false` entry
# SKIPS it silently.  `--allow-scripts` / npm_config_allow_scripts is a hard
# error in project-scoped installs and would also leak (npm exports config to
# scripts as env) into code-server's nested `npm install`s, so we use
# package.json fields, which work under the strict setting too:
#   1. install everything with --ignore-scripts,
#   2. add "allowScripts" to the nested projects that code-server's
#      postinstall.sh installs (lib/vscode, lib/vscode/extensions): every
#      package their npm-shrinkwrap.json marks hasInstallScript (name-only
#      entries: `npm install-scripts ls` does not count pinned name@version
#      entries as covered; the versions are pinned by the shrinkwrap anyway),
#   3. `npm rebuild` in .work, which runs argon2's install and code-server's
#      postinstall.sh (approved in .work/package.json); postinstall.sh runs
#      `npm install --omit=dev` in lib/vscode and lib/vscode/extensions, whose
#      native builds / rg download are approved by step 2.
# Step 4 checks the artefacts, since a skipped script would be silent.
cd "$WORK"
log "npm install --ignore-scripts (code-server $CODE_SERVER_VERSION, playwright-core $PLAYWRIGHT_CORE_VERSION)"
timeout 900 npm install --ignore-scripts --loglevel=warn >"$WORK/npm-install.log" 2>&1 \
  || { tail -40 "$WORK/npm-install.log" >&2; exit 1; }

for dir in "$VSC" "$VSC/extensions"; do
  node - "$dir" <<'JS'
const fs = require('fs'), path = require('path');
const dir = process.argv[2];
const pj = path.join(dir, 'package.json');
const pkg = JSON.parse(fs.readFileSync(pj, 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(dir, 'npm-shrinkwrap.json'), 'utf8'));
const allow = {};
for (const [loc, meta] of Object.entries(lock.packages || {})) {
  if (!loc || !meta.hasInstallScript) continue;
  const name = loc.slice(loc.lastIndexOf('node_modules/') + 'node_modules/'.length);
  allow[name] = true;
}
pkg.allowScripts = allow;
fs.writeFileSync(pj, JSON.stringify(pkg, null, 2) + '\n');
console.error(`[e2e-setup] allowScripts for ${path.relative(process.cwd(), dir)}: ${Object.keys(allow).join(', ') || '(none)'}`);
JS
done

log "npm rebuild (code-server postinstall: nested installs + native builds; ~30 s here)"
timeout 1800 npm rebuild --foreground-scripts --loglevel=warn >"$WORK/npm-rebuild.log" 2>&1 \
  || { tail -60 "$WORK/npm-rebuild.log" >&2; exit 1; }

# ------------------------------------------------------------- verify ---
missing=0
check() { if [[ -e "$1" ]]; then :; else log "MISSING after install: ${1#$WORK/}"; missing=1; fi; }
check "$VSC/node_modules.asar"                                   # code-server postinstall symlink
check "$VSC/bin/remote-cli/code-server"                          # idem
check "$VSC/node_modules/@vscode/ripgrep/bin/rg"                 # @vscode/ripgrep postinstall (from our cache)
check "$VSC/node_modules/kerberos/build/Release/kerberos.node"    # node-gyp fallback, needs libkrb5-dev
check "$VSC/node_modules/node-pty/build/Release/pty.node"        # node-gyp + postinstall (npx node-gyp)
check "$VSC/node_modules/@vscode/spdlog/build/Release/spdlog.node"
check "$VSC/node_modules/native-watchdog/build/Release/watchdog.node"
check "$VSC/extensions/node_modules/typescript/lib"
check "$WORK/node_modules/argon2/lib/binding/napi-v3/argon2.node"  # node-pre-gyp fallback build
if ((missing)); then
  log "install incomplete; see $WORK/npm-rebuild.log"
  exit 1
fi
# The native modules load under this Node (ABI) and rg runs (libpcre2 present).
"$VSC/node_modules/@vscode/ripgrep/bin/rg" --version >/dev/null
node -e '
  const vsc = process.argv[1];
  for (const m of ["kerberos", "node-pty", "@vscode/spdlog", "native-watchdog", "@parcel/watcher"]) {
    require(require.resolve(m, { paths: [vsc] }));
  }
  require(require.resolve("argon2", { paths: [process.argv[2]] }));
' "$VSC" "$WORK" || { log "a native module does not load; see $WORK/npm-rebuild.log"; exit 1; }
# --version still writes a default config.yaml: keep it out of $HOME.
version="$(XDG_CONFIG_HOME="$WORK/xdg/config" XDG_DATA_HOME="$WORK/xdg/data" \
  timeout 60 node "$CS/out/node/entry.js" --version | tail -1)"
touch "$STAMP"
log "done in $(( $(date +%s) - t0 ))s: code-server $version"
