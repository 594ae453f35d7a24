#!/usr/bin/env node
// `npm run test:web`: the extension's `browser` entry (dist/web/) in VS Code's web worker
// extension host, as in vscode.dev and github.dev, driven in headless Chromium by Playwright.
//
// How: code-server (VS Code 1.139.1's browser client plus a server) with the packaged .vsix
// installed, and the user setting `remote.extensionKind` = ["ui"] for this extension. VS Code
// then runs an extension that has a `browser` entry in the browser's web worker host instead
// of the Node host on the server. The manifest is not changed for the test.
//
// Steps (each saves test-results/web/NN-name.png; a failure NN-name-FAILED.png):
//   1. the extension reports, from inside, a web worker host with no Node `process` and the web UI
//   2. squiggles, and the Problems count equals the CLI's
//   3. completion: time zones with their offsets, the workspace's own zones first (read
//      through vscode.workspace.fs, not by the server)
//   4. hover a key and read its docs
//   5. a quick fix from the light bulb; 6. Fix All, and the outline
//   7. Start Local Sandbox is not offered in the command palette; Push, Pull and Pull All are
//   8. Push Campaign to a server that does not allow the page's origin: a plain message
//      naming desktop VS Code and the CLI, never "Failed to fetch"; 9. Pull Campaign... there: the same
//  10. the sandbox restarted on its port with the page's origin allowed (`--allow-origin`, CORS):
//      Pull Campaign... writes the campaign's file (read back from disk) and opens it
//  11. an unsaved edit, Show Changes: the diff editor with the platform's side on the left
//  12. Pull Campaign... again over the unsaved edit: asked first (a modal), and cancelling keeps it
//  13. the edit saved, pulled again: no git in the browser, so asked; Overwrite restores the value
//  14. Pull All Campaigns into a folder picked in VS Code's browser folder dialog: 30 files
//  15. Refresh Platform Data: a request to the sandbox, the contact-list names checked in a file
//      opened now, and the language status items say how many lists, fetched when
//  16. Preview Calling Hours: the webview drawn by the web worker host, the UTC clock, the keyboard, a click to the file
//  17. every command package.json contributes runs from the palette (none is "not found"), or
//      is hidden in the browser by package.json (`!isWeb`)
// Closing line: `N passed, N failed`; exit 1 on failure. Options: --no-build, --headed, --keep.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { ROOT, killGroup, readPkg, sleep, startCliSandbox } from '../../scripts/lib/code-server.mjs';
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
  PULLED,
  PULLED_FILE,
  editThenShowChanges,
  hoverShowsKeyDocs,
  openLanguageStatus,
  openPullPick,
  paletteKoreCommands,
  pullFromPick,
  quoteFixFromLightBulb,
  rowText,
} from '../helpers/editor-scenarios.mjs';
import { previewScenario, writeHoursExample } from '../helpers/calling-hours-scenario.mjs';

const { SANDBOX_ACTIVE_CAMPAIGN_ID } = createRequire(import.meta.url)('../../dist/sandbox.js');
const argv = process.argv.slice(2);
const t0 = Date.now();
const { outDir, tmp, workspace, pgids, lineOf } = prepareRun('web', argv);
// A campaign in another zone, never opened in the run: only the extension's workspace scan sees it.
const OTHER_ZONE = 'Pacific/Auckland';
fs.mkdirSync(path.join(workspace, 'regions'));
fs.writeFileSync(
  path.join(workspace, 'regions', 'auckland.campaign.yaml'),
  fs.readFileSync(path.join(workspace, VALID), 'utf8').replace(/timezone: Asia\/Kolkata/, `timezone: ${OTHER_ZONE}`),
);
const cliReport = cliValidate(path.join(workspace, MISTAKES));

let context;
let page;
const { step, setupFailed, finish, workbench: wb } = browserSteps(outDir, () => page);
const { command, openFile, goTo, waitForLine, waitForProblems, problemsCounts } = wb;
const run = {
  get page() {
    return page;
  },
  outDir,
  workbench: wb,
  lineOf,
};

/** The toast of a call the page's origin was refused for: plain words and what works instead, never fetch's own error. */
async function plainRefusal(nothing) {
  const toast = page
    .locator('.notifications-toasts .notification-toast', { hasText: /Nothing was|Could not reach|Failed to fetch/ })
    .first();
  await toast.waitFor({ timeout: 25_000 });
  await sleep(800);
  const text = (await toast.innerText()).replace(/\s+/g, ' ');
  console.log(`    toast: ${text.slice(0, 220)}`);
  if (/Failed to fetch|TypeError/.test(text)) throw new Error(`a raw fetch error reached the user: ${text}`);
  if (!nothing.test(text) || !/CORS/.test(text)) throw new Error(`expected ${nothing} and CORS named: ${text}`);
  if (!/desktop VS Code/.test(text) || !/CLI/.test(text)) throw new Error(`the message does not say what works instead: ${text}`);
}

