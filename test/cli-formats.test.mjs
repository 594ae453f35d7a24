// The CI output formats of `kore-campaign validate`: SARIF 2.1.0 (checked against the official
// schema), GitHub workflow annotations (chosen by itself under GitHub Actions), JSON, --quiet
// and --max-warnings, each with its exit code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { runCliWith } from './helpers/cli.mjs';
import { core } from './helpers/fixtures.mjs';
import { ROOT } from './helpers/lsp-client.mjs';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/**
 * The SARIF 2.1.0 schema as published (shipped by @microsoft/jest-sarif). It is written for
 * draft-04, whose only differences that matter here are the `id` keyword and the meta-schema
 * URL: it uses no exclusiveMinimum/Maximum. Formats (uri, date-time) are not checked.
 * A broken log must fail it: see the last assertion of the first test.
 */
function sarifValidator() {
  const schema = structuredClone(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
  schema.$schema = 'http://json-schema.org/draft-07/schema#';
  schema.$id = schema.id;
  delete schema.id;
  // The schema's language-tag pattern is valid only without the u flag Ajv adds by default.
  const regExp = (pattern, flags) => new RegExp(pattern, flags.replace('u', ''));
  regExp.code = 'new RegExp';
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp } });
  return ajv.compile(schema);
}

const MIXED = [
  'test/fixtures/priority-number.campaign.yaml',
  'test/fixtures/windows-overlap.campaign.yaml',
  'test/fixtures/max-skips-progressive.campaign.yaml',
];

test('SARIF: valid SARIF 2.1.0, rules with help and default levels, results with regions', async () => {
  const r = await runCliWith(['validate', '--format', 'sarif', ...MIXED, 'missing.campaign.yaml']);
  assert.equal(r.code, 2);
  const log = JSON.parse(r.stdout);
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.equal(log.version, '2.1.0');
  const [run] = log.runs;
  assert.equal(run.tool.driver.name, 'kore-campaign');
  assert.equal(run.tool.driver.version, pkg.version);
  const ruleIds = run.tool.driver.rules.map((rule) => rule.id);
  assert.deepEqual(ruleIds, ['max-skips-mode', 'type', 'unreadable-file', 'window-overlap']);
  const type = run.tool.driver.rules.find((rule) => rule.id === 'type');
  assert.match(type.help.text, /wrong type, e\.g\. priority: 5/);
  assert.equal(type.defaultConfiguration.level, 'error');
  assert.equal(run.tool.driver.rules.find((rule) => rule.id === 'max-skips-mode').defaultConfiguration.level, 'note');

  const priority = run.results.find((res) => res.ruleId === 'type');
  assert.equal(priority.level, 'error');
  assert.equal(run.tool.driver.rules[priority.ruleIndex].id, 'type');
  assert.deepEqual(priority.locations[0].physicalLocation, {
    artifactLocation: { uri: 'test/fixtures/priority-number.campaign.yaml', uriBaseId: 'SRCROOT' },
    region: { startLine: 7, startColumn: 11, endLine: 7, endColumn: 12 },
  });
  assert.equal(run.results.find((res) => res.ruleId === 'window-overlap').level, 'warning');
  assert.equal(run.results.find((res) => res.ruleId === 'max-skips-mode').level, 'note');
  const unreadable = run.results.find((res) => res.ruleId === 'unreadable-file');
  assert.equal(unreadable.locations[0].physicalLocation.region, undefined);
  assert.equal(run.invocations[0].executionSuccessful, false);
  assert.equal(run.originalUriBaseIds.SRCROOT.uri, `file://${ROOT}/`);
  // The check can fail: a level SARIF does not know, or a result without a message.
  const broken = structuredClone(log);
  broken.runs[0].results[0].level = 'fatal';
  delete broken.runs[0].results[1].message;
  assert.equal(validate(broken), false);
});

test('SARIF: every code the validator can produce has its own help text', async () => {
  const { RULE_HELP } = await import('./helpers/rule-help.mjs');
  for (const code of core.RULE_CODES) assert.ok(RULE_HELP.has(code), `no SARIF help for ${code}`);
});

test('SARIF of a clean run is valid and has no results', async () => {
  const r = await runCliWith(['validate', '--format=sarif', 'test/fixtures/valid.campaign.yaml']);
  assert.equal(r.code, 0);
  const log = JSON.parse(r.stdout);
  assert.ok(sarifValidator()(log));
  assert.deepEqual(log.runs[0].results, []);
});

test('github: ::error/::warning/::notice annotations with file, line, col and title; then the summary', async () => {
  const r = await runCliWith(['validate', '--format', 'github', ...MIXED]);
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(
    lines[0],
    '::error file=test/fixtures/priority-number.campaign.yaml,line=7,col=11,endLine=7,endColumn=12,title=kore-campaign type::priority must be a string "1".."5"; found the number 5.',
  );
  assert.ok(lines.some((l) => l.startsWith('::warning file=test/fixtures/windows-overlap.campaign.yaml,line=')));
  assert.ok(lines.some((l) => l.startsWith('::notice file=test/fixtures/max-skips-progressive.campaign.yaml,')));
  assert.equal(lines.at(-1), '3 files checked: 1 error, 1 warning.');
});

test('github is the default under GitHub Actions; an explicit --format wins', async () => {
  const auto = await runCliWith(['validate', 'test/fixtures/priority-number.campaign.yaml'], { env: { GITHUB_ACTIONS: 'true' } });
  assert.match(auto.stdout, /^::error file=test\/fixtures\/priority-number\.campaign\.yaml,line=7,col=11,/);
  const text = await runCliWith(['validate', '--format', 'text', 'test/fixtures/priority-number.campaign.yaml'], {
    env: { GITHUB_ACTIONS: 'true' },
  });
  assert.match(text.stdout, /^test\/fixtures\/priority-number\.campaign\.yaml:7:11 error/);
  const local = await runCliWith(['validate', 'test/fixtures/priority-number.campaign.yaml']);
  assert.match(local.stdout, /^test\/fixtures\/priority-number\.campaign\.yaml:7:11 error/);
});

test('github: messages and properties are escaped (%, newlines, commas, colons)', async () => {
  const r = await runCliWith(['validate', '--format', 'github', '--stdin-filename', 'a,b:c.campaign.yaml', '-'], { input: 'name: [\n' });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^::error file=a%2Cb%3Ac\.campaign\.yaml,line=/m);
  assert.doesNotMatch(r.stdout.split('\n')[0], /file=a,b/);
});

test('--quiet reports errors only; --max-warnings fails on too many warnings', async () => {
  const quiet = await runCliWith(['validate', '-q', ...MIXED]);
  assert.equal(quiet.code, 1);
  assert.doesNotMatch(quiet.stdout, / warning | hint /);
  assert.match(quiet.stdout, /3 files checked: 1 error, 0 warnings\./);

  const overlap = 'test/fixtures/windows-overlap.campaign.yaml';
  assert.equal((await runCliWith(['validate', overlap])).code, 0);
  const strict = await runCliWith(['validate', '--max-warnings', '0', overlap]);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /1 warning, more than --max-warnings 0/);
  assert.equal((await runCliWith(['validate', '--max-warnings=1', overlap])).code, 0);
  const bad = await runCliWith(['validate', '--max-warnings', 'lots', overlap]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--max-warnings takes a whole number/);
});
