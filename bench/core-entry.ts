// Entry of the benchmark bundle (bench/run.mjs bundles it with esbuild, minified like the production bundles, to
// node_modules/.cache/worklog-bench/core.cjs): the core exactly as the extension and the CLI run it, plus the pieces
// the one-page breakdown times on their own. The Weeks outline (src/core/outline.ts) is added when it exists.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root } from 'mdast';

export { parsePage } from '../src/core/parse';
export { checkPage, checkPages, checkWorklog } from '../src/core/engine';
export { analyzePage, classifyPage } from '../src/core/analysis';
export { WorkspaceModel } from '../src/core/workspaceModel';
export { DEFAULT_SETTINGS } from '../src/core/settings';
export { PAGE_RULES, WORKLOG_RULES } from '../src/core/rules';
export { readFrontMatter } from '../src/core/frontMatter';
export { LineIndex } from '../src/core/text';
export { buildWorklog, groupWorklogs } from '../src/core/workspace';

let tableProcessor: Processor<Root> | undefined;

/** Remark set up as parse.ts sets it up for a table block (remark-parse + the GFM table extension, one processor). */
export function remarkTable(source: string): Root {
  tableProcessor ??= unified().use(remarkParse).use(function tableOnly(this: Processor) {
    const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
    (data.micromarkExtensions ??= []).push(gfmTable());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  }) as unknown as Processor<Root>;
  return tableProcessor.parse(source);
}

/** Remark as parse.ts runs it on the objectives section: a processor built for each call. */
export function remarkFresh(source: string): Root {
  return unified().use(remarkParse).parse(source) as Root;
}
