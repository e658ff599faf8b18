/**
 * `.worklogrc.json` in a real VS Code: the extension reads the file the CLI reads, so the editor's diagnostics and
 * `worklog-lint --format json` give the same findings (rule, position, severity) for the same workspace. Waits on
 * diagnostics events only; the CLI is the bundled one (dist/cli.js) run in the workspace folder.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, WAIT_MS } from './helpers';

const EXTENSION_ID = 'worklog.vscode-worklog';

const PAGE = [
  '---',
  'title: "Week 1 Worklog"',
  'date: 2025-10-06',
  'weight: 1',
  'chapter: false',
  'pre: " <b> 1.1. </b> "',
  '---',
  '',
  '### Week 1 Objectives:',
  '',
  '* Learn how settings travel.',
  '',
  '### Tasks Performed During the Week:',
  '',
  '| Day | Task | Start Date | Completion Date | Reference Material |',
  '| --- | --- | --- | --- | --- |',
  '| Mon | - Read the settings page | 06/10/2025 | 06/10/2025 | |',
  '| Wed | - Write a settings file | 07/10/2025 | 011/10/2025 | |',
  '',
].join('\n');

const SEVERITY: Record<number, string> = { [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning', [vscode.DiagnosticSeverity.Information]: 'info' };

async function applyOrFail(edit: vscode.WorkspaceEdit, what: string): Promise<void> {
  assert.ok(await vscode.workspace.applyEdit(edit), what);
}

describe('settings file', function () {
  this.timeout(WAIT_MS * 3);
  let folder: vscode.Uri;
  let root: vscode.Uri;
  let page: vscode.Uri;
  let rc: vscode.Uri;
  let extensionPath: string;

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    await extension.activate();
    extensionPath = extension.extensionPath;
    folder = vscode.workspace.workspaceFolders![0].uri;
    const name = `tmp-rc-${Date.now()}`;
    root = vscode.Uri.joinPath(folder, name);
    page = vscode.Uri.joinPath(root, 'content', '1-Worklog', '1.1-Week1', '_index.md');
    rc = vscode.Uri.joinPath(folder, '.worklogrc.json');
  });

  after(async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(rc, { ignoreIfNotExists: true });
    edit.deleteFile(root, { recursive: true, ignoreIfNotExists: true });
    await vscode.workspace.applyEdit(edit);
  });

  it('reads .worklogrc.json like the CLI: the same findings, positions and severities', async () => {
    const create = new vscode.WorkspaceEdit();
    create.createFile(page, { contents: new TextEncoder().encode(PAGE) });
    await applyOrFail(create, 'page created');
    // Without a settings file: "Wed" on a Tuesday is a warning, "011/10/2025" an error.
    await diagnosticsWhen(page, (d) => d.some((x) => codeOf(x) === 'day-weekday-mismatch') && d.some((x) => codeOf(x) === 'date-invalid' && x.severity === vscode.DiagnosticSeverity.Error), 'the default findings');

    const settings = new vscode.WorkspaceEdit();
    settings.createFile(rc, { contents: new TextEncoder().encode(JSON.stringify({ rules: { 'day-weekday-mismatch': 'off', 'date-invalid': 'warning' } }, null, 2)) });
    await applyOrFail(settings, '.worklogrc.json created');
    const diagnostics = await diagnosticsWhen(page,
      (d) => !d.some((x) => codeOf(x) === 'day-weekday-mismatch') && d.some((x) => codeOf(x) === 'date-invalid' && x.severity === vscode.DiagnosticSeverity.Warning),
      'the findings under .worklogrc.json');

    const rel = path.relative(folder.fsPath, root.fsPath);
    let stdout: string;
    try {
      stdout = execFileSync(process.execPath, [path.join(extensionPath, 'dist', 'cli.js'), '--format', 'json', rel], { cwd: folder.fsPath, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    } catch (error) {
      // Exit code 1 means errors were found; the JSON is still on stdout.
      stdout = String((error as { stdout?: unknown }).stdout ?? '');
    }
    const cli = (JSON.parse(stdout) as { file: string; line: number; column: number; severity: string; rule: string }[])
      .filter((f) => f.file.endsWith('_index.md'))
      .map((f) => `${f.rule} ${f.line}:${f.column} ${f.severity}`)
      .sort();
    const editor = diagnostics.map((d) => `${codeOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity]}`).sort();
    assert.ok(cli.length > 0, 'the CLI found something');
    assert.deepStrictEqual(editor, cli);
  });
});
