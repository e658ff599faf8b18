import type { PageRule } from './types';

export const frontmatterSyntax: PageRule = {
  id: 'frontmatter-syntax',
  description: 'YAML/TOML front matter that does not parse (or front matter in a language that would be code).',
  defaultSeverity: 'error',
  scope: 'page',
  appliesTo: ['week', 'index'],
  check({ page }, report) {
    for (const error of page.frontMatter?.syntaxErrors ?? []) report({ span: error.span, message: error.message });
  },
};
