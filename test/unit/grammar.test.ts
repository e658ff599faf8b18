// The injection grammar, tokenized by the real TextMate engine (vscode-textmate + vscode-oniguruma): over a small
// Markdown base grammar written here, and over VS Code's own Markdown and YAML grammars when a downloaded VS Code is
// at hand (.vscode-test/, after the integration tests ran once).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IRawGrammar } from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'worklog.injection.tmLanguage.json');

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  patterns?: Rule[];
  captures?: Record<string, Rule>;
  beginCaptures?: Record<string, Rule>;
  endCaptures?: Record<string, Rule>;
  whileCaptures?: Record<string, Rule>;
  repository?: Record<string, Rule>;
  name?: string;
}

let loaded: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  loaded ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  })();
  return loaded;
}

/** A Markdown grammar cut down to what the injection touches: front matter, fences, headings, tables, inline code. */
const BASE_MARKDOWN = {
  scopeName: 'text.html.markdown',
  patterns: [{ include: '#frontMatter' }, { include: '#block' }],
  repository: {
    frontMatter: {
      begin: '\\A(-{3,})\\s*$',
      while: '^(?!-{3,}\\s*$)',
      contentName: 'meta.embedded.block.frontmatter',
      patterns: [{ include: 'source.yaml' }],
    },
    block: { patterns: [{ include: '#fence' }, { include: '#heading' }, { include: '#table' }, { include: '#paragraph' }] },
    fence: { begin: '^(`{3,})', end: '^\\1\\s*$', name: 'markup.fenced_code.block.markdown' },
    heading: {
      match: '^(#{1,6})\\s+(.*)$',
      name: 'markup.heading.markdown',
      captures: { 1: { name: 'punctuation.definition.heading.markdown' }, 2: { name: 'entity.name.section.markdown', patterns: [{ include: '#inline' }] } },
    },
    table: {
      begin: '(^|\\G)(\\|)(?=[^|].+\\|\\s*$)',
      while: '(^|\\G)(?=\\|)',
      name: 'markup.table.markdown',
      patterns: [{ match: '\\|', name: 'punctuation.definition.table.markdown' }],
    },
    paragraph: { match: '^.+$', name: 'meta.paragraph.markdown', captures: { 0: { patterns: [{ include: '#inline' }] } } },
    inline: {
      patterns: [
        { match: '`[^`]+`', name: 'markup.inline.raw.string.markdown' },
        { match: '\\*\\*[^*]+\\*\\*', name: 'markup.bold.markdown' },
      ],
    },
  },
};

const BASE_YAML = {
  scopeName: 'source.yaml',
  patterns: [
    { match: '^([\\w-]+)(:)', captures: { 1: { name: 'entity.name.tag.yaml' }, 2: { name: 'punctuation.separator.key-value.mapping.yaml' } } },
    { match: '"[^"]*"', name: 'string.quoted.double.yaml' },
    { match: '\\b\\d+\\b', name: 'constant.numeric.integer.yaml' },
  ],
};

