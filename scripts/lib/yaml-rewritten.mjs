// yaml's Parser as the bundles have it (its Lexer and Parser without generators, see
// yaml-generators.mjs), loaded from the same rewrite outside a bundle, beside yaml's own. The
// test of the rewrite and the fuzzer compare the two token for token.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { withoutGenerators } from './yaml-generators.mjs';

const require = createRequire(import.meta.url);

/** `{ Parser, Lexer }` from the rewritten sources, `original` (yaml's own), and the parser's path. */
export function loadRewrittenYamlParser() {
  // yaml's package exports do not list its modules: found beside its main file (dist/index.js).
  const dist = dirname(require.resolve('yaml'));
  const parserPath = join(dist, 'parse', 'parser.js');
  const lexerPath = join(dist, 'parse', 'lexer.js');
  const lexer = evaluate(lexerPath, {});
  const parser = evaluate(parserPath, { './lexer.js': lexer });
  return {
    Parser: parser.Parser,
    Lexer: lexer.Lexer,
    original: { Parser: require(parserPath).Parser, Lexer: require(lexerPath).Lexer },
    resolvedFrom: parserPath,
  };
}

function evaluate(path, overrides) {
  const code = withoutGenerators(readFileSync(path, 'utf8'), path);
  const base = createRequire(path);
  const module = { exports: {} };
  const requireHere = (id) => overrides[id] ?? base(id);
  new Function('require', 'module', 'exports', code)(requireHere, module, module.exports);
  return module.exports;
}

/**
 * Where the rewritten parser's tokens for `text` first differ from yaml's (a path into the
 * tokens), or undefined when they are the same. yaml's own parser can run out of stack where
 * the rewrite does not (its generators nest deeper): then nothing is compared.
 */
export function parserDifference(yaml, text) {
  let original;
  try {
    original = Array.from(new yaml.original.Parser().parse(text));
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  return tokensDifference(new yaml.Parser().parse(text), original);
}

/** Where two token trees first differ (a path), or undefined; without recursion (hostile input nests thousands deep). */
export function tokensDifference(a, b) {
  const stack = [[a, b, 'tokens']];
  while (stack.length) {
    const [x, y, where] = stack.pop();
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || Array.isArray(x) !== Array.isArray(y)) return where;
    const keysX = Object.keys(x);
    const keysY = Object.keys(y);
    if (keysX.length !== keysY.length || keysX.some((key, i) => key !== keysY[i])) return where;
    for (let i = keysX.length - 1; i >= 0; i--) stack.push([x[keysX[i]], y[keysX[i]], `${where}.${keysX[i]}`]);
  }
  return undefined;
}
