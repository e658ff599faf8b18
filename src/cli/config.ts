// Settings per folder: the built-in defaults, the nearest .worklogrc.json (or the one --config names), then --rule.
// The same keys and coercion as the editor's worklog.* settings (core coerceSettings).
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GLOBSTAR, Minimatch } from 'minimatch';
import type { SeveritySetting } from '../core/model';
import { RULE_IDS } from '../core/rules/ids';
import { coerceSettings, DEFAULT_SETTINGS, type WorklogSettings } from '../core/settings';

export const CONFIG_FILE = '.worklogrc.json';

export interface ResolvedConfig {
  /** The settings file (absolute), or undefined for the defaults. */
  readonly file: string | undefined;
  readonly settings: WorklogSettings;
  /** Absolute folder the include/exclude globs are relative to. */
  readonly base: string;
  /** Hash of the effective settings (a cache key part, and what groups pages that are checked together). */
  readonly hash: string;
}

export interface ConfigReporter {
  warn(message: string): void;
  /** A settings file that exists but cannot be used: the run ends with exit code 2. */
  error(message: string): void;
}

const GLOB_OPTIONS = { dot: true } as const;

function withRules(settings: WorklogSettings, overrides: Readonly<Record<string, SeveritySetting>>): WorklogSettings {
  return Object.keys(overrides).length === 0 ? settings : Object.assign({}, settings, { rules: { ...settings.rules, ...overrides } });
}

function hashOf(settings: WorklogSettings): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex');
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves the settings of each folder; memoised, so each folder and each settings file is looked at once.
 * Synchronous: settings files are small, and the walk asks for every folder (a promise each cost more than the look-up).
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, ResolvedConfig>();
  private readonly byFile = new Map<string, ResolvedConfig>();
  /** Folders whose entries the walk has already listed: which of the names the lookup needs they hold. */
  private readonly listed = new Map<string, { config: boolean; git: boolean }>();
  private readonly defaults: ResolvedConfig;
  private fixed: ResolvedConfig | undefined;

  constructor(
    private readonly cwd: string,
    private readonly overrides: Readonly<Record<string, SeveritySetting>>,
    private readonly reporter: ConfigReporter,
  ) {
    const settings = withRules(DEFAULT_SETTINGS, overrides);
    this.defaults = { file: undefined, settings, base: cwd, hash: hashOf(settings) };
  }

  /** Uses one settings file for every page (--config). False when it cannot be read (already reported). */
  useFile(file: string): boolean {
    const abs = path.resolve(this.cwd, file);
    const loaded = this.load(abs, this.cwd, true);
    if (!loaded) return false;
    this.fixed = loaded;
    return true;
  }

  /**
   * Tells the resolver what a folder holds (the walk lists every folder anyway), so looking up its settings needs
   * no file-system call. Call it before the folder's first `forDir`.
   */
  noteListing(dir: string, entries: Iterable<{ readonly name: string }>): void {
    let config = false;
    let git = false;
    for (const { name } of entries) {
      if (name === CONFIG_FILE) config = true;
      else if (name === '.git') git = true;
    }
    this.listed.set(dir, { config, git });
  }

  /** The settings for pages in `dir` (absolute). */
  forDir(dir: string): ResolvedConfig {
    if (this.fixed) return this.fixed;
    let found = this.byDir.get(dir);
    if (!found) {
      found = this.lookUp(dir);
      this.byDir.set(dir, found);
    }
    return found;
  }

  private lookUp(dir: string): ResolvedConfig {
    const listing = this.listed.get(dir);
    if (listing ? listing.config : exists(path.join(dir, CONFIG_FILE))) {
      const candidate = path.join(dir, CONFIG_FILE);
      let loaded = this.byFile.get(candidate);
      if (!loaded) {
        loaded = this.load(candidate, dir, false) ?? this.defaults;
        this.byFile.set(candidate, loaded);
      }
      return loaded;
    }
    const parent = path.dirname(dir);
    if (parent === dir || (listing ? listing.git : exists(path.join(dir, '.git')))) return this.defaults;
    return this.forDir(parent);
  }

  private load(file: string, base: string, required: boolean): ResolvedConfig | undefined {
    const shown = displayPath(this.cwd, file);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const why = err.code ? err.code : `invalid JSON: ${err.message}`;
      this.reporter.error(`cannot read ${shown}: ${why}${required ? '' : '; using the default settings'}`);
      return undefined;
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      this.reporter.error(`cannot use ${shown}: expected a JSON object${required ? '' : '; using the default settings'}`);
      return undefined;
    }
    const { settings, problems } = coerceSettings(raw);
    for (const p of problems) this.reporter.warn(`${shown}: ${p}`);
    for (const id of Object.keys(settings.rules)) {
      if (!RULE_IDS.includes(id)) this.reporter.warn(`${shown}: rules.${id}: unknown rule`);
    }
    const effective = withRules(settings, this.overrides);
    return { file, settings: effective, base, hash: hashOf(effective) };
  }
}

