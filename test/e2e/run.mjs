#!/usr/bin/env node
// `npm run test:e2e`: what a user sees, in code-server (VS Code 1.139.1) in headless Chromium,
// driven by Playwright. No smoke-test driver here, so notification toasts show.
//
// The extension is packaged (vsce) and installed from the .vsix, as a user would have it.
// Steps (each saves test-results/e2e/NN-name.png; a failure also saves NN-name-FAILED.png,
// and the code-server and sandbox logs stay in test-results/e2e/):
//   1. open the example with mistakes: squiggles, and the Problems count equals the CLI's
//      (`validate --platform` against the same sandbox: the editor knows its contact lists)
//   2. completion: type `timezone: kolk` and accept Asia/Kolkata from the suggest widget
//   3. hover a key and read its docs
//   4. completion of a contact-list name the sandbox serves (with its contact count)
//   5. fix a mistake with the light bulb (priority: 5 -> "5"), comment kept
//   6. Start Local Sandbox is in the command palette (code-server's UI is a browser, but this
//      extension host is Node: the extension says so with a context key)
//   7. the status bar shows the "Local sandbox" connection; Push Campaign from the command
//      palette against the sandbox: the success toast
//   8. the language status items ({} in the status bar) on a campaign file: the language server
//      running and the rule groups on; the active connection, its contact lists and their age
//   9. Pull Campaign... from the sandbox (the campaign pick), edit the pulled file, Show Changes:
//      the diff editor titled with the connection and the remote status
//  10. Add Connection: the multi-step input (step 2/7, Back), an account id refused as an IID
//  11. the Get Started walkthrough with its five steps
//  12. Preview Calling Hours from the editor title: the week beside the file, the UTC clock, the
//      keyboard (arrows, Enter) and a click putting the cursor on the window
//  13. the preview in the light, dark and high-contrast themes: calling-hours-{light,dark,high-contrast}.png
// Closing line: `N passed, N failed`; exit 1 on failure. Options: --no-build, --headed, --keep.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { sleep, startCliSandbox } from '../../scripts/lib/code-server.mjs';
import {
  MISTAKES,
  VALID,
  cliValidate,
  closeRun,
  codeServerWithExtension,
  openWorkbench,
  prepareRun,
} from '../../scripts/lib/browser-run.mjs';
import { browserSteps } from '../../scripts/lib/workbench.mjs';
import {
  editThenShowChanges,
  hoverShowsKeyDocs,
  openLanguageStatus,
  paletteKoreCommands,
  pullFromPick,
  quoteFixFromLightBulb,
} from '../helpers/editor-scenarios.mjs';
import { previewPicture, previewScenario, toggleSideBar, writeHoursExample } from '../helpers/calling-hours-scenario.mjs';

const { SANDBOX_CREDENTIALS } = createRequire(import.meta.url)('../../dist/sandbox.js');
const argv = process.argv.slice(2);
const t0 = Date.now();
const { outDir, tmp, workspace, pgids, lineOf } = prepareRun('e2e', argv);
writeHoursExample(workspace, VALID);

// What the CLI (same core) says about the file with mistakes: the Problems count must match.
// Asked once the sandbox runs, with --platform: the editor knows the sandbox's contact lists.
let cliReport;
let expectErrors;
let expectWarnings;

let context;
let page;
const { step, setupFailed, finish, workbench: wb } = browserSteps(outDir, () => page);
const { command, openFile, goTo, waitForLine, waitForProblems } = wb;
const run = {
  get page() {
    return page;
  },
  outDir,
  workbench: wb,
  lineOf,
};

