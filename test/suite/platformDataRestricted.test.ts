// Restricted Mode (an untrusted workspace): the extension makes no request to the platform
// at all, even with a connection, its credentials and a sandbox listening; the contact-list
// checks are off and the status item says why. Run by `node test/editor/run.mjs --restricted`,
// which opens the workspace untrusted; the trusted run does not register these tests.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSandbox } from '../../sandbox/src';
import type { CampaignExtensionApi } from '../../client/src/extension';
import { activateExtension, closeAllEditors, openDoc, settledDiagnostics, sleep, waitFor, wsPath } from './helpers';

if (process.env.KORE_TEST_RESTRICTED) {
  describe('restricted mode: no platform request', function () {
    this.timeout(60_000);

    it('opens untrusted, sends nothing, checks no list name, and the status item says why', async () => {
      assert.equal(vscode.workspace.isTrusted, false, 'the launcher opened the workspace in Restricted Mode');
      const sandbox = await startSandbox({ port: 0 });
      try {
        await vscode.workspace
          .getConfiguration('koreCampaign')
          .update('connections.sandboxPort', sandbox.port, vscode.ConfigurationTarget.Global);
        const doc = await openDoc(wsPath('fixtures', 'platform', 'contact-lists.campaign.yaml'));
        const api = (await activateExtension()).exports as CampaignExtensionApi;
        await waitFor(
          () => api.platformData.status().platform.text,
          (text) => text !== '',
          15_000,
          'platform data to start',
        );
        assert.equal(await vscode.commands.executeCommand('koreCampaign.refreshPlatformData'), 'unknown');
        await openDoc(wsPath('examples', 'billing-reminder.campaign.yaml'));
        await openDoc(doc.uri.fsPath);
        await sleep(2000);
        assert.deepEqual(sandbox.requests, [], 'no request at all');
        const diagnostics = await settledDiagnostics(doc.uri, 15_000, false);
        assert.ok(
          !diagnostics.some((d) => /contact-list$/.test(String(d.code)) && d.code !== 'duplicate-contact-list'),
          JSON.stringify(diagnostics.map((d) => d.code)),
        );
        const { server, platform } = await waitFor(
          () => api.platformData.status(),
          (s) => /running/.test(s.server.text),
          15_000,
          'the status items',
        );
        assert.equal(server.text, '$(check) Language server running');
        assert.deepEqual(platform, {
          text: '$(circle-slash) Contact lists not checked',
          detail: 'Restricted Mode (untrusted workspace): no request is made',
          severity: 'information',
        });
      } finally {
        await sandbox.stop();
        await vscode.workspace
          .getConfiguration('koreCampaign')
          .update('connections.sandboxPort', undefined, vscode.ConfigurationTarget.Global);
        await closeAllEditors();
      }
    });
  });
}
