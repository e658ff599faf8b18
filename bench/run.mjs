// The benchmark (`npm run bench`): Worklog against the Markdown linter people already run, side by side in one run.
//
//   node bench/run.mjs [--quick] [--pairs N] [--only a,b,…] [--no-write]
//
// Measures (ids for --only): cli (worklog-lint cold and warm vs markdownlint-cli2 on 2,000 pages), page (one page
// in-process vs the markdownlint library), model (the Weeks-tree model of 2,000 pages vs reading the files), startup
// (the editor's start-up scan of 2,000 pages: restored from the kept snapshot vs parsed), growth (100 → 10,000
// pages), size (bundles, .vsix), activate (require + activate() of dist/extension.js).
// Writes bench/results/latest.json and latest.md and prints the table. Timings on a shared or busy machine are noisy:
// every comparison is made in pairs run back to back, the ratio is taken per pair, and the median is reported.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ensureWorkspace, SIZES } from './generate.mjs';
import { profileScenarios } from './profile.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
// Bundles and profiles the benchmark builds: under node_modules/.cache, which git and ESLint leave alone.
const OUT = join(ROOT, 'node_modules', '.cache', 'worklog-bench');
const RESULTS = join(HERE, 'results');
const require = createRequire(import.meta.url);
const NODE = process.execPath;
const CPU_REPORT = join(HERE, 'cpu-report.cjs');
const MDL_CLI = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const KB = 1024;

// ---------------------------------------------------------------------------------------------------------------
// Options and small helpers

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = flag('--quick');
const PAIRS = Number(option('--pairs') ?? (QUICK ? 3 : 5));
const ONLY = option('--only')?.split(',');
const WANT = (id) => !ONLY || ONLY.includes(id);

const started = Date.now();
const log = (message) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}\n`);
const now = () => performance.now();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 3) => (x === undefined || x === null || Number.isNaN(x) ? x : Number(x.toPrecision(digits)));
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(2)} ms` : `${(x * 1000).toFixed(0)} µs`);
const times = (r) => (r === undefined ? '—' : `${r >= 10 ? r.toFixed(1) : r >= 0.1 ? r.toFixed(2) : r.toFixed(3)}×`);
const kib = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

/** Files under `dir` whose name ends with `.md`, as sorted POSIX paths relative to `dir`. */
function markdownFiles(dir) {
  const out = [];
  const visit = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, e.name);
      if (e.isDirectory()) visit(abs);
      else if (e.name.endsWith('.md')) out.push(relative(dir, abs).split(sep).join('/'));
    }
  };
  visit(dir);
  return out.sort();
}

/** Least-squares fit of log(y) = a + k·log(x): the growth exponent k. */
function fitExponent(points) {
  const xs = points.map((p) => Math.log(p.x));
  const ys = points.map((p) => Math.log(p.y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i] - my);
    den += (x - mx) ** 2;
  });
  const k = num / den;
  return { k, a: my - k * mx };
}

