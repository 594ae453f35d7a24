import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './lsp-client.mjs';

const require = createRequire(import.meta.url);

/** The core, as built: the same code the server and the CLI bundle. */
export const core = require(path.join(ROOT, 'dist', 'core.js'));

export function readFixture(name) {
  return readFileSync(path.join(ROOT, 'test', 'fixtures', name), 'utf8');
}

/** `[range 'L:C-L:C' 1-based as the CLI prints it, severity, code, message]` for compact expectations. */
export function summarise(diagnostics) {
  return diagnostics.map((d) => [
    `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`,
    typeof d.severity === 'number' ? ['', 'error', 'warning', 'information', 'hint'][d.severity] : d.severity,
    d.code,
    d.message,
  ]);
}

const made = [];
/** A temporary folder removed when the test process ends (tests leave nothing in /tmp). */
export function tempDir(prefix = 'kore-test-') {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
