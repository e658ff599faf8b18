// Where the time of a page check goes, by source module and by function: a CPU profile (the V8 sampling profiler,
// as `node --cpu-prof` takes it) of the core bundled without minification, self time summed per module
// (src/core/…, node_modules/micromark…) using the `// path` markers esbuild writes before each module.
//
//   node bench/profile.mjs [page|edit|both] [--seconds N]
//
// page: parsePage + checkPage of one typical week page in a loop (the in-process measure of run.mjs).
// edit: the editor's keystroke path — parse the page, WorkspaceModel.setPage, findings() for its 52-page worklog.
// Writes bench/results/profile.md and node_modules/.cache/worklog-bench/<scenario>.cpuprofile (open it in Chrome DevTools → Performance).
// bench/run.mjs runs the page scenario too, for the breakdown in latest.md.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Session } from 'node:inspector/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWorkspace } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
// Bundles and profiles the benchmark builds: under node_modules/.cache, which git and ESLint leave alone.
const OUT = join(ROOT, 'node_modules', '.cache', 'worklog-bench');
const require = createRequire(import.meta.url);

async function buildBundle() {
  const esbuild = await import('esbuild');
  const outfile = join(OUT, 'core-profile.cjs');
  const outline = existsSync(join(ROOT, 'src', 'core', 'outline.ts')) ? "export { outline } from '../src/core/outline';\n" : '';
  await esbuild.build({
    stdin: { contents: `export * from './core-entry';\n${outline}`, resolveDir: HERE, sourcefile: 'bench-profile.ts', loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'es2022', minify: false, keepNames: true, legalComments: 'none', logLevel: 'warning', outfile,
  });
  return outfile;
}

/** Line → module of the bundle, from esbuild's `// path/to/module.ts` comment lines. */
function moduleMap(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const starts = [];
  lines.forEach((l, i) => {
    const m = /^\/\/ ((?:src|node_modules|bench)\/\S+)$/.exec(l);
    if (m) starts.push({ line: i, module: m[1] });
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = '(bundle runtime)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid].line <= line) {
        found = starts[mid].module;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/** The part of the pipeline a module belongs to. */
function group(module) {
  if (/^node_modules\/(micromark|mdast-util|unified|remark-|unist-|vfile|bail|trough|devlop|decode-named|character-entities|is-plain-obj|extend)/.test(module)) return 'remark (unified, micromark, mdast)';
  if (/^node_modules\/(yaml|gray-matter|smol-toml|js-yaml|section-matter|kind-of|strip-bom-string)/.test(module) || module === 'src/core/frontMatter.ts') return 'front matter (gray-matter, yaml, frontMatter.ts)';
  if (/^node_modules\/@internationalized/.test(module) || module === 'src/core/calendar.ts') return 'dates library (@internationalized/date, calendar.ts)';
  if (module === 'src/core/analysis.ts') return 'src/core/analysis.ts';
  if (module.startsWith('src/core/rules/')) return 'src/core/rules/*';
  if (module.startsWith('src/core/')) return 'src/core (parse, dates, weeks, engine, workspace…)';
  if (module === '(garbage collector)') return module;
  return 'other (runtime, program, idle)';
}

/** Folds a module path to a package (node_modules/x/… → x) or keeps the source file. */
function owner(module) {
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  return m ? m[1] : module;
}

function summarise(profile, bundle, mapLine) {
  const self = new Map();
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const total = profile.samples.length;
  const byModule = new Map();
  const byPackage = new Map();
  const byGroup = new Map();
  for (const [id, count] of counts) {
    const node = byNode.get(id);
    const cf = node.callFrame;
    let where;
    if (cf.url && cf.url.endsWith(bundle.split(sep).pop())) where = mapLine(cf.lineNumber);
    else if (cf.functionName === '(garbage collector)') where = '(garbage collector)';
    else if (cf.functionName === '(program)' || cf.functionName === '(idle)' || cf.functionName === '(root)') where = `(${cf.functionName.replace(/[()]/g, '')})`;
    else where = cf.url ? `(other: ${cf.url.replace(/^.*node_modules\//, '').replace(ROOT, '')})` : `(native ${cf.functionName || 'code'})`;
    const fn = `${cf.functionName || '(anonymous)'} — ${where}`;
    self.set(fn, (self.get(fn) ?? 0) + count);
    byModule.set(where, (byModule.get(where) ?? 0) + count);
    byPackage.set(owner(where), (byPackage.get(owner(where)) ?? 0) + count);
    byGroup.set(group(where), (byGroup.get(group(where)) ?? 0) + count);
  }
  const top = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => ({ name: k, share: v / total }));
  return { samples: total, groups: top(byGroup, 10), packages: top(byPackage, 15), modules: top(byModule, 20), functions: top(self, 25) };
}

async function profileLoop(session, fn, label, seconds) {
  const until = performance.now() + 1500;
  while (performance.now() < until) fn(); // warm up: profile the optimised code, as a long editor session runs it
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  let n = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    fn();
    n++;
  }
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(join(OUT, `${label}.cpuprofile`), JSON.stringify(profile));
  return { profile, iterations: n };
}

function table(title, rows) {
  return [`**${title}**`, '', '| | self time |', '|---|---|', ...rows.map((r) => `| ${r.name.replace(/\|/g, '\\|')} | ${(100 * r.share).toFixed(1)}% |`), ''].join('\n');
}

/**
 * Profiles the scenarios ('page', 'edit') for `seconds` each; returns their summaries and a Markdown report.
 * bench/run.mjs calls it for the one-page breakdown: sampled shares hold up on a busy machine, where timing the
 * steps one by one does not.
 */
export async function profileScenarios({ scenarios = ['page', 'edit'], seconds = 8 } = {}) {
  mkdirSync(OUT, { recursive: true });
  const bundle = await buildBundle();
  const core = require(bundle);
  const mapLine = moduleMap(bundle);
  const ws = ensureWorkspace(2000);
  const settings = core.DEFAULT_SETTINGS;
  const rel = 'wl-01/content/1-Worklog/1.3-Week3/_index.md';
  const text = readFileSync(join(ws.dir, rel), 'utf8');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  const sections = [`CPU profiles of ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${seconds} s each, unminified core bundle; self time).`, ''];
  const out = { seconds };

  if (scenarios.includes('page')) {
    const check = () => core.checkPage(core.parsePage(rel, text, { maxSize: settings.maxFileSize }), settings);
    const { profile, iterations } = await profileLoop(session, check, 'page', seconds);
    const s = summarise(profile, bundle, mapLine);
    out.page = { path: rel, iterations, msPerIteration: (seconds * 1000) / iterations, ...s };
    sections.push(`### One page: parsePage + checkPage (${rel}), ${iterations} checks, ${((seconds * 1000) / iterations).toFixed(2)} ms each under the profiler`, '',
      table('By part of the pipeline', s.groups), table('By package / source file', s.packages), table('By module', s.modules), table('Top functions', s.functions));
  }
  if (scenarios.includes('edit')) {
    const model = new core.WorkspaceModel(() => settings);
    const dir = join(ws.dir, 'wl-01');
    const visit = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? visit(join(d, e.name)) : e.name.endsWith('.md') ? [join(d, e.name)] : []));
    for (const abs of visit(dir)) {
      const p = relative(ws.dir, abs).split(sep).join('/');
      model.setPage(core.parsePage(p, readFileSync(abs, 'utf8'), { maxSize: settings.maxFileSize }));
    }
    const edit = () => {
      model.setPage(core.parsePage(rel, text, { maxSize: settings.maxFileSize }));
      return model.findings(rel);
    };
    const { profile, iterations } = await profileLoop(session, edit, 'edit', seconds);
    const s = summarise(profile, bundle, mapLine);
    out.edit = { path: rel, iterations, msPerIteration: (seconds * 1000) / iterations, ...s };
    sections.push(`### Editing one page of a 52-page worklog: parsePage + WorkspaceModel.setPage + findings(), ${iterations} edits, ${((seconds * 1000) / iterations).toFixed(1)} ms each under the profiler`, '',
      table('By part of the pipeline', s.groups), table('By package / source file', s.packages), table('By module', s.modules), table('Top functions', s.functions));
  }
  session.disconnect();
  out.markdown = sections.join('\n') + '\n';
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const which = args.find((a) => !a.startsWith('--')) ?? 'both';
  const seconds = Number(args[args.indexOf('--seconds') + 1]) || 8;
  profileScenarios({ scenarios: which === 'both' ? ['page', 'edit'] : [which], seconds }).then(
    (r) => {
      mkdirSync(join(HERE, 'results'), { recursive: true });
      writeFileSync(join(HERE, 'results', 'profile.md'), r.markdown);
      process.stdout.write(r.markdown);
    },
    (e) => {
      process.stderr.write(`profile: ${e && e.stack ? e.stack : e}\n`);
      process.exit(1);
    },
  );
}
