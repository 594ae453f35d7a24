// One argument grammar for every command (node:util parseArgs): --version, help that lists
// every command, per-command help with examples, -v/-q, --name=value, and "--".
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCliWith } from './helpers/cli.mjs';
import { readFixture, tempDir } from './helpers/fixtures.mjs';
import { ROOT } from './helpers/lsp-client.mjs';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const COMMANDS = ['validate', 'push', 'sandbox', 'pull', 'plan', 'create', 'hours'];

test('--version prints the package version', async () => {
  const r = await runCliWith(['--version']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, `${pkg.version}\n`);
});

test('the top-level help lists every command; no command is a usage error', async () => {
  const help = await runCliWith(['--help']);
  assert.equal(help.code, 0);
  for (const name of COMMANDS) assert.match(help.stdout, new RegExp(`^  ${name} +\\S`, 'm'));
  assert.doesNotMatch(help.stdout, /--max-warnings/, "the top level does not show one command's options");
  assert.equal((await runCliWith([])).code, 2);
  const unknown = await runCliWith(['lint']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "lint"\. The commands are validate, push, sandbox, pull, plan, create, hours\./);
});

for (const name of COMMANDS) {
  test(`${name} --help and -h: usage, options, exit codes and examples`, async () => {
    for (const flag of ['--help', '-h']) {
      const r = await runCliWith([name, flag]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`^Usage: kore-campaign ${name} `));
      assert.match(r.stdout, /\nOptions:\n/);
      assert.match(r.stdout, /\nExit codes: /);
      assert.match(r.stdout, new RegExp(`\\nExamples:\\n(  .*\\n)*  .*kore-campaign ${name} `));
    }
  });

  test(`${name}: an unknown option and -v with -q are usage errors naming the command`, async () => {
    const unknown = await runCliWith([name, '--frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, new RegExp(`^kore-campaign ${name}: unknown option '--frobnicate'\\.\\nRun kore-campaign ${name} --help`));
    const both = await runCliWith([name, '-v', '-q', 'x']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--verbose and --quiet cannot be used together/);
  });
}

test('"--" ends the options: a file whose name starts with a dash', async () => {
  const dir = tempDir('kc-args-');
  writeFileSync(path.join(dir, '-draft.campaign.yaml'), readFixture('valid.campaign.yaml'));
  const r = await runCliWith(['validate', '--', '-draft.campaign.yaml'], { cwd: dir });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '1 file checked: 0 errors, 0 warnings.\n');
});

test('validate -v names each file on stderr; options take --name=value and --name value', async () => {
  const r = await runCliWith(['validate', '-v', '--format=json', 'test/fixtures/valid.campaign.yaml']);
  assert.equal(r.code, 0);
  assert.equal(r.stderr, 'kore-campaign validate: test/fixtures/valid.campaign.yaml\n');
  assert.equal(JSON.parse(r.stdout).errors, 0);
});

test('sandbox: a bad port is a usage error, with the range', async () => {
  const r = await runCliWith(['sandbox', '--port', '70000']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--port takes a whole number from 0 to 65535, not "70000"/);
});

test('push: --timeout must be a positive number of seconds', async () => {
  const r = await runCliWith(['push', '--timeout', '0', 'examples/billing-reminder.campaign.yaml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--timeout takes a number above 0 and at most 600, not "0"/);
});

test("each command's refusals name only options that command takes (its --help lists them)", async () => {
  const dir = tempDir('kc-refusals-');
  const env = { KORE_HOST: 'http://127.0.0.1:9', KORE_IID: 'st-1', KORE_ACCOUNT_ID: 'a1', KORE_JWT: 'x.y.z' };
  writeFileSync(path.join(dir, 'a.campaign.yaml'), readFixture('valid.campaign.yaml'));
  const refusals = {
    // A folder where a file is wanted: the words once mentioned validate's --stdin-filename.
    push: [
      ['.'],
      [],
      ['a.campaign.yaml', 'b.campaign.yaml'],
      ['--format', 'xml', 'a.campaign.yaml'],
      ['--timeout', '0', 'a.campaign.yaml'],
    ],
    create: [['.'], [], ['--format', 'xml', 'a.campaign.yaml'], ['--concurrency', '0', 'a.campaign.yaml']],
    plan: [['-'], [], ['--concurrency', '99', '.']],
    pull: [['--format', 'xml']],
    validate: [
      ['--stdin-filename', 'x.campaign.yaml', 'a.campaign.yaml'],
      ['--max-warnings', 'many', '.'],
      ['--format', 'xml', '.'],
    ],
  };
  for (const [name, cases] of Object.entries(refusals)) {
    const help = (await runCliWith([name, '--help'])).stdout;
    for (const args of cases) {
      const r = await runCliWith([name, ...args], { cwd: dir, env });
      assert.equal(r.code, 2, `${name} ${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`^kore-campaign ${name}: `), `${name} ${args.join(' ')}: ${r.stderr}`);
      for (const [option] of r.stderr.matchAll(/--[a-z][a-z-]+/g))
        assert.ok(
          help.includes(option),
          `kore-campaign ${name} ${args.join(' ')} names ${option}, which ${name} does not take:\n${r.stderr}`,
        );
    }
  }
});

test('push takes the platform options push needs, not --concurrency (one request at a time)', async () => {
  const r = await runCliWith(['push', '--concurrency', '2', 'examples/billing-reminder.campaign.yaml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^kore-campaign push: unknown option '--concurrency'/);
});