let tmpRoot;
function tmp(name) {
  tmpRoot ??= mkdtempSync(join(os.tmpdir(), 'worklog-bench-'));
  const dir = join(tmpRoot, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The environment of every timed process: this one's, without NODE_EXTRA_CA_CERTS. Node 20 reads those certificates
 * at every start, before any script runs (42 ms a process on the benchmark machine, which sets the variable for its
 * network proxy); neither linter opens a connection, so it is start-up cost of the machine, not of either tool. The
 * report says when it was removed, and times the warm run and Node's bare start with it as well.
 */
const EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS;
// (WORKLOG_LINT_JIT too: worklog-lint decides its V8 tuning itself, and the cold run is also timed with V8's defaults.)
const CHILD_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS' && k !== 'WORKLOG_LINT_JIT'));

/**
 * Runs `node <args>` and times it: wall time around the child, and the child's own CPU time (all threads, written
 * by cpu-report.cjs at exit). stdout and stderr go to files (a linter's output can be large). `env` is added to
 * CHILD_ENV.
 */
function timeNode(args, { cwd, name, env = {} }) {
  const dir = tmp('runs');
  const cpuFile = join(dir, `${name}.cpu.json`);
  const stdout = join(dir, `${name}.out`);
  const stderr = join(dir, `${name}.err`);
  rmSync(cpuFile, { force: true });
  const out = openSync(stdout, 'w');
  const err = openSync(stderr, 'w');
  const t0 = now();
  const r = spawnSync(NODE, ['--require', CPU_REPORT, ...args], {
    cwd,
    stdio: ['ignore', out, err],
    env: { ...CHILD_ENV, ...env, BENCH_CPU_FILE: cpuFile, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const wallMs = now() - t0;
  closeSync(out);
  closeSync(err);
  let cpu = {};
  try {
    cpu = JSON.parse(readFileSync(cpuFile, 'utf8'));
  } catch {
    // The child died before its exit hook: no CPU figure.
  }
  return { wallMs, cpuMs: cpu.userMs !== undefined ? cpu.userMs + cpu.systemMs : undefined, maxRssKb: cpu.maxRssKb, status: r.status, stdout, stderr };
}

// ---------------------------------------------------------------------------------------------------------------
// Bundles: a snapshot of the production build, and the core bundle the in-process measures load

const DIST = ['extension.js', 'web/extension.js', 'cli.js', 'engine.js'];

/** A production bundle is minified and has no source map reference. */
function isProduction(file) {
  if (!existsSync(file)) return false;
  const text = readFileSync(file, 'utf8');
  // Minified: long lines (a few newlines survive inside template literals); a development build averages ~30 chars.
  return !text.includes('sourceMappingURL=') && text.length / ((text.match(/\n/g) ?? []).length + 1) > 500;
}

/**
 * The production bundles every measure uses: esbuild.mjs --production run with its outputs redirected to
 * node_modules/.cache/worklog-bench/dist (esbuild-capture.mjs), so nothing that rebuilds dist/ meanwhile (a watch
 * task, a test run) can swap them, and with esbuild's metafile of each. Falls back to copying dist/ after a build.
 */
function productionBundles() {
  const out = join(OUT, 'dist');
  rmSync(out, { recursive: true, force: true });
  log('building the production bundles (esbuild.mjs --production, outputs captured)');
  const r = spawnSync(NODE, ['--import', pathToFileURL(join(HERE, 'esbuild-capture.mjs')).href, 'esbuild.mjs', '--production'], {
    cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, BENCH_ESBUILD_OUT: out },
  });
  if (r.status === 0 && DIST.every((f) => isProduction(join(out, f)))) return { dir: out, metafiles: true };
  log('the captured build did not give the bundles: copying dist/ instead');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0 || !DIST.every((f) => isProduction(join(ROOT, 'dist', f)))) {
      execFileSync(NODE, ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' });
    }
    // Every bundle (the CLI may load others next to it, such as a worker), not only the three measured.
    cpSync(join(ROOT, 'dist'), out, { recursive: true, filter: (src) => statSync(src).isDirectory() || src.endsWith('.js') });
    if (DIST.every((f) => isProduction(join(out, f)))) return { dir: out, metafiles: false };
    log('dist/ changed while it was copied (another build?): trying again');
  }
  throw new Error('could not get a production build of dist/ to hold still');
}

async function buildCore() {
  const esbuild = await import('esbuild');
  const withOutline = existsSync(join(ROOT, 'src', 'core', 'outline.ts'));
  const contents = `export * from './core-entry';\n${withOutline ? "export { outline } from '../src/core/outline';\n" : ''}`;
  const outfile = join(OUT, 'core.cjs');
  await esbuild.build({
    stdin: { contents, resolveDir: HERE, sourcefile: 'bench-core.ts', loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'warning', outfile,
  });
  delete require.cache[outfile];
  return { core: require(outfile), withOutline };
}

// ---------------------------------------------------------------------------------------------------------------
// 1. The CLI against markdownlint-cli2 on 2,000 pages

function measureCli(dist, ws) {
  const cli = join(dist, 'cli.js');
  const cacheFile = join(tmp('cache'), 'cache.json');
  const mdlConfigDir = tmp('markdownlint');
  const tablesOnly = join(mdlConfigDir, '.markdownlint-cli2.jsonc');
  writeFileSync(tablesOnly, JSON.stringify({ config: { default: false, MD055: true, MD056: true } }, null, 2) + '\n');
  const runs = {
    cold: () => timeNode([cli, '--format', 'json', '--locale', 'en', '.'], { cwd: ws.dir, name: 'wl-cold' }),
    warm: () => timeNode([cli, '--format', 'json', '--locale', 'en', '--cache-location', cacheFile, '.'], { cwd: ws.dir, name: 'wl-warm' }),
    markdownlint: () => timeNode([MDL_CLI, '--config', tablesOnly, '**/*.md'], { cwd: ws.dir, name: 'mdl-tables' }),
  };
  // With NODE_EXTRA_CA_CERTS as this machine sets it (when it does): the warm run, and Node starting with nothing to run.
  const withCerts = EXTRA_CA_CERTS === undefined ? undefined : { NODE_EXTRA_CA_CERTS: EXTRA_CA_CERTS };
  const extra = withCerts ? {
    warmWithCerts: () => timeNode([cli, '--format', 'json', '--locale', 'en', '--cache-location', cacheFile, '.'], { cwd: ws.dir, name: 'wl-warm-certs', env: withCerts }),
    nodeStart: () => timeNode(['-e', '0'], { cwd: ws.dir, name: 'node-start' }),
    nodeStartWithCerts: () => timeNode(['-e', '0'], { cwd: ws.dir, name: 'node-start-certs', env: withCerts }),
  } : {};

  log('worklog-lint: first --cache run (writes the cache)');
  const fill = runs.warm();
  const findings = JSON.parse(readFileSync(fill.stdout, 'utf8'));
  if (fill.status !== 0 && fill.status !== 1) throw new Error(`worklog-lint exited with ${fill.status}: ${readFileSync(fill.stderr, 'utf8')}`);
  const pairs = [];
  const order = ['cold', 'warm', 'markdownlint'];
  for (let i = 0; i < PAIRS; i++) {
    const rotated = [...order.slice(i % 3), ...order.slice(0, i % 3)];
    const r = {};
    for (const k of rotated) r[k] = runs[k]();
    const mdlOut = readFileSync(r.markdownlint.stdout, 'utf8');
    const linted = Number(/Linting: (\d+) file/.exec(mdlOut)?.[1]);
    if (linted !== ws.markdownFiles) throw new Error(`markdownlint-cli2 linted ${linted} files, expected ${ws.markdownFiles}: ${mdlOut}`);
    pairs.push({
      order: rotated,
      coldMs: r.cold.wallMs, warmMs: r.warm.wallMs, markdownlintMs: r.markdownlint.wallMs,
      coldCpuMs: r.cold.cpuMs, warmCpuMs: r.warm.cpuMs, markdownlintCpuMs: r.markdownlint.cpuMs,
      coldRatio: r.cold.wallMs / r.markdownlint.wallMs, warmRatio: r.warm.wallMs / r.markdownlint.wallMs,
      coldCpuRatio: r.cold.cpuMs / r.markdownlint.cpuMs, warmCpuRatio: r.warm.cpuMs / r.markdownlint.cpuMs,
      coldRssKb: r.cold.maxRssKb, markdownlintRssKb: r.markdownlint.maxRssKb,
    });
    // The cold run once more with V8's defaults (src/cli/jit.ts tunes V8 on fewer than 4 cores).
    const coldDefault = timeNode([cli, '--format', 'json', '--locale', 'en', '.'], { cwd: ws.dir, name: 'wl-cold-v8-defaults', env: { WORKLOG_LINT_JIT: 'default' } });
    Object.assign(pairs[pairs.length - 1], {
      coldV8DefaultsMs: coldDefault.wallMs, coldV8DefaultsCpuMs: coldDefault.cpuMs,
      coldV8DefaultsRatio: coldDefault.wallMs / r.markdownlint.wallMs, coldVsV8Defaults: r.cold.wallMs / coldDefault.wallMs,
    });
    if (withCerts) {
      const e = Object.fromEntries(Object.entries(extra).map(([k, f]) => [k, f()]));
      Object.assign(pairs[pairs.length - 1], {
        warmWithCertsMs: e.warmWithCerts.wallMs, warmWithCertsRatio: e.warmWithCerts.wallMs / r.markdownlint.wallMs,
        nodeStartMs: e.nodeStart.wallMs, nodeStartWithCertsMs: e.nodeStartWithCerts.wallMs,
      });
    }
    log(`pair ${i + 1}/${PAIRS}: cold ${ms(r.cold.wallMs)}, warm ${ms(r.warm.wallMs)}, markdownlint-cli2 ${ms(r.markdownlint.wallMs)}`);
  }
  log('markdownlint-cli2 with its default rules (once, for reference)');
  const defaults = timeNode([MDL_CLI, '**/*.md'], { cwd: ws.dir, name: 'mdl-defaults' });
  const m = (key) => median(pairs.map((p) => p[key]));
  return {
    pages: ws.pages, files: ws.markdownFiles, findings: findings.length,
    cacheWriteRunMs: fill.wallMs,
    cold: { medianMs: m('coldMs'), medianCpuMs: m('coldCpuMs'), ratio: m('coldRatio'), cpuRatio: m('coldCpuRatio') },
    warm: { medianMs: m('warmMs'), medianCpuMs: m('warmCpuMs'), ratio: m('warmRatio'), cpuRatio: m('warmCpuRatio') },
    markdownlintTablesOnly: { medianMs: m('markdownlintMs'), medianCpuMs: m('markdownlintCpuMs') },
    markdownlintDefaults: { ms: defaults.wallMs, cpuMs: defaults.cpuMs },
    coldV8Defaults: { tunedHere: os.availableParallelism() < 4 && /^11\./.test(process.versions.v8), medianMs: m('coldV8DefaultsMs'), medianCpuMs: m('coldV8DefaultsCpuMs'), ratio: m('coldV8DefaultsRatio'), coldVsDefaults: m('coldVsV8Defaults') },
    extraCaCerts: withCerts ? {
      removed: true,
      warmMs: m('warmWithCertsMs'), warmRatio: m('warmWithCertsRatio'), nodeStartMs: m('nodeStartMs'), nodeStartWithCertsMs: m('nodeStartWithCertsMs'),
    } : { removed: false },
    pairs,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. One page in-process: the editor's hot path against the markdownlint library

/** Mean wall and CPU time (this process, every thread) of one call of `fn` over `n` calls (ms). */
function block(fn, n) {
  let sink = 0;
  const c0 = process.cpuUsage();
  const t0 = now();
  for (let i = 0; i < n; i++) sink += fn() ? 1 : 0;
  const wall = (now() - t0) / n;
  const c = process.cpuUsage(c0);
  if (sink < 0) log('unreachable');
  return { ms: wall, cpuMs: (c.user + c.system) / 1000 / n };
}

/** Median per-call wall and CPU time of `fn` over `blocks` blocks of about `targetMs` each. */
function timeFn(fn, { targetMs = 150, blocks = 5 } = {}) {
  const once = block(fn, 3).ms;
  const n = Math.max(3, Math.ceil(targetMs / Math.max(once, 0.001)));
  const runs = Array.from({ length: blocks }, () => block(fn, n));
  return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)) };
}

/**
 * Per-call wall and CPU time of several functions measured in rounds (a short block of each in turn, `rounds`
 * times; the median per function), so that a change in the machine's load hits them all alike.
 */
function interleaved(named, { rounds = 12, targetMs = 30 } = {}) {
  const entries = Object.entries(named);
  const n = new Map(entries.map(([k, fn]) => [k, Math.max(3, Math.ceil(targetMs / Math.max(block(fn, 3).ms, 0.001)))]));
  const samples = new Map(entries.map(([k]) => [k, []]));
  for (let r = 0; r < rounds; r++) for (const [k, fn] of entries) samples.get(k).push(block(fn, n.get(k)));
  return Object.fromEntries(entries.map(([k]) => [k, { ms: median(samples.get(k).map((x) => x.ms)), cpuMs: median(samples.get(k).map((x) => x.cpuMs)) }]));
}

async function measurePage(core, ws, withOutline) {
  const { lint } = await import('markdownlint/sync');
  const settings = core.DEFAULT_SETTINGS;
  const rel = 'wl-01/content/1-Worklog/1.3-Week3/_index.md';
  const text = readFileSync(join(ws.dir, rel), 'utf8');
  const tablesOnly = { default: false, MD055: true, MD056: true };
  const ours = () => core.checkPage(core.parsePage(rel, text, { maxSize: settings.maxFileSize }), settings);
  const theirs = () => lint({ strings: { page: text }, config: tablesOnly }).page;
  const theirsDefaults = () => lint({ strings: { page: text } }).page;
  const page = core.parsePage(rel, text, { maxSize: settings.maxFileSize });
  const facts = { path: rel, bytes: Buffer.byteLength(text), lines: text.split('\n').length, rows: page.tables[0]?.rows.length, findings: ours().length, markdownlintFindings: theirs().length };

  log('one page: warming up');
  for (const fn of [ours, theirs, theirsDefaults]) {
    const until = now() + 1500;
    while (now() < until) fn();
  }
  const pairs = [];
  for (let i = 0; i < 9; i++) {
    // Alternate which side goes first, so a drift in machine load does not favour one.
    const first = timeFn(i % 2 === 0 ? ours : theirs, { blocks: 1, targetMs: 300 });
    const second = timeFn(i % 2 === 0 ? theirs : ours, { blocks: 1, targetMs: 300 });
    const [a, b] = i % 2 === 0 ? [first, second] : [second, first];
    pairs.push({ oursMs: a.ms, markdownlintMs: b.ms, ratio: a.ms / b.ms, oursCpuMs: a.cpuMs, markdownlintCpuMs: b.cpuMs, cpuRatio: a.cpuMs / b.cpuMs });
  }
  const markdownlintDefaults = timeFn(theirsDefaults);

  // Where the time goes: the steps parsePage and checkPage take, timed one by one (CPU time: steadier on a busy
  // machine than wall time).
  log('one page: breakdown');
  const analysis = core.analyzePage(page, settings);
  const named = {
    lineIndex: () => new core.LineIndex(text),
    frontMatter: () => core.readFrontMatter(new core.LineIndex(text), false),
    parse: () => core.parsePage(rel, text, { maxSize: settings.maxFileSize }),
    analyze: () => core.analyzePage(page, settings),
    checkGivenAnalysis: () => core.checkPage(page, settings, undefined, analysis),
    whole: ours,
  };
  for (const rule of core.PAGE_RULES) named[`rule:${rule.id}`] = () => rule.check({ page, analysis, settings }, () => undefined);
  const t = interleaved(named);
  const cpu = (k) => t[k].cpuMs;
  const lineIndexMs = cpu('lineIndex');
  const frontMatterMs = cpu('frontMatter');
  const parseMs = cpu('parse');
  const analyzeMs = cpu('analyze');
  const rules = core.PAGE_RULES.map((rule) => ({ rule: rule.id, ms: cpu(`rule:${rule.id}`) }));
  const checkGivenAnalysisMs = cpu('checkGivenAnalysis');
  const wholeMs = cpu('whole');
  const rulesMs = rules.reduce((sum, r) => sum + r.ms, 0);
  const breakdown = {
    clock: 'cpu',
    wholeCheckMs: wholeMs,
    parsePageMs: parseMs,
    steps: [
      { step: 'parsePage: front matter (LineIndex + gray-matter + yaml)', ms: frontMatterMs },
      { step: 'parsePage: the body (line scan, table rows and objectives — plain reader, remark when needed — cells, dates)', ms: parseMs - frontMatterMs },
      { step: 'analyzePage (order, window, convention)', ms: analyzeMs },
      { step: `page rules (${rules.length}, given the analysis)`, ms: rulesMs },
      { step: 'engine around the rules (findings, validation, sort)', ms: checkGivenAnalysisMs - rulesMs },
    ],
    lineIndexMs,
    rules: rules.sort((a, b) => b.ms - a.ms),
  };

  // The keystroke path in the editor: the page is reparsed, and its worklog's findings (every page of the worklog:
  // analysis, page rules and cross-week rules) are recomputed by WorkspaceModel; the tree then rebuilds its outline.
  log('one page: edit inside its worklog');
  const worklogDir = 'wl-01/';
  const model = new core.WorkspaceModel(() => settings);
  const members = markdownFiles(ws.dir).filter((p) => p.startsWith(worklogDir));
  for (const p of members) model.setPage(core.parsePage(p, readFileSync(join(ws.dir, p), 'utf8'), { maxSize: settings.maxFileSize }));
  const edit = () => {
    model.setPage(core.parsePage(rel, text, { maxSize: settings.maxFileSize }));
    return model.findings(rel);
  };
  const editAndOutline = () => {
    edit();
    return core.outline(model.outlineWorklogs(), (p) => model.findings(p), { languages: settings.languages, activePath: rel });
  };
  const editTimes = interleaved(withOutline ? { edit, editAndOutline } : { edit }, { rounds: 7, targetMs: 150 });
  const editTime = editTimes.edit;
  const editOutlineTime = editTimes.editAndOutline;

  return {
    page: facts,
    oursMs: median(pairs.map((p) => p.oursMs)),
    markdownlintMs: median(pairs.map((p) => p.markdownlintMs)),
    ratio: median(pairs.map((p) => p.ratio)),
    oursCpuMs: median(pairs.map((p) => p.oursCpuMs)),
    markdownlintCpuMs: median(pairs.map((p) => p.markdownlintCpuMs)),
    cpuRatio: median(pairs.map((p) => p.cpuRatio)),
    markdownlintDefaultsMs: markdownlintDefaults.ms,
    pairs,
    breakdown,
    editInWorklog: {
      pagesInWorklog: members.length,
      setPageAndFindingsMs: editTime.ms, setPageAndFindingsCpuMs: editTime.cpuMs,
      withOutlineMs: editOutlineTime?.ms, withOutlineCpuMs: editOutlineTime?.cpuMs,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. The Weeks-tree model of 2,000 pages against reading them

function measureModel(core, ws, withOutline) {
  const settings = core.DEFAULT_SETTINGS;
  const files = markdownFiles(ws.dir).map((rel) => ({ rel, abs: join(ws.dir, rel) }));
  const floor = () => {
    let lines = 0;
    for (const f of files) lines += readFileSync(f.abs, 'utf8').split('\n').length;
    return lines;
  };
  const tree = (model) => {
    const worklogs = model.worklogs();
    if (withOutline) return core.outline(model.outlineWorklogs(), (p) => model.findings(p), { languages: settings.languages });
    // No outline yet: what the tree would read, every page's findings.
    let n = 0;
    for (const w of worklogs.values()) for (const e of [...w.weeks, ...w.indexes]) n += model.findings(e.page.path)?.length ?? 0;
    return n;
  };
  const build = (model) => {
    for (const f of files) model.setPage(core.parsePage(f.rel, readFileSync(f.abs, 'utf8'), { maxSize: settings.maxFileSize }));
    return tree(model);
  };
  // A rescan as the editor's WorkspaceIndex does it: every file is read, a page whose text is unchanged is neither
  // parsed nor set again (so its worklog's results stay cached), then the tree is rebuilt from the model.
  const rescan = (model) => {
    for (const f of files) {
      const text = readFileSync(f.abs, 'utf8');
      if (model.textOf(f.rel) === text) continue;
      model.setPage(core.parsePage(f.rel, text, { maxSize: settings.maxFileSize }));
    }
    return tree(model);
  };
  const timed = (fn) => {
    const c0 = process.cpuUsage();
    const t0 = now();
    const r = fn();
    const c = process.cpuUsage(c0);
    return { ms: now() - t0, cpuMs: (c.user + c.system) / 1000, r };
  };
  const model = new core.WorkspaceModel(() => settings);
  log('model: first build (empty model)');
  const first = timed(() => build(model));
  const pairs = [];
  for (let i = 0; i < PAIRS; i++) {
    const a = timed(i % 2 === 0 ? floor : () => rescan(model));
    const b = timed(i % 2 === 0 ? () => rescan(model) : floor);
    const [f, m] = i % 2 === 0 ? [a, b] : [b, a];
    pairs.push({ floorMs: f.ms, modelMs: m.ms, ratio: m.ms / f.ms, floorCpuMs: f.cpuMs, modelCpuMs: m.cpuMs, cpuRatio: m.cpuMs / f.cpuMs });
    log(`model pair ${i + 1}/${PAIRS}: rescan ${ms(m.ms)}, floor ${ms(f.ms)}`);
  }
  // What a settings change costs: every page parsed and set again, every worklog recomputed.
  const full = Array.from({ length: QUICK ? 1 : 3 }, () => timed(() => build(model)));
  log(`model: full rebuild ${ms(median(full.map((x) => x.ms)))}`);
  const refresh = median(Array.from({ length: 5 }, () => timed(() => tree(model)).ms));
  const nodes = withOutline ? countNodes(first.r) : undefined;
  return {
    pages: ws.pages, files: files.length, withOutline, outlineNodes: nodes,
    firstBuildMs: first.ms,
    warm: { medianMs: median(pairs.map((p) => p.modelMs)) },
    floor: { medianMs: median(pairs.map((p) => p.floorMs)) },
    ratio: median(pairs.map((p) => p.ratio)),
    cpuRatio: median(pairs.map((p) => p.cpuRatio)),
    fullRebuildMs: median(full.map((x) => x.ms)),
    fullRebuildCpuMs: median(full.map((x) => x.cpuMs)),
    unchangedRefreshMs: refresh,
    caching: 'Warm = a rescan with unchanged texts as the WorkspaceIndex does it (unchanged text is not parsed again, so the '
      + "model's per-worklog results stay cached): read every file, compare, rebuild the tree. WorkspaceModel itself keeps "
      + 'no parse cache: setPage always invalidates the worklog (fullRebuildMs: every page parsed and set again).',
    pairs,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 3b. The editor's start-up scan of 2,000 pages: restored from the snapshot an earlier session kept, vs parsed

/**
 * Both sides read every file and end with what the editor shows: every page's findings and the Weeks outline.
 * Parsed (a first session, or no snapshot): every page parsed, every worklog checked. Restored (the next session):
 * every worklog's files hashed (SHA-256 through Web Crypto, as the extension does), the snapshot file read and
 * checked, each worklog restored without parsing. Writing the snapshot (after a first session) is timed on its own.
 */
async function measureStartup(core, ws) {
  const settings = core.DEFAULT_SETTINGS;
  const settingsText = JSON.stringify(settings);
  const tool = 'bench';
  const files = markdownFiles(ws.dir).map((rel) => ({ rel, abs: join(ws.dir, rel) }));
  const snapshotFile = join(tmp('snapshot'), 'worklog-snapshot.json');
  const readAll = () => {
    const groups = new Map();
    for (const f of files) {
      const key = core.worklogKey(f.rel);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push({ path: f.rel, text: readFileSync(f.abs, 'utf8'), settings: settingsText });
    }
    return groups;
  };
  const sha = async (list) => Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(core.snapshotHashInput(tool, list)))).toString('hex');
  const show = (model) => {
    let findings = 0;
    for (const path of model.pagePaths()) findings += model.findings(path)?.length ?? 0;
    return { findings, outline: JSON.stringify(core.outline(model.outlineWorklogs(), (p) => model.findings(p), { languages: settings.languages })) };
  };
  const parsed = () => {
    const model = new core.WorkspaceModel(() => settings, (path, text) => core.parsePage(path, text, { maxSize: settings.maxFileSize }));
    const groups = readAll();
    for (const list of groups.values()) for (const f of list) model.setPage(core.parsePage(f.path, f.text, { maxSize: settings.maxFileSize }));
    return { model, groups, shown: show(model) };
  };
  const save = async ({ model, groups }) => {
    const worklogs = {};
    for (const [key, list] of groups) worklogs[key] = { hash: await sha(list), results: model.results(key) ?? { pages: {}, findings: {} } };
    writeFileSync(snapshotFile, JSON.stringify({ format: core.SNAPSHOT_FORMAT, tool, worklogs }));
  };
  const restored = async () => {
    let parses = 0;
    const model = new core.WorkspaceModel(() => settings, (path, text) => {
      parses++;
      return core.parsePage(path, text, { maxSize: settings.maxFileSize });
    });
    const kept = core.readSnapshot(JSON.parse(readFileSync(snapshotFile, 'utf8')), tool);
    const groups = readAll();
    for (const [key, list] of groups) {
      const entry = kept.get(key);
      if (entry && entry.hash === (await sha(list)) && model.restore(key, new Map(list.map((f) => [f.path, f.text])), entry.results)) continue;
      for (const f of list) model.setPage(core.parsePage(f.path, f.text, { maxSize: settings.maxFileSize }));
    }
    return { model, parses, shown: show(model) };
  };
  const timedAsync = async (fn) => {
    const c0 = process.cpuUsage();
    const t0 = now();
    const r = await fn();
    const c = process.cpuUsage(c0);
    return { ms: now() - t0, cpuMs: (c.user + c.system) / 1000, r };
  };
  log('startup: first session (parse everything), then write the snapshot');
  const first = parsed();
  const saveTime = await timedAsync(() => save(first));
  const snapshotBytes = statSync(snapshotFile).size;
  const check = await restored();
  // The restored session must show exactly what parsing shows, having parsed nothing.
  if (check.parses !== 0 || check.shown.findings !== first.shown.findings || check.shown.outline !== first.shown.outline) {
    throw new Error(`startup: the restored session differs from the parsed one (parses ${check.parses}, findings ${check.shown.findings} vs ${first.shown.findings})`);
  }
  const pairs = [];
  for (let i = 0; i < PAIRS; i++) {
    const a = await timedAsync(i % 2 === 0 ? parsed : restored);
    const b = await timedAsync(i % 2 === 0 ? restored : parsed);
    const [p, r] = i % 2 === 0 ? [a, b] : [b, a];
    pairs.push({ parsedMs: p.ms, restoredMs: r.ms, ratio: r.ms / p.ms, parsedCpuMs: p.cpuMs, restoredCpuMs: r.cpuMs, cpuRatio: r.cpuMs / p.cpuMs });
    log(`startup pair ${i + 1}/${PAIRS}: restored ${ms(r.ms)}, parsed ${ms(p.ms)}`);
  }
  return {
    pages: ws.pages, files: files.length, findings: first.shown.findings, snapshotBytes, saveMs: saveTime.ms,
    parsed: { medianMs: median(pairs.map((p) => p.parsedMs)) },
    restored: { medianMs: median(pairs.map((p) => p.restoredMs)) },
    ratio: median(pairs.map((p) => p.ratio)),
    cpuRatio: median(pairs.map((p) => p.cpuRatio)),
    pairs,
  };
}

function countNodes(nodes) {
  let n = 0;
  const visit = (list) => {
    for (const node of list) {
      n++;
      if (node.children) visit(node.children);
    }
  };
  visit(nodes);
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Growth: 100 → 10,000 pages

function measureGrowth(core, dist, workspaces, cliAt2000) {
  const settings = core.DEFAULT_SETTINGS;
  const inProcess = [];
  const cli = [];
  const reps = QUICK ? { 100: 3, 500: 2, 2000: 1, 10000: 1 } : { 100: 5, 500: 3, 2000: 2, 10000: 1 };
  const checkAll = (texts) => {
    const c0 = process.cpuUsage();
    const t0 = now();
    const pages = texts.map(([rel, text]) => core.parsePage(rel, text, { maxSize: settings.maxFileSize }));
    core.checkPages(pages, settings);
    const c = process.cpuUsage(c0);
    return { ms: now() - t0, cpuMs: (c.user + c.system) / 1000 };
  };
  const read = (ws) => markdownFiles(ws.dir).map((rel) => [rel, readFileSync(join(ws.dir, rel), 'utf8')]);
  // A first pass the JIT learns on, so the smallest size is not timed on cold code.
  checkAll(read(workspaces.find((w) => w.pages === 500) ?? workspaces[0]));
  for (const ws of workspaces) {
    const texts = read(ws);
    const samples = Array.from({ length: reps[ws.pages] ?? 1 }, () => checkAll(texts));
    inProcess.push({ pages: ws.pages, files: texts.length, medianMs: median(samples.map((x) => x.ms)), medianCpuMs: median(samples.map((x) => x.cpuMs)), samples });
    log(`growth in-process ${ws.pages}: ${ms(median(samples.map((x) => x.ms)))} (CPU ${ms(median(samples.map((x) => x.cpuMs)))})`);
  }
  for (const ws of workspaces) {
    let samples;
    if (ws.pages === 2000 && cliAt2000) {
      samples = cliAt2000;
    } else {
      samples = [];
      for (let i = 0; i < Math.max(1, (reps[ws.pages] ?? 1) - 1); i++) {
        const r = timeNode([join(dist, 'cli.js'), '--format', 'json', '--locale', 'en', '.'], { cwd: ws.dir, name: `growth-${ws.pages}` });
        samples.push({ ms: r.wallMs, cpuMs: r.cpuMs });
      }
    }
    cli.push({ pages: ws.pages, medianMs: median(samples.map((x) => x.ms)), medianCpuMs: median(samples.map((x) => x.cpuMs)), samples });
    log(`growth CLI ${ws.pages}: ${ms(median(samples.map((x) => x.ms)))} (CPU ${ms(median(samples.map((x) => x.cpuMs)))})`);
  }
  // The exponent is a property of the algorithms: fitted on CPU time, which the machine's other load disturbs far
  // less than wall time (both are kept).
  const fit = (list) => ({
    ...fitExponent(list.map((p) => ({ x: p.pages, y: p.medianCpuMs }))),
    wallK: fitExponent(list.map((p) => ({ x: p.pages, y: p.medianMs }))).k,
  });
  return { inProcess: { points: inProcess, ...fit(inProcess) }, cli: { points: cli, ...fit(cli) } };
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Sizes, the .vsix and activation

function measureSizes(dist) {
  const out = {};
  for (const f of DIST) {
    const bytes = readFileSync(join(dist, f));
    out[`dist/${f}`] = { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  }
  return out;
}

/** What dist/extension.js is made of (esbuild's metafile): minified bytes per package or source folder, largest first. */
function extensionComposition(dist) {
  const file = join(dist, 'extension.js.meta.json');
  if (!existsSync(file)) return undefined;
  const meta = JSON.parse(readFileSync(file, 'utf8'));
  const output = Object.values(meta.outputs).find((o) => o.entryPoint);
  const by = new Map();
  for (const [input, info] of Object.entries(output.inputs)) {
    const key = input.startsWith('node_modules/') ? input.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+).*/, '$1') : input.replace(/\/[^/]+$/, '/');
    by.set(key, (by.get(key) ?? 0) + info.bytesInOutput);
  }
  return { bytes: output.bytes, parts: [...by].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([name, bytes]) => ({ name, bytes })) };
}

/** Files the repository's own packaging would include (from `vsce ls`), when it has an allow-list. */
function repoPackageFiles() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (!existsSync(join(ROOT, '.vscodeignore')) && !Array.isArray(pkg.files)) return undefined;
  const listed = execFileSync(NODE, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return listed.split('\n').map((l) => l.trim()).filter(Boolean);
}

function measureVsix(dist) {
  const stage = tmp('vsix-stage');
  const outFile = join(tmp('vsix'), 'worklog.vsix');
  let files = repoPackageFiles();
  let mode = 'the repository allow-list (.vscodeignore / "files", as `vsce ls --no-dependencies` lists it)';
  let note;
  if (!files) {
    // Without an allow-list vsce packages the whole repository (sources, tests, generated workspaces…): a size that
    // says nothing about the extension. Package what the manifest references instead, and say so.
    mode = 'a minimal allow-list (no .vscodeignore in the repository)';
    note = 'The repository has no .vscodeignore and no "files" in package.json: `vsce package` in place would ship the whole '
      + 'repository (src/, test/, out/, bench/…). Measured instead: package.json, package.nls*.json, README, LICENSE/CHANGELOG if any, '
      + 'dist/extension.js, dist/web/extension.js, dist/cli.js, media/, snippets/, syntaxes/, l10n/.';
    files = ['package.json', 'README.md', 'LICENSE', 'LICENSE.md', 'CHANGELOG.md', ...readdirSync(ROOT).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f)),
      'dist/extension.js', 'dist/web/extension.js', 'dist/cli.js', 'media', 'snippets', 'syntaxes', 'l10n'].filter((f) => existsSync(join(ROOT, f)));
  }
  for (const f of files) {
    // Bundles come from the measured build; anything else from the repository.
    const from = f.startsWith('dist/') && existsSync(join(dist, f.slice(5))) ? join(dist, f.slice(5)) : join(ROOT, f);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(stage, f)), { recursive: true });
    if (statSync(from).isDirectory()) cpSync(from, join(stage, f), { recursive: true });
    else copyFileSync(from, join(stage, f));
  }
  // The stage is not a git repository and has no .vscodeignore: everything copied is packaged.
  const r = spawnSync(NODE, [VSCE, 'package', '--no-dependencies', '--out', outFile], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  if (r.status !== 0 || !existsSync(outFile)) {
    return { ok: false, mode, note, error: `vsce package failed (exit ${r.status}): ${(r.stderr || r.stdout || String(r.error)).trim().split('\n').slice(-5).join(' ')}` };
  }
  const listing = /Packaged: .*\((\d+) files?/.exec(r.stdout);
  return { ok: true, mode, note, bytes: statSync(outFile).size, files: listing ? Number(listing[1]) : undefined };
}

function measureActivate(dist, ws) {
  const runs = [];
  const n = QUICK ? 5 : 9;
  let unknown = [];
  let subscriptions;
  for (let i = 0; i < n; i++) {
    const out = execFileSync(NODE, [join(HERE, 'activate.mjs'), join(dist, 'extension.js'), ws.dir], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop());
    if (r.error) return { ok: false, error: r.error, unknownApi: r.unknown };
    runs.push(r);
    unknown = r.unknown;
    subscriptions = r.subscriptions;
  }
  return {
    ok: true,
    requireMs: median(runs.map((r) => r.requireMs)),
    activateMs: median(runs.map((r) => r.activateMs)),
    totalMs: median(runs.map((r) => r.requireMs + r.activateMs)),
    runs: runs.length, subscriptions, unknownApi: unknown,
    note: 'require of the minified bundle + activate() with a stand-in vscode module; the background scan (window.withProgress task) is not run.',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Report

function gitFacts() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'package.json', 'esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return { commit, dirtySources: dirty };
  } catch {
    return {};
  }
}

function rowsOf(r) {
  const rows = [];
  const add = (id, measure, worklog, reference, ratio, goal, met, compareValue) => rows.push({ id, measure, worklog, reference, ratio, goal, met, compareValue });
  if (r.cli) {
    const c = r.cli;
    add('cli-cold', `CLI cold, ${c.pages.toLocaleString('en')} pages: worklog-lint vs markdownlint-cli2 (MD055+MD056 only)`,
      ms(c.cold.medianMs), ms(c.markdownlintTablesOnly.medianMs), `${times(c.cold.ratio)} (CPU ${times(c.cold.cpuRatio)})`, '≤ 0.2×', c.cold.ratio <= 0.2, c.cold.ratio);
    add('cli-warm', 'CLI warm (--cache, nothing changed) vs markdownlint-cli2 (MD055+MD056 only)',
      ms(c.warm.medianMs), ms(c.markdownlintTablesOnly.medianMs), `${times(c.warm.ratio)} (CPU ${times(c.warm.cpuRatio)})`, '≤ 0.05×', c.warm.ratio <= 0.05, c.warm.ratio);
    add('cli-mdl-defaults', 'reference: markdownlint-cli2 with its default rules (once)', '—', ms(c.markdownlintDefaults.ms), '—', '—', undefined, undefined);
  }
  if (r.page) {
    const p = r.page;
    add('page', 'One page in-process (parsePage + checkPage) vs markdownlint library (MD055+MD056)',
      ms(p.oursMs), ms(p.markdownlintMs), `${times(p.ratio)} (CPU ${times(p.cpuRatio)})`, '≤ 0.3×', p.ratio <= 0.3, p.ratio);
  }
  if (r.model) {
    const m = r.model;
    add('model', `Weeks-tree model, ${m.pages.toLocaleString('en')} pages, warm rescan (read, unchanged texts not reparsed, worklogs()${m.withOutline ? ' + outline' : ''}) vs read + split lines`,
      ms(m.warm.medianMs), ms(m.floor.medianMs), `${times(m.ratio)} (CPU ${times(m.cpuRatio)})`, '≤ 10×', m.ratio <= 10, m.ratio);
  }
  if (r.startup) {
    const s = r.startup;
    add('startup', `Editor start-up scan, ${s.pages.toLocaleString('en')} pages (read, findings + outline): restored from the kept snapshot vs parsed`,
      ms(s.restored.medianMs), ms(s.parsed.medianMs), `${times(s.ratio)} (CPU ${times(s.cpuRatio)})`, '—', undefined, s.ratio);
  }
  if (r.growth) {
    const g = r.growth;
    const span = `${g.inProcess.points[0].pages.toLocaleString('en')} → ${g.inProcess.points.at(-1).pages.toLocaleString('en')} pages`;
    add('growth', `Growth exponent k (CPU time), in-process parse + checkPages, ${span}`, `k = ${g.inProcess.k.toFixed(2)} (wall ${g.inProcess.wallK.toFixed(2)})`, '—', '—', '≤ 1.1', g.inProcess.k <= 1.1, g.inProcess.k);
    add('growth-cli', `Growth exponent k (CPU time), CLI (process start-up included), ${span}`, `k = ${g.cli.k.toFixed(2)} (wall ${g.cli.wallK.toFixed(2)})`, '—', '—', '≤ 1.1', g.cli.k <= 1.1, g.cli.k);
  }
  if (r.sizes) {
    for (const [file, s] of Object.entries(r.sizes)) {
      const isExt = file === 'dist/extension.js';
      add(`size:${file}`, `${file} (minified; gzip -9)`, `${kib(s.bytes)} (${kib(s.gzipBytes)})`, '—', '—', isExt ? '≤ 400 KB' : '—', isExt ? s.bytes <= 400 * KB : undefined, s.bytes);
    }
  }
  if (r.vsix) {
    const v = r.vsix;
    add('vsix', `.vsix (vsce package --no-dependencies; ${v.ok ? v.mode : 'failed'})`, v.ok ? kib(v.bytes) : 'failed', '—', '—', '≤ 500 KB', v.ok ? v.bytes <= 500 * KB : false, v.ok ? v.bytes : undefined);
  }
  if (r.activate) {
    const a = r.activate;
    add('activate', 'Extension start: require(dist/extension.js) + activate() (background scan excluded)',
      a.ok ? `${ms(a.totalMs)} (${ms(a.requireMs)} + ${ms(a.activateMs)})` : `failed: ${a.error}`, '—', '—', '—', undefined, undefined);
  }
  return rows;
}

function markdown(result) {
  const m = result.machine;
  const lines = [
    `Benchmark of ${result.date.slice(0, 10)} — ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.platform}; load average ${m.loadBefore.map((x) => x.toFixed(1)).join(' / ')} at the start, ${m.loadAfter.map((x) => x.toFixed(1)).join(' / ')} at the end${result.git.commit ? `; commit ${result.git.commit}${result.git.dirtySources ? ' (+ uncommitted changes to src/)' : ''}` : ''}.`,
    '',
    '| measure | worklog | reference | ratio | goal | met |',
    '|---|---|---|---|---|---|',
    ...result.rows.map((row) => `| ${row.measure} | ${row.worklog} | ${row.reference} | ${row.ratio} | ${row.goal} | ${row.met === undefined ? '—' : row.met ? 'yes' : '**no**'} |`),
    '',
    'Ratios are worklog ÷ reference (lower is better), the median of the per-pair ratios; "CPU" is the same ratio over the',
    'processes\' own CPU time, which a busy machine disturbs less than wall time. KB = 1,024 bytes.',
  ];
  if (result.page?.breakdown) {
    const p = result.page;
    const b = p.breakdown;
    const share = (list, name) => list.find((g) => g.name === name)?.share ?? 0;
    lines.push('', `One page (${p.page.path}, ${p.page.bytes} bytes, ${p.page.rows} task rows, ${ms(p.oursCpuMs)} CPU per check), where the time goes:`);
    if (result.profile?.page) {
      const groups = result.profile.page.groups;
      lines.push(`CPU profile (${result.profile.seconds} s of checks, self time by part of the pipeline; bench/results/profile.md has modules and functions):`, '',
        '| part | share | ≈ per check |', '|---|---|---|',
        ...groups.map((g) => `| ${g.name} | ${(100 * g.share).toFixed(0)}% | ${ms(g.share * p.oursCpuMs)} |`));
      const remark = share(groups, 'remark (unified, micromark, mdast)');
      lines.push('', remark
        ? `remark/micromark, which parse.ts runs on task tables and objective lists the plain reader leaves to it, is ${(100 * remark).toFixed(0)}% of a page check.`
        : 'remark/micromark does not appear: the plain reader reads this page\'s table and objectives (remark takes the tables and lists it cannot vouch for).');
    }
    const steps = b.steps.map((x) => `${x.step} ${ms(Math.max(0, x.ms))}`).join('; ');
    lines.push('', `Timed one by one (CPU, interleaved; these overlap and drift on a busy machine, the profile is the better guide): parsePage ${ms(b.parsePageMs)}, whole check ${ms(b.wholeCheckMs)} — ${steps}.`);
    const e = p.editInWorklog;
    lines.push('', `Editing that page inside its worklog (${e.pagesInWorklog} pages), the editor's keystroke path: parsePage + WorkspaceModel.setPage + findings() `
      + `${ms(e.setPageAndFindingsMs)} (CPU ${ms(e.setPageAndFindingsCpuMs)})`
      + (e.withOutlineMs !== undefined ? `; with the Weeks outline rebuilt too ${ms(e.withOutlineMs)} (CPU ${ms(e.withOutlineCpuMs)})` : '') + '.');
    if (result.profile?.edit) {
      lines.push(`Its CPU profile by part: ${result.profile.edit.groups.map((g) => `${g.name} ${(100 * g.share).toFixed(0)}%`).join(', ')}; top functions: `
        + `${result.profile.edit.functions.slice(0, 5).map((f) => `${f.name} ${(100 * f.share).toFixed(0)}%`).join(', ')}.`);
    }
  }
  if (result.growth) {
    const pts = (list) => list.points.map((p) => `${p.pages.toLocaleString('en')}: ${ms(p.medianCpuMs)} CPU / ${ms(p.medianMs)} wall`).join(', ');
    lines.push('', `Growth points — in-process: ${pts(result.growth.inProcess)}. CLI: ${pts(result.growth.cli)}.`);
  }
  if (result.cli) {
    const c = result.cli;
    lines.push('', `CLI, ${c.files} files (${c.pages} week pages + index pages), ${c.findings} findings; median CPU time: worklog-lint cold ${ms(c.cold.medianCpuMs)}, warm ${ms(c.warm.medianCpuMs)}, `
      + `markdownlint-cli2 tables-only ${ms(c.markdownlintTablesOnly.medianCpuMs)}, defaults ${ms(c.markdownlintDefaults.cpuMs)}; the first --cache run (writes the cache) took ${ms(c.cacheWriteRunMs)}.`);
    const j = c.coldV8Defaults;
    if (j) {
      lines.push('', j.tunedHere
        ? `On this ${os.availableParallelism()}-core machine worklog-lint tunes V8 for its run (src/cli/jit.ts). With V8's defaults (WORKLOG_LINT_JIT=default) the cold run took `
          + `${ms(j.medianMs)} (CPU ${ms(j.medianCpuMs)}): ${times(j.ratio)} markdownlint-cli2; tuned/default per pair: ${times(j.coldVsDefaults)}.`
        : `With WORKLOG_LINT_JIT=default the cold run took ${ms(j.medianMs)}, ${times(j.ratio)} markdownlint-cli2 (worklog-lint does not tune V8 here: ${os.availableParallelism()} cores, V8 ${process.versions.v8}).`);
    }
    const x = c.extraCaCerts;
    if (x?.removed) {
      lines.push('', `This machine sets NODE_EXTRA_CA_CERTS (for its network proxy); Node 20 reads those certificates at every start, so every timed `
        + `process (both linters) ran without it. Node's bare start (node -e 0): ${ms(x.nodeStartMs)} without, ${ms(x.nodeStartWithCertsMs)} with it. `
        + `With it, the warm run took ${ms(x.warmMs)}: ${times(x.warmRatio)} markdownlint-cli2 (run without it).`);
    }
  }
  if (result.model) {
    const m = result.model;
    lines.push('', `Model: first build (empty model) ${ms(m.firstBuildMs)}; full rebuild (every page parsed and set again, as after a settings change) `
      + `${ms(m.fullRebuildMs)} (CPU ${ms(m.fullRebuildCpuMs)}, ${times(m.fullRebuildMs / m.floor.medianMs)} the floor); worklogs() + outline on the unchanged model ${ms(m.unchangedRefreshMs)}. ${m.caching}`);
  }
  if (result.extensionComposition) {
    lines.push('', `dist/extension.js by input (bytes in the minified bundle, from esbuild's metafile): `
      + result.extensionComposition.parts.map((x) => `${x.name} ${kib(x.bytes)}`).join(', ') + '.');
  }
  if (result.vsix?.note) lines.push('', result.vsix.note);
  if (result.vsix && !result.vsix.ok) lines.push('', `.vsix: ${result.vsix.error}`);
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const loadBefore = os.loadavg();
  mkdirSync(RESULTS, { recursive: true });
  const { dir: dist } = productionBundles();
  log(`production bundles: ${dist}`);
  const { core, withOutline } = await buildCore();
  const workspaces = SIZES.map((size) => ensureWorkspace(size, { log }));
  const ws2000 = workspaces.find((w) => w.pages === 2000);
  const result = {
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}`, memoryGb: round(os.totalmem() / 2 ** 30), loadBefore },
    git: gitFacts(),
    options: { quick: QUICK, pairs: PAIRS, only: ONLY },
    workspaces: workspaces.map(({ dir, ...facts }) => ({ ...facts, dir: relative(ROOT, dir) })),
  };
  if (WANT('size')) {
    result.sizes = measureSizes(dist);
    result.extensionComposition = extensionComposition(dist);
  }
  if (WANT('activate')) {
    log('activate: fresh processes');
    result.activate = measureActivate(dist, ws2000);
  }
  if (WANT('page')) {
    result.page = await measurePage(core, ws2000, withOutline);
    log('one page: CPU profiles (check, and edit inside its worklog)');
    const { markdown: profileMd, ...profile } = await profileScenarios({ scenarios: ['page', 'edit'], seconds: QUICK ? 4 : 8 });
    result.profile = profile;
    if (!flag('--no-write')) writeFileSync(join(RESULTS, 'profile.md'), profileMd);
  }
  if (WANT('model')) result.model = measureModel(core, ws2000, withOutline);
  if (WANT('startup')) result.startup = await measureStartup(core, ws2000);
  if (WANT('cli')) result.cli = measureCli(dist, ws2000);
  if (WANT('growth')) result.growth = measureGrowth(core, dist, workspaces, result.cli?.pairs.map((p) => ({ ms: p.coldMs, cpuMs: p.coldCpuMs })));
  if (WANT('size')) {
    log('.vsix: vsce package');
    result.vsix = measureVsix(dist);
  }
  result.machine.loadAfter = os.loadavg();
  result.durationS = Math.round((Date.now() - started) / 1000);
  result.rows = rowsOf(result);
  const md = markdown(result);
  if (!flag('--no-write')) {
    writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
    writeFileSync(join(RESULTS, 'latest.md'), md);
  }
  process.stdout.write('\n' + md);
  if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`bench: ${e && e.stack ? e.stack : e}\n`);
  if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
  process.exit(1);
});
