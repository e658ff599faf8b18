// Worklog: New Week — from the palette, the Weeks view's title bar and its welcome view. Finds the worklog (the
// active page's, a pick among several, or a new one), has the core plan week N+1, and applies the plan as ONE
// WorkspaceEdit: the new pages are created with their text (createFile with contents: written whole, never
// overwriting) and the index lines are inserted, so one Undo removes all of it. Only workspace.fs is used, so
// virtual workspaces work too.
import * as vscode from 'vscode';
import { CalendarDate } from '../core/calendar';
import { DEFAULT_WORKLOG_DIR, planNewWeek, type NewWeekPlan } from '../core/newWeek';
import type { OutlineWorklog } from '../core/outline';
import type { Worklog } from '../core/workspace';
import type { Config } from './config';
import type { WorkspaceIndex } from './workspaceIndex';

interface Created {
  readonly file: NewWeekPlan['files'][number];
  readonly uri: vscode.Uri;
}

interface Target {
  /** Undefined: the workspace has no worklog and the user agreed to create one. */
  readonly worklog: Worklog | undefined;
  readonly folder: vscode.WorkspaceFolder;
}

/**
 * The command. `args[0]` may name the worklog: a page or folder Uri, or a tree item carrying one (`resourceUri`,
 * `uri`). Returns the created pages' URIs (the week pages first), or undefined when nothing was created.
 */
export async function newWeek(index: WorkspaceIndex, config: Config, ...args: unknown[]): Promise<vscode.Uri[] | undefined> {
  await index.scan();
  // Plan against what the editors show: open pages are parsed at their current version.
  for (const doc of vscode.workspace.textDocuments) if (!index.isCurrent(doc)) index.updateDocument(doc);
  const target = await chooseTarget(index, args);
  if (!target) return undefined;
  const settings = config.settingsFor(target.folder.uri);
  const plan = planNewWeek(target.worklog, settings, today());
  if (!plan.ok) {
    void vscode.window.showErrorMessage(plan.message);
    return undefined;
  }
  const created: Created[] = plan.files.map((f) => ({ file: f, uri: uriFor(index, target, f.path) }));
  const edits = plan.indexEdits.map((e) => ({ edit: e, uri: index.uriOf(e.path) }));
  if (edits.some((e) => !e.uri)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Worklog: the worklog changed while week {0} was planned; try again.', plan.week));
    return undefined;
  }
  const taken = await firstExisting(created.map((c) => c.uri));
  if (taken) {
    refuse(taken, plan);
    return undefined;
  }

  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label: vscode.l10n.t('New Week {0}', plan.week), needsConfirmation: false };
  const encoder = new TextEncoder();
  for (const c of created) edit.createFile(c.uri, { overwrite: false, ignoreIfExists: false, contents: encoder.encode(c.file.text) }, metadata);
  for (const e of edits) {
    const at = new vscode.Position(e.edit.span.start.line, e.edit.span.start.character);
    edit.insert(e.uri!, at, e.edit.newText, metadata);
  }
  // A page created meanwhile (another window, a sync) is left alone: check again right before applying.
  const raced = await firstExisting(created.map((c) => c.uri));
  if (raced) {
    refuse(raced, plan);
    return undefined;
  }
  // The index lines' positions are those of the text that was planned: an index page typed in since is not edited.
  const stale = edits.find((e) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === e.uri!.toString() && !index.isCurrent(d)));
  if (stale) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Worklog: {0} changed while week {1} was planned; nothing was created. Try again.', vscode.workspace.asRelativePath(stale.uri!), plan.week));
    return undefined;
  }
  let applied: boolean;
  try {
    applied = await vscode.workspace.applyEdit(edit);
  } catch {
    applied = false;
  }
  if (!applied) {
    const now = await firstExisting(created.map((c) => c.uri));
    if (now) refuse(now, plan);
    else void vscode.window.showErrorMessage(vscode.l10n.t('Worklog: week {0} could not be created.', plan.week));
    return undefined;
  }

  const open = pickPage(index, plan, created, uriFromArgs(args) ?? vscode.window.activeTextEditor?.document.uri);
  const editor = await vscode.window.showTextDocument(open.uri, { preview: false });
  const at = new vscode.Position(open.file.cursor.line, open.file.cursor.character);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return created.map((c) => c.uri);
}

