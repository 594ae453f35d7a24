// yaml's Lexer and Parser as the bundles carry them: rewritten at build time without their
// generators (scripts/lib/yaml-generators.mjs), which made a large file's parse about twice as
// fast. The rewrite must produce yaml's own tokens, in the same order, on any text: checked here
// on every fixture, on generated large files, on thousands of seeded mutations, and on input
// fed in pieces; the fuzzer compares the two on every input of a long run too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers/lsp-client.mjs';
import { loadCorpus, makeInput } from '../scripts/lib/fuzz-mutate.mjs';
import { loadRewrittenYamlParser, parserDifference, tokensDifference } from '../scripts/lib/yaml-rewritten.mjs';
import { withoutGenerators } from '../scripts/lib/yaml-generators.mjs';

const yaml = loadRewrittenYamlParser();

/** Tokens and line starts from both parsers; `pieces` feeds the text in parts, as yaml's streaming API allows. */
function parseBoth(text, pieces = [text]) {
  const run = (Parser, collect) => {
    const lines = [];
    const parser = new Parser((offset) => lines.push(offset));
    const tokens = [];
    pieces.forEach((piece, i) => tokens.push(...collect(parser.parse(piece, i < pieces.length - 1))));
    return { tokens, lines };
  };
  return { original: run(yaml.original.Parser, (tokens) => Array.from(tokens)), rewritten: run(yaml.Parser, (tokens) => tokens) };
}

/** Compares the two; false when yaml's own parser ran out of stack (its generators nest deeper than the rewrite's calls). */
function assertSameTokens(text, label, pieces) {
  let both;
  try {
    both = parseBoth(text, pieces);
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
  const { original, rewritten } = both;
  assert.equal(tokensDifference(rewritten.tokens, original.tokens), undefined, `tokens differ for ${label}`);
  assert.deepEqual(rewritten.lines, original.lines, `line starts differ for ${label}`);
  return true;
}

function campaignFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(dir, name));
}

test("the bundles carry yaml's parser without generators", () => {
  for (const bundle of ['dist/core.js', 'dist/server.js', 'dist/cli.js', 'dist/web/server.js']) {
    const code = readFileSync(path.join(ROOT, bundle), 'utf8');
    assert.match(code, /__emit\(/, `${bundle} has the rewritten parser`);
    assert.doesNotMatch(code, /\*\s*(lex|parseNext|blockMap)\s*\(/, `${bundle} has no generator left in yaml's lexer or parser`);
  }
});

test("the rewritten parser gives yaml's own tokens on every fixture", () => {
  const files = [...campaignFiles(path.join(ROOT, 'test', 'fixtures')), ...campaignFiles(path.join(ROOT, 'examples'))];
  assert.ok(files.length > 50, `${files.length} fixtures`);
  const compared = files.filter((file) => assertSameTokens(readFileSync(file, 'utf8'), path.relative(ROOT, file)));
  assert.equal(compared.length, files.length);
});

test("the rewritten parser gives yaml's own tokens on large generated files", () => {
  const window = (i) =>
    `      - day: ${['MO', 'TU', 'WE'][i % 3]}\n        start: ${1 + (i % 11)}:00 AM\n        end: "${2 + (i % 9)}:30 PM"   # window ${i}\n`;
  const days = `name: Large\ndialingStrategy:\n  callingHours:\n    days:\n${Array.from({ length: 5000 }, (_, i) => window(i)).join('')}`;
  const mixed = Array.from(
    { length: 2000 },
    (_, i) =>
      [
        `k${i}: v`,
        `- [a, {b: c}, "d\\"e"]`,
        `? complex\n: value`,
        `&a${i} x: *a${i}`,
        `block: |\n  text ${i}\n\n  more`,
        `'it''s': >-\n  folded\n`,
        '---',
        '...',
        '%YAML 1.2',
        '\t- tab',
        '"unclosed',
        '[open',
      ][i % 12],
  ).join('\n');
  for (const [label, text] of [
    ['5,000 windows', days],
    ['a mixture of every construct, broken ones too', mixed],
  ])
    assert.ok(assertSameTokens(text, label), label);
});

test("the rewritten parser gives yaml's own tokens on 3,000 seeded mutations", () => {
  const corpus = loadCorpus(ROOT);
  let compared = 0;
  for (let index = 0; index < 3000; index++) {
    const { text } = makeInput(corpus, 11, index, 16_384);
    if (assertSameTokens(text, `mutation ${index} of seed 11`)) compared++;
  }
  // A few inputs nest thousands deep: yaml's own parser overflows the stack there (the core's limits refuse them first).
  assert.ok(compared > 2900, `${compared} of 3,000 compared`);
});

test("fed in pieces (yaml's streaming use), the rewritten parser still matches yaml's", () => {
  const text = readFileSync(path.join(ROOT, 'test', 'fixtures', 'api-sample-request.campaign.yaml'), 'utf8');
  for (const size of [1, 7, 64]) {
    const pieces = [];
    for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
    assert.ok(assertSameTokens(text, `pieces of ${size}`, [...pieces, '']));
  }
});

test("the rewrite fails the build when yaml's parser changes shape", () => {
  const dist = path.dirname(yaml.resolvedFrom);
  const parser = readFileSync(path.join(dist, 'parser.js'), 'utf8');
  // Without the loop over the lexer's tokens the parser would read nothing: refused, not built.
  const changed = parser.replace(/for \(const lexeme of this\.lexer\.lex\(source, incomplete\)\)/, 'for (const lexeme of [])');
  assert.notEqual(changed, parser);
  assert.throws(() => withoutGenerators(changed, 'parser.js'), /no longer has the shape this rewrite expects/);
});

test("the fuzzer's comparison of the two parsers finds a difference, and where", () => {
  const shifted = {
    original: yaml.original,
    Parser: class {
      parse(text) {
        const tokens = new yaml.Parser().parse(text);
        tokens[0].value.items[1].key.offset += 1;
        return tokens;
      }
    },
  };
  assert.equal(parserDifference(yaml, 'a: 1\nb: 2\n'), undefined);
  assert.equal(parserDifference(shifted, 'a: 1\nb: 2\n'), 'tokens.0.value.items.1.key.offset');
});
