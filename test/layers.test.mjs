// The layer boundaries are enforced by `npm run lint`: an import across a boundary, planted in
// a temporary copy of the layout, fails ESLint with the rule's message; the real tree passes,
// has no import cycle, and docs/architecture.md states the same rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers/lsp-client.mjs';
import { tempDir } from './helpers/fixtures.mjs';

const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

/** Run ESLint in `cwd`; `problems` as `file:line:column: message [rule]`, relative to `cwd`. */
function eslint(cwd, ...args) {
  const result = spawnSync(process.execPath, [ESLINT, '--format', 'json', ...args], { cwd, encoding: 'utf8' });
  let problems = [];
  try {
    problems = JSON.parse(result.stdout).flatMap((file) =>
      file.messages.map((m) => `${path.relative(cwd, file.filePath)}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`),
    );
  } catch {
    // Not JSON: ESLint itself failed; the exit code and stderr say why.
  }
  return { code: result.status, output: `${problems.join('\n')}${result.stderr}` };
}

/** The lint configuration and one file per layer, each importing only what it may. */
function layout() {
  const dir = tempDir('kore-layers-');
  cpSync(path.join(ROOT, 'eslint.config.mjs'), path.join(dir, 'eslint.config.mjs'));
  cpSync(path.join(ROOT, 'scripts', 'lint'), path.join(dir, 'scripts', 'lint'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const files = {
    'core/src/index.ts': "import schema from '../../schemas/campaign.schema.json';\nexport const core = schema;\n",
    'schemas/campaign.schema.json': '{}\n',
    'platform/src/index.ts': "import * as http from 'node:http';\nexport const platform = http;\n",
    'sandbox/src/index.ts': "export * from './server';\nimport { jwtVerify } from 'jose';\nexport const sandbox = jwtVerify;\n",
    'sandbox/src/server.ts': 'export const server = 1;\n',
    'server/src/server.ts':
      "import { core } from '../../core/src';\nimport type { Connection } from 'vscode-languageserver/node';\nexport const server: [number, Connection?] = [core];\n",
    'cli/src/main.ts': "import { sandbox } from '../../sandbox/src';\nexport const cli = sandbox;\n",
    'client/src/extension.ts':
      "import * as vscode from 'vscode';\nimport { sandbox } from '../../sandbox/src';\nexport const client = [vscode, sandbox];\n",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function plant(dir, file, text) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

test('the copied layout lints clean: each layer imports only what it may', () => {
  const { code, output } = eslint(layout(), '.');
  assert.equal(code, 0, output);
});

test('a cross-layer import fails lint, naming both layers and what is allowed', () => {
  const cases = [
    [
      'core/src/rules/planted.ts',
      "import { server } from '../../../server/src/server';\nexport const x = server;\n",
      /core\/src\/rules\/planted\.ts:1:24: core may not import server \(\.\.\/\.\.\/\.\.\/server\/src\/server\): core may import schemas\./,
    ],
    [
      'platform/src/planted.ts',
      "export { core } from '../../core/src';\n",
      /platform may not import core \(\.\.\/\.\.\/core\/src\): platform may import nothing internal\./,
    ],
    [
      'server/src/planted.ts',
      "export type { Sandbox } from '../../sandbox/src';\n",
      /server may not import sandbox \(\.\.\/\.\.\/sandbox\/src\): server may import core\./,
    ],
    [
      'sandbox/src/planted.ts',
      "export const lazy = () => import('../../cli/src/main');\n",
      /sandbox may not import cli \(\.\.\/\.\.\/cli\/src\/main\): sandbox may import nothing internal\./,
    ],
    // The platform's test double reads the spec on its own: not the product's validator, schema or client.
    [
      'sandbox/src/plantedCore.ts',
      "export { validateText } from '../../core/src';\n",
      /sandbox may not import core \(\.\.\/\.\.\/core\/src\)/,
    ],
    [
      'sandbox/src/plantedSchema.ts',
      "import schema from '../../schemas/campaign.schema.json';\nexport const s = schema;\n",
      /sandbox may not import schemas \(\.\.\/\.\.\/schemas\/campaign\.schema\.json\)/,
    ],
    [
      'sandbox/src/plantedPlatform.ts',
      "export type { Connection } from '../../platform/src/connection';\n",
      /sandbox may not import platform \(\.\.\/\.\.\/platform\/src\/connection\)/,
    ],
    [
      'platform/src/plantedSchema.ts',
      "import schema from '../../schemas/campaign.schema.json';\nexport const s = schema;\n",
      /platform may not import schemas \(\.\.\/\.\.\/schemas\/campaign\.schema\.json\)/,
    ],
    [
      'core/src/plantedNode.ts',
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      /core may not import Node built-ins \(I\/O belongs to the callers\) \(node:fs\)/,
    ],
    ['core/src/plantedVscode.ts', "export type Uri = import('vscode').Uri;\n", /core may not import the VS Code API \(vscode\) \(vscode\)/],
    [
      'core/src/plantedLsp.ts',
      "import type { Diagnostic } from 'vscode-languageserver-types';\nexport type D = Diagnostic;\n",
      /core may not import an LSP package \(vscode-languageserver-types\)/,
    ],
  ];
  // One copy with every plant, linted once (each ESLint start costs seconds); every plant must be reported.
  const dir = layout();
  for (const [file, text] of cases) plant(dir, file, text);
  const { code, output } = eslint(dir, '.');
  assert.equal(code, 1, output);
  for (const [file, , message] of cases) assert.match(output, message, file);
  assert.equal(output.trim().split('\n').length, cases.length, `one problem per plant:\n${output}`);
  assert.ok(
    output
      .trim()
      .split('\n')
      .every((line) => line.endsWith('[layers/boundaries]')),
    output,
  );
});

test("a module of the layer itself is not mistaken for another layer (sandbox/src/server.ts is the sandbox's)", () => {
  const dir = layout();
  plant(dir, 'sandbox/src/nested/deep.ts', "export { server } from '../server';\n");
  const { code, output } = eslint(dir, '.');
  assert.equal(code, 0, output);
});

test('the real tree passes the layer rule', () => {
  const { code, output } = eslint(ROOT, '.');
  assert.equal(code, 0, output);
});

/** Relative static imports (`import`/`export ... from`, type-only included) of every source file. */
function importGraph() {
  const graph = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (full.endsWith('.ts') && !full.endsWith('.d.ts')) graph.set(full, []);
    }
  };
  for (const layer of ['core', 'platform', 'sandbox', 'server', 'cli', 'client']) walk(path.join(ROOT, layer, 'src'));
  for (const [file, targets] of graph) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"](\.[^'"]+)['"]/gm)) {
      const base = path.resolve(path.dirname(file), match[1]);
      const target = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      if (target) targets.push(target);
    }
  }
  return graph;
}

test('no import cycle between modules, type-only imports included (a cycle is a seam in the wrong place)', () => {
  const graph = importGraph();
  assert.ok(graph.size > 50, `the walk found the sources (${graph.size})`);
  const state = new Map();
  const cycles = [];
  const stack = [];
  const visit = (file) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open')
        cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(ROOT, f)).join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  assert.deepEqual(cycles, []);
});

test('docs/architecture.md lists, for each layer, exactly the layers the lint rule lets it import', async () => {
  const { LAYERS } = await import(pathToFileURL(path.join(ROOT, 'scripts', 'lint', 'layers.mjs')).href);
  const doc = readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
  for (const [layer, rules] of Object.entries(LAYERS)) {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${layer}/\` |`));
    assert.ok(row, `a row for ${layer}/`);
    const allowed = row.split('|')[3].trim();
    const listed = allowed === 'nothing' ? [] : [...allowed.matchAll(/`(\w+)`/g)].map((m) => m[1]);
    assert.deepEqual(listed, rules.imports, layer);
  }
});
