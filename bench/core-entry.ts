// Entry of the benchmark bundle (bench/run.mjs bundles it with esbuild, minified like the production bundles, to
// node_modules/.cache/worklog-bench/core.cjs): the core exactly as the extension and the CLI run it, and the steps
// the one-page breakdown times on their own. The Weeks outline (src/core/outline.ts) is added when it exists. How
// remark's share of a page is measured: by the CPU profile (profile.mjs), not by mirroring parse.ts's processors.
export { parsePage } from '../src/core/parse';
export { checkPage, checkPages, checkWorklog } from '../src/core/engine';
export { analyzePage, classifyPage } from '../src/core/analysis';
export { WorkspaceModel } from '../src/core/workspaceModel';
export { DEFAULT_SETTINGS } from '../src/core/settings';
export { PAGE_RULES, WORKLOG_RULES } from '../src/core/rules';
export { readFrontMatter } from '../src/core/frontMatter';
export { LineIndex } from '../src/core/text';
export { buildWorklog, groupWorklogs } from '../src/core/workspace';
export { readSnapshot, snapshotHashInput, SNAPSHOT_FORMAT } from '../src/core/snapshot';
export { worklogKey } from '../src/core/weeks';
