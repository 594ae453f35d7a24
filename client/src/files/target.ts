// The campaign file a command works on: the one it was given (explorer, editor title, a button),
// else the active editor's; its text as the user sees it (an open editor's, unsaved edits and
// all, never the older disk copy). Every command that acts on one file asks here.
import * as vscode from 'vscode';
import { parseCampaign } from '../../../core/src';
import { LANGUAGE_ID } from '../language';
import { fileNameOf } from './campaignFiles';

const CAMPAIGN_FILE = /\.campaign\.ya?ml$/i;

export interface CampaignTarget {
  uri: vscode.Uri;
  fileName: string;
  text: string;
  /** The open editor's document, when the file is open. */
  document?: vscode.TextDocument;
  /** The text has edits the file on disk does not. */
  unsaved: boolean;
}

/** A target whose text is a campaign mapping. */
export interface CampaignFileTarget extends CampaignTarget {
  campaign: Record<string, unknown>;
  /** The file's campaignId, trimmed, when it has one. */
  campaignId?: string;
}

/** `action` finishes "Open a *.campaign.yaml file to ...": push it, compare it with the platform. */
export async function resolveTarget(arg: unknown, action: string): Promise<CampaignTarget | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage(`Open a *.campaign.yaml file to ${action}.`);
    return undefined;
  }
  const fileName = fileNameOf(uri);
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!CAMPAIGN_FILE.test(uri.path) && document?.languageId !== LANGUAGE_ID) {
    void vscode.window.showErrorMessage(`${fileName} is not a campaign file (*.campaign.yaml).`);
    return undefined;
  }
  if (document) return { uri, fileName, text: document.getText(), document, unsaved: document.isDirty };
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { uri, fileName, text: new TextDecoder('utf-8').decode(bytes), unsaved: false };
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot read ${fileName}: ${(error as Error).message}`);
    return undefined;
  }
}

/** resolveTarget, then the campaign it holds; a file that holds none is refused, saying so. */
export async function resolveCampaignTarget(arg: unknown, action: string): Promise<CampaignFileTarget | undefined> {
  const target = await resolveTarget(arg, action);
  if (!target) return undefined;
  const value = parseCampaign(target.text).value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    void vscode.window.showErrorMessage(`${target.fileName} does not hold a campaign mapping, so there is nothing to ${action}.`);
    return undefined;
  }
  const campaign = value as Record<string, unknown>;
  const id = campaign.campaignId;
  const campaignId = typeof id === 'string' && id.trim() ? id.trim() : undefined;
  return { ...target, campaign, campaignId };
}
