// Size budgets of the browser bundles (minified, production build), checked by
// test/web-bundles.test.mjs and printed by the benchmark (bench/run.mjs) beside the desktop sizes.
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** Bytes (KB = 1024 bytes, as the .vsix figure), per file under the build's output folder. */
export const WEB_BUNDLE_BUDGETS = {
  // What vscode.dev loads when a campaign file opens; the rest loads after activation returns.
  'web/client.js': 50 * 1024,
  // The language server's web worker: the core, yaml, the schema validator, the time zones.
  'web/server.js': 600 * 1024,
};

/** The extension's bundles, desktop and web, as [file, bytes, budget?] rows. */
export const SHIPPED_BUNDLES = [
  'client.js',
  'languageClient.js',
  'pushEngine.js',
  'server.js',
  'web/client.js',
  'web/languageClient.js',
  'web/pushEngine.js',
  'web/server.js',
];

export function bundleSizes(outdir) {
  return SHIPPED_BUNDLES.filter((file) => existsSync(path.join(outdir, file))).map((file) => ({
    file,
    bytes: statSync(path.join(outdir, file)).size,
    budget: WEB_BUNDLE_BUDGETS[file],
  }));
}
