// The TextMate grammar, tokenized as VS Code does (vscode-textmate + oniguruma) on top of VS
// Code's own YAML grammar: known keys and enum values are marked, unknown ones are plain YAML,
// and nothing valid turns "invalid".
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers/lsp-client.mjs';
import { authoringFixture, schema } from './helpers/authoring.mjs';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const KNOWN_KEY = 'support.type.property-name.known.kore-campaign';
const ENUM = 'constant.language.enum.kore-campaign';
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contribution = manifest.contributes.grammars.find((g) => g.language === 'kore-campaign');
const YAML_DIR = path.join(ROOT, 'test', 'fixtures', 'grammars', 'vscode-yaml');

let grammar;
before(async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  const files = { [contribution.scopeName]: path.join(ROOT, contribution.path) };
  for (const name of readdirSync(YAML_DIR).filter((n) => n.endsWith('.json'))) {
    files[JSON.parse(readFileSync(path.join(YAML_DIR, name), 'utf8')).scopeName] = path.join(YAML_DIR, name);
  }
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s) => new oniguruma.OnigScanner(s),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => (files[scope] ? vsctm.parseRawGrammar(readFileSync(files[scope], 'utf8'), files[scope]) : null),
  });
  grammar = await registry.loadGrammar(contribution.scopeName);
});

/** Every token of `text` as {line, text, scopes}. */
function tokenize(text) {
  const out = [];
  let state = vsctm.INITIAL;
  text.split('\n').forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) out.push({ line: index, text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    state = result.ruleStack;
  });
  return out;
}

const scopesOf = (tokens, text, line) => tokens.find((t) => t.text === text && (line === undefined || t.line === line))?.scopes ?? [];

test("the manifest's grammar is the one generated from the schema (scripts/build-grammar.mjs --check)", () => {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-grammar.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const json = JSON.parse(readFileSync(path.join(ROOT, contribution.path), 'utf8'));
  assert.equal(json.scopeName, 'source.kore-campaign');
  assert.deepEqual(json.patterns, [{ include: 'source.yaml' }], "YAML itself is YAML's grammar");
});

test('every key the schema knows is marked as known, at any depth', () => {
  const text = authoringFixture('complete.campaign.yaml');
  const tokens = tokenize(text);
  const keys = new Set();
  const collect = (node) => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      keys.add(name);
      collect(child);
    }
    if (node.items) collect(node.items);
  };
  collect(schema);
  for (const key of keys) {
    if (!new RegExp(`\\b${key}:`).test(text)) continue;
    assert.ok(scopesOf(tokens, key).includes(KNOWN_KEY), `${key}: ${scopesOf(tokens, key).join(' ')}`);
  }
  assert.ok(scopesOf(tokens, 'name').includes('entity.name.tag.yaml'), 'still a YAML key for themes without the finer scope');
});

test('unknown keys and wrong-case values keep plain YAML scopes, so they stand out', () => {
  const tokens = tokenize(authoringFixture('fixable.campaign.yaml'));
  const unknown = scopesOf(tokens, 'queue-name');
  assert.ok(unknown.includes('entity.name.tag.yaml') && !unknown.includes(KNOWN_KEY), unknown.join(' '));
  assert.ok(!scopesOf(tokens, 'preview').includes(ENUM), 'preview (wrong case) is not a known value');
  assert.ok(!scopesOf(tokens, 'weekly').includes(ENUM));
  assert.ok(!scopesOf(tokens, '5').includes(ENUM), 'a bare 5 is the wrong type for priority');
  assert.ok(scopesOf(tokens, 'dialingMode').includes(KNOWN_KEY), 'the key is known even when its value is wrong');
});

test('known enum values are marked: plain, quoted, in every enum field', () => {
  const text = authoringFixture('complete.campaign.yaml');
  const tokens = tokenize(text);
  for (const value of ['Preview', 'WEEKLY', 'MO', 'TU', 'FIFO', 'voice']) assert.ok(scopesOf(tokens, value).includes(ENUM), value);
  const priority = scopesOf(
    tokens,
    '4',
    text.split('\n').findIndex((l) => l.startsWith('priority')),
  );
  assert.ok(priority.includes(ENUM) && priority.includes('string.quoted.double.yaml'), priority.join(' '));
  assert.ok(
    scopesOf(tokens, 'Renewals')
      .slice(1)
      .every((s) => !s.includes('kore-campaign')),
    "free text is YAML's",
  );
});

test('valid campaign files (block and flow style, comments first or not) tokenize with no invalid scope', () => {
  const files = [
    ['complete', authoringFixture('complete.campaign.yaml')],
    ['flow', authoringFixture('flow-days.campaign.yaml')],
    ['example', readFileSync(path.join(ROOT, 'examples', 'billing-reminder.campaign.yaml'), 'utf8')],
    ['no leading comment', authoringFixture('complete.campaign.yaml').replace(/^#.*\n/, '')],
  ];
  for (const [name, text] of files) {
    const invalid = tokenize(text).filter((t) => t.scopes.some((s) => s.startsWith('invalid')));
    assert.deepEqual(
      invalid.map((t) => `${t.line + 1}: ${t.text}`),
      [],
      name,
    );
  }
  // In flow mappings the keys are marked and YAML still reads the commas.
  const flow = tokenize(authoringFixture('flow-days.campaign.yaml'));
  assert.ok(scopesOf(flow, 'start').includes(KNOWN_KEY));
  assert.ok(scopesOf(flow, ',').includes('punctuation.separator.mapping.yaml'));
});

test('comments and strings are never marked, even when they contain a key', () => {
  const tokens = tokenize('# name: not a key\nname: "priority: 5" # dialingMode: Preview\n');
  const marked = tokens.filter((t) => t.scopes.slice(1).some((s) => s.includes('kore-campaign')));
  assert.deepEqual(
    marked.map((t) => t.text),
    ['name'],
  );
});
