/**
 * Editing suite: snippets, completions, hovers, Format Table, range formatting and Add Task Row in a real VS Code.
 * The week pages of fixtures/editing-pages are copied into a temporary folder of the open workspace (a worklog of
 * their own: `<tmp>/1-Worklog/1.5-Week5/`), edited there without saving, and the folder is deleted afterwards. Every
 * wait is for an event (a document change, the index dropping the pages), never for time.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WorklogApi } from '../../src/extension';

const EXTENSION_ID = 'worklog.vscode-worklog';
const FIXTURES = ['test', 'integration', 'fixtures', 'editing-pages', '1.5-Week5'];
const TMP_PREFIX = 'editing-tmp-';

/** Resolves with the next change of `document` (create it before the action that changes it). */
function nextChange(document: vscode.TextDocument): Promise<vscode.TextDocumentChangeEvent> {
  return new Promise((resolve) => {
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document && e.contentChanges.length > 0) {
        sub.dispose();
        resolve(e);
      }
    });
  });
}

/** Resolves once `check` holds, re-checking on each change of the index. */
function indexSettles(api: WorklogApi, check: () => boolean): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve) => {
    const sub = api.index.onDidChange(() => {
      if (check()) {
        sub.dispose();
        resolve();
      }
    });
  });
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function descriptionOf(item: vscode.CompletionItem): string | undefined {
  return typeof item.label === 'string' ? undefined : item.label.description;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** Makes `editor` the active one, so commands and undo act on it. */
async function focus(document: vscode.TextDocument): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(document, { preview: false, preserveFocus: false });
}

