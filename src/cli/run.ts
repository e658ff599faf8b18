// One run of worklog-lint: arguments → files → pages → findings (from the cache or the engine) → fixes → output.
// Everything the host provides (current folder, output streams, environment) comes in through `io`, so tests run it
// in-process.
import { promises as fsp } from 'node:fs';
import type { Finding } from '../core/model';
import { worklogKey } from '../core/weeks';
import { version as VERSION } from '../../package.json';
import { HELP, parseCliArgs, type Locale } from './args';
import { FindingsCache, resolveCacheFile, sha256 } from './cache';
import { ConfigResolver, displayPath, type ResolvedConfig } from './config';
import type * as Engine from './engine';
import { formatReport, toReported, type ReportedFinding } from './formatters';
import { loadTranslator, resolveLocale } from './locale';
import { createPool, PARALLEL_MIN_PAGES, workerCount, workerScript } from './parallel';
import { readPage, statStamp, writePageIfUnchanged, type Encoding } from './textFile';
import { walk, type WalkedFile } from './walk';

export { VERSION };

/** The names of Hugo section pages, as the core's path facts read them (`_index`, `index`, with a language). */
export const SECTION_FILE = /^_?index(?:\.(?:en|vi))?\.(?:md|markdown)$/i;

let loadedEngine: { module: typeof Engine; language: string } | undefined;

/**
 * The engine (parser and rules: most of the code), loaded on first use: a run the cache answers never loads it. In
 * the bundle it is dist/engine.js next to dist/cli.js, with its own copy of the core's translator, set here.
 */
function engine(locale: Locale, bundlePath: string | undefined, beforeLoad: (() => void) | undefined): typeof Engine {
  if (!loadedEngine) {
    beforeLoad?.();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, on purpose
    loadedEngine = { module: require('./engine') as typeof Engine, language: '' };
  }
  const language = `${locale}\u0000${bundlePath ?? ''}`;
  if (loadedEngine.language !== language) {
    loadedEngine.module.useLocale(locale, bundlePath);
    loadedEngine.language = language;
  }
  return loadedEngine.module;
}

declare const __WORKLOG_BUILD__: string | undefined;
/** A hash of the engine's sources, set by the bundler: a cache never outlives a change to the rules. */
const BUILD_ID = typeof __WORKLOG_BUILD__ === 'string' ? __WORKLOG_BUILD__ : 'dev';

export interface OutputStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** What a run did, for tests and diagnostics. */
export interface RunStats {
  filesRead: number;
  pagesParsed: number;
  groups: number;
  cacheHits: number;
  filesWritten: number;
}

export interface RunIO {
  readonly cwd: string;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Filled in by the run when given. */
  readonly stats?: RunStats;
  /** The Vietnamese message bundle (default: next to the CLI bundle). */
  readonly bundlePath?: string;
  /** The clock (ms since the epoch) the cache's racy-file rule reads; tests move it. Defaults to Date.now. */
  readonly now?: () => number;
  /**
   * Called once, just before the engine is first loaded in this process, with the number of pages the run has to
   * check (the CLI's entry point tunes V8 there).
   */
  readonly beforeEngine?: (pagesToCheck: number) => void;
  /** Called just before a fixed page is written (tests use it to change the file in between). */
  readonly beforeWrite?: (path: string) => void | Promise<void>;
}

interface LoadedPage {
  readonly file: WalkedFile;
  /**
   * SHA-256 of the text (only with --cache: nothing else reads it; '' without), and whether it starts with a BOM:
   * known without reading when the cache vouches for it.
   */
  sha: string;
  bom: boolean;
  /** The content, once read (a page the cache vouched for is read only if its worklog has to be checked). */
  content?: { readonly bytes: Buffer; readonly text: string; readonly encoding: Encoding; readonly lossless: boolean };
}

interface Group {
  readonly config: ResolvedConfig;
  /** The worklog folder the group's pages share (for messages). */
  readonly dir: string;
  readonly key: string;
  readonly pages: LoadedPage[];
}

