// What a user does in the workbench, the same whichever extension host runs the extension:
// used by the desktop run (test/e2e: Node host) and the browser entry's (test/web: web worker).
// `run` is { page, outDir, workbench: workbench(() => page), lineOf(file, re) }.
import * as path from 'node:path';
import { sleep } from '../../scripts/lib/code-server.mjs';

/** Hover the `dialingMode` key of `file` and read its documentation. */
export async function hoverShowsKeyDocs(run, file) {
  const { page, workbench, lineOf } = run;
  await workbench.openFile(file);
  await workbench.goTo(lineOf(file, /^dialingMode:/).line, 1);
  const key = page.locator('.monaco-editor .view-lines .view-line span span', { hasText: /^dialingMode$/ }).first();
  await key.waitFor({ timeout: 5_000 });
  await key.hover();
  await page.locator('.monaco-hover', { hasText: 'Dialing mode defines how calls are handled' }).first().waitFor({ timeout: 8_000 });
  await sleep(300);
}

/** On `priority: 5` of `file`, the light bulb's quote fix: the line reads `priority: "5"`, comment kept. */
export async function quoteFixFromLightBulb(run, file, menuScreenshot) {
  const { page, workbench, lineOf } = run;
  await workbench.openFile(file);
  const { line, text } = lineOf(file, /^priority: 5\b/);
  await workbench.goTo(line, text.indexOf('5') + 1);
  const bulb = page.locator('.lightBulbWidget, .codicon-light-bulb, .codicon-lightbulb-autofix').first();
  try {
    await bulb.waitFor({ state: 'visible', timeout: 5_000 });
    await bulb.click();
  } catch {
    await page.keyboard.press('Control+.'); // the light bulb's keyboard shortcut
  }
  const menu = page.locator('.action-widget:not(.action-list-submenu-panel)').first();
  await menu.waitFor({ timeout: 5_000 });
  await page.screenshot({ path: path.join(run.outDir, menuScreenshot) });
  const fix = menu.locator('.monaco-list-row', { hasText: /"5"|[Qq]uote/ }).first();
  await fix.waitFor({ timeout: 5_000 });
  await fix.click();
  const expected = text.replace(/^priority: 5/, 'priority: "5"');
  await workbench.waitForLine(line, (t) => t === expected, `should read ${JSON.stringify(expected)}`);
}

/** The extension's commands the command palette offers (F1, `Kore.ai:`), by title; screenshot taken with the palette open. */
export async function paletteKoreCommands(run, screenshot) {
  const { page } = run;
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill('>Kore.ai:');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.filter({ hasText: 'Show Push Log' }).first().waitFor({ timeout: 5_000 });
  await sleep(300);
  const titles = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  await page.screenshot({ path: path.join(run.outDir, screenshot) });
  await page.keyboard.press('Escape');
  return titles;
}

/** The sandbox's Active campaign (seeded), pulled by both runs: its file name is its name as a slug. */
export const PULLED = 'Spring Sale Live Calls';
export const PULLED_FILE = 'spring-sale-live-calls.campaign.yaml';

/** Pull Campaign..., type part of PULLED's name into the pick; the pick's row text, with the pick still open. */
export async function openPullPick(run, pickScreenshot) {
  const { page, workbench } = run;
  await workbench.command('Pull Campaign...');
  const input = page.locator('.quick-input-widget input');
  await page.locator('.quick-input-widget', { hasText: 'Pull a campaign from Local sandbox' }).first().waitFor({ timeout: 10_000 });
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: PULLED }).first();
  await row.waitFor({ timeout: 10_000 });
  await input.fill('Spring Sale');
  await sleep(300);
  if (pickScreenshot) await page.screenshot({ path: path.join(run.outDir, pickScreenshot) });
  return (await row.innerText()).replace(/\s+/g, ' ');
}

/** Pull PULLED from the Local sandbox through the pick: its file opens and the toast says so (returned). */
export async function pullFromPick(run, pickScreenshot) {
  const { page } = run;
  const rowText = await openPullPick(run, pickScreenshot);
  if (!/Active · Progressive/.test(rowText) || !/updated \d{4}-/.test(rowText)) throw new Error(`the pick's row says: ${rowText}`);
  await page.keyboard.press('Enter');
  await page
    .locator(`.tab.active[aria-label*="${PULLED_FILE}"], .tab.active:has-text("${PULLED_FILE}")`)
    .first()
    .waitFor({ timeout: 10_000 });
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: `Pulled '${PULLED}'` }).first();
  await toast.waitFor({ timeout: 10_000 });
  return (await toast.innerText()).replace(/\s+/g, ' ');
}

/**
 * In the pulled file, `maxRingTime: 45` (an edit the platform does not have, left unsaved), then
 * Show Changes: the diff titled with the connection and the Active status, one field differing.
 * Returns the line edited.
 */
export async function editThenShowChanges(run) {
  const { page, workbench, lineOf } = run;
  const { line, text } = lineOf(PULLED_FILE, /^\s*maxRingTime:/);
  await workbench.goTo(line, text.length + 1);
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('maxRingTime: 45', { delay: 20 });
  await workbench.command('Show Changes');
  const title = `${PULLED_FILE}: Local sandbox (Active) ↔ file`;
  await page.locator(`.tab.active[aria-label*="${title}"], .tab.active:has-text("${title}")`).first().waitFor({ timeout: 10_000 });
  await page.locator('.monaco-diff-editor .char-insert, .monaco-diff-editor .line-insert').first().waitFor({ timeout: 10_000 });
  await page
    .locator('.notifications-toasts .notification-toast', { hasText: '1 field differs from Local sandbox: dialingStrategy.maxRingTime.' })
    .first()
    .waitFor({ timeout: 10_000 });
  await sleep(800); // the toast's fade-in
  return { line, text };
}

/**
 * The language status hover ({} in the status bar) of the active campaign file, open: the hover
 * and its two rows (the language server's, the platform data's), to read or check further.
 */
export async function openLanguageStatus(run) {
  const { page } = run;
  const entry = page.locator('[id="status.languageStatus"]').first();
  await entry.waitFor({ timeout: 10_000 });
  const hover = page.locator('.workbench-hover', { has: page.locator('.hover-language-status') }).first();
  for (let attempt = 1; ; attempt++) {
    await entry.click();
    try {
      await hover.waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.mouse.move(5, 5);
      await sleep(500);
    }
  }
  return {
    hover,
    rows: {
      server: hover.locator('.hover-language-status', { hasText: 'Language server' }).first(),
      platform: hover.locator('.hover-language-status', { hasText: 'contact lists' }).first(),
    },
  };
}

/** The text of a language status row once it matches `re` (the rows follow the state as it changes). */
export async function rowText(row, re, timeout = 10_000) {
  await row.waitFor({ timeout: 5_000 });
  const until = Date.now() + timeout;
  let text = '';
  while (Date.now() < until) {
    text = (await row.innerText()).replace(/\s+/g, ' ').trim();
    if (re.test(text)) return text;
    await sleep(200);
  }
  throw new Error(`the language status row reads ${JSON.stringify(text)}; expected ${re}`);
}
