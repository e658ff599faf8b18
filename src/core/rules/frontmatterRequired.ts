import { t } from '../l10n';
import type { Fix } from '../model';
import { frontMatterLine } from './frontMatterValues';
import type { PageRule } from './types';

export const frontmatterRequired: PageRule = {
  id: 'frontmatter-required',
  description: 'A required front-matter key (title, date, weight by default) is missing.',
  defaultSeverity: 'warning',
  scope: 'page',
  check({ page, analysis, settings }, report) {
    const fm = page.frontMatter;
    if (!fm || fm.syntaxErrors.length > 0 || page.frontMatterProblem) return;
    const missing = settings.requiredKeys.filter((k) => !fm.entries.has(k));
    if (missing.length === 0) return;
    // In TOML a key after a [table] header belongs to that table: insert before the first one.
    let insertLine = fm.closeLine;
    if (fm.format === 'toml') {
      for (let l = fm.span.start.line + 1; l < fm.closeLine; l++) {
        if (/^\s*\[/.test(page.lineIndex.lineText(l))) {
          insertLine = l;
          break;
        }
      }
    }
    const at = { line: insertLine, character: 0 };
    const opening = { start: fm.span.start, end: { line: fm.span.start.line, character: fm.span.start.character + 3 } };
    for (const key of missing) {
      const line = frontMatterLine(fm.format, key, page, analysis);
      const fixes: Fix[] = line === undefined ? [] : [{
        title: t('Add "{0}"', line),
        edits: [{ span: { start: at, end: at }, newText: line + page.eol }],
        preferred: true,
      }];
      report({ span: opening, message: t('The front matter has no "{0}".', key) + (line ? ' ' + t('Probably: {0}', line) : ''), fixes });
    }
  },
};
