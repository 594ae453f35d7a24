// A short seeded fuzz run (scripts/fuzz.mjs): a few thousand mutated fixtures through every core
// service and, one in ten, through the built language server over stdio. It must find nothing:
// no exception, no error answer, no hang, no incremental parse that differs from a fresh one, no
// operation over the limit, server memory under 512 MB. Inputs are kept small (16 KB) so the run
// takes seconds; the long run (`npm run fuzz -- --count 100000`, inputs up to 1 MB, 1 s limit) is
// in docs/fuzzing.md. The limit here is 2 s of CPU time: a guard against quadratic paths (which
// took tens of seconds), loose enough for a busy machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './helpers/lsp-client.mjs';
import { tempDir } from './helpers/fixtures.mjs';

test('fuzz: 2,000 seeded inputs through the core and the server find nothing', { timeout: 600_000 }, async () => {
  const out = tempDir('kore-fuzz-');
  const args = [
    path.join(ROOT, 'scripts', 'fuzz.mjs'),
    '--count',
    '2000',
    '--seed',
    '1',
    '--max-chars',
    '16384',
    '--time-limit',
    '2000',
    '--quiet',
    '--out',
    out,
  ];
  const result = await new Promise((resolve) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, stdout, stderr }),
    );
  });
  const lines = result.stdout.trim().split('\n');
  assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
  assert.match(
    lines[0],
    /^fuzz: seed 1, 2,000 of 2,000 inputs \(largest 16,384 characters\), [\d,]+ core calls, 1,800 server requests on 200 inputs/,
  );
  assert.equal(
    lines[1],
    'fuzz: exceptions 0, error answers 0, hangs 0, over 2000 ms 0, incremental mismatches 0, parser mismatches 0, memory 0',
  );
  assert.equal(lines[3], 'fuzz: no findings');
});

test(
  'fuzz: --shard K/N takes every Nth input, and an operation over the limit is run again before it counts',
  { timeout: 120_000 },
  async () => {
    const out = tempDir('kore-fuzz-shard-');
    // A limit of 0 ms puts every operation over it: each input is run again (twice, the default), and still reported.
    const args = [
      path.join(ROOT, 'scripts', 'fuzz.mjs'),
      '--count',
      '40',
      '--seed',
      '1',
      '--shard',
      '1/2',
      '--server-every',
      '5',
      '--max-chars',
      '4096',
      '--time-limit',
      '0',
      '--quiet',
      '--out',
      out,
    ];
    const result = await new Promise((resolve) => {
      execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? error.code : 0, stdout, stderr }),
      );
    });
    const lines = result.stdout.trim().split('\n');
    assert.equal(result.code, 1, `${result.stdout}\n${result.stderr}`);
    assert.match(
      lines[0],
      /^fuzz: seed 1, shard 1\/2, 20 of 20 inputs \(largest [\d,]+ characters\), [\d,]+ core calls, 36 server requests on 4 inputs/,
    );
    assert.match(lines[1], /over 0 ms [1-9]/);
    const again = Number(/([\d,]+) inputs run again after an operation over 0 ms/.exec(lines[2])?.[1].replace(/,/g, ''));
    assert.ok(again >= 40, `expected each of the 20 core inputs to run twice more, got: ${lines[2]}`);
    assert.match(lines[3], /^fuzz: \d+ findings, reproducers in /);

    const bad = await new Promise((resolve) =>
      execFile(process.execPath, [path.join(ROOT, 'scripts', 'fuzz.mjs'), '--shard', '2/2'], (error, stdout, stderr) =>
        resolve({ code: error?.code, stderr }),
      ),
    );
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--shard must be K\/N with 0 <= K < N, not 2\/2/);
  },
);
