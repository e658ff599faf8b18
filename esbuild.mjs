// Builds the bundles: the Node extension, the web-worker extension, the CLI and its worker thread.
import * as esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';

const production = process.argv.includes('--production');

/**
 * A hash of the engine and CLI sources, the message translations and the locked dependencies: the CLI's result cache
 * and the extension's snapshot of results are keyed by it.
 */
function buildId() {
  const hash = createHash('sha256');
  for (const dir of ['src/core', 'src/cli', 'l10n']) {
    for (const f of readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(ts|json)$/.test(f)).sort()) {
      hash.update(f).update(readFileSync(`${dir}/${f}`));
    }
  }
  // The parsers' versions too (remark, gray-matter, yaml…): results from another version are not reused.
  hash.update(readFileSync('package-lock.json'));
  return hash.digest('hex').slice(0, 16);
}
const watch = process.argv.includes('--watch');

/**
 * Size: modules the engine never executes are replaced in every bundle.
 * - gray-matter loads js-yaml for its default engines; the engine hands gray-matter its own (yaml with positions,
 *   smol-toml, and refusals for code), so js-yaml's parse/dump are never called.
 * - decode-named-character-reference (with a 35 KB entity table) decodes `&name;` references; the engine's remark
 *   processors turn character references off, so only link URLs could reach it: they keep the text as written.
 * - yaml: its ES module build, so the unused stringify half is left out.
 */
const STUBS = {
  'js-yaml': `const refuse = () => { throw new Error('js-yaml is not part of this bundle'); };
module.exports = { safeLoad: refuse, safeDump: refuse, load: refuse, dump: refuse };`,
  'decode-named-character-reference': 'export function decodeNamedCharacterReference() { return false; }',
};
const trimModules = {
  name: 'trim-modules',
  setup(build) {
    build.onResolve({ filter: /^(js-yaml|decode-named-character-reference)$/ }, (args) => ({ path: args.path, namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({ contents: STUBS[args.path], loader: 'js' }));
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: new URL('./node_modules/yaml/browser/index.js', import.meta.url).pathname }));
  },
};

/** dist/cli.js leaves the engine (src/cli/engine.ts, required on demand) to dist/engine.js beside it. */
const engineApart = {
  name: 'engine-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/engine$/ }, (args) => (/[\\/]src[\\/]cli$/.test(args.resolveDir) ? { path: './engine.js', external: true } : undefined));
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  target: 'es2022',
  legalComments: 'none',
  plugins: [trimModules],
};

/**
 * Fails the web build when anything pulls in a Node built-in. One known exception: gray-matter requires `fs` only for
 * its `matter.read(file)` helper, which the engine never calls; in the browser that import is an empty module.
 */
const WEB_STUBS = [{ importer: /[\\/]gray-matter[\\/]index\.js$/, path: 'fs' }];
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    const names = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!names.has(args.path)) return undefined;
      if (WEB_STUBS.some((s) => s.path === args.path && s.importer.test(args.importer))) {
        return { path: args.path, namespace: 'web-stub' };
      }
      return { errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer} in the web bundle` }] };
    });
    build.onLoad({ filter: /.*/, namespace: 'web-stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    define: { __WORKLOG_BUILD__: JSON.stringify(buildId()) },
    external: ['vscode'],
    metafile: true,
  },
  {
    ...common,
    entryPoints: ['src/web/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    conditions: ['browser'],
    plugins: [trimModules, noNodeBuiltins],
    define: { 'process.env.NODE_ENV': '"production"', __WORKLOG_BUILD__: JSON.stringify(buildId()) },
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    plugins: [...common.plugins, engineApart],
    platform: 'node',
    format: 'cjs',
    define: { __WORKLOG_BUILD__: JSON.stringify(buildId()) },
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // worklog-lint's engine: loaded by dist/cli.js when a page has to be checked, and run by its worker threads.
    ...common,
    entryPoints: ['src/cli/engine.ts'],
    outfile: 'dist/engine.js',
    platform: 'node',
    format: 'cjs',
  },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
