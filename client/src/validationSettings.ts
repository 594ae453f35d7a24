// The validation options for a file as the editor's diagnostics use them: `koreCampaign`
// read for the file's folder (every setting is resource-scoped) and turned into options by the
// core, as the language server does with the same section.
import * as vscode from 'vscode';
import { SETTINGS_SECTION, validationOptions, type CampaignSettings, type ValidationOptions } from '../../core/src';

export function editorValidationOptions(uri: vscode.Uri): ValidationOptions {
  const validate = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get<CampaignSettings['validate']>('validate');
  return validationOptions({ validate });
}