/**
 * What a worklog's cached findings are valid for: the tool, the locale, the settings (by their hash) and each page's
 * path and content hash, in path order. A path never holds a NUL, so `path NUL sha` lines cannot run together.
 */
function groupHash(group: Group, shas: ReadonlyMap<string, string>, locale: string): string {
  const paths = [...shas.keys()].sort();
  const lines = [`${VERSION}\u0000${BUILD_ID}\u0000${locale}\u0000${group.config.hash}`];
  for (const p of paths) lines.push(`${p}\u0000${shas.get(p)}`);
  return sha256(lines.join('\n'));
}

function shasOf(group: Group): Map<string, string> {
  return new Map(group.pages.map((p) => [p.file.path, p.sha]));
}

/** Runs worklog-lint with `argv` (no node/script entries) and returns the exit code. Never throws for bad input. */
export async function run(argv: readonly string[], io: RunIO): Promise<number> {
  const env = io.env ?? process.env;
  const stats: RunStats = io.stats ?? { filesRead: 0, pagesParsed: 0, groups: 0, cacheHits: 0, filesWritten: 0 };
  const say = (line: string): void => void io.stderr.write(line + '\n');
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    say(`worklog-lint: ${parsed.error}`);
    say("Try 'worklog-lint --help' for more information.");
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout.write(VERSION + '\n');
    return 0;
  }
  const locale = resolveLocale(options.locale, env);
  loadTranslator(locale, io.bundlePath);

  let failed = false;
  const reporter = {
    error(message: string): void {
      failed = true;
      say(`worklog-lint: ${message}`);
    },
    warn(message: string): void {
      say(`worklog-lint: warning: ${message}`);
    },
    note(message: string): void {
      say(`note: ${message}`);
    },
  };

  const resolver = new ConfigResolver(io.cwd, options.rules, reporter);
  if (options.config !== undefined && !resolver.useFile(options.config)) return 2;
  const files = walk(options.paths, io.cwd, resolver, reporter);

  let cache: FindingsCache | undefined;
  if (options.cache) cache = FindingsCache.load(await resolveCacheFile(io.cwd, options.cacheLocation), `${VERSION}`);
  const clock = io.now ?? Date.now;

  const groups = new Map<string, Group>();
  // A section page's worklog (`_index.md`, `_index.vi.md`) follows from its folder alone: worked out once per folder.
  const sectionWorklogs = new Map<string, string>();
  const worklogKeyOf = (p: string): string => {
    const slash = p.lastIndexOf('/');
    if (!SECTION_FILE.test(p.slice(slash + 1))) return worklogKey(p);
    const folder = p.slice(0, slash + 1);
    let key = sectionWorklogs.get(folder);
    if (key === undefined) sectionWorklogs.set(folder, (key = worklogKey(p)));
    return key;
  };
  let checkedFiles = 0;
  /** Reads a page; reports what cannot be read (a context page only gets a note). */
  const load = (file: WalkedFile): { content: NonNullable<LoadedPage['content']>; sha: string; bom: boolean } | 'skipped' | 'error' => {
    const readAt = clock();
    const r = readPage(file.real, file.config.settings.maxFileSize);
    if (r.kind === 'error') {
      if (file.context) reporter.note(`${file.path} not read for context: ${r.code}`);
      else reporter.error(`cannot read ${file.path}: ${r.code}`);
      return 'error';
    }
    if (r.kind === 'skipped') {
      if (!file.context) reporter.note(`${file.path} skipped: ${r.reason}`);
      return 'skipped';
    }
    stats.filesRead++;
    const known = { sha: cache ? sha256(r.text) : '', bom: r.text.charCodeAt(0) === 0xfeff };
    cache?.noteFile(file.real, r.stamp, known, readAt);
    return { content: { bytes: r.bytes, text: r.text, encoding: r.encoding, lossless: r.lossless }, ...known };
  };
  for (const file of files) {
    // With --cache (and no --fix), a page whose file stamp the cache vouches for is not read now.
    const stamp = cache && !options.fix ? statStamp(file.real) : undefined;
    const known = stamp && stamp.size <= file.config.settings.maxFileSize ? cache!.knownFile(file.real, stamp) : undefined;
    let page: LoadedPage;
    if (known) {
      page = { file, sha: known.sha, bom: known.bom };
    } else {
      const read = load(file);
      if (read === 'error' || read === 'skipped') continue;
      page = { file, ...read };
    }
    if (!file.context) checkedFiles++;
    // Pages of different worklogs never see each other, so a group per worklog folder (and settings) gives the
    // same findings as checking everything at once, and can be cached on its own.
    const dir = worklogKeyOf(file.path);
    const id = `${file.config.hash}\u0000${dir}`;
    let g = groups.get(id);
    if (!g) {
      // The cache knows a group by a hash of its settings and folder.
      g = { config: file.config, dir, key: sha256(id), pages: [] };
      groups.set(id, g);
    }
    g.pages.push(page);
  }
  /** The texts of a group's pages, reading those the cache vouched for; pages that cannot be read now drop out. */
  const textsOf = (group: Group): Map<string, string> => {
    const texts = new Map<string, string>();
    for (const page of group.pages) {
      if (!page.content) {
        const read = load(page.file);
        if (read === 'error' || read === 'skipped') continue;
        Object.assign(page, read);
      }
      texts.set(page.file.path, page.content!.text);
    }
    return texts;
  };


  const results: { path: string; bom: boolean; findings: readonly Finding[] }[] = [];
  let fixedFiles = 0;
  let fixesApplied = 0;
  const checkGroup = async (group: Group): Promise<void> => {
    stats.groups++;
    const settings = group.config.settings;
    let hash = cache ? (hashes.get(group.key) ?? groupHash(group, shasOf(group), locale)) : '';
    let findings = cached.get(group.key) ?? cache?.get(group.key, hash);
    if (findings) stats.cacheHits++;
    let checker: ((texts: ReadonlyMap<string, string>) => Map<string, Finding[]>) | undefined;
    const check = (texts: ReadonlyMap<string, string>): Map<string, Finding[]> => {
      checker ??= engine(locale, io.bundlePath, beforeEngine).checkerFor(settings, () => void stats.pagesParsed++);
      return checker(texts);
    };
    // Pages are read only when their worklog is checked (or fixed): a cache hit needs none of them.
    let texts: Map<string, string> | undefined;
    if (!findings) {
      const pre = prechecked.get(group.key);
      texts = pre?.texts ?? textsOf(group);
      findings = pre?.findings ?? check(texts);
      // Cached under the hash of exactly the texts checked (pages read only now may have changed since the run
      // began), and only when every page of the worklog was checked (one that could not be read is not).
      // (Each page's sha is that of the text it was read with.)
      if (cache && texts.size === group.pages.length) {
        hash = groupHash(group, shasOf(group), locale);
        cache.set(group.key, hash, findings);
      }
    }
    const reported = group.pages.filter((p) => !p.file.context);
    const fixable = (path: string): boolean => (findings!.get(path) ?? []).some((f) => f.fixes.some((x) => x.preferred));
    if (options.fix && reported.some((p) => fixable(p.file.path))) {
      texts ??= textsOf(group);
      const fixed = engine(locale, io.bundlePath, beforeEngine).fixGroup(texts, check, new Set(reported.map((p) => p.file.path)));
      const onDisk = new Map(texts);
      for (const page of reported) {
        const path = page.file.path;
        const next = fixed.texts.get(path)!;
        const content = page.content!;
        if (next === content.text) continue;
        if (!content.lossless) {
          reporter.warn(`${path} not fixed: it is not valid ${content.encoding === 'utf8' ? 'UTF-8' : 'UTF-16'} and would not be written back byte for byte`);
          continue;
        }
        await io.beforeWrite?.(path);
        const real = await fsp.realpath(page.file.abs).catch(() => undefined);
        if (real !== page.file.real) {
          reporter.warn(`${path} not fixed: the file was moved or replaced while it was checked`);
          continue;
        }
        const written = await writePageIfUnchanged(page.file.real, content.bytes, next, content.encoding);
        if (written.kind === 'written') {
          onDisk.set(path, next);
          stats.filesWritten++;
          fixedFiles++;
          fixesApplied += fixed.applied.get(path) ?? 0;
        } else if (written.kind === 'changed') {
          reporter.warn(`${path} not fixed: it changed on disk while it was checked`);
        } else {
          reporter.error(`cannot write ${path}: ${written.code}`);
        }
      }
      texts = onDisk;
      findings = check(texts);
      if (cache) cache.set(group.key, groupHash(group, new Map([...texts].map(([p, t]) => [p, sha256(t)])), locale), findings);
    }
    for (const page of reported) {
      const path = page.file.path;
      const text = texts?.get(path);
      results.push({ path, bom: text !== undefined ? text.charCodeAt(0) === 0xfeff : page.bom, findings: findings.get(path) ?? [] });
    }
  };
  // Large runs without --fix: the worklogs that are not in the cache are checked on worker threads first.
  const prechecked = new Map<string, { texts: Map<string, string>; findings: Map<string, Finding[]> }>();
  // (Group hashes are what the cache is looked up by: without one, nothing is hashed.)
  const hashes = new Map(cache ? [...groups.values()].map((g) => [g.key, groupHash(g, shasOf(g), locale)]) : []);
  // What the cache holds for each worklog, looked up once.
  const cached = new Map<string, Map<string, Finding[]>>();
  for (const g of groups.values()) {
    const hit = cache?.get(g.key, hashes.get(g.key)!);
    if (hit) cached.set(g.key, hit);
  }
  const misses = [...groups.values()].filter((g) => !cached.has(g.key));
  const toParse = misses.reduce((n, g) => n + g.pages.length, 0);
  const beforeEngine = (): void => io.beforeEngine?.(toParse);
  const threads = workerCount(env);
  const script = workerScript();
  if (!options.fix && script && threads > 1 && toParse >= PARALLEL_MIN_PAGES && misses.length > 1) {
    const pool = createPool(Math.min(threads, misses.length), script, locale, io.bundlePath);
    try {
      await Promise.all(misses.map(async (g) => {
        const texts = textsOf(g);
        try {
          prechecked.set(g.key, { texts, findings: await pool.check(g.config.settings, texts) });
          stats.pagesParsed += texts.size;
        } catch {
          // Checked again on this thread below, where an engine failure is reported for its worklog.
        }
      }));
    } finally {
      await pool.close();
    }
  }

  for (const group of groups.values()) {
    try {
      await checkGroup(group);
    } catch (e) {
      // An engine failure on one worklog must not hide the findings of the others.
      reporter.error(`internal error while checking ${group.dir || '.'}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  if (cache) {
    try {
      await cache.save();
    } catch (e) {
      reporter.warn(`cannot write the cache ${displayPath(io.cwd, cache.file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }

  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const all: ReportedFinding[] = results.flatMap((r) => r.findings.map((f) => toReported(r.path, f, r.bom)));
  const shown = options.quiet ? all.filter((r) => r.severity === 'error') : all;
  const count = (s: string): number => shown.filter((r) => r.severity === s).length;
  const summary = { errors: count('error'), warnings: count('warning'), infos: count('info'), fixable: shown.filter((r) => r.fixable).length, filesChecked: checkedFiles };
  const color = options.color ?? (io.stdout.isTTY === true && !env.NO_COLOR);
  io.stdout.write(formatReport(options.format, shown, summary, color, options.fix));
  if (options.fix && fixedFiles > 0) say(`note: applied ${fixesApplied} fix${fixesApplied === 1 ? '' : 'es'} to ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}`);

  if (failed) return 2;
  const errors = all.filter((r) => r.severity === 'error').length;
  const warnings = all.filter((r) => r.severity === 'warning').length;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    say(`worklog-lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}
