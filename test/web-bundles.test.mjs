// The browser build (dist/web/): the production bundles stay within their size budgets, and a
// Node built-in in anything a browser bundle imports fails the build instead of shipping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './helpers/lsp-client.mjs';
import { tempDir } from './helpers/fixtures.mjs';
import { bundleSizes, WEB_BUNDLE_BUDGETS } from '../scripts/lib/bundle-budgets.mjs';
import { noNodeBuiltinsPlugin } from '../scripts/lib/no-node-builtins.mjs';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('the production web bundles stay within their budgets', () => {
  const outdir = tempDir('kore-web-build-');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production', '--outdir', outdir], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  const sizes = bundleSizes(outdir);
  for (const [file, budget] of Object.entries(WEB_BUNDLE_BUDGETS)) {
    const row = sizes.find((s) => s.file === file);
    assert.ok(row, `${file} was not built`);
    assert.ok(row.bytes < budget, `${file} is ${row.bytes} bytes, over its budget of ${budget}`);
  }
  // The manifest's browser entry is the bundle measured here.
  assert.equal(manifest.browser, './dist/web/client.js');
  // Only `vscode` is left to the host: the web worker has no other module to give.
  const client = readFileSync(path.join(outdir, 'web', 'client.js'), 'utf8');
  assert.deepEqual([...new Set(client.match(/require\("[^"]+"\)/g))], ['require("vscode")']);
});

test('a Node built-in reached from a browser entry fails the build, naming the importer', async () => {
  const dir = tempDir('kore-web-builtin-');
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(path.join(dir, 'helper.ts'), "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
  for (const [importer, source] of [
    ['entry.ts', "import * as path from 'path';\nexport const join = path.join;\n"],
    ['helper.ts', "export { read } from './helper';\n"],
  ]) {
    writeFileSync(entry, source);
    await assert.rejects(
      esbuild.build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        platform: 'browser',
        logLevel: 'silent',
        plugins: [noNodeBuiltinsPlugin],
        outfile: path.join(dir, 'out.js'),
      }),
      (error) => error.errors.some((e) => e.text.includes('Node built-in') && e.text.includes(importer)),
    );
  }
  // The real entries build clean: the shared core and server wiring import no Node module.
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'server', 'src', 'browserMain.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    logLevel: 'silent',
    plugins: [noNodeBuiltinsPlugin, (await import('../scripts/lib/campaign-validator.mjs')).campaignValidatorPlugin],
  });
});