// ---- Run ----------------------------------------------------------------------------------------
let sandbox;
let cs;
try {
  sandbox = await startCliSandbox({ logFile: path.join(outDir, 'sandbox.log') });
  pgids.push(sandbox.pgid);
  cliReport = cliValidate(path.join(workspace, MISTAKES), { platform: { url: sandbox.url, credentials: SANDBOX_CREDENTIALS } });
  ({ errors: expectErrors, warnings: expectWarnings } = cliReport);
  cs = await codeServerWithExtension({ tmp, outDir, workspace, settings: { 'koreCampaign.connections.sandboxPort': sandbox.port } });
  pgids.push(cs.pgid);
  console.log(`code-server ${cs.url}, sandbox ${sandbox.url}, workspace ${workspace}`);

  ({ context, page } = await openWorkbench({ url: cs.url, tmp, workspace, file: MISTAKES, headed: argv.includes('--headed') }));

  console.log('\nbrowser end-to-end');

  await step('open the example with mistakes: squiggles and the Problems count', async () => {
    await openFile(MISTAKES);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 15_000 });
    const counts = await waitForProblems(expectErrors, expectWarnings);
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ timeout: 5_000 });
    const first = cliReport.files[0].diagnostics.find((d) => d.severity === 'error');
    await panel
      .locator('.monaco-list-row', { hasText: first.message.slice(0, 40) })
      .first()
      .waitFor({ timeout: 5_000 });
    const squiggles = await page.locator('.monaco-editor .squiggly-error').count();
    console.log(`    ${squiggles} error squiggles in view; status bar: ${counts.label}`);
  });

  await step('completion: type `timezone: kolk` and accept Asia/Kolkata', async () => {
    await openFile(VALID);
    const { line, text } = lineOf(VALID, /^\s*timezone:/);
    const indent = text.match(/^\s*/)[0];
    await goTo(line, text.length + 1);
    await page.keyboard.press('Shift+Home'); // selects back to the first non-blank character
    await page.keyboard.type('timezone: kolk', { delay: 20 });
    await page.keyboard.press('Control+Space');
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Asia/Kolkata' }).first();
    await row.waitFor({ timeout: 8_000 });
    await sleep(300);
    await page.screenshot({ path: path.join(outDir, `02a-completion-widget.png`) });
    await row.click();
    await waitForLine(
      line,
      (t) => t === `${indent}timezone: Asia/Kolkata` || t.startsWith(`${indent}timezone: Asia/Kolkata `),
      'should read timezone: Asia/Kolkata',
    );
  });

  await step('hover a key and read its docs', () => hoverShowsKeyDocs(run, VALID));

  await step('completion: a contact-list name from the sandbox, with its contact count', async () => {
    await page.keyboard.press('Escape');
    await openFile(VALID);
    const { line, text } = lineOf(VALID, /^\s*- Recent Buyers - Q2 2025/);
    await goTo(line, text.length + 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('  - Over', { delay: 20 });
    await page.keyboard.press('Control+Space');
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Overdue Accounts' }).first();
    await row.waitFor({ timeout: 8_000 });
    // The detail (contact count, status) shows for the focused row.
    await page.locator('.suggest-widget', { hasText: '342 contacts' }).first().waitFor({ timeout: 5_000 });
    await sleep(300);
    await page.screenshot({ path: path.join(outDir, `04a-contact-list-completion.png`) });
    await row.click();
    await waitForLine(line + 1, (t) => t === '  - Overdue Accounts', 'should read "  - Overdue Accounts"');
  });

  await step('fix a mistake with the light bulb: priority: 5 -> "5", comment kept', () =>
    quoteFixFromLightBulb(run, MISTAKES, '05a-light-bulb-menu.png'),
  );

  await step('Start Local Sandbox is offered: a browser UI, but the extension host is Node', async () => {
    const titles = await paletteKoreCommands(run, '06a-command-palette.png');
    if (!titles.some((t) => t.includes('Start Local Sandbox')))
      throw new Error(`the palette does not offer Start Local Sandbox: ${titles.join(' | ')}`);
  });

  await step('Push Campaign from the command palette (Local sandbox): the success notification', async () => {
    await page.keyboard.press('Escape');
    await openFile(VALID);
    // The active connection shows in the status bar on campaign files.
    await page.locator('.statusbar-item', { hasText: 'Local sandbox' }).first().waitFor({ timeout: 5_000 });
    await command('Push Campaign');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Pushed' }).first();
    await toast.waitFor({ timeout: 20_000 });
    await sleep(800); // the toast's fade-in
    const text = (await toast.innerText()).replace(/\s+/g, ' ');
    if (!/Pushed '.+' to Local sandbox/.test(text)) throw new Error(`toast says: ${text}`);
    console.log(`    toast: ${text.slice(0, 160)}`);
  });

  await step('the language status items ({} in the status bar): server, rule groups, connection, data age', async () => {
    await page.keyboard.press('Escape');
    await openFile(VALID);
    // The Problems panel (open since the first step) away, so the picture shows the file.
    const panel = page.locator('.part.panel');
    if (await panel.isVisible()) {
      await page.keyboard.press('Control+J');
      await panel.waitFor({ state: 'hidden', timeout: 5_000 });
    }
    // VS Code gathers a language's status items behind one `{}` entry beside the language mode;
    // a click shows them, one row each.
    const { hover, rows } = await openLanguageStatus(run);
    const expected = {
      server: [
        ['the server state', /Language server running/],
        ['the rule groups on', /all \d+ rule groups on/],
      ],
      platform: [
        ['the active connection and its contact lists', /Local sandbox: 6 contact lists/],
        ['how old they are', /lists fetched (just now|\d+ min ago)/],
        ['the Refresh action', /Refresh/],
      ],
    };
    for (const [name, row] of Object.entries(rows)) {
      await row.waitFor({ timeout: 5_000 });
      const text = (await row.innerText()).replace(/\s+/g, ' ').trim();
      for (const [what, re] of expected[name])
        if (!re.test(text)) throw new Error(`the ${name} row should show ${what} (${re}); it reads ${JSON.stringify(text)}`);
      // What a user reads: the whole row fits the hover, nothing cut off at its edge.
      const cut = await row.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const hoverBox = el.closest('.monaco-hover').getBoundingClientRect();
        return (
          [...el.querySelectorAll('*')].some((child) => child.getBoundingClientRect().right > hoverBox.right + 1) ||
          box.right > hoverBox.right + 1
        );
      });
      if (cut) throw new Error(`the ${name} row is wider than the hover: a user sees it cut off (${JSON.stringify(text)})`);
      console.log(`    ${name}: ${text}`);
    }
    await sleep(300);
    // The README's picture: the rows, the status bar under them and some of the file above.
    const box = await hover.boundingBox();
    const { width, height } = page.viewportSize();
    const x = Math.max(0, Math.round(box.x - 260));
    const y = Math.max(0, Math.round(box.y - 200));
    await page.screenshot({ path: path.join(outDir, '08a-language-status.png'), clip: { x, y, width: width - x, height: height - y } });
  });

  await step('Pull Campaign... from the sandbox, edit it, Show Changes: the diff', async () => {
    console.log(`    toast: ${(await pullFromPick(run, '07a-pull-campaign-pick.png')).slice(0, 160)}`);
    await editThenShowChanges(run);
  });

  await step('Add Connection: one input with a step counter; an account id in the IID box is caught', async () => {
    await page.keyboard.press('Escape');
    await command('Add Connection');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'where does it push?' }).waitFor({ timeout: 8_000 });
    const input = widget.locator('input');
    await input.fill('bots.example.com');
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'bots.example.com' }).first().waitFor({ timeout: 5_000 });
    await page.keyboard.press('Enter');
    await widget.locator('.quick-input-title', { hasText: 'application id (IID)' }).waitFor({ timeout: 5_000 });
    const title = (await widget.locator('.quick-input-title').innerText()).replace(/\s+/g, ' ');
    if (!/2\/7/.test(title)) throw new Error(`the IID step should show 2/7; title reads ${JSON.stringify(title)}`);
    await input.fill('67777ce93e25326494e9a1b2');
    await widget.locator('.quick-input-message', { hasText: 'looks like an account id' }).waitFor({ timeout: 5_000 });
    await widget
      .locator('.quick-input-header .codicon-quick-input-back, .quick-input-left-action-bar .codicon-quick-input-back')
      .first()
      .waitFor({ timeout: 5_000 });
    await sleep(300);
    await page.screenshot({ path: path.join(outDir, '06a-add-connection-step-2.png') });
    await page.keyboard.press('Escape');
  });

  await step('Get Started walkthrough: the five steps', async () => {
    await page.keyboard.press('Escape');
    await command('Welcome: Open Walkthrough...');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Kore.ai Voice Campaigns' }).first();
    await row.waitFor({ timeout: 8_000 });
    await row.click();
    const walkthrough = page.locator('.gettingStartedContainer');
    for (const title of [
      'Create a JWT app and note its ids',
      'Add a connection',
      'Open an example campaign',
      'Push to the local sandbox',
      'Pull a campaign',
    ]) {
      await walkthrough.locator('.getting-started-step', { hasText: title }).first().waitFor({ timeout: 10_000 });
    }
    await walkthrough.locator('.getting-started-step', { hasText: 'Add a connection' }).first().click();
    await walkthrough.locator('button, a', { hasText: 'Add Connection' }).first().waitFor({ timeout: 5_000 });
    await sleep(800); // the step's markdown media renders in a webview
  });

  await step('Preview Calling Hours: the week beside the file, the UTC clock, the keyboard, a click to the file', () =>
    previewScenario(run),
  );

  await step('the calling-hours preview in the light, dark and high-contrast themes', async () => {
    // The side bar away: the picture is the file and its week.
    await toggleSideBar(page);
    try {
      await previewPicture(run, 'Light 2026', 'light', 'calling-hours-light.png');
      await previewPicture(run, 'Dark High Contrast', 'high-contrast', 'calling-hours-high-contrast.png');
      await previewPicture(run, 'Dark 2026', 'dark', 'calling-hours-dark.png');
    } finally {
      await toggleSideBar(page);
    }
  });
} catch (err) {
  await setupFailed(err);
} finally {
  await closeRun({ context, pgids, tmp, keep: argv.includes('--keep') });
}

process.exit(
  finish(
    `browser end-to-end: ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in test-results/e2e/`,
    'Failure screenshots and logs (code-server.log, sandbox.log) in test-results/e2e/',
  ),
);
