// Completion, hover and quick fixes, through the same commands VS Code's UI uses
// (`vscode.execute*Provider`), against the real language server in the real extension host.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  completionLabels,
  hoverText,
  openContent,
  openDoc,
  positionOf,
  settledDiagnostics,
  simplify,
  waitFor,
  wsPath,
} from './helpers';

/** A valid campaign with one empty value per completion site (cursor goes after `KEY: `). */
const TEMPLATE = `# Completion probe
name: Completion probe
description: Values offered where they belong.
contactLists:
  - Probe list
priority: "3"
dialingMode: Progressive
dialingStrategy:
  callerId:
    phoneNumber: "+18123456789"
  callingHours:
    frequency: WEEKLY
    timezone: Asia/Kolkata
    days:
      - day: MO
        start: 9:00 AM
        end: 6:00 PM
  dialingOrder: FIFO
  maxAttemptsPerRecord: 3
  defaultRetryPeriod: 10
  maxRingTime: 30
queue_name: Default Queue
enableMachineDetect: true
maxSkips: 0
campaignType: voice
`;

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const MODES = ['Agentless', 'Progressive', 'Preview'];

/** Replace `key: value` (first occurrence) by `key: ` and return the doc and the position after it. */
async function emptyValueAt(key: string, value: string): Promise<{ doc: vscode.TextDocument; pos: vscode.Position }> {
  const text = TEMPLATE.replace(`${key}: ${value}`, `${key}: `);
  const doc = await openContent(text);
  return { doc, pos: positionOf(doc, `${key}: `) };
}

async function complete(doc: vscode.TextDocument, pos: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
  return completionLabels(list);
}

describe('completion', function () {
  before(activateExtension);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('at a `day:` value: the seven day codes, nothing else', async () => {
    const { doc, pos } = await emptyValueAt('day', 'MO');
    const labels = await complete(doc, pos);
    for (const d of DAYS) assert.ok(labels.includes(d), `missing ${d} in ${JSON.stringify(labels)}`);
    for (const wrong of [...MODES, 'WEEKLY', 'FIFO', 'Asia/Kolkata', 'Monday', 'mo', 'start', 'end']) {
      assert.ok(!labels.includes(wrong), `"${wrong}" must not be offered for day; got ${JSON.stringify(labels)}`);
    }
  });

  it('at a `dialingMode:` value: Agentless, Progressive, Preview (exact case), nothing else', async () => {
    const { doc, pos } = await emptyValueAt('dialingMode', 'Progressive');
    const labels = await complete(doc, pos);
    for (const m of MODES) assert.ok(labels.includes(m), `missing ${m} in ${JSON.stringify(labels)}`);
    for (const wrong of ['preview', 'progressive', 'agentless', ...DAYS, 'WEEKLY', 'DAILY', 'FIFO', 'LIFO', 'voice', 'name']) {
      assert.ok(!labels.includes(wrong), `"${wrong}" must not be offered for dialingMode; got ${JSON.stringify(labels)}`);
    }
  });

  it('at a `timezone:` value: IANA zones with current names (Asia/Kolkata, Europe/Kyiv), no enum values', async () => {
    const { doc, pos } = await emptyValueAt('timezone', 'Asia/Kolkata');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
    const labels = completionLabels(list);
    for (const z of ['Asia/Kolkata', 'Europe/Kyiv', 'America/New_York', 'Europe/London']) {
      assert.ok(labels.includes(z), `missing ${z} among ${labels.length} items`);
    }
    assert.ok(labels.length >= 300, `expected the full IANA list, got ${labels.length} items`);
    for (const wrong of [...MODES, ...DAYS, 'WEEKLY', 'FIFO', 'Asia/Kolkatta']) {
      assert.ok(!labels.includes(wrong), `"${wrong}" must not be offered for timezone`);
    }
    const kolkata = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'Asia/Kolkata')!;
    const detail = `${kolkata.detail ?? ''} ${typeof kolkata.label === 'string' ? '' : (kolkata.label.description ?? '')}`;
    assert.match(detail, /(UTC|GMT)\s*\+\s*0?5:30/, `Asia/Kolkata's detail should carry its UTC offset; got "${detail}"`);
  });

  it('typing `kolk` at a timezone value still offers Asia/Kolkata (filtered as the user types)', async () => {
    const text = TEMPLATE.replace('timezone: Asia/Kolkata', 'timezone: kolk');
    const doc = await openContent(text);
    const labels = await complete(doc, positionOf(doc, 'timezone: kolk'));
    assert.ok(labels.includes('Asia/Kolkata'), `Asia/Kolkata missing after "kolk"; got ${labels.slice(0, 20).join(', ')}`);
  });
});

