#!/usr/bin/env node
// `npm run test:editor`: the in-editor mocha suite (test/suite/) inside the real extension
// host of code-server 4.139.1 (= VS Code 1.139.1), started with the smoke-test driver and
// driven by Playwright in headless Chromium. This is what CI runs here; on a machine that can
// download desktop VS Code, `npm run test:electron` runs the same suite.
//
// Options: --no-build   reuse dist/ as it is
//          --restricted open the workspace in Restricted Mode (workspace trust on, not trusted)
//                       and run the suite's restricted-mode tests only
//          --grep TEXT  run only tests whose full title contains TEXT
//          --keep       leave the temporary user-data folder for inspection
// Output: mocha's spec report, then a closing line `N passed, N failed`; exit 1 on failure.
// Artifacts: test-results/editor/ (results.json, code-server.log, failure screenshot).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import {
  ROOT,
  assertTools,
  buildAll,
  killGroup,
  launchChromium,
  makeUserDataDir,
  onExitKill,
  startCodeServer,
} from '../../scripts/lib/code-server.mjs';

const argv = process.argv.slice(2);
const noBuild = argv.includes('--no-build');
const keep = argv.includes('--keep');
const restricted = argv.includes('--restricted');
const grep = argv.includes('--grep') ? argv[argv.indexOf('--grep') + 1] : restricted ? 'restricted mode' : undefined;
// Workbench chatter that is not the suite's output (all of it goes to workbench-console.log).
const NOISE = [
  /open-vsx\.org/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[(Service Worker|AgentHost|AccountPolicyGate|reconnection-grace-time)/,
  /^Updating additional builtin extensions cache/,
  /vsda/,
  /^\s*at (async )?\S+ \(http/,
];
const TIMEOUT_MS = Number(process.env.KORE_EDITOR_TEST_TIMEOUT_MS || 300_000);

const t0 = Date.now();
assertTools({ chromium: true });
const outDir = path.join(ROOT, 'test-results', restricted ? 'editor-restricted' : 'editor');
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

if (!noBuild) buildAll();

// A throwaway workspace: the suite may edit and save files without touching the repo.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kore-editor-test-'));
const workspace = prepareWorkspace(path.join(tmp, 'workspace'));
const userDataDir = makeUserDataDir(
  path.join(tmp, 'user-data'),
  restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {},
);
const extensionsDir = path.join(tmp, 'extensions');
const resultsFile = path.join(outDir, 'results.json');
const logFile = path.join(outDir, 'code-server.log');

const pgids = [];
let context;
onExitKill(() => pgids);

let exitCode = 1;
let summary = { passed: 0, failed: 0, pending: 0 };
try {
  const cs = await startCodeServer({
    workspace,
    userDataDir,
    extensionsDir,
    smokeTestDriver: true,
    logFile,
    workspaceTrust: restricted,
    env: {
      KORE_TEST_RESULTS: resultsFile,
      KORE_TEST_REPO: ROOT,
      ...(grep ? { KORE_TEST_GREP: grep } : {}),
      ...(restricted ? { KORE_TEST_RESTRICTED: '1' } : {}),
    },
  });
  pgids.push(cs.pgid);
  console.log(`code-server ${cs.url} (pgid ${cs.pgid}), workspace ${workspace}`);

  context = await launchChromium(path.join(tmp, 'chromium'));
  const page = context.pages()[0] ?? (await context.newPage());
  let resolveExit;
  const exited = new Promise((r) => {
    resolveExit = r;
  });
  const consoleLog = fs.openSync(path.join(outDir, 'workbench-console.log'), 'a');
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const text = Array.isArray(args) ? util.format(...args) : String(args);
    fs.writeSync(consoleLog, `${text}\n`);
    if (NOISE.some((re) => re.test(text))) return; // workbench chatter: kept in workbench-console.log
    // The suite prints its own closing line; the launcher prints the authoritative one.
    if (/^\d+ passed, \d+ failed$/.test(text.trim())) return;
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));

  const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(path.join(ROOT, 'dist', 'test', 'suite', 'index.js'))],
  ];
  const url = `${cs.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);

  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
  if (code === 'timeout') console.error(`The suite did not finish within ${TIMEOUT_MS / 1000} s.`);

  if (fs.existsSync(resultsFile)) {
    summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } else {
    console.error('No results file: the suite did not run (see test-results/editor/code-server.log).');
    summary.failed = Math.max(1, summary.failed);
  }
  exitCode = code === 0 && summary.failed === 0 ? 0 : 1;
  if (exitCode !== 0) {
    await page.screenshot({ path: path.join(outDir, 'failure.png') }).catch(() => {});
    if (summary.failed === 0) summary.failed = 1; // e.g. the suite crashed or timed out
  }
} catch (err) {
  console.error(err?.stack ?? String(err));
  summary.failed = Math.max(1, summary.failed);
  exitCode = 1;
} finally {
  await context?.close().catch(() => {});
  for (const p of pgids.splice(0)) killGroup(p);
  if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`kept ${tmp}`);
}

if (summary.pending) console.log(`(${summary.pending} pending: see the list above)`);
console.log(`in-editor suite: ${((Date.now() - t0) / 1000).toFixed(1)} s; artifacts in ${path.relative(ROOT, outDir)}/`);
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exit(exitCode);

function prepareWorkspace(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [src, dest] of [
    ['examples', 'examples'],
    ['test/fixtures', 'fixtures'],
  ]) {
    const from = path.join(ROOT, src);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, dest), { recursive: true });
  }
  return dir;
}
