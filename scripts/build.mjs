// One build for every entry point: the extension client, the language server and the CLI, and
// the same client and server for a web worker (dist/web/: vscode.dev, github.dev).
// `--production` minifies and drops sourcemaps; `--watch` rebuilds on change; `--outdir DIR`
// writes to DIR instead of dist/ (the bundle-size test builds into a temporary folder).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { callingHoursViewPlugin } from './lib/calling-hours-view.mjs';
import { campaignValidatorPlugin } from './lib/campaign-validator.mjs';
import { noNodeBuiltinsPlugin } from './lib/no-node-builtins.mjs';
import { repositoryBase } from './lib/repository.mjs';
import { yamlPlugin } from './lib/yaml-plugin.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Packing (npm pack/publish runs prepack, then prepare) always ships the production build.
const production = process.argv.includes('--production') || ['pack', 'publish'].includes(process.env.npm_command ?? '');
const watch = process.argv.includes('--watch');
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag === -1 ? 'dist' : process.argv[outdirFlag + 1];

// The version and home page from package.json, the one place they are written (the address from
// its repository.url, scripts/lib/repository.mjs): the CLI's --version and SARIF tool metadata
// (cli/src/version.ts), the language server's serverInfo and start line (server/src/languageServer.ts).
const packageFacts = {
  KORE_CAMPAIGN_VERSION: JSON.stringify(pkg.version),
  KORE_CAMPAIGN_HOMEPAGE: JSON.stringify(repositoryBase(pkg)),
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  // ESM dependencies (tinyglobby's fdir) read import.meta.url, which CommonJS output lacks.
  define: {
    'import.meta.url': '__importMetaUrl',
    ...packageFacts,
  },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  // The schema validator is generated code, not compiled when the server starts; yaml's parser
  // is rewritten to cost less per token (scripts/lib/yaml-plugin.mjs). The calling-hours preview's
  // page is built into the push engines as text (scripts/lib/calling-hours-view.mjs).
  plugins: [campaignValidatorPlugin, yamlPlugin({ node: true }), callingHoursViewPlugin({ production })],
};

const entries = [
  // The extension is three bundles so activation loads only the first (see client/src/lazyBundle.ts).
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['client/src/languageClient.ts'], outfile: 'dist/languageClient.js', external: ['vscode'] },
  { entryPoints: ['client/src/engine/desktop.ts'], outfile: 'dist/pushEngine.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js' },
  // The platform client and sandbox as a library, for the Node tests.
  { entryPoints: ['platform/src/index.ts'], outfile: 'dist/platform.js' },
  { entryPoints: ['sandbox/src/index.ts'], outfile: 'dist/sandbox.js' },
  // The pure core as a library, for the tests and the benchmark (not shipped in the .vsix).
  { entryPoints: ['core/src/index.ts'], outfile: 'dist/core.js' },
];

// The browser: no Node built-ins (the plugin fails the build on one), no import.meta shim. The
// extension's bundles are CommonJS functions as VS Code's web worker host runs them; the server is a worker script.
/** @type {import('esbuild').BuildOptions} */
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  define: packageFacts,
  banner: {},
  plugins: [campaignValidatorPlugin, noNodeBuiltinsPlugin, yamlPlugin({ node: false }), callingHoursViewPlugin({ production })],
};
const webEntries = [
  { entryPoints: ['client/src/web/extension.ts'], outfile: 'dist/web/client.js', external: ['vscode'] },
  { entryPoints: ['client/src/web/languageClient.ts'], outfile: 'dist/web/languageClient.js', external: ['vscode'] },
  { entryPoints: ['client/src/engine/index.ts'], outfile: 'dist/web/pushEngine.js', external: ['vscode'] },
  { entryPoints: ['server/src/browserMain.ts'], outfile: 'dist/web/server.js', format: 'iife' },
];

const options = [...entries.map((e) => ({ ...common, ...e })), ...webEntries.map((e) => ({ ...web, ...e }))].map((o) => ({
  ...o,
  outfile: o.outfile.replace(/^dist\//, `${outdir}/`),
}));
const contexts = await Promise.all(options.map((o) => esbuild.context(o)));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
