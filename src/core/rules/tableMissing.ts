import { t } from '../l10n';
import type { PageRule } from './types';

export const tableMissing: PageRule = {
  id: 'table-missing',
  description: 'A week page without a task table.',
  defaultSeverity: 'info',
  scope: 'page',
  check({ page }, report) {
    if (page.tables.length > 0 || page.brokenTables.length > 0) return;
    const heading = page.headings[0];
    const span = heading?.span ?? page.frontMatter?.span ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    report({ span: { start: span.start, end: span.start.line === span.end.line ? span.end : { line: span.start.line, character: span.start.character + 3 } }, message: t('This week page has no task table (Day | Task | Start Date | Completion Date | Reference).') });
  },
};
