/**
 * Diagnostics and quick fixes in a real VS Code: typing a wrong date shows a finding on exactly that cell, its quick
 * fix corrects it, one undo brings both back; fix-all clears a page; editing a twin updates the other page; closing
 * keeps findings, deleting clears them. Every wait is on an event (diagnostics changing), never on time.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen } from './helpers';

const EXTENSION_ID = 'worklog.vscode-worklog';

function page(week: number, title: string, rows: string[], vi = false): string {
  const header = vi
    ? '| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành | Nguồn tài liệu |'
    : '| Day | Task | Start Date | Completion Date | Reference Material |';
  return [
    '---',
    `title: "${title}"`,
    `date: 2025-10-${String(6 + 7 * (week - 1)).padStart(2, '0')}`,
    `weight: ${week}`,
    'chapter: false',
    `pre: " <b> 1.${week}. </b> "`,
    '---',
    '',
    vi ? `### Mục tiêu tuần ${week}:` : `### Week ${week} Objectives:`,
    '',
    vi ? '* Học về mạng.' : '* Learn about networks.',
    '',
    vi ? '### Công việc trong tuần:' : '### Tasks Performed During the Week:',
    '',
    header,
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

const WEEK1_ROWS = [
  '| Mon | - Draw a network | 06/10/2025 | 06/10/2025 | |',
  '| Tue | - Add routes | 07/10/2025 | 07/10/2025 | |',
  '| Wed | - Launch an instance | 08/10/2025 | 08/10/2025 | |',
];

async function create(files: [vscode.Uri, string][]): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  for (const [uri, text] of files) edit.createFile(uri, { contents: new TextEncoder().encode(text), ignoreIfExists: false, overwrite: true });
  assert.ok(await vscode.workspace.applyEdit(edit), 'files created');
}

async function remove(uri: vscode.Uri): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.deleteFile(uri, { recursive: true, ignoreIfNotExists: true });
  assert.ok(await vscode.workspace.applyEdit(edit), 'file deleted');
}

describe('diagnostics and quick fixes', function () {
  this.timeout(120000);
  let root: vscode.Uri;
  let week1: vscode.Uri;
  let week2: vscode.Uri;
  let week2vi: vscode.Uri;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    root = vscode.Uri.joinPath(folder, `tmp-diagnostics-${Date.now()}`, 'content', '1-Worklog');
    week1 = vscode.Uri.joinPath(root, '1.1-Week1', '_index.md');
    week2 = vscode.Uri.joinPath(root, '1.2-Week2', '_index.md');
    week2vi = vscode.Uri.joinPath(root, '1.2-Week2', '_index.vi.md');
    // Pages are created the way VS Code itself creates files (a WorkspaceEdit, as New Week and the Explorer do):
    // the offline server's file watcher can miss files written into folders it has just seen appear.
    await create([
      [week1, page(1, 'Week 1 Worklog', WEEK1_ROWS)],
      [week2, page(2, 'Week 2 Worklog', [
        '| Mon | - Subnets | 13/10/2025 | 13/10/2025 | |',
        '| Tue | - Gateways | 14/10/2025 | 14/10/2025 | |',
      ])],
      [week2vi, page(2, 'Worklog Tuần 2', [
        '| Thứ 2 | - Subnet | 13/10/2025 | 13/10/2025 | |',
        '| Thứ 3 | - Gateway | 14/10/2025 | 14/10/2025 | |',
      ], true)],
    ]);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(vscode.Uri.joinPath(root, '..', '..'));
  });

  afterEach(async () => {
    // Leave no unsaved change behind: revert and close whatever a test opened.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is quiet on a correct page', async () => {
    const doc = await vscode.workspace.openTextDocument(week1);
    await vscode.window.showTextDocument(doc);
    const diagnostics = await diagnosticsWhen(week1, () => true, 'week 1 checked');
    assert.deepEqual(diagnostics.map(codeOf), []);
  });

  it('shows a typed impossible date on exactly its cell; the quick fix corrects it; one undo brings both back', async () => {
    const doc = await vscode.workspace.openTextDocument(week1);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('| Tue |'));
    const col = doc.lineAt(line).text.indexOf('07/10/2025');
    // Type a three-digit day over the start date, as a user would.
    await editor.edit((b) => b.replace(new vscode.Range(line, col, line, col + 2), '007'));
    const [finding] = await diagnosticsWhen(week1, (d) => d.some((x) => codeOf(x) === 'date-invalid'), 'date-invalid');
    assert.equal(codeOf(finding), 'date-invalid');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([finding.range.start.line, finding.range.start.character, finding.range.end.character], [line, col, col + '007/10/2025'.length]);
    assert.equal(typeof finding.code === 'object' && finding.code.target.toString().endsWith('/docs/rules/date-invalid.md'), true);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', week1, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(fix, `no preferred quick fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.match(fix.title, /07\/10\/2025/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(doc.lineAt(line).text.slice(col, col + 10), '07/10/2025');
    await diagnosticsWhen(week1, (d) => d.length === 0, 'the finding to disappear');

    await vscode.commands.executeCommand('undo');
    assert.equal(doc.lineAt(line).text.slice(col, col + 11), '007/10/2025');
    await diagnosticsWhen(week1, (d) => d.some((x) => codeOf(x) === 'date-invalid'), 'the finding to come back after undo');
  });

  it('fix-all clears a page with several fixable findings, as one undoable edit', async () => {
    const doc = await vscode.workspace.openTextDocument(week1);
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const broken = before
      .replace('| Mon | - Draw a network | 06/10/2025 | 06/10/2025 | |', '| Mon | - Draw a network | 06/10/2025 | 06/10/2025 |')
      .replace('07/10/2025 | 07/10/2025', '07/10/2025 | 0007/10/2025')
      .replace('| Wed | - Launch an instance | 08/10/2025 | 08/10/2025 | |', '| Wed | - Launch an instance | 2025-10-08 | 08/10/2025 | |');
    const all = new vscode.WorkspaceEdit();
    all.replace(week1, new vscode.Range(doc.positionAt(0), doc.positionAt(before.length)), broken);
    assert.ok(await vscode.workspace.applyEdit(all));
    const found = await diagnosticsWhen(week1, (d) => d.length >= 3, 'three findings');
    assert.deepEqual([...new Set(found.map(codeOf))].sort(), ['date-format', 'date-invalid', 'table-columns']);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', week1, new vscode.Range(0, 0, 0, 0), 'source.fixAll.worklog');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.worklog');
    assert.ok(fixAll?.edit, 'a source.fixAll.worklog action');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    await diagnosticsWhen(week1, (d) => d.length === 0, 'a clean page after fix-all');
    assert.match(doc.getText(), /\| Wed \| - Launch an instance \| 08\/10\/2025 \|/);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), broken);
  });

  it("editing a twin updates the other page's translation finding without touching it", async () => {
    // Only the English page is edited (unsaved); the Vietnamese page is never opened in an editor.
    const doc = await vscode.workspace.openTextDocument(week2);
    const editor = await vscode.window.showTextDocument(doc);
    await diagnosticsWhen(week2vi, (d) => !d.some((x) => codeOf(x) === 'translation-mismatch'), 'a quiet twin');
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('| Tue |'));
    const col = doc.lineAt(line).text.lastIndexOf('14/10/2025');
    await editor.edit((b) => b.replace(new vscode.Range(line, col, line, col + 2), '15'));
    const vi = await diagnosticsWhen(week2vi, (d) => d.some((x) => codeOf(x) === 'translation-mismatch'), 'the twin to report the mismatch');
    assert.match(vi.find((x) => codeOf(x) === 'translation-mismatch')!.message, /15\/10\/2025/);
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === week2vi.toString() && d.isDirty), false);
    await vscode.commands.executeCommand('undo');
    await diagnosticsWhen(week2vi, (d) => !d.some((x) => codeOf(x) === 'translation-mismatch'), 'the twin to be quiet again');
  });

  it('keeps findings of a closed page, and clears them when the page is deleted', async () => {
    const extra = vscode.Uri.joinPath(root, '1.3-Week3', '_index.md');
    await create([[extra, page(3, 'Week 3 Worklog', ['| Mon | - Review | 20/10/2025 | 31/04/2025 | |'])]]);
    await diagnosticsWhen(extra, (d) => d.some((x) => codeOf(x) === 'date-invalid'), 'a finding on a page never opened');
    const doc = await vscode.workspace.openTextDocument(extra);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.ok(vscode.languages.getDiagnostics(extra).some((d) => codeOf(d) === 'date-invalid'), 'closing keeps the finding');
    await remove(extra);
    await diagnosticsWhen(extra, (d) => d.length === 0, 'deleting clears the finding');
  });
});
