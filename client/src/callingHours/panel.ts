// One calling-hours preview: a webview beside a campaign file, redrawn from the file's text
// (saved or not) shortly after each edit, under the file's koreCampaign.validate settings (the
// policy band and overlap marks follow the diagnostics). The webview asks for another clock or
// week, and to put the cursor on a window; the host answers with a new model.
import * as vscode from 'vscode';
import { callingHoursWeek, isValidTimeZone, parseCampaign } from '../../../core/src';
import type { Ctx } from '../ctx';
import { config } from '../config';
import { makeNonce, previewHtml } from './html';
import type { ClockChoice, ModelMessage, PreviewSnapshot, RenderedReport, ViewMessage } from './protocol';

export const PREVIEW_VIEW_TYPE = 'koreCampaign.callingHours';
/** Typing pauses this long before the grid is drawn again. */
const REDRAW_DELAY_MS = 150;
/** Weeks either side of this one the preview goes to: ten years. */
const MAX_WEEKS = 520;

export class CallingHoursPanel {
  private choice: ClockChoice = 'campaign';
  private week = 0;
  private viewerZone: string | undefined;
  private revision = 0;
  private posted: ModelMessage | undefined;
  private rendered: RenderedReport | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly ctx: Ctx,
    readonly uri: vscode.Uri,
    private readonly panel: vscode.WebviewPanel,
    onDispose: () => void,
  ) {
    panel.webview.html = previewHtml(makeNonce());
    const key = uri.toString();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === key) this.schedule();
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document.uri.toString() === key) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('koreCampaign.validate', uri)) this.schedule();
      }),
    );
    panel.onDidDispose(() => {
      clearTimeout(this.timer);
      for (const d of this.disposables.splice(0)) d.dispose();
      onDispose();
    });
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  snapshot(): PreviewSnapshot {
    return { uri: this.uri.toString(), choice: this.choice, week: this.week, posted: this.posted, rendered: this.rendered };
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.post(), REDRAW_DELAY_MS);
  }

  private async receive(raw: unknown): Promise<void> {
    const message = raw as ViewMessage;
    switch (message?.type) {
      case 'ready':
        // The webview's zone is the viewer's (the extension host may run on a server elsewhere).
        this.viewerZone = typeof message.viewerZone === 'string' && isValidTimeZone(message.viewerZone) ? message.viewerZone : undefined;
        return this.post();
      case 'choose':
        if (message.choice !== 'campaign' && message.choice !== 'viewer' && message.choice !== 'utc') return;
        this.choice = message.choice;
        return this.post();
      case 'week':
        if (!Number.isInteger(message.week) || Math.abs(message.week) > MAX_WEEKS) return;
        this.week = message.week;
        return this.post();
      case 'reveal':
        return this.revealInEditor(message.range);
      case 'rendered':
        this.rendered = message;
        return;
    }
  }

  private async post(): Promise<void> {
    clearTimeout(this.timer);
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(this.uri);
    } catch (error) {
      this.ctx.log.warn(`Calling hours preview: ${this.uri.toString(true)} cannot be read: ${(error as Error)?.message ?? error}`);
      return;
    }
    const viewZone = this.choice === 'utc' ? 'UTC' : this.choice === 'viewer' ? this.viewerZone : undefined;
    const model = callingHoursWeek(parseCampaign(document.getText()), {
      now: new Date(),
      ...(viewZone ? { viewZone } : {}),
      ...(this.viewerZone ? { viewerZone: this.viewerZone } : {}),
      week: this.week,
      validation: config.validation(this.uri),
    });
    const message: ModelMessage = {
      type: 'model',
      revision: ++this.revision,
      fileName: this.uri.path.slice(this.uri.path.lastIndexOf('/') + 1),
      choice: this.choice,
      ...(this.viewerZone ? { viewerZone: this.viewerZone } : {}),
      model,
    };
    this.posted = message;
    await this.panel.webview.postMessage(message);
  }

  /** The cursor on a window (or the field that could not be drawn), in the editor showing the file, or a new one beside the preview. */
  private async revealInEditor(range: unknown): Promise<void> {
    const at = range as { start?: { line?: unknown; character?: unknown } } | undefined;
    const line = at?.start?.line;
    const character = at?.start?.character;
    if (typeof line !== 'number' || typeof character !== 'number' || !Number.isFinite(line) || !Number.isFinite(character)) return;
    const document = await vscode.workspace.openTextDocument(this.uri);
    const position = document.validatePosition(new vscode.Position(line, character));
    const key = this.uri.toString();
    const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === key);
    const column = shown?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: column,
      selection: new vscode.Selection(position, position),
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
