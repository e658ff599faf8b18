// Finds the Markdown files to check under the paths given on the command line. Symbolic links are followed only
// while they stay inside those paths; each real file is listed once.
import type { Dirent } from 'node:fs';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { displayPath, excludesDir, excludesFile, excludesFolder, folderGlobPath, globChild, selectsPath, type ConfigResolver, type ResolvedConfig } from './config';
import { pathFacts } from '../core/weeks';

/** Folders never entered: dependencies, version control, and Hugo's build output. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', 'public', 'resources']);

const MARKDOWN = /\.(?:md|markdown)$/i;
/** How deep the worklog around a named file is read: week folders, and day folders inside them. */
const CONTEXT_DEPTH = 3;

export interface WalkedFile {
  /** Absolute path as reached (through in-root links, if any). */
  readonly abs: string;
  /** The file's real path (what is read and written). */
  readonly real: string;
  /** Relative to the current folder, `/` separators: what the core and the output see. */
  readonly path: string;
  readonly config: ResolvedConfig;
  /** Read only as context for a named file's worklog: checked with it, never reported or written. */
  readonly context: boolean;
}

interface Folder {
  readonly abs: string;
  readonly real: string;
  /** displayPath of abs. */
  readonly shown: string;
  /**
   * The parent folder's settings and glob path when that path is relative to the settings' base, and this folder's
   * name: with the same settings, this folder's glob path is the parent's plus the name.
   */
  readonly parent?: { readonly config: ResolvedConfig; readonly folder: string; readonly name: string };
}

export interface WalkReporter {
  /** A path that cannot be read: the run ends with exit code 2. */
  error(message: string): void;
  note(message: string): void;
}

function inside(real: string, roots: readonly string[]): boolean {
  return roots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
}

/**
 * What path.join(dir, name) gives for a folder path the walk holds (absolute and normalised: from path.resolve,
 * realpath, or built here) and the name of one of its entries, without normalising the whole path again.
 */
