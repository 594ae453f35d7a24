// The language server: LSP wiring over the pure core in ./core. No analysis lives here.
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { AUTHORING_CAPABILITIES, registerAuthoring } from './authoring';
import { CampaignDocuments } from './campaignDocuments';
import { toLspDiagnostic } from './convert';
import { validateCampaign } from '../../core/src';
import { PlatformData } from './platformData';
import { PLATFORM_DATA_NOTIFICATION } from './platformProtocol';
import { validationOptions, type CampaignSettings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const campaigns = new CampaignDocuments();
// Completion, hover, code actions, outline, folding and selection ranges (./authoring.ts).
const platformData = new PlatformData();
const authoring = registerAuthoring({ connection, documents, campaigns, settings: () => settings, contactLists: () => platformData.contactLists });

let settings: CampaignSettings | undefined;
let canPullConfiguration = false;
/** Settings decide severities: the first diagnostics wait for them rather than flicker. */
let settingsReady: Promise<void> = Promise.resolve();
let resolveSettingsReady: () => void = () => {};

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  if (canPullConfiguration) settingsReady = new Promise((resolve) => (resolveSettingsReady = resolve));
  authoring.initialize(params);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...AUTHORING_CAPABILITIES,
    },
    serverInfo: { name: 'kore-campaign-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'koreCampaign' });
    void refreshSettings();
  }
});

connection.onDidChangeConfiguration((change) => {
  if (canPullConfiguration) void refreshSettings();
  else {
    settings = (change.settings as { koreCampaign?: CampaignSettings } | undefined)?.koreCampaign;
    documents.all().forEach(publishDiagnostics);
  }
});

async function refreshSettings(): Promise<void> {
  try {
    settings = (await connection.workspace.getConfiguration('koreCampaign')) as CampaignSettings | undefined;
  } catch {
    settings = undefined;
  }
  resolveSettingsReady();
  documents.all().forEach(publishDiagnostics);
}

function publishDiagnostics(document: TextDocument): void {
  if (settings?.validate?.enable === false) {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
    return;
  }
  const diagnostics = validateCampaign(campaigns.get(document), { ...validationOptions(settings), contactLists: platformData.contactLists });
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnostics.map(toLspDiagnostic) });
}

// The extension says which contact lists the active connection has (or why it does not know): open documents are checked again.
connection.onNotification(PLATFORM_DATA_NOTIFICATION, (params: unknown) => {
  if (platformData.update(params)) void settingsReady.then(() => documents.all().forEach(publishDiagnostics));
});

// Validation runs on every change with no debounce: it is fast enough, and latency counts from the keystroke.
documents.onDidChangeContent((event) => {
  void settingsReady.then(() => {
    // A later change may have superseded this one while settings were loading.
    const current = documents.get(event.document.uri);
    if (current && current.version === event.document.version) publishDiagnostics(current);
  });
});

documents.onDidClose((event) => {
  campaigns.forget(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
