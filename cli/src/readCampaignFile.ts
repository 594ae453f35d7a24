// Reading one campaign file (or stdin) for the CLI, refusing what is not a campaign before it is
// parsed: a folder, a FIFO or device (reading one would block forever), a file over the size
// limit, bytes that are not UTF-8 text. Every refusal is a sentence the user can act on.
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';

import { MAX_CAMPAIGN_FILE_BYTES } from '../../core/src';

// The largest file read is the core's limit, the language server's too; documented in
// `kore-campaign validate --help` and docs/ci.md.
export { MAX_CAMPAIGN_FILE_BYTES };

export type ReadResult = { text: string } | { problem: string };

const SIZE_LIMIT_TEXT = `${MAX_CAMPAIGN_FILE_BYTES / (1024 * 1024)} MB`;

/** Read `file` (an absolute path) as a campaign's text, or say why not. */
export async function readCampaignFile(file: string): Promise<ReadResult> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    return { problem: describeFsError(error as NodeJS.ErrnoException) };
  }
  if (info.isDirectory()) return { problem: 'is a folder, not a file (name a campaign file in it)' };
  if (!info.isFile()) return { problem: 'is not a regular file (a pipe, socket or device); pass its contents with "-" on stdin instead' };
  if (info.size > MAX_CAMPAIGN_FILE_BYTES) return { problem: tooLarge(info.size) };
  let bytes: Buffer;
  try {
    // Opened and read through one handle so the size and type checked above are of this file.
    const handle = await open(file, 'r');
    try {
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { problem: describeFsError(error as NodeJS.ErrnoException) };
  }
  return decodeCampaignBytes(bytes);
}

/** Read all of stdin, stopping as soon as it passes the size limit. */
export async function readCampaignStream(stream: Readable): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > MAX_CAMPAIGN_FILE_BYTES) {
      stream.destroy();
      return { problem: tooLarge(size, true) };
    }
    chunks.push(buffer);
  }
  return decodeCampaignBytes(Buffer.concat(chunks));
}

/** UTF-8 text (a BOM is dropped) or "not a text file". */
export function decodeCampaignBytes(bytes: Buffer): ReadResult {
  // A NUL byte never appears in YAML text and is the surest sign of a binary file.
  if (bytes.includes(0)) return { problem: 'is not a text file (it contains NUL bytes)' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text };
  } catch {
    return { problem: 'is not a text file (it is not valid UTF-8)' };
  }
}

function tooLarge(size: number, atLeast = false): string {
  const mb = (size / (1024 * 1024)).toFixed(1);
  return `is too large (${atLeast ? 'over ' : ''}${mb} MB; campaign files are limited to ${SIZE_LIMIT_TEXT})`;
}

function describeFsError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'does not exist (no such file or folder)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'does not exist (a part of the path is not a folder)';
    default:
      return `cannot be read (${error.code ?? error.message})`;
  }
}
