// `validate --platform`: the contact lists of the platform named by the KORE_* variables (as
// `push` reads them), so names are checked as the editor checks them. The platform is a help,
// never a gate: when it cannot be reached the files are checked without it, after one notice,
// and the exit code is the offline one.
import { KnownContactLists } from '../../../core/src';
import type { CommandIO } from '../io';

/** Seconds one try may take: a pipeline should not wait long for a check it can do without. */
const PLATFORM_TIMEOUT_MS = 15_000;

export async function contactListsFromPlatform(io: CommandIO): Promise<KnownContactLists | undefined> {
  // Loaded only with --platform: plain `validate` never loads the HTTP client.
  const [{ configFromEnv }, { fetchContactLists }] = await Promise.all([
    import('../platformConfig'),
    import('../../../platform/src/contactLists'),
  ]);
  const config = configFromEnv(io.env);
  if ('problems' in config) {
    io.stderr(
      `kore-campaign validate: --platform needs the KORE_* connection variables (${config.problems.join(' ')}); contact-list names were not checked.\n`,
    );
    return undefined;
  }
  const result = await fetchContactLists(config.connection, config.credentials, {
    budget: config.budget,
    env: io.env,
    subject: 'kore-campaign-cli',
    timeoutMs: PLATFORM_TIMEOUT_MS,
  });
  if (result.kind === 'failed') {
    io.stderr(`kore-campaign validate: ${result.reason} Contact-list names were not checked; everything else was.\n`);
    return undefined;
  }
  return new KnownContactLists(result.lists, config.connection.name);
}
