// `kore-campaign validate`: the editor's diagnostics for CI pipelines, with documented exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers/lsp-client.mjs';
import { core, readFixture, tempDir } from './helpers/fixtures.mjs';

const BIN = path.join(ROOT, 'bin', 'kore-campaign.js');

function run(args, cwd = ROOT) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('a clean folder exits 0 and says so', () => {
  const { code, stdout } = run(['validate', 'test/fixtures/valid.campaign.yaml', 'test/fixtures/api-sample-request.campaign.yaml']);
  assert.equal(code, 0);
  assert.equal(stdout, '2 files checked: 0 errors, 0 warnings.\n');
});

test('each problem is file:line:col severity message [code]; any error exits 1', () => {
  const { code, stdout } = run(['validate', 'test/fixtures/priority-number.campaign.yaml']);
  assert.equal(code, 1);
  assert.equal(
    stdout,
    'test/fixtures/priority-number.campaign.yaml:7:11 error priority must be a string "1".."5"; found the number 5. [type]\n' +
      '1 file checked: 1 error, 0 warnings.\n',
  );
});

test('warnings alone exit 0', () => {
  const { code, stdout } = run(['validate', 'test/fixtures/contact-lists-duplicate.campaign.yaml']);
  assert.equal(code, 0);
  assert.match(
    stdout,
    /:8:5 warning The contact list "Recent Buyers - Q2 2025" is already listed \(contactLists\[0\]\)\. \[duplicate-contact-list\]/,
  );
});

test('--format json carries the same diagnostics as the editor', () => {
  const { code, stdout } = run(['validate', '--format', 'json', 'test/fixtures/time-24-hour.campaign.yaml']);
  assert.equal(code, 1);
  const report = JSON.parse(stdout);
  const [expected] = core.validateText(readFixture('time-24-hour.campaign.yaml'));
  assert.deepEqual(report, {
    files: [
      {
        file: 'test/fixtures/time-24-hour.campaign.yaml',
        diagnostics: [
          {
            line: expected.range.start.line + 1,
            column: expected.range.start.character + 1,
            endLine: expected.range.end.line + 1,
            endColumn: expected.range.end.character + 1,
            severity: 'error',
            code: 'time-format',
            message: expected.message,
            path: 'dialingStrategy.callingHours.days[0].end',
          },
        ],
      },
    ],
    errors: 1,
    warnings: 0,
    notChecked: 0,
  });
});

test('folders are searched for *.campaign.yaml and *.campaign.yml, skipping node_modules', () => {
  const dir = tempDir('kc-');
  mkdirSync(path.join(dir, 'team', 'node_modules'), { recursive: true });
  writeFileSync(path.join(dir, 'team', 'a.campaign.yml'), readFixture('valid.campaign.yaml'));
  writeFileSync(path.join(dir, 'team', 'b.campaign.yaml'), readFixture('dialing-mode-case.campaign.yaml'));
  writeFileSync(path.join(dir, 'team', 'notes.yaml'), 'not: a campaign\n');
  writeFileSync(path.join(dir, 'team', 'node_modules', 'c.campaign.yaml'), 'broken: [');
  const { code, stdout } = run(['validate', 'team'], dir);
  assert.equal(code, 1);
  assert.equal(
    stdout,
    'team/b.campaign.yaml:8:14 error dialingMode must be one of "Agentless", "Progressive" or "Preview"; found the string "preview". Did you mean "Preview"? [enum]\n' +
      '2 files checked: 1 error, 0 warnings.\n',
  );
});

test('globs are expanded by the tool (quoted, as CI scripts pass them)', () => {
  const { code, stdout } = run(['validate', 'test/fixtures/timezone-*.campaign.yaml']);
  assert.equal(code, 1);
  assert.match(stdout, /timezone-typo\.campaign\.yaml:14:15 error "Asia\/Kolkatta" is not an IANA time zone/);
  assert.match(stdout, /2 files checked: 1 error, 0 warnings\./);
});

test('bad usage exits 2 with help', () => {
  assert.equal(run(['validate']).code, 2);
  const unknown = run(['validate', '--colour', 'x.campaign.yaml']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown option '--colour'/);
  const format = run(['validate', '--format', 'xml', 'x']);
  assert.equal(format.code, 2);
  assert.match(format.stderr, /--format takes text, json, sarif, github; not "xml"/);
  assert.equal(run(['frobnicate']).code, 2);
});

test('a missing or unreadable file exits 2 and names it, after checking the others', () => {
  const missing = run(['validate', 'nope.campaign.yaml', 'test/fixtures/valid.campaign.yaml']);
  assert.equal(missing.code, 2);
  assert.match(missing.stdout, /^error nope\.campaign\.yaml does not exist \(no such file or folder\)\. \[unreadable-file\]$/m);
  assert.match(missing.stdout, /1 file checked, 1 input not checked: 1 error, 0 warnings\./);
  if (process.getuid?.() !== 0) {
    const dir = tempDir('kc-');
    const locked = path.join(dir, 'locked.campaign.yaml');
    writeFileSync(locked, 'name: x\n');
    chmodSync(locked, 0);
    assert.equal(run(['validate', locked]).code, 2);
  }
});

