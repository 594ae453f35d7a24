// Driving code-server's workbench from Playwright, as a user does: the command palette, Quick
// Open, Go to Line, the rendered lines, the status bar. Used by the browser runs (test/e2e,
// test/web); every helper takes the Playwright page.
import { sleep } from './code-server.mjs';

/** Run a command by its palette title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 5_000 });
  await page.keyboard.press('Enter');
}

/** Open a workspace file by name through Quick Open, and wait for its editor. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill(name);
  // Click the matching row (Enter could pick a row from before the filter applied).
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 5_000 });
  await sleep(200);
  await row.click();
  await page.locator(`.tab.active[aria-label*="${name}"], .tab.active:has-text("${name}")`).first().waitFor({ timeout: 5_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Go to 1-based line:column through the "Go to Line" box. */
export async function goTo(page, line, column = 1) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 5_000 });
}

/** The text of a rendered line of the active editor (whitespace normalised by the DOM: nbsp -> space). */
export async function lineText(page, lineNumber) {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
  const texts = await lines.allInnerTexts();
  const tops = await lines.evaluateAll((els) => els.map((e) => parseFloat(e.style.top)));
  const numbers = await page.locator('.editor-group-container.active .monaco-editor .margin-view-overlays .line-numbers').evaluateAll((els) =>
    els.map((e) => ({ n: Number(e.textContent), top: parseFloat(e.parentElement.style.top) })));
  const top = numbers.find((x) => x.n === lineNumber)?.top;
  const i = tops.findIndex((t) => t === top);
  return i >= 0 ? texts[i].replace(/\u00a0/g, ' ') : undefined;
}

export async function waitForLine(page, lineNumber, predicate, what, timeout = 8_000) {
  const until = Date.now() + timeout;
  let last;
  while (Date.now() < until) {
    last = await lineText(page, lineNumber);
    if (last !== undefined && predicate(last)) return last;
    await sleep(150);
  }
  throw new Error(`line ${lineNumber}: ${what}; it reads ${JSON.stringify(last)}`);
}

/** Errors and warnings as the status bar's Problems item counts them. */
export async function problemsCounts(page) {
  const item = page.locator('[id="status.problems"]').first();
  await item.waitFor({ timeout: 5_000 });
  const label = (await item.getAttribute('aria-label')) ?? (await item.innerText());
  const num = (re) => Number((label.match(re) ?? [])[1] ?? 0);
  return { label, errors: num(/(\d+)\s+Errors?/i) || num(/Errors?:\s*(\d+)/i), warnings: num(/(\d+)\s+Warnings?/i) || num(/Warnings?:\s*(\d+)/i) };
}
