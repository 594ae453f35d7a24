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