test('a folder without campaign files is bad usage, not success', () => {
  const dir = tempDir('kc-');
  const { code, stdout } = run(['validate', dir]);
  assert.equal(code, 2);
  assert.match(stdout, /no \*\.campaign\.yaml or \*\.campaign\.yml files in /);
  assert.match(stdout, /0 files checked, 1 input not checked: 1 error, 0 warnings\./);
});

test("the examples: the quick start's main job", () => {
  const { code, stdout } = run(['validate', 'examples/']);
  assert.equal(code, 1);
  assert.match(
    stdout,
    /examples\/typical-mistakes\.campaign\.yaml:\d+:\d+ error priority must be a string "1"\.\."5"; found the number 5\. \[type\]/,
  );
  assert.doesNotMatch(stdout, /billing-reminder/);
  assert.match(stdout, /2 files checked: 9 errors, 3 warnings\./);
});

/** A repository (a `.git` folder) inside a folder whose own settings must not apply. */
function repositoryWithSettings() {
  const outside = tempDir('kore-settings-');
  mkdirSync(path.join(outside, '.vscode'));
  writeFileSync(path.join(outside, '.vscode', 'settings.json'), '{ "koreCampaign.validate.enable": false }');
  const repo = path.join(outside, 'repo');
  const team = path.join(repo, 'team');
  for (const dir of [path.join(repo, '.git'), path.join(repo, '.vscode'), path.join(team, '.vscode')]) mkdirSync(dir, { recursive: true });
  // As VS Code writes it: comments and a trailing comma; flat keys at the root, the nested form below.
  writeFileSync(
    path.join(repo, '.vscode', 'settings.json'),
    '{\n  // the team agreed on 24-hour times\n  "koreCampaign.validate.callingHours": "off", /* for now */\n  "editor.tabSize": 2,\n}\n',
  );
  writeFileSync(
    path.join(team, '.vscode', 'settings.json'),
    '{ "koreCampaign": { "validate": { "rules": { "duplicate-contact-list": "error" } } } }',
  );
  for (const name of ['time-24-hour.campaign.yaml', 'contact-lists-duplicate.campaign.yaml'])
    writeFileSync(path.join(team, name), readFixture(name));
  return { repo, team };
}

test('.vscode/settings.json of the folder and its parents up to the repository root decide what is reported', () => {
  const { repo, team } = repositoryWithSettings();
  // From the team folder: the root's file turns calling hours off, the team's makes a duplicate list an error.
  const inTeam = run(['validate', '.'], team);
  assert.equal(inTeam.code, 1, inTeam.stderr);
  assert.equal(
    inTeam.stdout,
    'contact-lists-duplicate.campaign.yaml:8:5 error The contact list "Recent Buyers - Q2 2025" is already listed (contactLists[0]). [duplicate-contact-list]\n' +
      '2 files checked: 1 error, 0 warnings.\n',
  );
  assert.match(
    inTeam.stderr,
    /koreCampaign\.validate settings from \.\.\/\.vscode\/settings\.json, \.vscode\/settings\.json \(--no-settings ignores them\)/,
  );
  // From the root only its own file applies; the folder above the repository (validation off there) never does.
  const inRepo = run(['validate', '--format', 'json', 'team'], repo);
  assert.equal(inRepo.code, 0, inRepo.stderr);
  const report = JSON.parse(inRepo.stdout);
  assert.deepEqual([report.errors, report.warnings], [0, 1]);
  assert.deepEqual(
    report.files.flatMap((f) => f.diagnostics.map((d) => d.code)),
    ['duplicate-contact-list'],
  );
});

test('--no-settings checks every rule at its own severity', () => {
  const { team } = repositoryWithSettings();
  const { code, stdout, stderr } = run(['validate', '--no-settings', '.'], team);
  assert.equal(code, 1);
  assert.match(stdout, /time-24-hour\.campaign\.yaml:18:14 error end must be a 12-hour time/);
  assert.match(stdout, /:8:5 warning The contact list "Recent Buyers - Q2 2025" is already listed/);
  assert.equal(stderr, '');
});

test('a settings file that is not valid JSON is reported and what can be read still applies', () => {
  const { repo, team } = repositoryWithSettings();
  writeFileSync(path.join(repo, '.vscode', 'settings.json'), '{ "koreCampaign.validate.callingHours": "off" "editor.tabSize": 2 }');
  const { code, stdout, stderr } = run(['validate', '.'], team);
  assert.match(stderr, /\.vscode\/settings\.json:1:47 CommaExpected; the rest of the file still applies/);
  assert.doesNotMatch(stdout, /time-format/);
  assert.equal(code, 1, 'the team folder still makes the duplicate an error');
});
