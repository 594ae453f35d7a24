// esbuild plugin: the module `calling-hours-view` is the calling-hours preview's webview script
// (client/src/callingHours/view/main.ts, bundled for the browser with no Node built-in) and its
// style sheet, as text. The preview inlines both in its page under a nonce
// (client/src/callingHours/html.ts), so the webview loads no file at all.
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { noNodeBuiltinsPlugin } from './no-node-builtins.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VIEW = path.join(ROOT, 'client', 'src', 'callingHours', 'view');

export function callingHoursViewPlugin({ production }) {
  return {
    name: 'calling-hours-view',
    setup(build) {
      build.onResolve({ filter: /^calling-hours-view$/ }, () => ({ path: 'calling-hours-view', namespace: 'calling-hours-view' }));
      build.onLoad({ filter: /.*/, namespace: 'calling-hours-view' }, async () => {
        const result = await esbuild.build({
          entryPoints: [path.join(VIEW, 'main.ts')],
          bundle: true,
          write: false,
          format: 'iife',
          platform: 'browser',
          target: 'es2022',
          minify: production,
          legalComments: 'none',
          metafile: true,
          logLevel: 'silent',
          plugins: [noNodeBuiltinsPlugin],
        });
        const stylePath = path.join(VIEW, 'style.css');
        const style = (await esbuild.transform(await readFile(stylePath, 'utf8'), { loader: 'css', minify: production })).code;
        return {
          contents: [
            `export const script = ${JSON.stringify(result.outputFiles[0].text)};`,
            `export const style = ${JSON.stringify(style)};`,
          ].join('\n'),
          loader: 'js',
          // So `--watch` rebuilds the preview when its page changes.
          watchFiles: [...Object.keys(result.metafile.inputs).map((input) => path.resolve(ROOT, input)), stylePath],
        };
      });
    },
  };
}
