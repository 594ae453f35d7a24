import type { Readable } from 'node:stream';

/** What a command may touch, passed in so tests can run commands in-process. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** What "-" reads; process.stdin when not given. */
  stdin?: Readable;
  /** Whether stderr is a terminal: progress lines are drawn only there. */
  stderrIsTTY?: boolean;
  /** Whether stdout is a terminal: `hours` colours its grid only there. */
  stdoutIsTTY?: boolean;
}
