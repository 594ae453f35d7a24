// The marketplace package: a plain `vsce package` (no flags that hide a missing repository or
// dead links) from a clean copy, with what the marketplace page and VS Code need: icon,
// repository, README whose links work outside the repository, the walkthrough's media.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { cleanCopy, cleanEnv } from './helpers/clean-copy.mjs';
import { ROOT } from './helpers/lsp-client.mjs';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
let vsix;
let entries;
const read = (name) => execFileSync('unzip', ['-p', vsix, name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

before(() => {
  const copy = cleanCopy('kc-vsce-');
  // A plain `vsce package`, as the owners will run it (it runs vscode:prepublish, the production build, first).
  vsix = path.join(copy, `${pkg.name}-${pkg.version}.vsix`);
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package'], {
    cwd: copy,
    encoding: 'utf8',
    env: cleanEnv,
  });
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /WARNING/i, result.stderr);
  entries = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n');
});

test('the marketplace fields are set: repository, bugs, homepage, keywords, banner, icon', () => {
  assert.match(pkg.repository.url, /^https:\/\/\S+\.git$/);
  assert.match(pkg.bugs.url, /^https:\/\//);
  assert.match(pkg.homepage, /^https:\/\//);
  assert.ok(pkg.keywords.length >= 5 && pkg.keywords.length <= 30);
  assert.match(pkg.galleryBanner.color, /^#[0-9A-Fa-f]{6}$/);
  const icon = readFileSync(path.join(ROOT, pkg.icon));
  assert.equal(icon.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
});

test('the .vsix holds the runtime files, the icon and the walkthrough media, and no sources or tests', () => {
  for (const name of [
    'extension/package.json',
    'extension/dist/client.js',
    'extension/dist/server.js',
    'extension/dist/languageClient.js',
    'extension/dist/pushEngine.js',
    `extension/${pkg.icon}`,
    'extension/readme.md',
  ]) {
    assert.ok(entries.includes(name), `${name} missing`);
  }
  for (const step of pkg.contributes.walkthroughs[0].steps)
    assert.ok(entries.includes(`extension/${step.media.markdown}`), `${step.media.markdown} missing`);
  for (const name of entries)
    assert.doesNotMatch(name, /^extension\/(test|core|cli|client|server|platform|sandbox|scripts|bench|docs|node_modules)\/|\.ts$|\.map$/);
  // The size the docs state is true of this package (within 10 KB).
  const kb = Math.round(statSync(vsix).size / 1024);
  for (const [file, pattern] of [
    ['CONTRIBUTING.md', /\.vsix[^\n]*?about (\d+) KB/],
    ['README.md', /The `\.vsix` is (\d+) KB/],
  ]) {
    const stated = pattern.exec(readFileSync(path.join(ROOT, file), 'utf8'));
    assert.ok(stated, `${file} states the .vsix size`);
    assert.ok(Math.abs(Number(stated[1]) - kb) <= 10, `${file} says ${stated[1]} KB, the .vsix is ${kb} KB`);
  }
});

test('the packaged README has no link that only works inside the repository', () => {
  const readme = read('extension/readme.md');
  const links = [...readme.matchAll(/\]\(([^)\s]+)[^)]*\)/g)].map((m) => m[1]);
  assert.ok(links.length > 0);
  for (const link of links) assert.match(link, /^(https:\/\/|#|mailto:)/, `relative link ${link} would be dead on the marketplace`);
  // Images are packaged-relative in the repository and point at the repository's raw files once packaged.
  // vsce makes them absolute from package.json's repository.url (the one place the address is written).
  const base = pkg.repository.url.replace(/\.git$/, '');
  for (const [, src] of readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)) assert.ok(src.startsWith(`${base}/`), `${src} is not on ${base}`);
});
