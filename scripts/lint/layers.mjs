// The layer rule: which top-level folder may import which, and which packages each may use.
// A relative import is resolved against the importing file, so `./server` inside sandbox/src
// is the sandbox's own module while `../../server/src` from core is the language server.
// The table is documented in docs/architecture.md.
import { builtinModules } from 'node:module';
import * as path from 'node:path';

/**
 * The layers, bottom up; `imports` lists the other layers (and `schemas/`, the API's fields as
 * JSON Schema) each may reach. The sandbox reaches none: it is the platform's test double, an
 * independent reading of the spec, so a test against it can catch the product misreading it.
 */
export const LAYERS = {
  core: { imports: ['schemas'], forbid: ['vscode', 'lsp', 'node'] },
  platform: { imports: [], forbid: ['vscode', 'lsp'] },
  sandbox: { imports: [], forbid: ['vscode', 'lsp'] },
  server: { imports: ['core'], forbid: ['vscode'] },
  cli: { imports: ['core', 'platform', 'sandbox'], forbid: ['vscode', 'lsp'] },
  client: { imports: ['core', 'platform', 'sandbox'], forbid: [] },
};

const PACKAGE_KINDS = {
  vscode: { test: (source) => source === 'vscode', what: 'the VS Code API (vscode)' },
  lsp: { test: (source) => /^vscode-language(server|client)(-|\/|$)/.test(source), what: 'an LSP package' },
  node: {
    test: (source) => source.startsWith('node:') || builtinModules.includes(source.split('/')[0]),
    what: 'Node built-ins (I/O belongs to the callers)',
  },
};

/** Folders that are imported but hold no code of a layer: only the layers that list them may import them. */
const DATA_FOLDERS = ['schemas'];

/** The layer (or data folder, with `targets`) a file belongs to. */
function layerOf(root, file, targets = false) {
  const relative = path.relative(root, file).split(path.sep);
  if (relative.length < 2) return undefined;
  if (relative[0] in LAYERS || (targets && DATA_FOLDERS.includes(relative[0]))) return relative[0];
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the layers apart: core, platform, sandbox, server, cli, client (docs/architecture.md).' },
    schema: [],
    messages: {
      layer: '{{from}} may not import {{to}} ({{source}}): {{from}} may import {{allowed}}. See docs/architecture.md.',
      package: '{{from}} may not import {{what}} ({{source}}). See docs/architecture.md.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = layerOf(root, file);
    if (!from) return {};
    const rules = LAYERS[from];
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const to = layerOf(root, path.resolve(path.dirname(file), source), true);
        if (to && to !== from && !rules.imports.includes(to)) {
          const allowed = rules.imports.length ? rules.imports.join(', ') : 'nothing internal';
          context.report({ node, messageId: 'layer', data: { from, to, source, allowed } });
        }
        return;
      }
      for (const kind of rules.forbid) {
        if (PACKAGE_KINDS[kind].test(source))
          context.report({ node, messageId: 'package', data: { from, what: PACKAGE_KINDS[kind].what, source } });
      }
    };
    const fromSource = (node) => check(node.source, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node.source, node.source.type === 'Literal' ? node.source.value : undefined),
      // `import('node:fs').Dirent` in a type, and `import x = require('...')`.
      TSImportType: (node) => check(node, node.argument?.literal?.value ?? node.source?.value),
      TSExternalModuleReference: (node) => check(node.expression, node.expression.value),
    };
  },
};
