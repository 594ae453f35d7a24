// docs/other-editors.md: the Neovim, Helix and Emacs configurations are read from the guide
// and checked against the package (bin name, file patterns, language id, settings section),
// and each documented command line is started and must answer a real LSP session. (No editor
// of a recent enough version installs from Debian here: Neovim there predates vim.lsp.config,
// Helix is not packaged; so the editors themselves are not run.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { readFixture, tempDir } from './helpers/fixtures.mjs';
import { ROOT, startServer } from './helpers/lsp-client.mjs';

const guide = readFileSync(path.join(ROOT, 'docs', 'other-editors.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'campaign.schema.json'), 'utf8'));
const block = (lang) => {
  const found = [...guide.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
  assert.ok(found.length, `no ${lang} block in docs/other-editors.md`);
  return found.join('\n');
};
const strings = (list) => [...list.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]);

const CONFIGS = {
  neovim: () => {
    const lua = block('lua');
    return {
      command: strings(/cmd = \{([^}]*)\}/.exec(lua)[1]),
      languageId: strings(/filetypes = \{([^}]*)\}/.exec(lua)[1])[0],
      matches: (name) => new RegExp(`^${/\['(.*?)'\] = 'kore-campaign'/.exec(lua)[1].replace(/%\./g, '\\.')}$`).test(name),
      settingsSection: /settings = \{\s*(\w+) = /.exec(lua)[1],
    };
  },
  helix: () => {
    const toml = block('toml');
    return {
      command: [/^command = "(.+)"$/m.exec(toml)[1], ...strings(/^args = \[(.*)\]$/m.exec(toml)[1])],
      languageId: /^name = "(.+)"$/m.exec(toml)[1],
      matches: (name) => strings(/^file-types = \[(.*)\]$/m.exec(toml)[1]).some((glob) => name.endsWith(glob.replace('*', ''))),
      settingsSection: /^config = \{ (\w+) = /m.exec(toml)[1],
    };
  },
  emacs: () => {
    const elisp = block('elisp');
    const mode = /\. \(("kore-campaign-language-server"[^)]*)\)\)\)/.exec(elisp);
    return {
      command: strings(mode[1]),
      // eglot's language id is the major mode's name without "-mode".
      languageId: /\(define-derived-mode (\S+)-mode /.exec(elisp)[1],
      matches: (name) => new RegExp(/"(\\\\\.campaign[^"]*)"/.exec(elisp)[1].replace(/\\\\/g, '\\').replace("\\'", '$')).test(name),
      settingsSection: /'\(:(\w+) /.exec(elisp)[1],
    };
  },
};

for (const [editor, read] of Object.entries(CONFIGS)) {
  test(`${editor}: the documented command, file pattern, language id and settings section fit the package`, async (t) => {
    const config = read();
    const [bin, ...args] = config.command;
    assert.ok(pkg.bin[bin], `${bin} is not a bin of the package`);
    assert.deepEqual(args, ['--stdio']);
    assert.equal(config.languageId, pkg.contributes.languages[0].id);
    for (const name of ['billing.campaign.yaml', 'billing.campaign.yml']) assert.ok(config.matches(name), `${name} should match`);
    for (const name of ['billing.yaml', 'campaign.yaml.bak']) assert.ok(!config.matches(name), `${name} should not match`);
    assert.equal(config.settingsSection, 'koreCampaign');

    // The documented command line, as the editor runs it, with the documented settings.
    const workspace = tempDir('kc-editor-');
    const client = await startServer({
      serverArgs: [path.join(ROOT, pkg.bin[bin]), ...args],
      workspaceFolder: workspace,
      settings: { validate: { enable: true, rules: { 'window-overlap': 'off' } } },
    });
    t.after(() => client.stop());
    const uri = pathToFileURL(path.join(workspace, 'billing.campaign.yaml')).href;
    const diagnostics = await client.open(uri, readFixture('priority-number.campaign.yaml'), config.languageId);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['type'],
    );
    const overlap = await client.open(
      pathToFileURL(path.join(workspace, 'overlap.campaign.yaml')).href,
      readFixture('windows-overlap.campaign.yaml'),
      config.languageId,
    );
    assert.deepEqual(
      overlap.map((d) => d.code),
      [],
      'the documented rules setting turns window-overlap off',
    );
  });
}

test('the schema has the stable $id the guide documents, and a modeline is only a comment to the checks', async (t) => {
  assert.equal(schema.$id, 'https://kore-campaign.dev/schemas/campaign.schema.json');
  assert.ok(guide.includes(`"url": "${schema.$id}"`));
  assert.ok(guide.includes(`\n${schema.$id}\n`));
  const modeline = /^\s*(# yaml-language-server: \$schema=.+)$/m.exec(guide)[1];
  assert.match(modeline, /node_modules\/kore-campaign\/schemas\/campaign\.schema\.json$/);
  assert.ok(pkg.files.includes('schemas/'));
  const client = await startServer();
  t.after(() => client.stop());
  const text = `${modeline}\n${readFixture('valid.campaign.yaml')}`;
  assert.deepEqual(await client.open(pathToFileURL(path.join(tempDir('kc-modeline-'), 'x.campaign.yaml')).href, text), []);
});
