// Every kind of bad input gets a sentence and a documented exit code, never a hang, a crash or
// silence: missing paths, folders without campaigns, binary, empty, oversized and non-regular
// files, stdin, for validate and plan alike; push names the path as it was given.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { envFor, runCliWith } from './helpers/cli.mjs';
import { readFixture, tempDir } from './helpers/fixtures.mjs';
import { withSandbox } from './helpers/push.mjs';

const MB = 1024 * 1024;

test('a binary file is "not a text file", exit 2, and counted as an error', async () => {
  const dir = tempDir('kc-in-');
  writeFileSync(path.join(dir, 'logo.campaign.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(path.join(dir, 'latin1.campaign.yaml'), Buffer.from('name: Caf\xe9\n', 'latin1'));
  const r = await runCliWith(['validate', 'logo.campaign.yaml', 'latin1.campaign.yaml'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stdout, /error logo\.campaign\.yaml is not a text file \(it contains NUL bytes\)\. \[unreadable-file\]/);
  assert.match(r.stdout, /error latin1\.campaign\.yaml is not a text file \(it is not valid UTF-8\)\. \[unreadable-file\]/);
  assert.doesNotMatch(r.stdout, /must be a mapping/);
  assert.match(r.stdout, /0 files checked, 2 inputs not checked: 2 errors, 0 warnings\./);
});

test('an empty file is an error in the file (exit 1), with its own code', async () => {
  const dir = tempDir('kc-in-');
  writeFileSync(path.join(dir, 'empty.campaign.yaml'), '');
  const r = await runCliWith(['validate', 'empty.campaign.yaml'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^empty\.campaign\.yaml:1:1 error .*\[empty-file\]$/m);
  assert.match(r.stdout, /1 file checked: 1 error, 0 warnings\./);
});

test('a FIFO is refused at once (no hang), exit 2', async () => {
  const dir = tempDir('kc-in-');
  execFileSync('mkfifo', [path.join(dir, 'pipe.campaign.yaml')]);
  const r = await runCliWith(['validate', 'pipe.campaign.yaml'], { cwd: dir, timeoutMs: 10_000 });
  assert.equal(r.code, 2);
  assert.match(
    r.stdout,
    /pipe\.campaign\.yaml is not a regular file \(a pipe, socket or device\); pass its contents with "-" on stdin instead/,
  );
  // A folder search lists regular files only: the pipe is neither opened nor counted.
  const folder = await runCliWith(['validate', '.'], { cwd: dir, timeoutMs: 10_000 });
  assert.equal(folder.code, 2);
  assert.match(folder.stdout, /no \*\.campaign\.yaml or \*\.campaign\.yml files in \./);
});

test('a file over the 5 MB limit is refused with the limit in the message, exit 2', async () => {
  const dir = tempDir('kc-in-');
  writeFileSync(path.join(dir, 'huge.campaign.yaml'), `name: x\n${'# padding\n'.repeat((5 * MB) / 10 + 10)}`);
  const r = await runCliWith(['validate', 'huge.campaign.yaml'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stdout, /huge\.campaign\.yaml is too large \(5\.0 MB; campaign files are limited to 5 MB\)/);
  const json = await runCliWith(['validate', '--format', 'json', 'huge.campaign.yaml'], { cwd: dir });
  assert.equal(JSON.parse(json.stdout).errors, 1);
});

test('an unreadable file counts as an error in JSON output and exits 2', async () => {
  const r = await runCliWith(['validate', '--format', 'json', 'missing.campaign.yaml', 'test/fixtures/valid.campaign.yaml']);
  assert.equal(r.code, 2);
  const report = JSON.parse(r.stdout);
  assert.equal(report.errors, 1);
  assert.equal(report.notChecked, 1);
  assert.deepEqual(
    report.files.find((f) => f.file === 'missing.campaign.yaml'),
    {
      file: 'missing.campaign.yaml',
      checked: false,
      diagnostics: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          severity: 'error',
          code: 'unreadable-file',
          message: 'missing.campaign.yaml does not exist (no such file or folder).',
        },
      ],
    },
  );
});

test('a folder with no campaign files prints a summary, exit 2', async () => {
  const dir = tempDir('kc-in-');
  mkdirSync(path.join(dir, 'campaigns'));
  writeFileSync(path.join(dir, 'campaigns', 'notes.yaml'), 'a: 1\n');
  const r = await runCliWith(['validate', 'campaigns'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.equal(
    r.stdout,
    'error no *.campaign.yaml or *.campaign.yml files in campaigns [no-campaign-files]\n0 files checked, 1 input not checked: 1 error, 0 warnings.\n',
  );
  const glob = await runCliWith(['validate', 'campaigns/*.campaign.yaml'], { cwd: dir });
  assert.equal(glob.code, 2);
  assert.match(glob.stdout, /no file matches campaigns\/\*\.campaign\.yaml/);
});

test('"-" reads stdin, shown under --stdin-filename', async () => {
  const r = await runCliWith(['validate', '--stdin-filename', 'billing.campaign.yaml', '-'], {
    input: readFixture('priority-number.campaign.yaml'),
  });
  assert.equal(r.code, 1);
  assert.equal(
    r.stdout,
    'billing.campaign.yaml:7:11 error priority must be a string "1".."5"; found the number 5. [type]\n1 file checked: 1 error, 0 warnings.\n',
  );
  const unnamed = await runCliWith(['validate', '-'], { input: readFixture('valid.campaign.yaml') });
  assert.equal(unnamed.code, 0);
  assert.equal(unnamed.stdout, '1 file checked: 0 errors, 0 warnings.\n');
  const binary = await runCliWith(['validate', '-'], { input: Buffer.from([0, 1, 2]) });
  assert.equal(binary.code, 2);
  assert.match(binary.stdout, /<stdin> is not a text file/);
  const orphan = await runCliWith(['validate', '--stdin-filename', 'x.campaign.yaml', 'test/fixtures/valid.campaign.yaml']);
  assert.equal(orphan.code, 2);
  assert.match(orphan.stderr, /--stdin-filename names what "-" reads/);
});

test('push names the path as given and explains a missing file or a folder (no raw ENOENT/EISDIR)', async () => {
  const dir = tempDir('kc-in-');
  mkdirSync(path.join(dir, 'campaigns'));
  const env = { KORE_HOST: 'http://127.0.0.1:9', KORE_IID: 'st-1', KORE_ACCOUNT_ID: 'a1', KORE_JWT: 'x.y.z' };
  const missing = await runCliWith(['push', './campaigns/../nope.campaign.yaml'], { cwd: dir, env });
  assert.equal(missing.code, 2);
  assert.equal(
    missing.stderr,
    'kore-campaign push: ./campaigns/../nope.campaign.yaml does not exist (no such file or folder). Nothing was sent.\n',
  );
  const folder = await runCliWith(['push', 'campaigns'], { cwd: dir, env });
  assert.equal(folder.code, 2);
  assert.match(folder.stderr, /^kore-campaign push: campaigns is a folder, not a file/);
  assert.doesNotMatch(missing.stderr + folder.stderr, /ENOENT|EISDIR/);
});

test('push: a scheme-less loopback KORE_HOST is a usage error (2) with the fix, not "try again later"', async () => {
  const r = await runCliWith(['push', 'examples/billing-reminder.campaign.yaml'], {
    env: { KORE_HOST: '127.0.0.1:4888', KORE_IID: 'st-1', KORE_ACCOUNT_ID: 'a1', KORE_JWT: 'x.y.z' },
  });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /KORE_HOST: "127\.0\.0\.1:4888" has no scheme, .* Write KORE_HOST=http:\/\/127\.0\.0\.1:4888\./);
  assert.match(r.stderr, /Nothing was sent/);
});

test('plan refuses the same bad inputs as validate, in the same words, exit 2 (nothing read from the platform for them)', async (t) => {
  const sandbox = await withSandbox(t);
  const dir = tempDir('kc-in-');
  writeFileSync(path.join(dir, 'logo.campaign.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
  execFileSync('mkfifo', [path.join(dir, 'pipe.campaign.yaml')]);
  mkdirSync(path.join(dir, 'empty'));
  const binary = await runCliWith(['plan', 'logo.campaign.yaml', 'pipe.campaign.yaml'], {
    cwd: dir,
    env: envFor(sandbox),
    timeoutMs: 10_000,
  });
  assert.equal(binary.code, 2, binary.stderr);
  assert.match(binary.stderr, /logo\.campaign\.yaml is not a text file \(it contains NUL bytes\)\./);
  assert.match(binary.stderr, /pipe\.campaign\.yaml is not a regular file \(a pipe, socket or device\)/);
  const missing = await runCliWith(['plan', 'gone.campaign.yaml'], { cwd: dir, env: envFor(sandbox) });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /gone\.campaign\.yaml does not exist \(no such file or folder\)\./);
  const empty = await runCliWith(['plan', 'empty'], { cwd: dir, env: envFor(sandbox) });
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /no \*\.campaign\.yaml or \*\.campaign\.yml files in empty/);
  assert.equal(sandbox.requests.filter((r) => r.url.includes('/campaign/')).length, 0, 'no campaign was read for a file that could not be');
});
