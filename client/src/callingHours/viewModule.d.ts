// The webview's script (view/main.ts, bundled for the browser) and style (view/style.css), as
// text: scripts/lib/calling-hours-view.mjs builds them into the bundles that import this module.
declare module 'calling-hours-view' {
  export const script: string;
  export const style: string;
}
