#!/usr/bin/env node
// Writes test/suite/expected-diagnostics.json: the diagnostics the in-editor suite must see
// for every campaign file in examples/ and test/fixtures/, exact message, severity, code and
// 0-based range [startLine, startChar, endLine, endChar].
//
// The data comes from the command-line validator (`kore-campaign validate --format json`),
// which runs the same core as the language server. Regenerate ON PURPOSE after a deliberate
// change of a message or a fixture, review the diff, and commit it:
//
//   npm run build && node test/suite/snapshot-diagnostics.mjs
//
// The in-editor test then fails whenever the editor shows anything else.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dirs = ['examples', 'test/fixtures'].filter((d) => fs.existsSync(path.join(root, d)));
const r = spawnSync(process.execPath, [path.join(root, 'bin', 'kore-campaign.js'), 'validate', '--format', 'json', ...dirs], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (r.status !== 0 && r.status !== 1) {
  console.error(r.stderr || r.stdout);
  process.exit(2);
}
const report = JSON.parse(r.stdout);
const out = {};
for (const f of report.files) {
  const rel = f.file.replace(/\\/g, '/').replace(/^test\/fixtures\//, 'fixtures/');
  if (!/\.campaign\.ya?ml$/.test(rel)) continue;
  out[rel] = f.diagnostics.map((d) => ({
    range: [d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1],
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
}
const sorted = Object.fromEntries(
  Object.keys(out)
    .sort()
    .map((k) => [k, out[k]]),
);
const file = path.join(root, 'test', 'suite', 'expected-diagnostics.json');
fs.writeFileSync(file, `${JSON.stringify(sorted, null, 1)}\n`);
console.log(`${path.relative(root, file)}: ${Object.keys(sorted).length} files, ${Object.values(sorted).flat().length} diagnostics`);
