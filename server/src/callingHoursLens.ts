// The "Preview calling hours" code lens on `callingHours`, for a client that has such a preview:
// it names its command in `initializationOptions.callingHoursPreviewCommand` (the VS Code
// extension does); other editors get no lens whose command they could not run.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens, Connection, TextDocuments } from 'vscode-languageserver';
import { callingHoursLens } from '../../core/src';
import type { CampaignDocuments } from './campaignDocuments';
import { guardedBy } from './log';

/** The command a client asked the lens to run, if it asked (its initializationOptions). */
export function previewCommandOf(initializationOptions: unknown): string | undefined {
  const command = (initializationOptions as { callingHoursPreviewCommand?: unknown } | undefined)?.callingHoursPreviewCommand;
  return typeof command === 'string' && command ? command : undefined;
}

export function registerCallingHoursLens(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  campaigns: CampaignDocuments,
  command: () => string | undefined,
): void {
  connection.onCodeLens(
    guardedBy(connection.console)('textDocument/codeLens', (params): CodeLens[] | null => {
      const document = documents.get(params.textDocument.uri);
      const id = command();
      if (!document || !id) return null;
      const lens = callingHoursLens(campaigns.get(document));
      return lens ? [{ range: lens.range, command: { title: lens.title, command: id, arguments: [document.uri] } }] : [];
    }),
  );
}
