// A copy of the checkout as a fresh clone has it (tracked and new, unignored files; no dist/),
// with node_modules linked, so packaging tests build from sources and never rewrite this
// checkout's dist/ while other test files run against it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './fixtures.mjs';
import { ROOT } from './lsp-client.mjs';

export function cleanCopy(prefix) {
  const copy = path.join(tempDir(prefix), 'kore-campaign');
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    // In a git worktree node_modules is a symlink, which `node_modules/` in .gitignore does not match.
    if (file === 'node_modules' || !existsSync(path.join(ROOT, file))) continue;
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(copy, file));
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

/** The environment without npm's own npm_* variables (set when run from `npm test`). */
export const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
