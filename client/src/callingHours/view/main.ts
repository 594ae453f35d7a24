// The calling-hours preview's webview script: draws each model the host posts, sends back the
// viewer's zone (this page runs where the user is, whichever machine the extension host is on),
// the clock and week asked for, and a click on a window; after each drawing it reports what it
// drew, read from the page itself (the in-editor tests check it).
import type { ModelMessage, RenderedReport, ViewMessage } from '../protocol';
import { enableGridKeys, focusKey, refocus } from './keyboard';
import { clockName, renderPage } from './page';

declare function acquireVsCodeApi(): { postMessage(message: ViewMessage): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('app')!;
const post = (message: ViewMessage) => vscode.postMessage(message);

function draw(message: ModelMessage): void {
  const focused = focusKey(root);
  root.replaceChildren(
    ...renderPage(message, {
      choose: (choice) => post({ type: 'choose', choice }),
      week: (week) => post({ type: 'week', week }),
      reveal: (range) => post({ type: 'reveal', range }),
    }),
  );
  const grid = root.querySelector<HTMLElement>('.grid');
  if (grid) {
    enableGridKeys(grid);
    refocus(grid, focused);
  }
  post({ type: 'rendered', ...report(message) });
}

function report(message: ModelMessage): RenderedReport {
  const texts = (selector: string) => [...root.querySelectorAll(selector)].map((e) => (e.textContent ?? '').trim());
  return {
    revision: message.revision,
    clock: clockName(message),
    rows: texts('.row .row-label'),
    blocks: [...root.querySelectorAll<HTMLElement>('.block[data-window]')].map((block) => ({
      row: block.closest('.row')?.querySelector('.row-label')?.textContent ?? '',
      text: block.querySelector('.text')?.textContent ?? '',
      label: block.getAttribute('aria-label') ?? '',
      marks: [...block.classList].filter((c) => c !== 'block'),
    })),
    tableRows: root.querySelectorAll('table tbody tr').length,
    notDrawn: texts('.not-drawn li'),
    dst: texts('.dst li'),
  };
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as ModelMessage | undefined;
  if (message?.type === 'model' && message.model) draw(message);
});

post({ type: 'ready', viewerZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
