/**
 * The extension in a workspace that is not trusted (Restricted Mode): it runs nothing from the workspace, so it
 * declares support for untrusted workspaces and works there — diagnostics appear, quick fixes are offered, and the
 * CLI task (which would run a program) is the only feature that needs trust. Runs in the "untrusted" run of
 * test/integration/runs.json (the launcher keeps workspace trust on); elsewhere the suite is skipped.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhen } from './helpers';

const EXTENSION_ID = 'worklog.vscode-worklog';

describe('untrusted workspace', function () {
  this.timeout(120000);

  before(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });

  it('opens the folder untrusted and still activates the extension', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await extension.activate();
    assert.equal(extension.isActive, true);
    const manifest = extension.packageJSON as { capabilities?: { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: unknown } };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    assert.equal(manifest.capabilities?.virtualWorkspaces, true);
  });

  it('checks a page and offers its quick fix without trust', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const root = vscode.Uri.joinPath(folder, `tmp-untrusted-${Date.now()}`);
    const page = vscode.Uri.joinPath(root, 'content', '1-Worklog', '1.1-Week1', '_index.md');
    const text = [
      '---', 'title: "Week 1 Worklog"', 'date: 2025-10-06', 'weight: 1', 'chapter: false', 'pre: " <b> 1.1. </b> "', '---', '',
      '### Week 1 Objectives:', '', '* Learn the console.', '',
      '| Day | Task | Start Date | Completion Date | Reference Material |', '| --- | --- | --- | --- | --- |',
      '| Mon | - Accounts | 06/10/2025 | 06/10/2025 | |', '| Tue | - CLI | 07/10/2025 | 31/04/2025 | |', '',
    ].join('\n');
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(page, { contents: new TextEncoder().encode(text) });
      assert.ok(await vscode.workspace.applyEdit(edit));
      await vscode.window.showTextDocument(page);
      const diagnostics = await diagnosticsWhen(page, (found) => found.length > 0, 'diagnostics in the untrusted workspace', 60000);
      const invalid = diagnostics.find((d) => typeof d.code === 'object' && d.code.value === 'date-invalid');
      assert.ok(invalid, 'date-invalid reported');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', page, invalid.range);
      assert.ok(actions.some((a) => a.edit), 'a quick fix with an edit');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const edit = new vscode.WorkspaceEdit();
      edit.deleteFile(root, { recursive: true, ignoreIfNotExists: true });
      await vscode.workspace.applyEdit(edit);
    }
  });
});
