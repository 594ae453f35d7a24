// `kore-campaign`: the core's checks (and the push) for CI pipelines and people without the editor.
import { runValidate, VALIDATE_USAGE } from './commands/validate';
import { EXIT, type CommandIO } from './io';

const USAGE = `Usage: kore-campaign <command> [options]

Commands:
  validate [--format text|json] [--platform] <files, folders or globs...>  check campaign files
  push <file> [--dry-run] [--force]                              plan, then send a campaign to the platform (PUT)
  sandbox [--port N] [--latency-ms N]                            run the local sandbox API
  pull <campaignId...> | --all [--out DIR] [--overwrite]         bring campaigns into campaign files
  plan <files, folders or globs...>                              what a push would change (drift in CI)
  create <file>                                                  create a campaign, write its id into the file

Run kore-campaign <command> --help for details.

${VALIDATE_USAGE}`;

type Command = (args: string[], io: CommandIO) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => runValidate,
  push: async () => (await import('./commands/push')).run,
  sandbox: async () => (await import('./commands/sandbox')).run,
  pull: async () => (await import('./commands/pull')).run,
  plan: async () => (await import('./commands/plan')).run,
  create: async () => (await import('./commands/create')).run,
};

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${USAGE}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`kore-campaign: unknown command "${name}".\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  return (await load())(args, io);
}

const io: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY === true,
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kore-campaign: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = EXIT.usage;
  },
);