/** Today in the user's time zone, as a calendar day. */
function today(): CalendarDate {
  const now = new Date();
  return new CalendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function uriFromArgs(args: readonly unknown[]): vscode.Uri | undefined {
  const first = args[0];
  if (first instanceof vscode.Uri) return first;
  if (first && typeof first === 'object') {
    for (const key of ['resourceUri', 'uri']) {
      const value = (first as Record<string, unknown>)[key];
      if (value instanceof vscode.Uri) return value;
    }
  }
  return undefined;
}

// Worklogs are found and listed from the outline's data (no page is parsed for that); only the one a week is added to
// is parsed (if it was restored from an earlier session), since planning reads its pages.
function worklogAt(index: WorkspaceIndex, uri: vscode.Uri): Worklog | undefined {
  const own = index.worklogOf(uri);
  if (own) return own;
  // A folder: the worklog it is (or the one inside it, when there is exactly one).
  const path = index.pathOf(uri).replace(/\/$/, '');
  const all = [...index.outlineWorklogs()];
  const inside = all.filter(([, w]) => w.dir.startsWith(path + '/'));
  const key = (all.find(([, w]) => w.dir === path) ?? (inside.length === 1 ? inside[0] : undefined))?.[0];
  return key === undefined ? undefined : index.worklog(key);
}

function folderOf(index: WorkspaceIndex, paths: readonly string[]): vscode.WorkspaceFolder | undefined {
  for (const path of paths) {
    const uri = index.uriOf(path);
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    if (folder) return folder;
  }
  return undefined;
}

function pagePaths(worklog: Worklog | OutlineWorklog): string[] {
  return [...worklog.weeks, ...worklog.indexes].map((e) => ('page' in e ? e.page.path : e.path));
}

function lastWeek(worklog: OutlineWorklog): number | undefined {
  const weeks = worklog.weeks.map((e) => e.week).filter((w): w is number => w !== undefined);
  return weeks.length ? Math.max(...weeks) : undefined;
}

async function chooseTarget(index: WorkspaceIndex, args: readonly unknown[]): Promise<Target | undefined> {
  const hinted = uriFromArgs(args) ?? vscode.window.activeTextEditor?.document.uri;
  const fromHint = hinted && worklogAt(index, hinted);
  if (fromHint) {
    const folder = folderOf(index, pagePaths(fromHint));
    if (folder) return { worklog: fromHint, folder };
  }
  const all = [...index.outlineWorklogs()]
    .filter(([, w]) => w.weeks.length > 0 || w.indexes.length > 0)
    .map(([key, outline]) => ({ key, outline, folder: folderOf(index, pagePaths(outline)) }))
    .filter((t): t is { key: string; outline: OutlineWorklog; folder: vscode.WorkspaceFolder } => t.folder !== undefined)
    .sort((a, b) => a.outline.dir.localeCompare(b.outline.dir));
  const targetOf = (t: (typeof all)[number]): Target | undefined => {
    const worklog = index.worklog(t.key);
    return worklog ? { worklog, folder: t.folder } : undefined;
  };
  if (all.length === 1) return targetOf(all[0]);
  if (all.length > 1) {
    const picked = await vscode.window.showQuickPick(
      all.map((t) => {
        const last = lastWeek(t.outline);
        return {
          label: t.outline.dir,
          description: last === undefined ? vscode.l10n.t('no weeks yet') : vscode.l10n.t('week {0} next', last + 1),
          target: t,
        };
      }),
      { placeHolder: vscode.l10n.t('Which worklog gets a new week?'), ignoreFocusOut: true },
    );
    return picked && targetOf(picked.target);
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Worklog: open the folder of your Hugo site to add a week.'));
    return undefined;
  }
  const folder = (hinted && vscode.workspace.getWorkspaceFolder(hinted))
    ?? (folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Where should the worklog go?') }));
  if (!folder) return undefined;
  const create = vscode.l10n.t('Create');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('Create {0}/?', DEFAULT_WORKLOG_DIR),
    { modal: true, detail: vscode.l10n.t('This workspace has no worklog yet. Worklog: New Week can start one with its index page and week 1.') },
    create,
  );
  return answer === create ? { worklog: undefined, folder } : undefined;
}

/** The URI of a core path: relative to the target's workspace folder (prefixed by the folder's name in multi-root). */
function uriFor(index: WorkspaceIndex, target: Target, path: string): vscode.Uri {
  const known = index.uriOf(path);
  if (known) return known;
  const prefix = `${target.folder.name}/`;
  const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const rel = multi && target.worklog && path.startsWith(prefix) ? path.slice(prefix.length) : path;
  return vscode.Uri.joinPath(target.folder.uri, ...rel.split('/'));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function firstExisting(uris: readonly vscode.Uri[]): Promise<vscode.Uri | undefined> {
  const found = await Promise.all(uris.map(exists));
  return uris[found.indexOf(true)];
}

/** Says which page is in the way (nothing is ever overwritten) and offers to open it. */
function refuse(uri: vscode.Uri, plan: NewWeekPlan): void {
  const open = vscode.l10n.t('Open');
  void vscode.window
    .showWarningMessage(vscode.l10n.t('Worklog: {0} already exists, so week {1} was not created.', vscode.workspace.asRelativePath(uri), plan.week), open)
    .then((choice) => (choice === open ? vscode.window.showTextDocument(uri) : undefined))
    .then(undefined, () => undefined);
}

/** The page to open: the new page in the language of the page the command came from, else the plan's first. */
function pickPage(index: WorkspaceIndex, plan: NewWeekPlan, created: readonly Created[], from: vscode.Uri | undefined): Created {
  const language = from ? index.entry(from)?.language : undefined;
  return created.find((c) => c.file.kind === 'week' && language !== undefined && c.file.language === language)
    ?? created.find((c) => c.file.path === plan.cursor.path)
    ?? created[0];
}
