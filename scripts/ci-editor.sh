#!/usr/bin/env bash
# The real-VS-Code part of CI, called from .ci/run after `npm ci`, the build and `npm test`:
#   1. install (or reuse) Chromium, Node 24 and code-server in a cache folder outside the repo
#   2. npm run test:editor   the in-editor mocha suite in code-server's extension host
#      (then its Restricted Mode tests, with the workspace opened untrusted)
#   3. npm run test:e2e      Playwright in headless Chromium against code-server
#   4. npm run test:web      the browser entry (dist/web/) in the web worker extension host
# Each step is timed; every suite runs even if an earlier one fails; exit 1 if any failed.
# Artifacts (screenshots, logs, results.json) are under test-results/.
set -euo pipefail
cd "$(dirname "$0")/.."

timed() {
  local name=$1; shift
  local t=$SECONDS rc=0
  "$@" || rc=$?
  printf '[ci-editor] %s: %d s (exit %d)\n' "$name" "$((SECONDS - t))" "$rc"
  return "$rc"
}

timed "editor tools" scripts/editor-tools.sh

status=0
timed "typecheck of the in-editor suite" npx tsc -p test/suite || status=1
# The in-editor suite bundles dist/test; the e2e run reuses it (its `vsce package` runs the
# production build of the extension's bundles through vscode:prepublish).
timed "in-editor suite (npm run test:editor)" npm run --silent test:editor || status=1
timed "in-editor suite in Restricted Mode" node test/editor/run.mjs --restricted --no-build || status=1
timed "browser end-to-end (npm run test:e2e)" npm run --silent test:e2e -- --no-build || status=1
timed "web extension in the browser (npm run test:web)" npm run --silent test:web -- --no-build || status=1
exit "$status"