describe('hover', function () {
  before(activateExtension);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('on `dialingMode` shows the API description and the allowed values', async () => {
    const doc = await openContent(TEMPLATE);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, 'dialingMode', 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /Dialing mode defines how calls are handled/, `hover text: ${text}`);
    for (const m of MODES) assert.ok(text.includes(m), `hover should list ${m}: ${text}`);
  });

  it('on `maxRingTime` shows the description with its range 5..120', async () => {
    const doc = await openContent(TEMPLATE);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, 'maxRingTime', 2),
    );
    const text = hoverText(hovers);
    assert.match(text, /Max time \(in \*\*seconds\*\*\) the phone should ring before disconnecting/, `hover text: ${text}`);
    assert.match(text, /5/);
    assert.match(text, /120/);
  });

  it('on `queue_name` says it is required', async () => {
    const doc = await openContent(TEMPLATE);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, 'queue_name', 2),
    );
    const text = hoverText(hovers);
    assert.match(text, /Name of the agent queue used for connecting calls/, `hover text: ${text}`);
    assert.match(text, /required/i);
  });
});

describe('quick fixes', function () {
  before(activateExtension);
  after(closeAllEditors);

  /**
   * Open the example with mistakes, apply the quick fix matching `titlePattern` for the
   * diagnostic on the line holding `needle`, and return the text before and after.
   */
  async function applyFix(needle: string, titlePattern: RegExp): Promise<{ before: string; after: string; title: string; line: number }> {
    const file = wsPath('examples', 'typical-mistakes.campaign.yaml');
    assert.ok(fs.existsSync(file), 'examples/typical-mistakes.campaign.yaml exists');
    const doc = await openDoc(file);
    const before = doc.getText();
    const line = positionOf(doc, needle, 0).line;
    const diags = await settledDiagnostics(doc.uri);
    const diag = diags.find((d) => d.range.start.line === line);
    assert.ok(diag, `no diagnostic on line ${line + 1}: ${JSON.stringify(diags.map(simplify))}`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const action = (actions ?? []).find((a) => titlePattern.test(a.title));
    assert.ok(
      action,
      `no quick fix matching ${titlePattern} on line ${line + 1}; offered: ${JSON.stringify((actions ?? []).map((a) => a.title))}`,
    );
    assert.ok(action.edit, `the quick fix "${action.title}" carries a WorkspaceEdit`);
    assert.ok(await vscode.workspace.applyEdit(action.edit), 'applyEdit succeeded');
    const after = doc.getText();
    await vscode.commands.executeCommand('workbench.action.files.revert');
    return { before, after, title: action.title, line };
  }

  /** Exactly one line changed, into `expected`; everything else (comments included) identical. */
  function assertOneLineChanged(before: string, after: string, line: number, expected: string): void {
    const b = before.split('\n');
    const a = after.split('\n');
    assert.equal(a.length, b.length, 'no line added or removed');
    assert.equal(a[line], expected);
    for (let i = 0; i < b.length; i++) if (i !== line) assert.equal(a[i], b[i], `line ${i + 1} untouched`);
  }

  it('priority: 5 -> "5", the comment kept', async () => {
    const { before, after, line } = await applyFix('priority: 5', /quot|"5"/i);
    assertOneLineChanged(before, after, line, 'priority: "5" # the API wants a string: "5"');
  });

  it('dialingMode: preview -> Preview, the comment kept', async () => {
    const { before, after, line } = await applyFix('dialingMode: preview', /Preview/);
    assertOneLineChanged(before, after, line, 'dialingMode: Preview # exact case: Preview');
  });

  it('timezone did-you-mean: Asia/Kolkatta -> Asia/Kolkata, the comment kept', async () => {
    const { before, after, line } = await applyFix('timezone: Asia/Kolkatta', /Asia\/Kolkata/);
    assertOneLineChanged(before, after, line, '    timezone: Asia/Kolkata # misspelt');
  });

  it('end: 18:00 -> 6:00 PM, the comment kept', async () => {
    const { before, after, line } = await applyFix('end: 18:00', /6:00 PM/);
    // The fix writes the time quoted (as the API sample does); the comment stays.
    assertOneLineChanged(before, after, line, '        end: 6:00 PM # 24-hour clock: the API wants 6:00 PM');
  });

  it('unknown key dialingmode -> rename to dialingMode keeps value, comment and key order', async () => {
    const before = TEMPLATE.replace('dialingMode: Progressive', 'dialingmode: Progressive # how we dial');
    const doc = await openContent(before);
    const line = positionOf(doc, 'dialingmode:', 0).line;
    const diags = await settledDiagnostics(doc.uri);
    const diag = diags.find((d) => d.range.start.line === line);
    assert.ok(diag, `a diagnostic on the unknown key (line ${line + 1}): ${JSON.stringify(diags.map(simplify))}`);
    assert.match(diag.message, /Did you mean "dialingMode"\?/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const action = (actions ?? []).find((a) => /dialingMode/.test(a.title));
    assert.ok(action?.edit, `a rename fix; offered: ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assertOneLineChanged(before, doc.getText(), line, 'dialingMode: Progressive # how we dial');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('fix all and outline', function () {
  before(activateExtension);
  after(closeAllEditors);

  it('"Fix all auto-fixable problems" turns fixtures/authoring/fixable into fixable.fixed, comments kept', async () => {
    const file = wsPath('fixtures', 'authoring', 'fixable.campaign.yaml');
    const fixedFile = wsPath('fixtures', 'authoring', 'fixable.fixed.campaign.yaml');
    assert.ok(fs.existsSync(file) && fs.existsSync(fixedFile), 'the fixable fixture pair exists');
    const doc = await openDoc(file);
    await settledDiagnostics(doc.uri);
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      whole,
      'source.fixAll',
    );
    const fixAll = (actions ?? []).find((a) => a.title === 'Fix all auto-fixable problems');
    assert.ok(fixAll?.edit, `offered: ${JSON.stringify((actions ?? []).map((a) => `${a.title} (${a.kind?.value})`))}`);
    assert.ok(
      fixAll.kind && vscode.CodeActionKind.SourceFixAll.contains(fixAll.kind),
      `kind ${fixAll.kind?.value} is a source.fixAll kind`,
    );
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.equal(doc.getText(), fs.readFileSync(fixedFile, 'utf8'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('the Outline: campaign name at the root, sections and one child per calling window', async () => {
    const doc = await openContent(TEMPLATE);
    const symbols = await waitFor(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
      (s) => Array.isArray(s) && s.length > 0,
      10_000,
      'document symbols',
    );
    const names = (list: vscode.DocumentSymbol[], depth = 0): string[] =>
      list.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...names(s.children ?? [], depth + 1)]);
    const tree = names(symbols).join('\n');
    assert.equal(symbols.length, 1, `one root: ${tree}`);
    assert.match(symbols[0].name, /Completion probe/, tree);
    assert.match(tree, /dialingStrategy|[Dd]ialing strategy/, tree);
    assert.match(tree, /MO/, `a child for the MO window: ${tree}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
