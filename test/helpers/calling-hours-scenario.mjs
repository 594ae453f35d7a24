// Preview Calling Hours as a user meets it in the workbench, the same in both browser runs
// (test/e2e: the Node extension host; test/web: the web worker host): the editor title button,
// the week drawn in the webview, the clock switch, the keyboard, a click that puts the cursor on
// the window, and the picture in a theme. `run` is { page, outDir, workbench, lineOf }.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sleep } from '../../scripts/lib/code-server.mjs';

/** The example the preview is shown with: the valid one plus an overlap and two windows outside the 8 AM-9 PM band. */
export const HOURS_FILE = 'weekend-shifts.campaign.yaml';

export function writeHoursExample(workspace, valid) {
  const text = fs.readFileSync(path.join(workspace, valid), 'utf8');
  const extra = [
    '      - { day: TU, start: "5:00 PM", end: "8:00 PM" }',
    '      - { day: SA, start: "7:00 AM", end: "1:00 PM" }',
    '      - { day: SU, start: "7:00 PM", end: "11:00 PM" }',
  ].join('\n');
  const shifted = text.replace(/(\n\s*- \{ day: FR[^\n]*)/, `$1\n${extra}`).replace(/^name: .*$/m, 'name: Weekend Shifts');
  if (shifted === text) throw new Error(`${valid} has no FR window to add the weekend after`);
  fs.writeFileSync(path.join(workspace, HOURS_FILE), shifted);
}

/** The webview's own page: code-server puts it in an iframe inside the webview host's iframe. */
export function previewPage(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

/** The file open, the editor title button clicked: the preview beside it, drawn. */
export async function openPreview(run) {
  const { page, workbench } = run;
  await workbench.openFile(HOURS_FILE);
  const button = page.locator('.editor-actions .action-label[aria-label^="Preview Calling Hours"]').first();
  await button.waitFor({ timeout: 10_000 });
  await button.click();
  await page
    .locator('.tab', { hasText: `Calling Hours: ${HOURS_FILE}` })
    .first()
    .waitFor({ timeout: 10_000 });
  const view = previewPage(page);
  await view.locator('.block').first().waitFor({ timeout: 20_000 });
  return view;
}

const blockTexts = async (view) => (await view.locator('.block .text').allInnerTexts()).map((t) => t.trim());

/** The cursor's line as the status bar says (`Ln 27, Col 9`). */
async function cursorLine(page) {
  const text = await page.locator('[id="status.editor.selection"]').first().innerText();
  return Number(/Ln (\d+)/.exec(text)?.[1]);
}

async function waitForCursorLine(page, line, what) {
  const until = Date.now() + 8_000;
  let last;
  while (Date.now() < until) {
    last = await cursorLine(page).catch(() => undefined);
    if (last === line) return;
    await sleep(150);
  }
  throw new Error(`${what}: the cursor should be on line ${line}; the status bar says line ${last}`);
}

/** What the grid shows, the clock switch to UTC and back, the keyboard, a click to the file. */
export async function previewScenario(run) {
  const { page, lineOf } = run;
  const view = await openPreview(run);
  const texts = await blockTexts(view);
  for (const expected of ['9:00 AM–6:00 PM', '⚠ 5:00 PM–8:00 PM', '7:00 AM–1:00 PM', '7:00 PM–11:00 PM'])
    if (!texts.includes(expected)) throw new Error(`the grid should show ${expected}; it shows ${texts.join(' | ')}`);
  if ((await view.locator('.row').count()) !== 7) throw new Error('the grid should have a row per day');
  // The campaign is in Asia/Kolkata (UTC+05:30): on the UTC clock 9:00 AM is 3:30 AM.
  await view.locator('button.choice[data-choice="utc"]').click();
  await view.locator('.block .text', { hasText: '3:30 AM–12:30 PM' }).first().waitFor({ timeout: 8_000 });
  await view.locator('.clock', { hasText: 'On the UTC clock' }).waitFor({ timeout: 5_000 });
  await view.locator('button.choice[data-choice="campaign"]').click();
  await view.locator('.block .text', { hasText: '9:00 AM–6:00 PM' }).first().waitFor({ timeout: 8_000 });
  // The keyboard: one tab stop for the blocks, arrows between them, Enter goes to the window in the file.
  await view.locator('.block[tabindex="0"]').focus();
  await page.keyboard.press('ArrowDown');
  const focused = await view.locator('.block:focus').getAttribute('aria-label');
  if (!/^Tuesday/.test(focused ?? '')) throw new Error(`ArrowDown from Monday's window should reach Tuesday's; focus is on ${focused}`);
  await page.keyboard.press('Enter');
  await waitForCursorLine(page, lineOf(HOURS_FILE, /day: TU, start: "9:00 AM"/).line, 'Enter on Tuesday 9:00 AM');
  // A click on Saturday's early window: the cursor on its line.
  await view.locator('.block', { hasText: '7:00 AM–1:00 PM' }).first().click();
  await waitForCursorLine(page, lineOf(HOURS_FILE, /day: SA/).line, "a click on Saturday's window");
  const marked = await view.locator('.findings li').allInnerTexts();
  if (marked.length !== 3) throw new Error(`three marked windows expected (an overlap, two outside the band): ${marked.join(' | ')}`);
  return view;
}

/** The workbench in the theme labelled `theme` in the Color Theme picker, the preview on screen, a picture of both. */
export async function previewPicture(run, theme, kind, file) {
  const { page } = run;
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill('>Preferences: Color Theme');
  // Clicked by its exact title: "Browse Color Themes in Marketplace" matches the words too.
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: /^Preferences: Color Theme/ })
    .first()
    .click();
  await input.fill(theme);
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: new RegExp(`^${theme}`) })
    .first()
    .click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 });
  // The webview follows: VS Code gives its body the theme's kind as a class.
  const view = previewPage(page);
  await view.locator(`body.vscode-${kind}`).waitFor({ timeout: 10_000 });
  await page.mouse.move(5, 5);
  await sleep(800);
  await page.screenshot({ path: path.join(run.outDir, file) });
}

/** The primary side bar hidden or shown again, by its button in the title bar. */
export async function toggleSideBar(page) {
  await page.locator('.titlebar-container .action-label[aria-label^="Toggle Primary Side Bar"]').first().click();
  await sleep(300);
}
