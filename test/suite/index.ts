// Entry point of the in-editor test suite: VS Code's test runner (`extensionTestsPath`)
// loads this file inside the real extension host and calls `run()`.
// Launchers: test/editor/run.mjs (code-server + smoke-test driver, `npm run test:editor`) and
// test/electron/run.mjs (`@vscode/test-electron`, `npm run test:electron`).
//
// The result reaches the launcher two ways: the closing line `N passed, N failed` on the
// console, and a JSON file at $KORE_TEST_RESULTS (the launcher sets it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Outcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
  reason?: string;
}

export function run(): Promise<void> {
  const grep = process.env.KORE_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep: new RegExp(grep) } : {}) });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  }
  const outcomes: Outcome[] = [];
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = outcomes.filter((o) => o.state === 'passed').length;
        const failed = outcomes.filter((o) => o.state === 'failed').length;
        const pending = outcomes.filter((o) => o.state === 'pending');
        const resultsFile = process.env.KORE_TEST_RESULTS;
        if (resultsFile) {
          fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
          fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed, pending: pending.length, outcomes }, null, 2));
        }
        if (pending.length) console.log(`pending (${pending.length}):\n${pending.map((p) => `  - ${p.title}`).join('\n')}`);
        console.log(`${passed} passed, ${failed} failed`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => outcomes.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('fail', (t, err: Error) => outcomes.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
      runner.on('pending', (t) => outcomes.push({ title: t.fullTitle(), state: 'pending' }));
    } catch (err) {
      reject(err);
    }
  });
}
