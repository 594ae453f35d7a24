// `kore-campaign`: the core's checks (and the push) for CI pipelines and people without the editor.
import { runValidate } from './commands/validate';
import { EXIT } from './exitCodes';
import type { CommandIO } from './io';
import { VERSION } from './version';

type Command = (args: string[], io: CommandIO) => Promise<number>;

/** Every command, with the line the top-level help shows for it. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: { summary: 'check campaign files (text, json, sarif or github output)', load: async () => runValidate },
  push: {
    summary: 'validate and plan a campaign file, then send it to the platform (PUT)',
    load: async () => (await import('./commands/push')).run,
  },
  sandbox: {
    summary: 'run the local sandbox API (a stand-in for the platform)',
    load: async () => (await import('./commands/sandbox')).run,
  },
  pull: { summary: 'bring campaigns from the platform into campaign files', load: async () => (await import('./commands/pull')).run },
  plan: {
    summary: 'what a push would change, without changing anything (drift in CI)',
    load: async () => (await import('./commands/plan')).run,
  },
  create: {
    summary: 'create a campaign from a file and write its id into the file',
    load: async () => (await import('./commands/create')).run,
  },
  hours: {
    summary: "draw a campaign's calling hours as a week, in its zone or another (--tz)",
    load: async () => (await import('./commands/hours')).run,
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 2;
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`);
  return `Usage: kore-campaign <command> [options]

Commands:
${lines.join('\n')}

Options:
  -h, --help     this help (kore-campaign <command> --help: that command's options and examples)
  --version      print the version (${VERSION})

Examples:
  kore-campaign validate campaigns/
  kore-campaign validate --format sarif campaigns/ > kore-campaign.sarif
  kore-campaign push campaigns/billing.campaign.yaml --dry-run
  kore-campaign plan campaigns/
  kore-campaign pull --all --out campaigns/
  kore-campaign hours campaigns/billing.campaign.yaml --tz Europe/Berlin
  kore-campaign sandbox --port 4777`;
}

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`kore-campaign: unknown command "${name}". The commands are ${Object.keys(COMMANDS).join(', ')}.\n\n${usage()}\n`);
    return EXIT.usage;
  }
  return (await command.load())(args, io);
}

const io: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
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
