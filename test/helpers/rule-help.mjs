// The SARIF rule help, read from the built CLI's source of truth through a tiny esbuild bundle.
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { ROOT } from './lsp-client.mjs';

const built = await esbuild.build({
  entryPoints: [path.join(ROOT, 'cli', 'src', 'formats', 'ruleHelp.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'silent',
});
const mod = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
export const RULE_HELP = new Map(Object.entries(mod.RULE_HELP));
