// The project's public address is written once: package.json's repository.url, with homepage
// and bugs on the same base. It is a placeholder until the owners publish (CONTRIBUTING.md,
// "Publishing"), so moving it must be an edit of package.json alone: no other file writes it or
// the extension id, and what prints it (the CLI's SARIF links) takes it from package.json.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { cleanCopy, cleanEnv } from './helpers/clean-copy.mjs';
import { ROOT } from './helpers/lsp-client.mjs';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const base = pkg.repository.url.replace(/\.git$/, '');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'priority-number.campaign.yaml');

/** The SARIF tool metadata a CLI bundle prints for a file with a problem. */
function sarifLinks(cliBundle) {
  const r = spawnSync(process.execPath, [cliBundle, 'validate', '--format', 'sarif', FIXTURE], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  const driver = JSON.parse(r.stdout).runs[0].tool.driver;
  return { informationUri: driver.informationUri, helpUris: [...new Set(driver.rules.map((rule) => rule.helpUri))] };
}

test('repository, homepage and bugs in package.json name the same address', () => {
  assert.match(pkg.repository.url, /^https:\/\/[^/\s]+\/[^/\s]+\/[^/\s]+\.git$/, 'repository.url is https://host/owner/name.git');
  assert.equal(pkg.homepage, `${base}#readme`);
  assert.equal(pkg.bugs.url, `${base}/issues`);
});

test('CONTRIBUTING.md says the address and the publisher are placeholders and which fields to change', () => {
  const contributing = readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  const section = /^## Publishing\n([\s\S]*?)(?=^## )/m.exec(contributing)?.[1];
  assert.ok(section, 'a Publishing section');
  assert.match(section, /placeholders the owners set before the first publish/);
  assert.match(
    section.replace(/\s+/g, ' '),
    /change exactly these four fields in `package.json`: `repository.url`, `homepage`, `bugs.url` \(all on the real address\) and `publisher`/,
  );
});

test('no file but package.json writes the address or the extension id', () => {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  // The address without its scheme (so http://, raw.githubusercontent.com/owner/name and the
  // like are caught too) and the id VS Code knows the extension by.
  const needles = [base.replace(/^https:\/\/[^/]+\//, '').toLowerCase(), `${pkg.publisher}.${pkg.name}`.toLowerCase()];
  const writers = [];
  for (const file of files) {
    if (file === 'package.json') continue;
    let text;
    try {
      text = readFileSync(path.join(ROOT, file), 'utf8').toLowerCase();
    } catch {
      continue;
    } // deleted, not yet committed
    for (const needle of needles) if (text.includes(needle)) writers.push(`${file} writes ${needle}`);
  }
  assert.ok(files.length > 100, `git lists the checkout's files (${files.length})`);
  assert.deepEqual(writers, []);
});

test("the CLI's SARIF links come from package.json: built with another address, it prints that one", () => {
  // The checkout's own build first: the tool's home and each rule's help are on the address.
  const here = sarifLinks(path.join(ROOT, 'dist', 'cli.js'));
  assert.equal(here.informationUri, base);
  assert.deepEqual(here.helpUris, [`${base}#what-is-checked`]);

  // A copy whose package.json (and nothing else) names another address.
  const copy = cleanCopy('kc-address-');
  const moved = 'https://git.example.org/campaign-owners/voice-campaigns';
  const copyPkg = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8'));
  copyPkg.repository.url = `${moved}.git`;
  copyPkg.homepage = `${moved}#readme`;
  copyPkg.bugs.url = `${moved}/issues`;
  writeFileSync(path.join(copy, 'package.json'), JSON.stringify(copyPkg, null, 2));
  const build = spawnSync(process.execPath, [path.join(copy, 'scripts', 'build.mjs')], { cwd: copy, encoding: 'utf8', env: cleanEnv });
  assert.equal(build.status, 0, build.stderr);
  const there = sarifLinks(path.join(copy, 'dist', 'cli.js'));
  assert.equal(there.informationUri, moved);
  assert.deepEqual(there.helpUris, [`${moved}#what-is-checked`]);
});