async function grammarWith(grammars: Record<string, () => IRawGrammar>): Promise<IGrammar> {
  await loadOniguruma();
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => grammars[scopeName]?.() ?? null,
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? ['worklog.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar);
  return grammar;
}

function raw(object: unknown, name: string): IRawGrammar {
  return parseRawGrammar(JSON.stringify(object), `${name}.json`);
}

function injection(): IRawGrammar {
  return parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
}

interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

function tokenize(grammar: IGrammar, text: string): Token[][] {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the token on `line` whose text is exactly `text`. */
function scopesOf(lines: Token[][], line: number, text: string): readonly string[] {
  const token = lines[line].find((t) => t.text === text);
  assert.ok(token, `no token ${JSON.stringify(text)} on line ${line}: ${JSON.stringify(lines[line].map((t) => t.text))}`);
  return token.scopes;
}

/** Every scope of the tokens of `line` whose text contains `text`. */
function scopesAround(lines: Token[][], line: number, text: string): string[] {
  return lines[line].filter((t) => t.text.includes(text)).flatMap((t) => t.scopes);
}

const PAGE = [
  '---',
  'title: "Week 5 Worklog"',
  'date: 2025-10-12',
  'weight: 5',
  'chapter: false',
  'pre: " <b> 1.5. </b> "',
  'description: other',
  '---',
  '',
  '### Week 5 Objectives:',
  '',
  'title: not a key here, and 06/10/2025 is prose',
  '',
  '### Mục tiêu tuần 5:',
  '',
  '| Day | Task | Start Date | Completion Date |',
  '| --- | --- | --- | --- |',
  '| Mon | - read about t2.micro and Monday | 06/10/2025 | 2025-10-06 |',
  '| Thứ 2 - Thứ 4 | - **IAM** | 2025/10/07 | 07/10 |',
  '| T2 | `08/10/2025` | 8.10.2025 | 08-10-2025 |',
  '| CN | Chủ nhật | Thứ Hai | 1.5 |',
  '',
  '```',
  '| Mon | 06/10/2025 |',
  '```',
].join('\n');

function checkPage(lines: Token[][]): void {
  // Front matter: the worklog keys, the date.
  for (const [line, key] of [[1, 'title'], [2, 'date'], [3, 'weight'], [4, 'chapter'], [5, 'pre']] as const) {
    const scopes = scopesOf(lines, line, key);
    assert.ok(scopes.includes('variable.other.key.worklog'), `${key}: ${scopes.join(' ')}`);
    assert.ok(scopes.includes('entity.name.tag.yaml'), `${key}: ${scopes.join(' ')}`);
  }
  assert.ok(scopesOf(lines, 2, '2025-10-12').includes('constant.numeric.date.worklog'));
  assert.ok(!scopesAround(lines, 6, 'description').includes('variable.other.key.worklog'), 'other keys are plain YAML');
  assert.ok(!lines[11].some((t) => t.scopes.includes('variable.other.key.worklog')), 'a paragraph is no front matter');
  // Week headings.
  assert.ok(scopesOf(lines, 9, '5').includes('constant.numeric.week.worklog'));
  assert.ok(lines[9].some((t) => t.text.startsWith('Week') && t.scopes.includes('entity.name.section.week.worklog')));
  assert.ok(lines[9].every((t) => t.scopes.includes('markup.heading.markdown')));
  assert.ok(lines[13].some((t) => t.text.startsWith('tuần') && t.scopes.includes('entity.name.section.week.worklog')));
  // Dates and day labels in table rows.
  const date = 'constant.numeric.date.worklog';
  const weekday = 'support.constant.weekday.worklog';
  assert.ok(scopesOf(lines, 17, 'Mon').includes(weekday));
  assert.ok(scopesOf(lines, 17, '06/10/2025').includes(date));
  assert.ok(scopesOf(lines, 17, '2025-10-06').includes(date));
  assert.ok(!lines[17].some((t) => t.text.includes('t2.micro') && t.scopes.includes(weekday)), 'labels only fill a cell');
  assert.ok(!lines[17].some((t) => /Monday/.test(t.text) && t.scopes.includes(weekday)));
  assert.ok(scopesOf(lines, 18, 'Thứ 2').includes(weekday));
  assert.ok(scopesOf(lines, 18, 'Thứ 4').includes(weekday));
  assert.ok(scopesOf(lines, 18, '2025/10/07').includes(date));
  assert.ok(scopesOf(lines, 18, '07/10').includes(date));
  assert.ok(lines[18].some((t) => t.scopes.includes('markup.bold.markdown')), 'cells keep Markdown inline scopes');
  assert.ok(scopesOf(lines, 19, 'T2').includes(weekday));
  assert.ok(scopesOf(lines, 19, '8.10.2025').includes(date));
  assert.ok(scopesOf(lines, 19, '08-10-2025').includes(date));
  assert.ok(!lines[19].some((t) => t.text.includes('08/10/2025') && t.scopes.includes(date)), 'inline code stays code');
  assert.ok(scopesOf(lines, 20, 'CN').includes(weekday));
  assert.ok(scopesOf(lines, 20, 'Chủ nhật').includes(weekday));
  assert.ok(scopesOf(lines, 20, 'Thứ Hai').includes(weekday));
  assert.ok(!lines[20].some((t) => t.text.includes('1.5') && t.scopes.includes(date)), 'a version number is no date');
  for (const line of [15, 16, 17, 18, 19, 20]) assert.ok(lines[line].every((t) => t.scopes.includes('markup.table.markdown')), `line ${line} stays a table`);
  // Prose and code are left alone.
  assert.ok(!lines[11].some((t) => t.scopes.includes(date)));
  assert.ok(!lines[23].some((t) => t.scopes.includes(date) || t.scopes.includes(weekday)), 'fenced code is left alone');
}

describe('grammar', () => {
  const json = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as Rule & { scopeName: string; injectionSelector: string };

  it('is the injection package.json contributes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] } };
    const entry = manifest.contributes.grammars.find((g) => g.scopeName === json.scopeName);
    assert.ok(entry);
    assert.equal(path.resolve(ROOT, entry.path), GRAMMAR_PATH);
    assert.deepEqual(entry.injectTo, ['text.html.markdown']);
    assert.match(json.injectionSelector, /^L:text\.html\.markdown /);
    for (const excluded of ['-markup.fenced_code', '-markup.inline.raw', '-markup.raw']) assert.ok(json.injectionSelector.includes(excluded), excluded);
  });

  it('every regular expression compiles with Oniguruma and every include resolves', async () => {
    await loadOniguruma();
    const repository = json.repository ?? {};
    const regexes: string[] = [];
    const includes: string[] = [];
    const walk = (rule: Rule): void => {
      for (const key of ['match', 'begin', 'end', 'while'] as const) {
        const source = rule[key];
        if (source === undefined) continue;
        // end/while may refer to begin's captures (\1): the engine fills them in before compiling.
        regexes.push(key === 'end' || key === 'while' ? source.replace(/\\(\d)/g, 'x') : source);
      }
      for (const p of rule.patterns ?? []) {
        const include = (p as { include?: string }).include;
        if (include) includes.push(include);
        else walk(p);
      }
      for (const group of [rule.captures, rule.beginCaptures, rule.endCaptures, rule.whileCaptures]) for (const c of Object.values(group ?? {})) walk(c);
    };
    walk(json);
    for (const r of Object.values(repository)) walk(r);
    assert.ok(regexes.length > 10);
    for (const source of regexes) {
      assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), source);
    }
    for (const include of includes) {
      if (include.startsWith('#')) assert.ok(repository[include.slice(1)], `${include} is not in the repository`);
      else assert.match(include, /^(text\.html\.markdown#inline|source\.yaml)$/, include);
    }
  });

  it('scopes front matter keys, week headings, and dates and day labels in table rows (small Markdown grammar)', async () => {
    const grammar = await grammarWith({
      'text.html.markdown': () => raw(BASE_MARKDOWN, 'markdown'),
      'source.yaml': () => raw(BASE_YAML, 'yaml'),
      'worklog.injection': injection,
    });
    checkPage(tokenize(grammar, PAGE));
  });

  describe('over VS Code\'s own Markdown and YAML grammars', () => {
    const extensions = path.join(ROOT, '.vscode-test');
    const find = (rel: string): string | undefined => {
      if (!fs.existsSync(extensions)) return undefined;
      for (const dir of fs.readdirSync(extensions)) {
        const candidates = [
          path.join(extensions, dir, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', rel),
          path.join(extensions, dir, 'resources', 'app', 'extensions', rel),
        ];
        const found = candidates.find((c) => fs.existsSync(c));
        if (found) return found;
      }
      return undefined;
    };
    const markdown = find('markdown-basics/syntaxes/markdown.tmLanguage.json');
    const yamlDir = find('yaml/syntaxes');

    it('the same scopes, and Markdown and YAML keep theirs', async function () {
      if (!markdown || !yamlDir) this.skip();
      const file = (p: string) => () => parseRawGrammar(fs.readFileSync(p, 'utf8'), p);
      const yamlFiles: Record<string, () => IRawGrammar> = {};
      for (const [scope, name] of [
        ['source.yaml', 'yaml.tmLanguage.json'], ['source.yaml.1.3', 'yaml-1.3.tmLanguage.json'], ['source.yaml.1.2', 'yaml-1.2.tmLanguage.json'],
        ['source.yaml.1.1', 'yaml-1.1.tmLanguage.json'], ['source.yaml.1.0', 'yaml-1.0.tmLanguage.json'], ['source.yaml.embedded', 'yaml-embedded.tmLanguage.json'],
      ]) {
        const p = path.join(yamlDir!, name);
        if (fs.existsSync(p)) yamlFiles[scope] = file(p);
      }
      const grammar = await grammarWith({ 'text.html.markdown': file(markdown!), ...yamlFiles, 'worklog.injection': injection });
      const lines = tokenize(grammar, PAGE);
      checkPage(lines);
      assert.ok(lines[0].some((t) => t.scopes.includes('punctuation.definition.begin.frontmatter')));
      assert.ok(lines[7].some((t) => t.scopes.includes('punctuation.definition.end.frontmatter')));
      assert.ok(scopesOf(lines, 6, 'description').includes('entity.name.tag.yaml'));
      assert.ok(lines[1].every((t) => t.scopes.includes('meta.embedded.block.frontmatter')), 'front matter stays embedded YAML');
      assert.ok(scopesOf(lines, 1, 'Week 5 Worklog').includes('string.quoted.double.yaml'));
      assert.ok(lines[18].some((t) => t.scopes.includes('markup.bold.markdown')));
      // Multi-line YAML keeps its structure between worklog keys.
      const yaml = tokenize(grammar, ['---', 'title: x', 'tags:', '  - aws', 'description: |', '  line: one', 'date: 2025-10-12', '---'].join('\n'));
      assert.ok(scopesOf(yaml, 3, '-').includes('punctuation.definition.block.sequence.item.yaml'));
      assert.ok(scopesOf(yaml, 5, 'line: one').some((s) => s.startsWith('string.unquoted.block')));
      assert.ok(scopesOf(yaml, 6, 'date').includes('variable.other.key.worklog'));
    });
  });
});