function childPath(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

/**
 * Lists the files to check under `args` (relative to `cwd`), sorted by path. Synchronous, folder by folder in
 * breadth-first and name order: a listing is one quick system call, cheaper than a round trip through the thread pool.
 */
export function walk(args: readonly string[], cwd: string, resolver: ConfigResolver, reporter: WalkReporter): WalkedFile[] {
  const show = (abs: string): string => displayPath(cwd, abs);
  const roots: { arg: string; abs: string; real: string; isDir: boolean }[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    try {
      const real = realpathSync(abs);
      const stat = statSync(real);
      roots.push({ arg, abs, real, isDir: stat.isDirectory() });
    } catch (e) {
      const c = code(e);
      reporter.error(c === 'ENOENT' ? `cannot find ${arg}: no such file or folder` : `cannot read ${arg}: ${c}`);
    }
  }
  const realRoots = roots.map((r) => r.real);
  const files: WalkedFile[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const addFile = (abs: string, real: string, config: ResolvedConfig, context: boolean, shown = show(abs)): void => {
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push({ abs, real, path: shown, config, context });
  };

  /**
   * Walks one folder; returns how many Markdown files it offered. Context walks (the worklog around a named file)
   * are quiet, shallow and stay inside their own folder.
   */
  const walkTree = (root: { abs: string; real: string }, boundary: readonly string[], maxDepth: number, context: boolean): number => {
    let candidates = 0;
    // Under a root inside the current folder, each entry's displayed path is its folder's plus its name; a root
    // outside it may hold the current folder, whose own entries are shown from there ('x.md', not '../here/x.md').
    const rootShown = show(root.abs);
    const inCwd = !(rootShown === '..' || rootShown.startsWith('../') || path.isAbsolute(rootShown));
    let level: Folder[] = [Object.assign({}, root, { shown: rootShown })];
    for (let depth = 0; level.length > 0 && depth <= maxDepth; depth++) {
      const subdirs: Folder[] = [];
      for (const dir of level) {
        let entries: Dirent[];
        try {
          entries = readdirSync(dir.abs, { withFileTypes: true });
        } catch (e) {
          // A folder's own settings decide whether it is excluded (then it does not matter that it cannot be read).
          if (dir !== root && excludesDir(resolver.forDir(dir.abs), root.abs, dir.abs)) continue;
          if (context) reporter.note(`${dir.shown} not read for context: ${code(e)}`);
          else reporter.error(`cannot read ${dir.shown}: ${code(e)}`);
          continue;
        }
        // The listing tells the resolver whether the folder holds a settings file: no extra file-system call.
        resolver.noteListing(dir.abs, entries);
        // The folder's settings decide both whether it is excluded and which of its files are selected; its paths
        // (for the globs and for display) are worked out once, its entries' by appending their names.
        const config = resolver.forDir(dir.abs);
        const glob = dir.parent?.config === config ? { path: globChild(dir.parent.folder, dir.parent.name), underBase: true } : folderGlobPath(config, root.abs, dir.abs);
        const folder = glob.path;
        if (dir !== root && excludesFolder(config, folder)) continue;
        const shown = dir.shown;
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
          const abs = childPath(dir.abs, entry.name);
          let real = childPath(dir.real, entry.name);
          const entryShown = shown === '.' ? entry.name : `${shown}/${entry.name}`;
          let isDir = entry.isDirectory();
          let isFile = entry.isFile();
          if (entry.isSymbolicLink()) {
            try {
              real = realpathSync(abs);
              const stat = statSync(real);
              isDir = stat.isDirectory();
              isFile = stat.isFile();
            } catch {
              if (!context && MARKDOWN.test(entry.name)) reporter.note(`${entryShown} skipped: broken symbolic link`);
              continue;
            }
            if (!inside(real, boundary)) {
              if (!context && (isDir || MARKDOWN.test(entry.name))) reporter.note(`${entryShown} skipped: symbolic link to outside the given paths`);
              continue;
            }
          }
          if (isDir) {
            if (SKIPPED_DIRS.has(entry.name) || seenDirs.has(real)) continue;
            seenDirs.add(real);
            subdirs.push({ abs, real, shown: inCwd ? entryShown : show(abs), parent: glob.underBase ? { config, folder, name: entry.name } : undefined });
          } else if (isFile && MARKDOWN.test(entry.name)) {
            if (!selectsPath(config, globChild(folder, entry.name))) continue;
            candidates++;
            addFile(abs, real, config, context, entryShown);
          }
        }
      }
      level = subdirs;
    }
    return candidates;
  };

  const named: WalkedFile[] = [];
  for (const root of roots) {
    if (!root.isDir) {
      if (!MARKDOWN.test(root.abs)) {
        reporter.note(`${root.arg} skipped: not a Markdown file`);
        continue;
      }
      const config = resolver.forDir(path.dirname(root.abs));
      if (excludesFile(config, path.dirname(root.abs), root.abs)) reporter.note(`${root.arg} skipped: excluded by the settings`);
      else {
        addFile(root.abs, root.real, config, false);
        named.push(files[files.length - 1]);
      }
      continue;
    }
    if (seenDirs.has(root.real)) continue;
    seenDirs.add(root.real);
    if (walkTree(root, realRoots, Infinity, false) === 0) reporter.note(`no Markdown files to check in ${root.arg}`);
  }

  // A file named alone is still checked inside its worklog: cross-week rules need the other weeks (and the other
  // language's folder in Hugo's content/<lang>/ layout). Those pages are read for context and never reported.
  for (const file of named) {
    const dir = pathFacts(file.path).worklogDir;
    const dirs = [dir];
    const lang = /(^|\/)content\/(en|vi)(?=\/|$)/i.exec(dir);
    if (lang) dirs.push(dir.replace(lang[0], `${lang[1]}content/${lang[2].toLowerCase() === 'en' ? 'vi' : 'en'}`));
    for (const d of dirs) {
      const abs = path.resolve(cwd, d);
      let real: string;
      try {
        real = realpathSync(abs);
        if (!statSync(real).isDirectory()) continue;
      } catch {
        continue;
      }
      if (seenDirs.has(real) || inside(real, roots.filter((r) => r.isDir).map((r) => r.real))) continue;
      seenDirs.add(real);
      walkTree({ abs, real }, [real], CONTEXT_DEPTH, true);
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
