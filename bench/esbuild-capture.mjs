// Runs the repository's own esbuild.mjs with its outputs redirected, so the benchmark measures exactly the production
// bundles esbuild.mjs makes (its plugins, stubs and options included) without touching dist/, and gets esbuild's
// metafile of each bundle (what the bundle is made of).
//
//   BENCH_ESBUILD_OUT=<folder> node --import ./bench/esbuild-capture.mjs esbuild.mjs --production
//
// This file is the preload (it registers a module resolution hook), the hook (esbuild.mjs's `import 'esbuild'`
// resolves to this file) and the stand-in esbuild (everything re-exported, `build` redirected): dist/<file> is
// written to <folder>/<file>, its metafile to <folder>/<file>.meta.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve as resolvePath } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import * as real from 'esbuild';

export * from 'esbuild';

/** Module resolution hook: the esbuild.mjs at the repository root gets this file for 'esbuild'. */
export async function resolve(specifier, context, next) {
  const parent = context.parentURL ?? '';
  if (specifier === 'esbuild' && parent.endsWith('/esbuild.mjs') && !parent.includes('/node_modules/')) {
    return { url: import.meta.url, shortCircuit: true };
  }
  return next(specifier, context);
}

/** esbuild.build with the output moved under $BENCH_ESBUILD_OUT and the metafile kept. */
export async function build(options) {
  const out = process.env.BENCH_ESBUILD_OUT;
  if (!out || !options.outfile) return real.build(options);
  const outfile = isAbsolute(options.outfile) ? options.outfile : resolvePath(options.absWorkingDir ?? process.cwd(), options.outfile);
  const rel = relative(resolvePath(options.absWorkingDir ?? process.cwd(), 'dist'), outfile);
  const target = join(out, rel.startsWith('..') ? relative(process.cwd(), outfile) : rel);
  const result = await real.build({ ...options, outfile: target, metafile: true });
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.meta.json`, JSON.stringify(result.metafile));
  return result;
}

if (isMainThread && process.env.BENCH_ESBUILD_OUT && !globalThis.__worklogBenchCapture) {
  globalThis.__worklogBenchCapture = true;
  register(import.meta.url);
}
