// Keeps the workspace index's results between sessions, in the extension's workspace storage: one JSON file, written
// whole (a temporary file, then a rename). Hashing uses Web Crypto, which both the Node and the web extension host
// have. Anything that goes wrong (no storage, no Web Crypto, an unreadable or malformed file) only means that worklogs
// are parsed, as they would be without it; nothing is reported to the user.
import * as vscode from 'vscode';
import { readSnapshot, SNAPSHOT_FORMAT, snapshotHashInput, type Snapshot, type SnapshotEntry } from '../core/snapshot';

export const SNAPSHOT_FILE = 'worklog-snapshot.json';

export class SnapshotStore {
  private writing: Promise<void> = Promise.resolve();

  /** `dir`: the workspace storage folder (undefined without a workspace); `tool`: build and display language. */
  constructor(private readonly dir: vscode.Uri | undefined, readonly tool: string) {}

  get enabled(): boolean {
    return this.dir !== undefined && typeof globalThis.crypto?.subtle?.digest === 'function';
  }

  get uri(): vscode.Uri | undefined {
    return this.dir && vscode.Uri.joinPath(this.dir, SNAPSHOT_FILE);
  }

  /** The stored worklogs that can be trusted (none when there is no snapshot, or it is from another build). */
  async load(): Promise<Map<string, SnapshotEntry>> {
    const uri = this.uri;
    if (!uri || !this.enabled) return new Map();
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      return readSnapshot(JSON.parse(new TextDecoder('utf-8').decode(bytes)), this.tool);
    } catch {
      return new Map();
    }
  }

  /** The hash a worklog's results are kept under (SHA-256, hex). */
  async hash(files: readonly { path: string; text: string; settings: string }[]): Promise<string> {
    const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(snapshotHashInput(this.tool, files)));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** Writes the snapshot (one write at a time; a failed write leaves the previous file as it was). */
  save(worklogs: ReadonlyMap<string, SnapshotEntry>): Promise<void> {
    const uri = this.uri;
    if (!uri || !this.dir || !this.enabled) return Promise.resolve();
    const data: Snapshot = { format: SNAPSHOT_FORMAT, tool: this.tool, worklogs: Object.fromEntries(worklogs) };
    const bytes = new TextEncoder().encode(JSON.stringify(data));
    const dir = this.dir;
    this.writing = this.writing.then(async () => {
      const tmp = vscode.Uri.joinPath(dir, `${SNAPSHOT_FILE}.tmp`);
      try {
        await vscode.workspace.fs.createDirectory(dir);
        await vscode.workspace.fs.writeFile(tmp, bytes);
        await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
      } catch {
        await Promise.resolve(vscode.workspace.fs.delete(tmp)).catch(() => undefined);
      }
    });
    return this.writing;
  }
}
