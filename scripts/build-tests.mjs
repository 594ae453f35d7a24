// Bundles the in-editor test suite: test/suite/*.ts -> dist/test/suite/*.js.
// `vscode` and `mocha` stay external (the extension host provides `vscode`; mocha is
// resolved from node_modules). The sandbox library (platform/src/sandbox) is bundled
// when it exists; until then a stub makes the push tests pend instead of breaking the build.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entryPoints = fs.readdirSync(path.join(root, 'test/suite'))
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => path.join(root, 'test/suite', f));

const sandboxCandidates = ['platform/src/sandbox/index.ts', 'platform/src/sandbox/sandbox.ts', 'platform/src/sandbox.ts'];
const sandboxEntry = sandboxCandidates.map((p) => path.join(root, p)).find((p) => fs.existsSync(p));

/** `import ... from 'kore-sandbox'` -> the real sandbox or a stub. */
const sandboxAlias = {
  name: 'kore-sandbox',
  setup(build) {
    build.onResolve({ filter: /^kore-sandbox$/ }, () =>
      sandboxEntry ? { path: sandboxEntry } : { path: 'kore-sandbox-stub', namespace: 'stub' });
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export const startSandbox = undefined; export const SANDBOX_MISSING = true;',
      loader: 'js',
    }));
  },
};

fs.rmSync(path.join(root, 'dist/test'), { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir: path.join(root, 'dist/test/suite'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
  external: ['vscode', 'mocha'],
  plugins: [sandboxAlias],
});
console.log(`test bundle: ${entryPoints.length} files -> dist/test/suite/ (sandbox: ${sandboxEntry ? path.relative(root, sandboxEntry) : 'stub'})`);
