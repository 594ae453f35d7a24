// Bundles the in-editor test suite: test/suite/*.ts -> dist/test/suite/*.js.
// `vscode` and `mocha` stay external (the extension host provides `vscode`; mocha is
// resolved from node_modules). The sandbox library (sandbox/src) is bundled in, with
// the core's build-time schema validator (the same plugin as scripts/build.mjs).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { campaignValidatorPlugin } from './lib/campaign-validator.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const entryPoints = fs
  .readdirSync(path.join(root, 'test/suite'))
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => path.join(root, 'test/suite', f));

fs.rmSync(path.join(root, 'dist/test'), { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir: path.join(root, 'dist/test/suite'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
  external: ['vscode', 'mocha'],
  // The extension's id is package.json's publisher and name, written there only (the publisher
  // is a placeholder until the first publish: CONTRIBUTING.md, "Publishing").
  define: { KORE_EXTENSION_ID: JSON.stringify(`${pkg.publisher}.${pkg.name}`) },
  plugins: [campaignValidatorPlugin],
});
console.log(`test bundle: ${entryPoints.length} files -> dist/test/suite/ `);
