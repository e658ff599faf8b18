// Composition root: builds the adapters, hands every disposable to VS Code, and starts the background pass.
import * as vscode from 'vscode';
import { setTranslator } from './core/l10n';
import { backgroundScan, checkAllWeeks } from './adapters/checkAll';
import { CodeActions, fixAll, ignoreRule } from './adapters/codeActions';
import { registerCommands } from './adapters/commands';
import { Completions } from './adapters/completions';
import { Config } from './adapters/config';
import { trackContextKeys } from './adapters/contextKeys';
import { Diagnostics } from './adapters/diagnostics';
import { Hovers } from './adapters/hovers';
import { newWeek } from './adapters/newWeek';
import { TableEditing } from './adapters/tableEditing';
import { registerTasks } from './adapters/tasks';
import { WeeksTree } from './adapters/tree';
import { SnapshotStore } from './adapters/snapshotStore';
import { WorkspaceIndex } from './adapters/workspaceIndex';

declare const __WORKLOG_BUILD__: string | undefined;

export interface WorklogApi {
  /** For tests: the index the adapters read. */
  readonly index: WorkspaceIndex;
  readonly tree: WeeksTree;
}

export async function activate(context: vscode.ExtensionContext): Promise<WorklogApi> {
  // Rule messages come from the core: route them through the editor's localisation.
  setTranslator((message, args) => vscode.l10n.t(message, ...args));
  const config = new Config();
  await config.loadRcFiles();
  // Results kept between sessions are only good for this very build and display language.
  const build = typeof __WORKLOG_BUILD__ === 'string' ? __WORKLOG_BUILD__ : 'dev';
  const store = new SnapshotStore(context.storageUri, `${String(context.extension.packageJSON.version)}+${build}+${vscode.env.language}`);
  const index = new WorkspaceIndex(config, store);
  const tree = new WeeksTree(index, config);
  const table = new TableEditing(index, config);
  context.subscriptions.push(
    config,
    index,
    new Diagnostics(index),
    new CodeActions(index),
    new Completions(index, config),
    new Hovers(index, config),
    table,
    tree,
    registerTasks(context),
    trackContextKeys(index),
    registerCommands({
      'worklog.newWeek': (...args: unknown[]) => newWeek(index, config, ...args),
      'worklog.checkAllWeeks': () => checkAllWeeks(index),
      'worklog.refresh': () => index.rescan(),
      'worklog.addTaskRow': () => table.addTaskRow(),
      'worklog.formatTable': () => table.formatTable(),
      'worklog.fixAll': (uri?: vscode.Uri) => fixAll(index, uri),
      'worklog.openTwin': (item?: unknown) => tree.openTwin(item),
      'worklog.revealInExplorer': (item?: unknown) => tree.revealInExplorer(item),
      'worklog.openWeek': (uri: vscode.Uri, line?: number) => tree.openWeek(uri, line),
      'worklog.ignoreRule': (rule: string, uri?: vscode.Uri) => ignoreRule(rule, uri),
    }),
  );
  backgroundScan(index);
  return { index, tree };
}

export function deactivate(): void {
  setTranslator(undefined);
}
