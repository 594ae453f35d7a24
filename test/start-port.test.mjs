// `npm start` when its port is taken: code-server moves to a free port and a line says so, with
// the port it wanted, why it did not use it, and the address it uses instead. The port is really
// taken (a listening socket of this test), and start.mjs really runs, with --print-url (choose the
// ports, print the address, build and start nothing) so the test takes a second, not a minute.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT } from './helpers/lsp-client.mjs';

const { choosePort, portFree } = await import(path.join(ROOT, 'scripts', 'lib', 'start-port.mjs'));
const START = path.join(ROOT, 'scripts', 'start.mjs');
const examplesQuery = `/?folder=${encodeURIComponent(path.join(ROOT, 'examples'))}`;

/** A socket listening on a port the system picks, as another program would hold 3777. */
let taken;
let takenPort;
before(async () => {
  taken = net.createServer();
  await new Promise((resolve) => taken.listen(0, '127.0.0.1', resolve));
  takenPort = taken.address().port;
});
after(() => new Promise((resolve) => taken.close(resolve)));

/** `node scripts/start.mjs ...args`, killed if it runs past 20 s; output without colours. */
function start(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [START, ...args], { cwd: ROOT, env: { ...process.env, KORE_START_PORT: '', ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`start.mjs ${args.join(' ')} still running after 20 s:\n${out}`));
    }, 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out: out.replace(/\x1b\[[0-9;]*m/g, '') });
    });
  });
}

/** The notice for the taken port, and the port and address it names instead. */
function movedTo(out) {
  const m = new RegExp(
    `port ${takenPort} is taken \\(another program, perhaps another \`npm start\`, listens on 127\\.0\\.0\\.1:${takenPort}\\), so code-server uses port (\\d+) instead: (http://127\\.0\\.0\\.1:(\\d+)) \\(--port N or KORE_START_PORT to choose one\\)`,
  ).exec(out);
  assert.ok(m, `no notice about port ${takenPort} in:\n${out}`);
  assert.equal(m[1], m[3], 'the port in the notice is the port of its address');
  return { port: Number(m[1]), url: m[2] };
}

test('a taken port: another, free port and a notice naming the wanted port, the reason and the new address', async () => {
  assert.equal(await portFree(takenPort), false);
  const choice = await choosePort(takenPort, { what: 'code-server', hint: '--port N or KORE_START_PORT to choose one' });
  const moved = movedTo(choice.notice);
  assert.notEqual(choice.port, takenPort);
  assert.deepEqual(moved, { port: choice.port, url: choice.url });
  assert.equal(await portFree(choice.port), true, 'the port chosen instead is free');
});

test('a free port is used as asked, with no notice', async () => {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const free = probe.address().port;
  await new Promise((resolve) => probe.close(resolve));
  assert.deepEqual(await choosePort(free, { what: 'code-server' }), { port: free, url: `http://127.0.0.1:${free}` });
});

test('npm start -- --port N with N taken says so and prints the address it uses instead', async () => {
  const { code, out } = await start(['--code-server', '--print-url', '--port', String(takenPort)]);
  assert.equal(code, 0, out);
  const moved = movedTo(out);
  assert.notEqual(moved.port, takenPort);
  // The address a user opens: the new port, on examples/.
  assert.ok(out.split('\n').includes(`${moved.url}${examplesQuery}`), out);
  assert.doesNotMatch(out, /building|packaging|sandbox listening/, 'nothing is built or started');
});

test('KORE_START_PORT is the wanted port too; a port that is not a number is a usage error', async () => {
  const { code, out } = await start(['--code-server', '--print-url'], { KORE_START_PORT: String(takenPort) });
  assert.equal(code, 0, out);
  movedTo(out);
  const bad = await start(['--print-url', '--port', '37x7']);
  assert.equal(bad.code, 2);
  assert.match(bad.out, /--port must be a port number \(1-65535\); got "37x7"/);
});
