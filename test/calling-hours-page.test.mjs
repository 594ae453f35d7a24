// The calling-hours preview's page (client/src/callingHours/html.ts) under a strict content
// security policy: nothing but its own inlined script and style, each allowed by a nonce that
// changes with every page; no remote content, no file, no network call, no markup built from text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './helpers/lsp-client.mjs';
import { callingHoursViewPlugin } from '../scripts/lib/calling-hours-view.mjs';

async function loadPage() {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'client', 'src', 'callingHours', 'html.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
    plugins: [callingHoursViewPlugin({ production: true })],
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

test("the page allows only its own nonce'd script and style: default-src 'none'", async () => {
  const { previewHtml, makeNonce } = await loadPage();
  const nonce = makeNonce();
  assert.match(nonce, /^[0-9a-f]{32}$/);
  assert.notEqual(makeNonce(), nonce, 'a nonce per page');
  const html = previewHtml(nonce);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.equal(csp, `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1].trim());
  const styles = [...html.matchAll(/<style\b([^>]*)>/g)].map((m) => m[1].trim());
  assert.deepEqual(scripts, [`nonce="${nonce}"`], 'one inline script, with the nonce, loading nothing');
  assert.deepEqual(styles, [`nonce="${nonce}"`]);
  // The page around them loads nothing either: no src, href or url().
  const shell = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '');
  assert.doesNotMatch(shell, /\b(src|href)=|url\(|https?:/i);
  assert.doesNotMatch(shell, /\sstyle=|\son\w+=/i, 'no inline style or event attributes (the policy would refuse them)');
});

test('the inlined script and style reach for nothing outside the page and build no markup from text', async () => {
  const { previewHtml } = await loadPage();
  const html = previewHtml('0'.repeat(32));
  const script = /<script[^>]*>([\s\S]*?)<\/script>/.exec(html)[1];
  const style = /<style[^>]*>([\s\S]*?)<\/style>/.exec(html)[1];
  for (const api of [
    /\bfetch\(/,
    /XMLHttpRequest/,
    /\beval\(/,
    /new Function/,
    /innerHTML/,
    /outerHTML/,
    /insertAdjacentHTML/,
    /document\.write/,
  ])
    assert.doesNotMatch(script, api);
  assert.match(script, /acquireVsCodeApi/);
  assert.doesNotMatch(style, /url\(|@import/);
  // The style follows the editor's theme through VS Code's variables, high contrast included.
  for (const variable of ['--vscode-editor-background', '--vscode-button-background', '--vscode-focusBorder', '--vscode-contrastBorder'])
    assert.ok(style.includes(variable), variable);
  assert.match(style, /body\.vscode-high-contrast/);
  // Nothing in the inlined text can end its element early.
  assert.equal(html.match(/<\/script>/g).length, 1);
  assert.equal(html.match(/<\/style>/g).length, 1);
});
