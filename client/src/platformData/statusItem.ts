// The language status item of campaign files ({} in the status bar): the language server's
// state, the rule groups on, the active connection, how old its platform data is, and, when
// the contact lists are not known, which checks were skipped and why.
import * as vscode from 'vscode';
import { RULE_GROUPS } from '../../../core/src/settings';
import { LANGUAGE_ID } from '../language';
import { age } from './contactListCache';
import { reasonWords, type PlatformData, type PlatformState } from './platformData';

export const SKIPPED_CHECKS = 'unknown-contact-list, empty-contact-list';

export type ServerState = 'starting' | 'running' | 'stopped';

export interface StatusText {
  text: string;
  detail: string;
  severity: 'information' | 'warning';
}

export class PlatformStatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('koreCampaign.status', { language: LANGUAGE_ID });
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly timer: NodeJS.Timeout;
  private shown: StatusText = { text: '', detail: '', severity: 'information' };

  constructor(
    private readonly platform: PlatformData,
    private readonly serverState: () => ServerState,
  ) {
    this.item.name = 'Kore.ai Campaigns';
    this.item.command = { title: 'Refresh', command: 'koreCampaign.refreshPlatformData', tooltip: 'Fetch the contact lists of the active connection again' };
    this.subscriptions.push(
      platform.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('koreCampaign.validate') && this.update()),
    );
    // The age ("3 min ago") moves on by itself.
    this.timer = setInterval(() => this.update(), 60_000);
    this.update();
  }

  /** What the item shows now (the in-editor tests read it here). */
  get status(): StatusText {
    return this.shown;
  }

  update(): void {
    this.shown = describe(this.platform.state, this.serverState(), groupsOn());
    this.item.text = this.shown.text;
    this.item.detail = this.shown.detail;
    this.item.busy = this.platform.state.fetching === true;
    this.item.severity = this.shown.severity === 'warning' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    clearInterval(this.timer);
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The rule groups whose setting is not `off` (all of them when validation is on and nothing is set). */
function groupsOn(): { on: string[]; all: number; enabled: boolean } {
  const config = vscode.workspace.getConfiguration('koreCampaign.validate', vscode.window.activeTextEditor?.document.uri);
  const groups = Object.keys(RULE_GROUPS);
  return { on: groups.filter((g) => config.get<string>(g) !== 'off'), all: groups.length, enabled: config.get<boolean>('enable') !== false };
}

export function describe(state: PlatformState, server: ServerState, groups: { on: string[]; all: number; enabled: boolean }): StatusText {
  const serverText = `Language server ${server}`;
  const rules = !groups.enabled ? 'validation off' : groups.on.length === groups.all ? `all ${groups.all} rule groups on` : `rule groups on: ${groups.on.join(', ') || 'none'}`;
  if (state.state === 'known') {
    const count = `${state.contactLists.length} contact ${state.contactLists.length === 1 ? 'list' : 'lists'}`;
    const when = state.offlineCopy ? `offline: lists from ${age(state.fetchedAt)}` : `lists fetched ${age(state.fetchedAt)}`;
    return {
      text: `$(check) ${state.connection}: ${count}`,
      detail: [serverText, rules, `connection ${state.connection}`, when].join(' · '),
      severity: state.offlineCopy ? 'warning' : 'information',
    };
  }
  return {
    text: '$(circle-slash) Contact lists not checked',
    detail: [serverText, rules, state.connection ? `connection ${state.connection}` : 'no connection', `skipped ${SKIPPED_CHECKS}: ${reasonWords(state)}`].join(' · '),
    severity: state.reason === 'fetch-failed' ? 'warning' : 'information',
  };
}
