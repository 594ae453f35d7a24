// Extension activation, measured outside VS Code: dist/client.js is loaded in this process with
// a minimal fake `vscode` module (a recursive stub: every property is a callable, constructible
// stub), then `activate()` is awaited. Printed: the time to load the bundle and the time until
// `activate()` returns. This is not VS Code's own figure (no extension host, no real API), but
// it times the same code: the bundle's top level and the body of activate().
//
//   node bench/activation.cjs [path to dist/client.js]
const Module = require('node:module');
const path = require('node:path');

function stub(name = 'vscode') {
  const target = function () {};
  return new Proxy(target, {
    get(_, key) {
      if (key === 'then') return undefined; // not a promise
      if (key === Symbol.toPrimitive) return () => '';
      if (key === Symbol.iterator) return function* () {};
      if (key === 'toString' || key === 'toJSON') return () => name;
      if (key === 'length') return 0;
      if (key === 'version' && name === 'vscode') return '1.91.0';
      return stub(`${name}.${String(key)}`);
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
    set: () => true,
  });
}

// A plain object (bundlers copy a module's own properties): every name the real API exports, as a stub.
const fakeVscode = { version: '1.91.0' };
const typings = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
for (const m of typings.matchAll(/^\s*export (?:class|namespace|enum|const|function|let) ([A-Za-z_]+)/gm)) {
  if (!(m[1] in fakeVscode)) fakeVscode[m[1]] = stub(`vscode.${m[1]}`);
}
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? fakeVscode : load.call(this, request, ...rest);
};
process.on('unhandledRejection', () => {}); // the client's background start fails without a real editor

(async () => {
  const bundle = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'client.js'));
  const root = path.resolve(path.dirname(bundle), '..');
  const started = performance.now();
  const extension = require(bundle);
  const loaded = performance.now();
  const context = {
    subscriptions: [],
    extensionPath: root,
    extensionUri: stub('extensionUri'),
    asAbsolutePath: (p) => path.join(root, p),
    globalState: stub('globalState'),
    workspaceState: stub('workspaceState'),
    secrets: stub('secrets'),
    environmentVariableCollection: stub('env'),
    extensionMode: 1,
    storageUri: undefined,
    globalStorageUri: stub('globalStorageUri'),
    logUri: stub('logUri'),
  };
  let error;
  try {
    await extension.activate(context);
  } catch (e) {
    error = e.message;
  }
  const activated = performance.now();
  // The language client loads from its own bundle on the next turn of the event loop, off the
  // activation path (client/src/extension.ts); timed too, so the deferred cost is on record.
  await new Promise((resolve) => setImmediate(resolve));
  const clientStarted = performance.now();
  process.stdout.write(
    JSON.stringify({
      loadMs: loaded - started,
      activateMs: activated - loaded,
      totalMs: activated - started,
      languageClientMs: clientStarted - activated,
      error,
    }),
  );
  process.exit(0);
})();
