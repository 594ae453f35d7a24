// Lint: the layer boundaries (scripts/lint/layers.mjs, docs/architecture.md). Syntax only,
// no type information, so it stays fast enough to run on every `npm test`.
import tseslint from 'typescript-eslint';
import { layersRule } from './scripts/lint/layers.mjs';

export default [
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/**', 'bench/**', '.vscode-test/**'] },
  {
    files: ['{core,platform,sandbox,server,cli,client}/src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { layers: { rules: { boundaries: layersRule } } },
    rules: { 'layers/boundaries': 'error' },
  },
];
