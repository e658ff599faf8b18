import { t } from '../l10n';
import type { Fix } from '../model';
import type { PageRule } from './types';
import { frontMatterLine } from './frontMatterValues';

export const frontmatterMissing: PageRule = {
  id: 'frontmatter-missing',
  description: 'No front matter, or not opened/closed by a line that is exactly --- / +++.',
  defaultSeverity: 'error',
  scope: 'page',
  appliesTo: ['week', 'index'],
  check({ page, analysis }, report) {
    const problem = page.frontMatterProblem;
    if (!problem) return;
    // A Markdown file outside Hugo's content folder with no front matter at all is notes, not a Hugo page.
    if (problem.kind === 'missing' && !/(^|\/)content\//.test(page.path)) return;
    const fixes: Fix[] = [];
    if ((problem.kind === 'bad-open' || problem.kind === 'bad-close') && problem.fix) fixes.push(problem.fix);
    if (problem.kind === 'missing' && analysis.week !== undefined) {
      // A block Hugo can read, with the values the page itself implies.
      const eol = page.eol;
      const title = frontMatterLine('yaml', 'title', page, analysis);
      const weight = frontMatterLine('yaml', 'weight', page, analysis);
      const at = { line: 0, character: page.bom ? 1 : 0 };
      const lines = ['---', title, weight, '---'].filter((l): l is string => l !== undefined);
      fixes.push({ title: t('Insert front matter'), edits: [{ span: { start: at, end: at }, newText: lines.join(eol) + eol }], preferred: false });
    }
    report({ span: problem.span, message: problem.message, fixes });
  },
};
