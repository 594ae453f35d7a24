// The preview's page: the webview script and style inlined, each allowed by a nonce of this
// page only. `default-src 'none'` forbids everything else (no remote content, no files, no
// fetch), so the page can only draw what the host posts to it.
/// <reference path="./viewModule.d.ts" />
import { script, style } from 'calling-hours-view';

export function previewHtml(nonce: string): string {
  // Inlined text ending the element early would let page content run as script.
  const safeScript = script.replace(/<\/(script)/gi, '<\\/$1');
  const safeStyle = style.replace(/<\/(style)/gi, '<\\/$1');
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Calling Hours</title>
<style nonce="${nonce}">${safeStyle}</style>
</head>
<body>
<main id="app"><p class="loading">Drawing the calling hours…</p></main>
<script nonce="${nonce}">${safeScript}</script>
</body>
</html>`;
}

/** 32 random hex digits: a nonce for each page (Web Crypto, in Node and in the browser alike). */
export function makeNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
