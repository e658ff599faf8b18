/**
 * The packaged extension: the .vsix built by `npm run package`, installed with `code-server --install-extension`
 * (the "vsix" run of test/integration/runs.json), activates from its installed folder and works — a diagnostic with
 * its quick fix, the Weeks tree, the snippet file and the Vietnamese bundle are all in the package. In the other runs
 * the extension is loaded from the repository and this suite is skipped.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen } from './helpers';

const EXTENSION_ID = 'worklog.vscode-worklog';

describe('installed package', function () {
  this.timeout(120000);
  let extension: vscode.Extension<unknown>;

  before(function () {
    extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    // Installed extensions live in the extensions folder, as publisher.name-version.
    if (!extension || !/[\\/]worklog\.vscode-worklog-\d+\.\d+\.\d+$/.test(extension.extensionPath)) this.skip();
  });

  it('is installed from the .vsix and activates', async () => {
    await extension.activate();
    assert.equal(extension.isActive, true);
    for (const file of ['dist/extension.js', 'dist/web/extension.js', 'dist/cli.js', 'dist/engine.js', 'l10n/bundle.l10n.vi.json', 'snippets/worklog.code-snippets', 'syntaxes/worklog.injection.tmLanguage.json', 'schemas/worklogrc.schema.json', 'media/icon.png']) {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, file));
      assert.ok(stat.size > 0, `${file} is in the package`);
    }
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, 'src', 'extension.ts'))), 'sources are not packaged');
  });

  it('checks a page and offers the quick fix', async () => {
    const root = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, `tmp-vsix-${Date.now()}`);
    const page = vscode.Uri.joinPath(root, 'content', '1-Worklog', '1.1-Week1', '_index.md');
    const text = [
      '---', 'title: "Week 1 Worklog"', 'date: 2025-10-06', 'weight: 1', 'chapter: false', 'pre: " <b> 1.1. </b> "', '---', '',
      '### Week 1 Objectives:', '', '* Learn the console.', '',
      '| Day | Task | Start Date | Completion Date | Reference Material |', '| --- | --- | --- | --- | --- |',
      '| Mon | - Accounts | 06/10/2025 | 06/10/2025 | |', '| Tue | - CLI | 07/10/2025 | 011/10/2025 | |', '',
    ].join('\n');
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(page, { contents: new TextEncoder().encode(text) });
      assert.ok(await vscode.workspace.applyEdit(edit));
      await vscode.window.showTextDocument(page);
      const found = await diagnosticsWhen(page, (d) => d.some((x) => codeOf(x) === 'date-invalid'), 'a date-invalid diagnostic from the installed extension', 60000);
      const invalid = found.find((x) => codeOf(x) === 'date-invalid')!;
      // Right after a page is created and opened, the workbench sometimes answers without this extension's actions
      // although the provider returned them (logged: the finding, its fix, the diagnostic in the context; seen in
      // about half the runs of this suite, before the page cache too). Ask again, as the lightbulb does, a few times
      // without waiting; a provider that offers no fix still fails.
      let actions: vscode.CodeAction[] = [];
      for (let attempt = 0; attempt < 5 && !actions.some((a) => a.isPreferred && a.title.includes('11/10/2025')); attempt++) {
        actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', page, invalid.range);
      }
      assert.ok(actions.some((a) => a.isPreferred && a.title.includes('11/10/2025')), actions.map((a) => a.title).join(', '));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const edit = new vscode.WorkspaceEdit();
      edit.deleteFile(root, { recursive: true, ignoreIfNotExists: true });
      await vscode.workspace.applyEdit(edit);
    }
  });
});
