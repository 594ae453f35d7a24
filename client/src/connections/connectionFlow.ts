// Add Connection as one multi-step input: host (a known platform, the local sandbox, or any
// host or URL typed in), application id, account id, name, then the credentials. Every step
// validates as the user types with the checks the push applies, so a saved connection is one
// the push will accept. Nothing is stored here: the caller saves what comes back.
import * as vscode from 'vscode';
import { HostError, normaliseHost, type Connection } from '../../../platform/src/connection';
import { checkCredentials, type Credentials } from '../../../platform/src/credentials';
import { accountIdProblem, iidProblem } from './idShapes';
import { BACK, inputStep, pickStep, runFlow, type FlowStep } from './multiStepInput';

const TITLE = 'Add Kore.ai connection';

/** Hosts from the platform's documentation; any other https host can be typed. */
const KNOWN_HOSTS: (vscode.QuickPickItem & { host?: string; sandbox?: boolean })[] = [
  { label: 'platform.kore.ai', description: 'Kore.ai cloud, US', host: 'platform.kore.ai' },
  { label: 'de-platform.kore.ai', description: 'Kore.ai cloud, Germany', host: 'de-platform.kore.ai' },
  { label: 'jp-platform.kore.ai', description: 'Kore.ai cloud, Japan', host: 'jp-platform.kore.ai' },
  { label: 'agentassist.kore.ai', description: 'Agent AI tenants', host: 'agentassist.kore.ai' },
  { label: 'agentassist-jp.kore.ai', description: 'Agent AI tenants, Japan', host: 'agentassist-jp.kore.ai' },
  { label: 'Local sandbox', description: 'on this machine, no account needed', sandbox: true },
];

export const SECRET_STORAGE_NOTE = "Kept in VS Code's secret storage for your user, never in settings or in the workspace.";

export function hostProblem(value: string): string | undefined {
  try {
    normaliseHost(value);
    return undefined;
  } catch (error) {
    if (error instanceof HostError) return error.message;
    throw error;
  }
}

export interface ConnectionDraft {
  host?: string;
  sandbox?: boolean;
  iid?: string;
  accountId?: string;
  name?: string;
  credentials: CredentialDraft;
}

interface CredentialDraft {
  kind?: 'client' | 'jwt';
  clientId?: string;
  secret?: string;
}

type Answer<T> = T | typeof BACK | undefined;
/** Store the answer and move on; BACK and cancel pass through. */
function record<T>(answer: Answer<T>, store: (value: T) => unknown): 'next' | typeof BACK | undefined {
  if (answer === undefined) return undefined;
  if (answer === BACK) return BACK;
  store(answer as T);
  return 'next';
}

const hostStep: FlowStep<ConnectionDraft> = async (draft, at) => {
  const chosen = await pickStep(at, {
    title: `${TITLE}: where does it push?`,
    placeholder: 'Choose a platform, or type a host or URL (e.g. bots.example.com or https://bots.example.com)',
    items: KNOWN_HOSTS,
    active: KNOWN_HOSTS.find((h) => (draft.sandbox ? h.sandbox : h.host === draft.host)),
    typed: { item: (value) => ({ label: value, description: 'this host', host: value }), problem: hostProblem },
  });
  return record(chosen, (item) => {
    draft.sandbox = item.sandbox === true;
    draft.host = item.host;
  });
};

const iidStep: FlowStep<ConnectionDraft> = async (draft, at) =>
  record(
    await inputStep(at, {
      title: `${TITLE}: application id (IID)`,
      prompt: 'The application (bot) id, st-..., from App Settings > App Profile.',
      placeholder: 'st-0603182c-7ffb-53c3-b307-47ca14b9a1b2',
      value: draft.iid,
      validate: iidProblem,
    }),
    (iid) => (draft.iid = iid),
  );

const accountStep: FlowStep<ConnectionDraft> = async (draft, at) =>
  record(
    await inputStep(at, {
      title: `${TITLE}: account id`,
      prompt: 'The account id sent in the accountId header (24 hexadecimal characters).',
      placeholder: '67777ce93e25326494e9a1b2',
      value: draft.accountId,
      validate: accountIdProblem,
    }),
    (accountId) => (draft.accountId = accountId),
  );

function nameStep(nameProblem: (name: string) => string | undefined, defaultName: (host: string) => string): FlowStep<ConnectionDraft> {
  return async (draft, at) =>
    record(
      await inputStep(at, {
        title: `${TITLE}: name`,
        prompt: 'A name for this connection, e.g. Production or Staging (a workspace can prefer it by this name).',
        value: draft.name ?? defaultName(draft.host ?? ''),
        validate: nameProblem,
      }),
      (name) => (draft.name = name),
    );
}

