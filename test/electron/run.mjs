#!/usr/bin/env node
// `npm run test:electron`: the same in-editor suite (test/suite/) in desktop VS Code through
// `@vscode/test-electron`'s runTests, for machines that can download VS Code.
//
// ON THIS KIND OF MACHINE IT FAILS BY DESIGN: only the npm registry and Debian's packages are
// reachable, so downloading VS Code from update.code.visualstudio.com fails (ENOTFOUND).
// Use `npm run test:editor` here (code-server, same suite). Set VSCODE_EXECUTABLE to a local
// `code` binary (desktop VS Code) to skip the download.
//
// Options: --no-build, --grep TEXT. Closing line `N passed, N failed`; exit 1 on failure.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT, buildAll } from '../../scripts/lib/code-server.mjs';

const argv = process.argv.slice(2);
const grep = argv.includes('--grep') ? argv[argv.indexOf('--grep') + 1] : undefined;
if (!argv.includes('--no-build')) buildAll();

const outDir = path.join(ROOT, 'test-results', 'electron');
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kore-electron-test-'));
const workspace = path.join(tmp, 'workspace');
for (const [src, dest] of [
  ['examples', 'examples'],
  ['test/fixtures', 'fixtures'],
]) {
  if (fs.existsSync(path.join(ROOT, src))) fs.cpSync(path.join(ROOT, src), path.join(workspace, dest), { recursive: true });
}
fs.mkdirSync(workspace, { recursive: true });
const resultsFile = path.join(outDir, 'results.json');

let failed = 0;
let passed = 0;
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'dist', 'test', 'suite', 'index.js'),
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      path.join(tmp, 'user-data'),
    ],
    extensionTestsEnv: { KORE_TEST_RESULTS: resultsFile, KORE_TEST_REPO: ROOT, ...(grep ? { KORE_TEST_GREP: grep } : {}) },
  });
} catch (err) {
  const msg = String(err?.message ?? err);
  if (/ENOTFOUND|getaddrinfo|download|EAI_AGAIN|ECONNREFUSED/i.test(msg)) {
    console.error(
      `\n@vscode/test-electron could not download VS Code (${msg.split('\n')[0]}).\n` +
        'This is expected on machines without access to update.code.visualstudio.com: run `npm run test:editor` ' +
        '(the same suite in code-server), or set VSCODE_EXECUTABLE to a desktop VS Code binary.\n',
    );
  } else {
    console.error(msg);
  }
  failed = 1;
}
if (fs.existsSync(resultsFile)) ({ passed, failed } = JSON.parse(fs.readFileSync(resultsFile, 'utf8')));
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