/** A path as shown to the user and given to the core: relative to `cwd`, with `/` separators. */
export function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

/**
 * The path the config's globs see: relative to its base folder, or to the walk root when the file lies outside. The
 * walk works it out once per folder, and for the folder's entries appends their names (globChild).
 */
export function globPath(config: ResolvedConfig, root: string, abs: string): string {
  return folderGlobPath(config, root, abs).path;
}

/**
 * globPath, and whether it is relative to the settings' base folder: then a subfolder's is this one plus its name
 * (outside the base, a subfolder may be the base itself).
 */
export function folderGlobPath(config: ResolvedConfig, root: string, abs: string): { path: string; underBase: boolean } {
  let rel = path.relative(config.base, abs);
  const underBase = !(rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel));
  if (!underBase) rel = path.relative(root, abs);
  return { path: rel.split(path.sep).join('/'), underBase };
}

/** An empty, `.` or `..` segment, or a trailing slash: paths minimatch's match() is always asked about. */
const UNUSUAL_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * For a glob whose every expansion is a globstar then one segment pattern (the default include: any folder, then
 * `*.md`): the segment patterns. minimatch's match() takes a path of ordinary segments exactly when one of them
 * matches its last segment (a globstar spans any segments but `.` and `..` with the dot option): asked that directly,
 * without splitting the path.
 */
function anyFolderPattern(m: Minimatch): RegExp[] | undefined {
  if (m.negate || m.comment || m.empty || m.options.matchBase || m.options.nocase) return undefined;
  if (!m.set.every((parts) => parts.length === 2 && parts[0] === GLOBSTAR && parts[1] instanceof RegExp)) return undefined;
  return m.set.map((parts) => parts[1] as RegExp);
}

/** A compiled glob. (minimatch's own regular expression is not used: it differs from match() on edge cases.) */
type Glob = (path: string) => boolean;

/**
 * minimatch's match(), asked only when it can say yes: a literal segment of a pattern (minimatch compares those with
 * ===) has to appear in a path the pattern matches, so a path that lacks one literal of every expanded pattern (brace
 * alternatives expand) is not matched. With the default excludes (node_modules, .git, public and resources in any
 * folder) nearly every path is answered by that substring test. Negated, comment and empty patterns, drive letters
 * (compared without case on Windows) and patterns without a literal segment always go to match().
 */
function compileGlob(glob: string): Glob {
  const m = new Minimatch(glob, GLOB_OPTIONS);
  const lastSegment = anyFolderPattern(m);
  if (lastSegment) return (p) => (UNUSUAL_SEGMENT.test(p) ? m.match(p) : lastSegment.some((re) => re.test(p.slice(p.lastIndexOf('/') + 1))));
  const literals = m.negate || m.comment || m.empty ? undefined
    : m.set.map((parts) => parts.filter((p): p is string => typeof p === 'string' && p !== '' && !/^[a-z]:$/i.test(p)));
  if (!literals || literals.some((l) => l.length === 0)) return (p) => m.match(p);
  return (p) => literals.some((l) => l.every((s) => p.includes(s))) && m.match(p);
}

interface Matchers {
  readonly include: readonly Glob[];
  readonly exclude: readonly Glob[];
}

/** Each settings' globs compiled once (a walk tests every folder and file against them). */
const compiled = new WeakMap<ResolvedConfig, Matchers>();

function matchers(config: ResolvedConfig): Matchers {
  let m = compiled.get(config);
  if (!m) {
    m = { include: config.settings.include.map(compileGlob), exclude: config.settings.exclude.map(compileGlob) };
    compiled.set(config, m);
  }
  return m;
}

/** The glob path of `name` inside a folder whose globPath is `folder`. */
export function globChild(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** True when the settings' exclude globs exclude a whole folder (so the walk does not enter it). */
export function excludesDir(config: ResolvedConfig, root: string, dir: string): boolean {
  return excludesFolder(config, globPath(config, root, dir));
}

/** excludesDir, given the folder's globPath. */
export function excludesFolder(config: ResolvedConfig, rel: string): boolean {
  if (rel === '') return false;
  return matchers(config).exclude.some((m) => m(rel + '/'));
}

export function excludesFile(config: ResolvedConfig, root: string, file: string): boolean {
  const rel = globPath(config, root, file);
  return matchers(config).exclude.some((m) => m(rel));
}

/** True when the settings include the file and do not exclude it (its path worked out once for both). */
export function selectsFile(config: ResolvedConfig, root: string, file: string): boolean {
  return selectsPath(config, globPath(config, root, file));
}

/** selectsFile, given the file's glob path (globChild of its folder's globPath). */
export function selectsPath(config: ResolvedConfig, rel: string): boolean {
  const m = matchers(config);
  return !m.exclude.some((g) => g(rel)) && m.include.some((g) => g(rel));
}