/** The credential steps for `connectionName`: kind, then Client ID and Secret, or a JWT. */
export function credentialSteps<S extends { credentials: CredentialDraft }>(connectionName: () => string): FlowStep<S>[] {
  const title = () => `Credentials for ${connectionName()}`;
  const kinds = [
    {
      label: 'Client ID and Client Secret',
      description: 'recommended: a fresh short-lived token for every push',
      credentialKind: 'client' as const,
    },
    { label: 'Paste a JWT', description: 'sent as it is until it expires', credentialKind: 'jwt' as const },
  ];
  const kindStep: FlowStep<S> = async ({ credentials }, at) =>
    record(
      await pickStep(at, {
        title: title(),
        placeholder: 'How does this connection sign in?',
        items: kinds,
        active: kinds.find((k) => k.credentialKind === credentials.kind),
      }),
      (item) => {
        if (credentials.kind !== item.credentialKind) credentials.secret = undefined;
        credentials.kind = item.credentialKind;
      },
    );
  const clientIdStep: FlowStep<S> = async ({ credentials }, at) =>
    record(
      await inputStep(at, {
        title: `${title()}: Client ID`,
        prompt: 'The Client ID of a JWT app with the Campaign Management scope (App Settings > Dev Tools, or Admin Console > API Scopes).',
        placeholder: 'cs-...',
        value: credentials.clientId,
        validate: (value) => (value.trim() ? undefined : 'The Client ID is empty.'),
      }),
      (clientId) => (credentials.clientId = clientId),
    );
  const secretStep: FlowStep<S> = async ({ credentials }, at) =>
    record(
      await inputStep(at, {
        title: `${title()}: ${credentials.kind === 'jwt' ? 'JWT' : 'Client Secret'}`,
        prompt:
          credentials.kind === 'jwt'
            ? `A JWT signed for the app (HS256, appId = Client ID). ${SECRET_STORAGE_NOTE}`
            : `The Client Secret of that app. ${SECRET_STORAGE_NOTE}`,
        password: true,
        validate: (value) =>
          credentials.kind === 'jwt' ? checkCredentials({ kind: 'jwt', token: value }) : value ? undefined : 'The Client Secret is empty.',
      }),
      (secret) => (credentials.secret = secret),
    );
  return [kindStep, clientIdStep, secretStep];
}

/** The credentials a finished draft describes. */
export function credentialsOf(draft: CredentialDraft): Credentials | undefined {
  if (draft.kind === 'jwt' && draft.secret) return { kind: 'jwt', token: draft.secret.trim() };
  if (draft.kind === 'client' && draft.clientId && draft.secret)
    return { kind: 'client', clientId: draft.clientId, clientSecret: draft.secret };
  return undefined;
}

export interface NewConnectionDeps {
  nameProblem: (name: string) => string | undefined;
  defaultName: (host: string) => string;
  newId: () => string;
}

/** Ask for a whole connection. 'sandbox' when the local sandbox was chosen; undefined when cancelled. */
export async function askNewConnection(
  deps: NewConnectionDeps,
): Promise<{ connection: Connection; credentials: Credentials } | 'sandbox' | undefined> {
  const draft: ConnectionDraft = { credentials: {} };
  const name = nameStep(deps.nameProblem, deps.defaultName);
  const credentials = credentialSteps<ConnectionDraft>(() => draft.name ?? 'the connection');
  const plan = (d: ConnectionDraft): FlowStep<ConnectionDraft>[] => {
    if (d.sandbox) return [hostStep];
    const [kindStep, clientIdStep, secretStep] = credentials;
    return [hostStep, iidStep, accountStep, name, kindStep, ...(d.credentials.kind === 'jwt' ? [] : [clientIdStep]), secretStep];
  };
  if (!(await runFlow(draft, plan))) return undefined;
  if (draft.sandbox) return 'sandbox';
  const result = credentialsOf(draft.credentials);
  if (!draft.host || !draft.iid || !draft.accountId || !draft.name || !result) return undefined;
  return {
    connection: { id: deps.newId(), name: draft.name, host: draft.host, iid: draft.iid, accountId: draft.accountId },
    credentials: result,
  };
}

/** Ask for credentials alone (Edit Connection, or a push that has none): the same steps. */
export async function askCredentials(connection: Connection): Promise<Credentials | undefined> {
  const state = { credentials: {} as CredentialDraft };
  const [kindStep, clientIdStep, secretStep] = credentialSteps<typeof state>(() => connection.name);
  const plan = (s: typeof state) => [kindStep, ...(s.credentials.kind === 'jwt' ? [] : [clientIdStep]), secretStep];
  return (await runFlow(state, plan)) ? credentialsOf(state.credentials) : undefined;
}
