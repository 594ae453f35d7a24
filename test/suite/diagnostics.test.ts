// What the user sees in the editor: `vscode.languages.getDiagnostics` for every campaign file
// in examples/ and test/fixtures/, exact message, severity, code and range.
//
// Expectations are hard-coded in expected-diagnostics.json (generated from the CLI validator
// by snapshot-diagnostics.mjs, reviewed and committed): if the editor shows anything else,
// or a campaign file has no expectation, this fails.
// (Clearing on close is left to the protocol tests: VS Code keeps documents an extension
// opened alive for up to 3 minutes after their editor closes, so no close event comes soon.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import expectedJson from './expected-diagnostics.json';
import {
  SimpleDiag,
  activateExtension,
  closeAllEditors,
  openContent,
  openDoc,
  positionOf,
  settledDiagnostics,
  simplify,
  sleep,
  sortDiags,
  waitFor,
  workspaceRoot,
  wsPath,
} from './helpers';

const expected = expectedJson as unknown as Record<string, SimpleDiag[]>;

function campaignFiles(): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(workspaceRoot(), rel);
    if (!fs.existsSync(abs)) return;
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      else if (/\.campaign\.ya?ml$/.test(e.name)) found.push(r);
    }
  };
  walk('examples');
  walk('fixtures');
  return found.sort();
}

describe('diagnostics in the editor', function () {
  this.timeout(120_000);
  // Files are opened in chunks (the client syncs documents opened without an editor too) and
  // each chunk is awaited once until it is stable. Chunks stay small because VS Code keeps at
  // most 50 extension-opened documents without an editor alive: older ones get closed (and
  // the server rightly clears their diagnostics).
  const CHUNK = 20;
  const rels = Object.keys(expected);
  const docs = new Map<string, vscode.TextDocument>();
  async function ensureOpen(rel: string): Promise<vscode.TextDocument | undefined> {
    const have = docs.get(rel);
    if (have && !have.isClosed) return have;
    const chunk = rels.slice(rels.indexOf(rel), rels.indexOf(rel) + CHUNK).filter((r) => fs.existsSync(wsPath(...r.split('/'))));
    const opened: [string, vscode.TextDocument][] = [];
    for (const r of chunk) {
      const d = await openDoc(wsPath(...r.split('/')), false);
      docs.set(r, d);
      opened.push([r, d]);
    }
    const snapshot = () => JSON.stringify(opened.map(([, d]) => vscode.languages.getDiagnostics(d.uri).map(simplify)));
    await waitFor(
      () => opened.every(([r, d]) => expected[r].length === 0 || vscode.languages.getDiagnostics(d.uri).length > 0),
      (ok) => ok,
      20_000,
      'diagnostics for every file with expected problems',
    ).catch(() => undefined);
    let prev = snapshot();
    for (let stable = 0; stable < 6;) {
      await sleep(100);
      const now = snapshot();
      stable = now === prev ? stable + 1 : 0;
      prev = now;
    }
    return docs.get(rel);
  }
  before(activateExtension);
  after(closeAllEditors);

  it('every campaign file in examples/ and fixtures/ has hard-coded expectations', () => {
    const files = campaignFiles();
    assert.ok(
      files.some((f) => f.startsWith('examples/')),
      'examples/ holds campaign files',
    );
    const missing = files.filter((f) => !(f in expected));
    assert.deepEqual(missing, [], 'files without expectations: run `node test/suite/snapshot-diagnostics.mjs`, review, commit');
  });

  it('the valid example has no diagnostics; the example with mistakes has some', () => {
    const ex = Object.keys(expected).filter((f) => f.startsWith('examples/'));
    assert.ok(
      ex.some((f) => expected[f].length === 0),
      'a valid campaign in examples/ (zero diagnostics)',
    );
    assert.ok(
      ex.some((f) => expected[f].length > 0),
      'a campaign with mistakes in examples/',
    );
  });

  for (const [rel, want] of Object.entries(expected)) {
    it(`${rel}: ${want.length} diagnostic(s), exact messages and ranges`, async () => {
      const file = wsPath(...rel.split('/'));
      assert.ok(fs.existsSync(file), `${rel} exists in the test workspace`);
      const doc = (await ensureOpen(rel))!;
      const got = vscode.languages.getDiagnostics(doc.uri).map(simplify);
      assert.deepEqual(sortDiags(got), sortDiags(want.map((d) => ({ ...d, range: [...d.range] as SimpleDiag['range'] }))));
      assert.ok(
        vscode.languages.getDiagnostics(doc.uri).every((d) => d.source === 'kore-campaign'),
        'source is kore-campaign',
      );
    });
  }

  it('diagnostics follow edits (incremental sync) and clear when the mistake is fixed', async () => {
    const valid = Object.keys(expected).find((f) => f.startsWith('examples/') && expected[f].length === 0);
    assert.ok(valid, 'a valid example');
    const text = fs.readFileSync(wsPath(...valid.split('/')), 'utf8');
    const doc = await openContent(text);
    await settledDiagnostics(doc.uri, 2_500, false);
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).map(simplify), [], 'the valid example is clean');
    // Break the priority: a number instead of a string.
    const m = /^priority: .*$/m.exec(text);
    assert.ok(m, 'the valid example has a priority line');
    const start = positionOf(doc, m[0], 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(start, start.translate(0, m[0].length)), 'priority: 7');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const diags = await waitFor(
      () => vscode.languages.getDiagnostics(doc.uri),
      (d) => d.length > 0,
      10_000,
      'a diagnostic after the edit',
    );
    const d = diags.map(simplify).find((x) => x.range[0] === start.line);
    assert.ok(d, `a diagnostic on line ${start.line + 1}: ${JSON.stringify(diags.map(simplify))}`);
    assert.deepEqual(d.range, [start.line, 10, start.line, 11], 'on the value 7');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /priority must be a string "1"\.\."5"; found the number 7/);
    // Undo: clean again.
    await vscode.commands.executeCommand('undo');
    await waitFor(
      () => vscode.languages.getDiagnostics(doc.uri),
      (x) => x.length === 0,
      10_000,
      'diagnostics to clear',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