/** Text of the Output panel's editor once it contains `needle`. */
async function outputContaining(needle, timeout = 15_000) {
  const view = page.locator('.part.panel .monaco-editor .view-lines').first();
  const until = Date.now() + timeout;
  let text = '';
  while (Date.now() < until) {
    text = ((await view.innerText().catch(() => '')) ?? '').replace(/\u00a0/g, ' ');
    if (text.includes(needle)) return text;
    await sleep(200);
  }
  throw new Error(`the Output panel does not show "${needle}"; it shows:\n${text.slice(0, 600)}`);
}

// ---- Run ----------------------------------------------------------------------------------------
let sandbox;
let cs;
try {
  sandbox = await startCliSandbox({ logFile: path.join(outDir, 'sandbox.log') });
  pgids.push(sandbox.pgid);
  const { publisher, name } = readPkg();
  cs = await codeServerWithExtension({
    tmp,
    outDir,
    workspace,
    settings: {
      // The route into the web worker host (see top): this extension is a UI extension for this profile.
      'remote.extensionKind': { [`${publisher}.${name}`]: ['ui'] },
      'koreCampaign.connections.sandboxPort': sandbox.port,
    },
  });
  pgids.push(cs.pgid);
  console.log(`code-server ${cs.url}, sandbox ${sandbox.url}, workspace ${workspace}`);

  // The page's console (the extension host worker's errors land there), kept for a failing run.
  const consoleLines = [];
  process.on('exit', () => fs.writeFileSync(path.join(outDir, 'browser-console.log'), consoleLines.join('\n')));
  ({ context, page } = await openWorkbench({
    url: cs.url,
    tmp,
    workspace,
    file: MISTAKES,
    headed: argv.includes('--headed'),
    onConsole: (line) => consoleLines.push(line),
  }));

  console.log('\nweb extension (web worker extension host)');

  await step('the extension runs in the web worker extension host', async () => {
    // From the explorer: Quick Open's file search is slow to answer while extensions activate.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: MISTAKES }).first().click();
    await page.locator(`.tab.active[aria-label*="${MISTAKES}"]`).first().waitFor({ timeout: 10_000 });
    // Activated, and its language server answering: the file's squiggles.
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    await command('Kore.ai: Show Push Log');
    // Written at activation from inside the extension: typeof process and vscode.env.uiKind.
    const text = await outputContaining('Extension host:');
    const line = text.split('\n').find((l) => l.includes('Extension host:'));
    console.log(`    ${line.trim()}`);
    if (!/a web worker \(no Node\.js process\), web UI/.test(line))
      throw new Error(`expected a web worker with no Node.js process and the web UI: ${line}`);
  });

  await step("squiggles, and the Problems count equals the CLI's", async () => {
    await openFile(MISTAKES);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 20_000 });
    const counts = await waitForProblems(cliReport.errors, cliReport.warnings);
    console.log(`    status bar: ${counts.label}`);
  });

  await step("completion: zones with offsets, the workspace's own zone first", async () => {
    await openFile(VALID);
    const { line, text } = lineOf(VALID, /^\s*timezone:/);
    const indent = text.match(/^\s*/)[0];
    await goTo(line, text.length + 1);
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('timezone: ', { delay: 20 });
    await page.keyboard.press('Control+Space');
    const first = page.locator('.suggest-widget .monaco-list-row').first();
    await first.waitFor({ timeout: 10_000 });
    // regions/auckland.campaign.yaml was never opened: only the client's workspace scan knows its zone.
    const until = Date.now() + 10_000;
    let firstText = '';
    while (Date.now() < until) {
      firstText = (await first.innerText()).replace(/\s+/g, ' ');
      if (firstText.includes(OTHER_ZONE) && firstText.includes('used in this workspace')) break;
      // The scan may land after the list opened: ask again.
      await page.keyboard.press('Escape');
      await sleep(300);
      await page.keyboard.press('Control+Space');
      await first.waitFor({ timeout: 5_000 });
    }
    if (!firstText.includes(OTHER_ZONE) || !firstText.includes('used in this workspace') || !/UTC[+-]\d\d:\d\d/.test(firstText)) {
      throw new Error(`first suggestion: "${firstText}"; expected ${OTHER_ZONE} with its offset, used in this workspace`);
    }
    console.log(`    first suggestion: ${firstText}`);
    await page.keyboard.type('kolk', { delay: 20 });
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Asia/Kolkata' }).first();
    await row.waitFor({ timeout: 8_000 });
    await sleep(300);
    const rowText = (await row.innerText()).replace(/\s+/g, ' ');
    if (!rowText.includes('UTC+05:30')) throw new Error(`Asia/Kolkata's row reads "${rowText}"; expected its offset UTC+05:30`);
    await page.screenshot({ path: path.join(outDir, '03a-completion-widget.png') });
    await row.click();
    await waitForLine(line, (t) => t.startsWith(`${indent}timezone: Asia/Kolkata`), 'should read timezone: Asia/Kolkata');
  });

  await step('hover a key and read its docs', () => hoverShowsKeyDocs(run, VALID));

  await step('a quick fix from the light bulb: priority: 5 -> "5"', () => quoteFixFromLightBulb(run, MISTAKES, '05a-light-bulb-menu.png'));

  await step('Fix All, and the outline', async () => {
    await openFile(MISTAKES);
    const before = await waitForProblems(cliReport.errors - 1, cliReport.warnings); // the quick fix above fixed one
    await command('Fix All');
    // Every fix at once (lines move: the repeated contact list goes), so the result is looked for by text.
    const lines = page.locator('.editor-group-container.active .view-lines .view-line');
    const until = Date.now() + 8_000;
    const isFixed = (texts) => texts.some((t) => t.replace(/\u00a0/g, ' ') === 'dialingMode: Preview # exact case: Preview');
    while (!isFixed(await lines.allInnerTexts())) {
      if (Date.now() > until) throw new Error('Fix All did not change `dialingMode: preview` to `Preview`');
      await sleep(200);
    }
    const after = await problemsCounts();
    if (after.errors >= before.errors) throw new Error(`Fix All left ${after.label} (before: ${before.label})`);
    console.log(`    after Fix All: ${after.label}`);
    const outline = page.locator('.pane-header', { hasText: /^Outline/ }).first();
    if ((await outline.getAttribute('aria-expanded')) !== 'true') await outline.click();
    // The campaign (by its name) at the root, its keys below: the rows a small pane shows first.
    for (const symbol of ['Renewal Reminder', 'contactLists'])
      await page.locator('.outline-pane .monaco-list-row', { hasText: symbol }).first().waitFor({ timeout: 10_000 });
  });

  await step('Start Local Sandbox is not offered in the browser; Push and Pull are', async () => {
    const titles = await paletteKoreCommands(run, '07a-command-palette.png');
    if (titles.some((t) => t.includes('Start Local Sandbox')))
      throw new Error(`the palette offers Start Local Sandbox: ${titles.join(' | ')}`);
    for (const offered of ['Push Campaign', 'Pull Campaign...', 'Pull All Campaigns']) {
      if (!titles.some((t) => t.includes(offered))) throw new Error(`${offered} missing from the palette: ${titles.join(' | ')}`);
    }
  });

  await step("Push Campaign to a server that refuses the page's origin: a plain message", async () => {
    await openFile(VALID);
    await command('Kore.ai: Push Campaign');
    await plainRefusal(/Nothing was read/);
  });

  await step('Pull Campaign... from that server: the same plain message', async () => {
    await page.keyboard.press('Escape');
    await command('Kore.ai: Pull Campaign...');
    await plainRefusal(/Nothing was listed/);
  });

  // The Local sandbox connection unchanged, its port now served by a sandbox that allows this page's origin.
  const origin = new URL(cs.url).origin;
  killGroup(sandbox.pgid);
  pgids.splice(pgids.indexOf(sandbox.pgid), 1);
  const allowing = await startCliSandbox({
    port: sandbox.port,
    logFile: path.join(outDir, 'sandbox-allowing.log'),
    allowOrigins: [origin],
  });
  pgids.push(allowing.pgid);
  console.log(`  sandbox ${allowing.url} allows ${origin}`);

  await step("Pull Campaign... from a sandbox that allows the page's origin: the file is written", async () => {
    await page.keyboard.press('Escape');
    await openFile(VALID);
    const toast = await pullFromPick(run, '10a-pull-campaign-pick.png');
    console.log(`    toast: ${toast.slice(0, 160)}`);
    // Written through vscode.workspace.fs (the remote file system here): read back from disk.
    const written = fs.readFileSync(path.join(workspace, PULLED_FILE), 'utf8');
    if (!written.includes(`campaignId: ${SANDBOX_ACTIVE_CAMPAIGN_ID}`) || !written.includes(`name: ${PULLED}`))
      throw new Error(`${PULLED_FILE} holds:\n${written.slice(0, 400)}`);
    const reads = fs.readFileSync(path.join(outDir, 'sandbox-allowing.log'), 'utf8');
    if (!reads.includes(`GET /agentassist/api/v1/public/`) || !reads.includes(`from ${origin}`))
      throw new Error(`the allowing sandbox logged no read from ${origin}:\n${reads.slice(-600)}`);
  });

  let edited;
  await step("an unsaved edit, Show Changes: the diff with the platform's side", async () => {
    edited = await editThenShowChanges(run);
    // The left (read-only) side is the platform's campaign: its value, not the edit.
    const platformSide = (await page.locator('.monaco-diff-editor .editor.original .view-lines').first().innerText()).replace(
      /\u00a0/g,
      ' ',
    );
    if (!platformSide.includes(edited.text.trim()) || platformSide.includes('maxRingTime: 45'))
      throw new Error(`the platform's side shows:\n${platformSide.slice(0, 600)}`);
  });

  await step('Pull Campaign... over the unsaved edit: asked first, and cancelling keeps the edit', async () => {
    await page.keyboard.press('Escape');
    await openFile(PULLED_FILE);
    await openPullPick(run);
    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'has unsaved changes in the editor' }).first();
    await dialog.waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(outDir, '12a-overwrite-question.png') });
    console.log(`    asked: ${(await dialog.innerText()).replace(/\s+/g, ' ').slice(0, 200)}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
    await waitForLine(edited.line, (t) => t.trim() === 'maxRingTime: 45', 'should still hold the unsaved edit');
    if (fs.readFileSync(path.join(workspace, PULLED_FILE), 'utf8').includes('maxRingTime: 45'))
      throw new Error('the edit reached the disk');
  });

  await step("the edit saved, Pull Campaign... again: no git here, so asked; Overwrite writes the platform's value", async () => {
    await page.keyboard.press('Control+S');
    const onDisk = () => fs.readFileSync(path.join(workspace, PULLED_FILE), 'utf8');
    for (const until = Date.now() + 5_000; !onDisk().includes('maxRingTime: 45'); await sleep(200))
      if (Date.now() > until) throw new Error('the save did not reach the disk');
    await openPullPick(run);
    await page.keyboard.press('Enter');
    // The workspace is no git repository, and the browser runs no git: nothing can tell the edit from the platform's.
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'has no git status here' }).first();
    await dialog.waitFor({ timeout: 10_000 });
    console.log(`    asked: ${(await dialog.innerText()).replace(/\s+/g, ' ').slice(0, 200)}`);
    await dialog.locator('.monaco-button', { hasText: 'Overwrite Local Changes' }).first().click();
    await page
      .locator('.notifications-toasts .notification-toast', { hasText: `and updated ${PULLED_FILE}` })
      .first()
      .waitFor({ timeout: 10_000 });
    await waitForLine(edited.line, (t) => t === edited.text, `should read the platform's ${edited.text.trim()} again`);
    if (!onDisk().includes(edited.text)) throw new Error(`${PULLED_FILE} on disk lacks ${edited.text.trim()}`);
  });

  await step("Pull All Campaigns into a folder chosen in the browser's folder dialog: one file per campaign", async () => {
    const into = path.join(workspace, 'pulled-all');
    fs.mkdirSync(into);
    await command('Kore.ai: Pull All Campaigns');
    // VS Code's own folder dialog in the browser (a quick input on the workspace's file system).
    const widget = page.locator('.quick-input-widget', { hasText: 'Pull all campaigns from Local sandbox into which folder?' }).first();
    await widget.waitFor({ timeout: 10_000 });
    // The dialog first lists the workspace folder (and resets the box when it has): typed after that.
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'regions' }).first().waitFor({ timeout: 10_000 });
    const box = widget.locator('input');
    for (let attempt = 1; (await box.inputValue()) !== `${into}/`; attempt++) {
      if (attempt > 3) throw new Error(`the folder dialog's box reads ${await box.inputValue()}`);
      await box.fill(`${into}/`);
      await sleep(700);
    }
    await page.screenshot({ path: path.join(outDir, '14a-folder-dialog.png') });
    await widget.locator('.monaco-button', { hasText: 'Pull Here' }).first().click();
    await widget.waitFor({ state: 'hidden', timeout: 10_000 });
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Pulled 30 campaigns from Local sandbox' }).first();
    await toast.waitFor({ timeout: 30_000 });
    const text = (await toast.innerText()).replace(/\s+/g, ' ');
    console.log(`    toast: ${text.slice(0, 200)}`);
    const files = fs.readdirSync(into).filter((f) => f.endsWith('.campaign.yaml'));
    if (files.length !== 30 || !/30 created/.test(text)) throw new Error(`${files.length} files in pulled-all/; the toast says: ${text}`);
  });

  await step('Refresh Platform Data: the lists are fetched, the names checked, and the status items say so', async () => {
    // A file with one list misspelt, one empty and one unknown, written now (after the completion step's zone order).
    const CHECKED = 'contact-lists.campaign.yaml';
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'platform', CHECKED), path.join(workspace, CHECKED));
    const log = path.join(outDir, 'sandbox-allowing.log');
    const listCalls = () =>
      fs
        .readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => /\bPOST \S*contactList\/getAllListDetails.* -> 200/.test(l));
    const before = listCalls().length;
    await openFile(CHECKED);
    await command('Kore.ai: Refresh Platform Data');
    for (const until = Date.now() + 10_000; listCalls().length <= before; await sleep(200))
      if (Date.now() > until) throw new Error(`no contact-list request reached the sandbox:\n${fs.readFileSync(log, 'utf8').slice(-600)}`);
    console.log(`    sandbox: ${listCalls().at(-1)}`);
    if (!listCalls().at(-1).includes(`from ${origin}`)) throw new Error('the request did not come from the page (the web worker)');
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ timeout: 5_000 });
    for (const named of ['no contact list named "Overdue Acounts"', 'no contact list named "Holiday Shoppers 2019"', 'Win-back 2024'])
      await panel.locator('.monaco-list-row', { hasText: named }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+J');
    const { rows } = await openLanguageStatus(run);
    console.log(`    ${await rowText(rows.platform, /Local sandbox: 6 contact lists.*lists fetched (just now|1 min ago).*Refresh/)}`);
    console.log(`    ${await rowText(rows.server, /Language server running.*all \d+ rule groups on/)}`);
  });

  await step('Preview Calling Hours in the web worker host: the week, the UTC clock, the keyboard, a click to the file', () => {
    // Written only now: its zone (the example's) would otherwise join the workspace's zones that step 3 expects.
    writeHoursExample(workspace, VALID);
    return previewScenario(run);
  });

  await step(
    'every contributed command runs here from the palette (none "not found"), or package.json hides it in the browser',
    async () => {
      const { contributes } = readPkg();
      await openFile(VALID);
      const offered = await paletteKoreCommands(run, '17a-command-palette.png');
      const ran = [];
      for (const { command: id, title } of contributes.commands) {
        const label = `Kore.ai: ${title}`;
        if (!offered.some((t) => t.includes(label))) {
          const when = contributes.menus.commandPalette.find((entry) => entry.command === id)?.when ?? '';
          if (!/!isWeb\b/.test(when))
            throw new Error(`${label} is not offered in the palette, and package.json does not hide it here ("${when}")`);
          continue;
        }
        // Push, Show Changes and Create are offered on a campaign file: one is in front for each.
        if (/\beditorLangId\b/.test(contributes.menus.commandPalette.find((entry) => entry.command === id)?.when ?? ''))
          await openFile(VALID);
        await command(label);
        await sleep(700); // a "not found" error shows at once
        // VS Code says so in a modal dialog: "Command '...' resulted in an error", "command '...' not found".
        const shown = (await page.locator('.monaco-dialog-box, .notifications-toasts .notification-toast').allInnerTexts()).join(' | ');
        if (/not found/i.test(shown) && shown.includes(id)) throw new Error(`${label}: ${shown.replace(/\s+/g, ' ')}`);
        ran.push(title);
        // Whatever it opened (a pick, a modal, a multi-step input) is dismissed, as a user would.
        for (let i = 0; i < 3; i++) {
          await page.keyboard.press('Escape');
          await sleep(150);
        }
      }
      console.log(`    ran ${ran.length} of ${contributes.commands.length}: ${ran.join(', ')}`);
    },
  );
} catch (err) {
  await setupFailed(err);
} finally {
  await closeRun({ context, pgids, tmp, keep: argv.includes('--keep') });
}

process.exit(
  finish(
    `web extension in the browser: ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in test-results/web/`,
    'Failure screenshots and logs (code-server.log, browser-console.log) in test-results/web/',
  ),
);