async function closeWithoutSaving(document: vscode.TextDocument): Promise<void> {
  if (document.isClosed) return;
  await focus(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** Undoes the last edit of `document` and waits for the change. */
async function undo(document: vscode.TextDocument): Promise<void> {
  await focus(document);
  const changed = nextChange(document);
  await vscode.commands.executeCommand('undo');
  await changed;
}

const EN_TABLE_FORMATTED = [
  '| Day | Task                                          | Start Date | Completion Date | Reference Material                       |',
  '| --- | --------------------------------------------- | ---------- | --------------- | ---------------------------------------- |',
  '| 1   | - Sketch who may do what in the team account. | 2025/10/06 | 2025/10/06      | [Notes](https://example.org/notes)       |',
  '| 2   | - Write two policies and try them out.        | 2025/10/07 | 2025/10/08      | [Policies](https://example.org/policies) |',
  '| 3   | - Set up a sign-in pool for a demo app.       |            |                 |                                          |',
];

const VI_TABLE_FORMATTED = [
  '| Thứ | Công việc                                        | Ngày bắt đầu | Ngày hoàn thành | Nguồn tài liệu                             |',
  '| --- | ------------------------------------------------ | ------------ | --------------- | ------------------------------------------ |',
  '| 2   | - Phác thảo ai được làm gì trong tài khoản nhóm. | 06/10/2025   | 06/10/2025      | [Ghi chú](https://example.org/notes)       |',
  '| 3   | - Viết hai chính sách và thử chúng.              | 07/10/2025   | 08/10/2025      | [Chính sách](https://example.org/policies) |',
  '|     | - Tạo nhóm đăng nhập cho ứng dụng mẫu.           |              |                 |                                            |',
];

/** Line numbers in both fixture pages. */
const HEADER = 16;
const ROW1 = 18;
const ROW3 = 20;
const AFTER_TABLE = 21;

describe('editing', () => {
  let api: WorklogApi;
  let extension: vscode.Extension<WorklogApi>;
  let tmp: vscode.Uri;
  let enUri: vscode.Uri;
  let viUri: vscode.Uri;
  let enOriginal: string;
  let viOriginal: string;
  const opened: vscode.TextDocument[] = [];

  async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument(uri);
    opened.push(document);
    await focus(document);
    return document;
  }

  before(async () => {
    const found = vscode.extensions.getExtension<WorklogApi>(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed`);
    extension = found;
    api = await extension.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    // A folder left by an interrupted run goes first.
    for (const [name, type] of await vscode.workspace.fs.readDirectory(folder.uri)) {
      if (type === vscode.FileType.Directory && name.startsWith(TMP_PREFIX)) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, name), { recursive: true });
    }
    tmp = vscode.Uri.joinPath(folder.uri, `${TMP_PREFIX}${Date.now().toString(36)}`);
    const week = vscode.Uri.joinPath(tmp, '1-Worklog', '1.5-Week5');
    await vscode.workspace.fs.createDirectory(week);
    const source = vscode.Uri.joinPath(extension.extensionUri, ...FIXTURES);
    for (const name of ['_index.md', '_index.vi.md']) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(week, name), await vscode.workspace.fs.readFile(vscode.Uri.joinPath(source, name)));
    }
    enUri = vscode.Uri.joinPath(week, '_index.md');
    viUri = vscode.Uri.joinPath(week, '_index.vi.md');
    enOriginal = new TextDecoder().decode(await vscode.workspace.fs.readFile(enUri));
    viOriginal = new TextDecoder().decode(await vscode.workspace.fs.readFile(viUri));
  });

  after(async () => {
    for (const document of opened) await closeWithoutSaving(document);
    if (!tmp) return;
    const pages = [enUri, viUri];
    const gone = indexSettles(api, () => pages.every((uri) => api.index.page(uri) === undefined));
    // Deleting the pages through a WorkspaceEdit tells the index (onDidDeleteFiles); the folders go after them.
    const edit = new vscode.WorkspaceEdit();
    for (const uri of pages) edit.deleteFile(uri, { ignoreIfNotExists: true });
    assert.ok(await vscode.workspace.applyEdit(edit), 'the temporary pages are deleted');
    await gone;
    await vscode.workspace.fs.delete(tmp, { recursive: true });
  });

  afterEach(async () => {
    // Every test starts from the pages as copied.
    for (const document of opened) {
      if (document.isClosed || !document.isDirty) continue;
      await focus(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  describe('snippets', () => {
    const ISO = /\d{4}-\d{2}-\d{2}/g;
    const DMY = /\d{2}\/\d{2}\/\d{4}/g;

    /** Inserts a snippet of the extension by name into a new Markdown document and returns the text. */
    async function insert(name: string): Promise<string> {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      opened.push(document);
      await focus(document);
      const changed = nextChange(document);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
      await changed;
      const text = document.getText();
      // The date variables are today's date where the workbench runs: a day either side of ours.
      const today = Date.now();
      for (const iso of text.match(ISO) ?? []) assert.ok(Math.abs(Date.parse(`${iso}T12:00:00Z`) - today) < 2 * 86_400_000, `${iso} is today`);
      for (const dmy of text.match(DMY) ?? []) {
        const [d, m, y] = dmy.split('/');
        assert.ok(Math.abs(Date.parse(`${y}-${m}-${d}T12:00:00Z`) - today) < 2 * 86_400_000, `${dmy} is today`);
      }
      await closeWithoutSaving(document);
      return text.replace(ISO, '<YYYY-MM-DD>').replace(DMY, '<DD/MM/YYYY>');
    }

    it('"week" inserts a whole English week page', async () => {
      assert.equal(await insert('Worklog week page'), [
        '---',
        'title: "Week 1 Worklog"',
        'date: <YYYY-MM-DD>',
        'weight: 1',
        'chapter: false',
        'pre: " <b> 1.1. </b> "',
        '---',
        '',
        '### Week 1 Objectives:',
        '',
        '* Objective',
        '',
        '---',
        '',
        '### Tasks Performed During the Week:',
        '',
        '| Day | Task | Start Date | Completion Date | Reference Material |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | - Task | <DD/MM/YYYY> | <DD/MM/YYYY> | Reference |',
        '',
        '---',
        '',
        '### Weekly Achievements:',
        '',
        '* Achievement',
        '',
        '---',
        '',
        '### Week 1 Summary:',
        '',
        'Summary',
        '',
      ].join('\n'));
    });

    it('"tuan" inserts a whole Vietnamese week page', async () => {
      assert.equal(await insert('Worklog week page (Vietnamese)'), [
        '---',
        'title: "Worklog Tuần 1"',
        'date: <YYYY-MM-DD>',
        'weight: 1',
        'chapter: false',
        'pre: " <b> 1.1. </b> "',
        '---',
        '',
        '### Mục tiêu tuần 1:',
        '',
        '* Mục tiêu',
        '',
        '---',
        '',
        '### Các công việc cần triển khai trong tuần này:',
        '',
        '| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành | Nguồn tài liệu |',
        '| --- | --- | --- | --- | --- |',
        '| 2 | - Công việc | <DD/MM/YYYY> | <DD/MM/YYYY> | Tài liệu |',
        '',
        '---',
        '',
        '### Kết quả đạt được tuần 1:',
        '',
        '* Kết quả',
        '',
        '---',
        '',
        '### Tổng kết tuần 1:',
        '',
        'Tổng kết',
        '',
      ].join('\n'));
    });

    it('"row" inserts a task row', async () => {
      assert.equal(await insert('Task row'), '| 1 | - Task | <DD/MM/YYYY> | <DD/MM/YYYY> | Reference |');
    });

    it('"objective" and "muctieu" insert an objective', async () => {
      assert.equal(await insert('Objective'), '* Objective');
      assert.equal(await insert('Objective (Vietnamese)'), '* Mục tiêu');
    });

    it('"frontmatter" inserts the front matter', async () => {
      assert.equal(await insert('Worklog front matter'), [
        '---',
        'title: "Week 1 Worklog"',
        'date: <YYYY-MM-DD>',
        'weight: 1',
        'chapter: false',
        'pre: " <b> 1.1. </b> "',
        '---',
        '',
      ].join('\n'));
    });
  });

  describe('completions', () => {
    async function complete(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
      return list.items;
    }

    it('in a date cell: the seven days of the week in the page\'s format, with weekdays', async () => {
      const document = await open(enUri);
      const line = document.lineAt(ROW3).text;
      const startCell = line.indexOf('|  |') + 1;
      const items = (await complete(enUri, new vscode.Position(ROW3, startCell), '|')).filter((i) => /^\d{4}\/\d{2}\/\d{2}$/.test(labelOf(i)));
      assert.deepEqual(items.map(labelOf), ['2025/10/06', '2025/10/07', '2025/10/08', '2025/10/09', '2025/10/10', '2025/10/11', '2025/10/12']);
      assert.deepEqual(items.map(descriptionOf), ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
      assert.deepEqual(items.filter((i) => i.preselect).map(labelOf), ['2025/10/08'], 'the day labelled 3 (Wednesday)');
    });

    it('in a Vietnamese page: its own format and weekday names, and the next "Thứ" number in the day cell', async () => {
      await open(viUri);
      const dates = (await complete(viUri, new vscode.Position(ROW1, columnOf(viOriginal, ROW1, '06/10/2025') + 2))).filter((i) => /^\d{2}\/\d{2}\/\d{4}$/.test(labelOf(i)));
      assert.deepEqual(dates.map(labelOf), ['06/10/2025', '07/10/2025', '08/10/2025', '09/10/2025', '10/10/2025', '11/10/2025', '12/10/2025']);
      assert.deepEqual(dates.map(descriptionOf), ['Thứ 2', 'Thứ 3', 'Thứ 4', 'Thứ 5', 'Thứ 6', 'Thứ 7', 'Chủ nhật']);
      const day = (await complete(viUri, new vscode.Position(ROW3, 1), '|')).filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
      assert.deepEqual(day.map((i) => [labelOf(i), descriptionOf(i), i.insertText]), [['4', 'Thứ 4', ' 4']]);
    });

    it('on the empty line after the table: a whole row for the next day', async () => {
      await open(enUri);
      const rows = (await complete(enUri, new vscode.Position(AFTER_TABLE, 0))).filter((i) => i.kind === vscode.CompletionItemKind.Snippet && labelOf(i).includes('2025/10/09'));
      assert.equal(rows.length, 1);
      const insert = rows[0].insertText;
      assert.ok(insert instanceof vscode.SnippetString);
      assert.equal(insert.value, '| 4 | - $1 | 2025/10/09 | 2025/10/09 | $0 |');
      assert.equal(descriptionOf(rows[0]), 'Thursday');
    });

    it('nothing from the worklog outside task tables', async () => {
      await open(enUri);
      const items = await complete(enUri, new vscode.Position(10, 3));
      assert.ok(!items.some((i) => /^\d{4}\/\d{2}\/\d{2}$/.test(labelOf(i))));
    });
  });

  describe('hovers', () => {
    async function hover(uri: vscode.Uri, line: number, needle: string): Promise<string> {
      const document = await open(uri);
      const character = document.lineAt(line).text.indexOf(needle) + 2;
      return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character)));
    }

    it('a table date: weekday, ISO week, in the week', async () => {
      const text = await hover(enUri, ROW1, '2025/10/06');
      assert.match(text, /\*\*Monday\*\* · 2025-10-06/);
      assert.match(text, /ISO week 41, 2025/);
      assert.match(text, /In week 5 \(2025\/10\/06 – 2025\/10\/12\)/);
    });

    it('the front matter date', async () => {
      const text = await hover(enUri, 2, '2025-10-12');
      assert.match(text, /\*\*Sunday\*\* · 2025-10-12/);
      assert.match(text, /ISO week 41, 2025/);
    });

    it('a Vietnamese page names the weekday its way too', async () => {
      assert.match(await hover(viUri, ROW1, '06/10/2025'), /\*\*Monday\*\* \(Thứ 2\) · 2025-10-06/);
    });
  });

  describe('Format Table', () => {
    it('lays out the table under the cursor; one undo restores it', async () => {
      const document = await open(enUri);
      const editor = await focus(document);
      editor.selection = new vscode.Selection(ROW1, 5, ROW1, 5);
      const changed = nextChange(document);
      assert.equal(await vscode.commands.executeCommand('worklog.formatTable'), true);
      await changed;
      const lines = document.getText().split('\n');
      assert.deepEqual(lines.slice(HEADER, ROW3 + 1), EN_TABLE_FORMATTED);
      // Everything else is as it was, the other table included.
      const before = enOriginal.split('\n');
      assert.deepEqual(lines.slice(0, HEADER), before.slice(0, HEADER));
      assert.deepEqual(lines.slice(ROW3 + 1), before.slice(ROW3 + 1));
      await undo(document);
      assert.equal(document.getText(), enOriginal);
    });

    it('aligns Vietnamese text by what the editor shows', async () => {
      const document = await open(viUri);
      const editor = await focus(document);
      editor.selection = new vscode.Selection(HEADER, 0, HEADER, 0);
      const changed = nextChange(document);
      assert.equal(await vscode.commands.executeCommand('worklog.formatTable'), true);
      await changed;
      assert.deepEqual(document.getText().split('\n').slice(HEADER, ROW3 + 1), VI_TABLE_FORMATTED);
      await undo(document);
      assert.equal(document.getText(), viOriginal);
    });

    it('range formatting changes the task tables only', async () => {
      const document = await open(enUri);
      const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatRangeProvider', enUri, new vscode.Range(0, 0, document.lineCount - 1, 0), { tabSize: 2, insertSpaces: true });
      assert.ok(edits.length > 0);
      for (const e of edits) assert.ok(e.range.start.line >= HEADER && e.range.end.line <= ROW3, `edit at line ${e.range.start.line}`);
      const edit = new vscode.WorkspaceEdit();
      edit.set(enUri, edits);
      const changed = nextChange(document);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await changed;
      assert.deepEqual(document.getText().split('\n').slice(HEADER, ROW3 + 1), EN_TABLE_FORMATTED);
    });
  });

  describe('highlighting', () => {
    /** Resolves once the launcher wrote the file (it watches for the line below; see test/integration/index.ts). */
    function screenshot(rel: string): Promise<void> {
      const abs = path.resolve(extension.extensionPath, rel);
      fs.rmSync(abs, { force: true });
      const written = new Promise<void>((resolve) => {
        const dir = path.dirname(abs);
        fs.mkdirSync(dir, { recursive: true });
        const watcher = fs.watch(dir, () => {
          if (fs.existsSync(abs)) {
            watcher.close();
            resolve();
          }
        });
      });
      console.log(`WORKLOG_SCREENSHOT ${rel}`);
      return written;
    }

    it('shows the week page with worklog scopes (screenshot when the launcher takes them)', async function () {
      if (process.env.WORKLOG_SCREENSHOTS !== '1') this.skip();
      // The launcher takes the picture in its own time: on a busy machine that can take a while.
      this.timeout(90_000);
      const document = await open(enUri);
      const editor = await focus(document);
      editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
      await screenshot('test-results/integration/editing-highlighting.png');
      const vi = await open(viUri);
      await focus(vi);
      await screenshot('test-results/integration/editing-highlighting-vi.png');
    });
  });

  describe('Add Task Row', () => {
    it('adds a row for the next day after the cursor\'s row, the cursor in its task cell; one undo removes it', async () => {
      const document = await open(enUri);
      const editor = await focus(document);
      editor.selection = new vscode.Selection(ROW1 + 1, 2, ROW1 + 1, 2);
      const changed = nextChange(document);
      assert.equal(await vscode.commands.executeCommand('worklog.addTaskRow'), true);
      await changed;
      const lines = document.getText().split('\n');
      assert.equal(lines[ROW1 + 2], '| 3 | -  | 2025/10/08 | 2025/10/08 |  |');
      assert.equal(lines[ROW1 + 3], enOriginal.split('\n')[ROW1 + 2]);
      assert.equal(lines.length, enOriginal.split('\n').length + 1);
      const active = vscode.window.activeTextEditor;
      assert.equal(active?.document, document);
      assert.deepEqual([active.selection.active.line, active.selection.active.character], [ROW1 + 2, '| 3 | - '.length]);
      await undo(document);
      assert.equal(document.getText(), enOriginal);
    });

    it('in a Vietnamese page, with its date format and "Thứ" numbers', async () => {
      const document = await open(viUri);
      const editor = await focus(document);
      editor.selection = new vscode.Selection(ROW1 + 1, 0, ROW1 + 1, 0);
      const changed = nextChange(document);
      assert.equal(await vscode.commands.executeCommand('worklog.addTaskRow'), true);
      await changed;
      assert.equal(document.getText().split('\n')[ROW1 + 2], '| 4 | -  | 08/10/2025 | 08/10/2025 |  |');
      await undo(document);
      assert.equal(document.getText(), viOriginal);
    });
  });
});

/** The character where `needle` starts on line `line` of `text`. */
function columnOf(text: string, line: number, needle: string): number {
  return text.split('\n')[line].indexOf(needle);
}
