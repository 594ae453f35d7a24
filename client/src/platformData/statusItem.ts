// The language status items of campaign files (behind the {} in the status bar): one for the
// language server's state and the rule groups on, one for the active connection's platform data
// (how many contact lists, how old) or, when the lists are not known, why their checks were
// skipped. Two rows rather than one: VS Code shows each row on one line in a hover about 500
// pixels wide, and a single row holding all of it was cut off before the connection and the age.
import * as vscode from 'vscode';
import { config, type RuleGroupsOn } from '../config';
import { LANGUAGE_ID } from '../language';
import { age } from './contactListCache';
import { reasonWords, type PlatformData, type PlatformState } from './platformData';

export const SKIPPED_CHECKS = 'unknown-contact-list, empty-contact-list';

export type ServerState = 'starting' | 'running' | 'stopped';

export interface StatusText {
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
}

/** What the two rows show (the in-editor tests read it here). */
export interface StatusRows {
  server: StatusText;
  platform: StatusText;
}

const SEVERITY = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
};

export class PlatformStatusItem implements vscode.Disposable {
  private readonly serverItem = vscode.languages.createLanguageStatusItem('koreCampaign.server', { language: LANGUAGE_ID });
  private readonly platformItem = vscode.languages.createLanguageStatusItem('koreCampaign.status', { language: LANGUAGE_ID });
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly timer: NodeJS.Timeout;
  private shown: StatusRows = {
    server: { text: '', detail: '', severity: 'information' },
    platform: { text: '', detail: '', severity: 'information' },
  };

  constructor(
    private readonly platform: PlatformData,
    private readonly serverState: () => ServerState,
  ) {
    this.serverItem.name = 'Kore.ai Campaigns: language server';
    this.serverItem.command = {
      title: 'Rules',
      command: 'workbench.action.openSettings',
      arguments: ['koreCampaign.validate'],
      tooltip: 'The settings that turn rule groups on and off',
    };
    this.platformItem.name = 'Kore.ai Campaigns: platform data';
    this.platformItem.command = {
      title: 'Refresh',
      command: 'koreCampaign.refreshPlatformData',
      tooltip: `Fetch the contact lists of the active connection again (${SKIPPED_CHECKS} need them)`,
    };
    this.subscriptions.push(
      platform.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => config.affects(e, 'validate') && this.update()),
    );
    // The age ("3 min ago") moves on by itself.
    this.timer = setInterval(() => this.update(), 60_000);
    this.update();
  }

  /** What the rows show now. */
  get status(): StatusRows {
    return this.shown;
  }

  update(): void {
    const server = this.serverState();
    this.shown = describe(this.platform.state, server, config.ruleGroups(vscode.window.activeTextEditor?.document.uri));
    for (const [item, row] of [
      [this.serverItem, this.shown.server],
      [this.platformItem, this.shown.platform],
    ] as const) {
      item.text = row.text;
      item.detail = row.detail;
      item.severity = SEVERITY[row.severity];
    }
    this.serverItem.busy = server === 'starting';
    this.platformItem.busy = this.platform.state.fetching === true;
  }

  dispose(): void {
    clearInterval(this.timer);
    this.serverItem.dispose();
    this.platformItem.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

const SERVER_ICON: Record<ServerState, string> = { running: '$(check)', starting: '$(sync)', stopped: '$(error)' };

export function describe(state: PlatformState, server: ServerState, groups: RuleGroupsOn): StatusRows {
  const rules = !groups.enabled
    ? 'validation off'
    : groups.on.length === groups.all
      ? `all ${groups.all} rule groups on`
      : `rule groups on: ${groups.on.join(', ') || 'none'}`;
  const serverRow: StatusText = {
    text: `${SERVER_ICON[server]} Language server ${server}`,
    detail: rules,
    severity: server === 'stopped' ? 'error' : 'information',
  };
  if (state.state === 'known') {
    const count = `${state.contactLists.length} contact ${state.contactLists.length === 1 ? 'list' : 'lists'}`;
    return {
      server: serverRow,
      platform: {
        text: `$(check) ${state.connection}: ${count}`,
        detail: state.offlineCopy ? `offline: lists from ${age(state.fetchedAt)}` : `lists fetched ${age(state.fetchedAt)}`,
        severity: state.offlineCopy ? 'warning' : 'information',
      },
    };
  }
  return {
    server: serverRow,
    platform: {
      text: '$(circle-slash) Contact lists not checked',
      detail: reasonWords(state),
      severity: state.reason === 'fetch-failed' ? 'warning' : 'information',
    },
  };
}
