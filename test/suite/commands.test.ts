// The command table (client/src/commands/index.ts) against package.json, in the real extension
// host: every contributed command is registered here (the desktop entry), the table is where
// each comes from, and a command the table marks as needing another host is the one package.json
// hides on the browser (`!isWeb`). The browser entry's registrations: test/web/run.mjs, last step.
// The typed Config (client/src/config.ts) reads the numbers package.json declares.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND_PREFIX, createCommands } from '../../client/src/commands';
import { NUMBER_SETTINGS } from '../../client/src/config';
import { activateExtension } from './helpers';

interface Manifest {
  contributes: {
    commands: { command: string; enablement?: string }[];
    menus: Record<string, { command: string; when?: string }[]> & { commandPalette: { command: string; when?: string }[] };
    configuration: { properties: Record<string, { default?: unknown; minimum?: number; maximum?: number }> };
  };
}

describe('commands: one table, registered on this host', () => {
  let manifest: Manifest;
  before(async () => {
    manifest = (await activateExtension()).packageJSON as Manifest;
  });

  it('every command package.json contributes is registered, and nothing else under koreCampaign.', async () => {
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith(COMMAND_PREFIX));
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.deepEqual(
      contributed.filter((c) => !registered.includes(c)),
      [],
      'contributed, not registered',
    );
    assert.deepEqual(
      registered.filter((c) => !contributed.includes(c)),
      [],
      'registered, not contributed',
    );
  });

  it('the command table holds every contributed command (walkthrough and platform data included)', () => {
    const table = Object.keys(createCommands()).map((name) => `${COMMAND_PREFIX}${name}`);
    assert.deepEqual([...table].sort(), manifest.contributes.commands.map((c) => c.command).sort());
    assert.ok(table.includes('koreCampaign.openExample') && table.includes('koreCampaign.refreshPlatformData'));
  });

  it('a command the table says needs another host is hidden in the browser by package.json, and only such a one', () => {
    const hiddenOnWeb = manifest.contributes.menus.commandPalette
      .filter((entry) => /!isWeb\b/.test(entry.when ?? ''))
      .map((entry) => entry.command)
      .sort();
    const hostBound = Object.entries(createCommands())
      .filter(([, command]) => command.unavailable)
      .map(([name]) => `${COMMAND_PREFIX}${name}`)
      .sort();
    assert.deepEqual(hostBound, hiddenOnWeb);
    assert.ok(hostBound.length > 0, 'Start Local Sandbox needs a Node extension host');
  });

  it('the commands package.json shows only in a trusted workspace are the ones the table refuses in Restricted Mode', () => {
    const { commands, menus } = manifest.contributes;
    const clauses = [
      ...commands.map((c) => [c.command, c.enablement ?? ''] as const),
      ...Object.values(menus).flatMap((entries) => entries.map((e) => [e.command, e.when ?? ''] as const)),
    ];
    const trustedOnly = [...new Set(clauses.filter(([, clause]) => /\bisWorkspaceTrusted\b/.test(clause)).map(([command]) => command))]
      // Refresh Platform Data answers Restricted Mode itself ("no request is made"), as the restricted run checks.
      .filter((command) => command !== 'koreCampaign.refreshPlatformData')
      .sort();
    const refused = Object.entries(createCommands())
      .filter(([, command]) => command.needsTrust)
      .map(([name]) => `${COMMAND_PREFIX}${name}`)
      .sort();
    assert.deepEqual(refused, trustedOnly);
  });
});

describe('settings: the typed Config', () => {
  it("reads each numeric setting with package.json's default, minimum and maximum", async () => {
    const { properties } = ((await activateExtension()).packageJSON as Manifest).contributes.configuration;
    for (const [key, spec] of Object.entries(NUMBER_SETTINGS)) {
      const declared = properties[`koreCampaign.${key}`];
      assert.ok(declared, `koreCampaign.${key} is not contributed`);
      assert.deepEqual(
        { default: spec.default, minimum: spec.minimum, maximum: spec.maximum },
        { default: declared.default, minimum: declared.minimum, maximum: declared.maximum },
        key,
      );
    }
  });
});
