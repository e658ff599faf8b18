// Front matter is untrusted input: a page from a cloned repository must never run code in the editor, whatever its
// front matter says, and a hostile YAML block must not hang or exhaust the extension host.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkPages } from '../../src/core/engine';
import { plainYaml, readFrontMatter } from '../../src/core/frontMatter';
import type { Finding } from '../../src/core/model';
import { parsePage } from '../../src/core/parse';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { LineIndex } from '../../src/core/text';

const PATH = 'content/1-Worklog/1.3-Week3/_index.md';
const BODY = [
  '',
  '### Week 3 Objectives:',
  '',
  '* Store files in S3.',
  '',
  '| Day | Task | Start Date | Completion Date |',
  '| --- | --- | --- | --- |',
  '| Mon | - Create a bucket. | 22/09/2025 | 22/09/2025 |',
  '',
].join('\n');

function check(frontMatter: string): { findings: Finding[]; ms: number; page: ReturnType<typeof parsePage> } {
  const t0 = Date.now();
  const page = parsePage(PATH, frontMatter + BODY);
  const findings = checkPages([page], DEFAULT_SETTINGS).findings.get(PATH) ?? [];
  return { findings, ms: Date.now() - t0, page };
}

const globals = globalThis as Record<string, unknown>;
// Generous: these guard against blow-ups (exponential alias expansion, runaway recursion), not against slow machines.
const LIMIT_MS = 5000;



describe('core front matter: untrusted input', () => {
  afterEach(() => {
    delete globals.__worklogPwned;
  });

  it('never runs ---js front matter that would set a global, and reports it', () => {
    const { findings, page } = check([
      '---js',
      '{',
      '  title: (globalThis.__worklogPwned = true, "Week 3 Worklog"),',
      '  weight: 3',
      '}',
      '---',
      '',
    ].join('\n'));
    assert.equal(globals.__worklogPwned, undefined, 'the code in the front matter ran');
    const syntax = findings.filter((f) => f.rule === 'frontmatter-syntax');
    assert.equal(syntax.length, 1);
    assert.equal(syntax[0].severity, 'error');
    assert.deepEqual(syntax[0].span, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
    assert.match(syntax[0].message, /never runs it/);
    assert.equal(page.frontMatter?.entries.size, 0, 'nothing was read from the code');
  });

  it('never runs ---javascript or ---coffee front matter that would write a file', () => {
    const target = path.join(os.tmpdir(), `worklog-pwned-${process.pid}-${Date.now()}.txt`);
    const code = `require('fs').writeFileSync(${JSON.stringify(target)}, 'pwned')`;
    for (const language of ['javascript', 'js', 'coffee']) {
      const { findings } = check(`---${language}\n${code}\n---\n`);
      assert.equal(fs.existsSync(target), false, `---${language}: the front matter wrote ${target}`);
      assert.ok(findings.some((f) => f.rule === 'frontmatter-syntax' && f.message.includes(`"${language}"`)), `---${language} is reported`);
    }
  });

  it('does not evaluate a YAML !!js/function tag', () => {
    const { page } = check([
      '---',
      'title: !!js/function "function () { globalThis.__worklogPwned = true; return \'Week 3\' }"',
      'date: 2025-09-22',
      'weight: 3',
      '---',
      '',
    ].join('\n'));
    assert.equal(globals.__worklogPwned, undefined);
    const title = page.frontMatter!.entries.get('title')!;
    assert.notEqual(typeof title.value, 'function');
    if (typeof title.value === 'string') assert.equal(globals.__worklogPwned, undefined);
  });

  it('reports a YAML !!js/function tag', () => {
    const { findings } = check('---\ntitle: !!js/function "function () { return 1 }"\ndate: 2025-09-22\nweight: 3\n---\n');
    assert.ok(findings.some((f) => f.rule === 'frontmatter-syntax'), 'a tag Hugo cannot read leaves the title as code text');
  });

  it('finishes a "billion laughs" alias bomb quickly, with a finding', () => {
    const lines = ['---', 'title: "Week 3 Worklog"', 'date: 2025-09-22', 'weight: 3', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghijk';
    for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
    lines.push('---', '');
    const { findings, ms } = check(lines.join('\n'));
    assert.ok(ms < LIMIT_MS, `took ${ms} ms`);
    const syntax = findings.filter((f) => f.rule === 'frontmatter-syntax');
    assert.equal(syntax.length, 1);
    assert.match(syntax[0].message, /alias/i);
  });

  it('finishes an alias bomb used as the title quickly', () => {
    const lines = ['---', 'x0: &x0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) lines.push(`x${i}: &x${i} [${Array(10).fill(`*x${i - 1}`).join(',')}]`);
    lines.push('title: *x11', 'date: 2025-09-22', 'weight: 3', '---', '');
    const { findings, ms } = check(lines.join('\n'));
    assert.ok(ms < LIMIT_MS, `took ${ms} ms`);
    assert.ok(findings.some((f) => f.rule === 'frontmatter-syntax'));
  });

  it('finishes a deeply nested flow collection quickly', () => {
    const { findings, ms } = check(`---\ntitle: ${'['.repeat(5000)}${']'.repeat(5000)}\nweight: 3\n---\n`);
    assert.ok(ms < LIMIT_MS, `took ${ms} ms`);
    assert.ok(findings.some((f) => f.rule === 'frontmatter-syntax'), 'too deep to read: reported, not thrown');
  });

  it('keeps dates as written (no JS Date, no time zone shift)', () => {
    const { page } = check('---\ntitle: "Week 3 Worklog"\ndate: 2025-09-22T23:30:00-10:00\nweight: 3\n---\n');
    const date = page.frontMatter!.entries.get('date')!;
    assert.equal(typeof date.value, 'string');
    assert.equal(date.value, '2025-09-22T23:30:00-10:00');
  });
});

describe('core front matter: the plain reader and the yaml library read a block the same', () => {
  // Most pages' front matter is a few `key: value` lines; a plain reader takes those and leaves everything else to the
  // yaml library. Whatever it takes, it must read exactly as the library does: the same keys, values, spans and
  // (no) errors. Blocks are built from lines that sit on the edge of what it takes.
  const KEYS = ['title', 'date', 'weight', 'chapter', 'pre', 'draft', '_x', 'a-b', 'a b', '1x', 'true', 'Null', 'x:y', 'title'];
  const SEPS = [': ', ':  ', ':', ': \t', ' : ', ':\t'];
  const VALUES = [
    '"Week 5 Worklog"', '" <b> 1.5. </b> "', "'single'", "'it''s'", '"esc \\" q"', '"a\\tb"', '"Tuần 5"', '""', "''",
    '2025-09-08', '5', '007', '1234567890123456', '123456789012345', '-5', '+5', '1.5', '5.', '1e3', '.inf', '.NaN',
    'true', 'True', 'TRUE', 'tRue', 'false', 'yes', 'null', 'NULL', '~', '', 'Tuần 1', 'Tuần 1 Worklog', 'a #b', 'a# b',
    'a: b', 'a:b', '[1, 2]', '{a: 1}', '&a x', '*a', '!!str x', '|', '>', '0x1F', '0o17', '0b101', '1_000', 'Infinity',
    'a  b', '"unterminated', '"a" "b"', '"tab\there"', '"\u0085"', '"\u2028"', 'ǅ', '٣', '²', 'e\u0301', '"😀"', '😀',
    '%x', '@x', '`x`', 'x (y) / z', 'a-b_c', 'a\u00a0b', '"a\u00a0b"', '" spaced "', "' spaced '",
  ];
  const TAILS = ['', '', '', ' ', '  ', ' # note', '\t', '#x'];
  const OTHER = ['', '  ', '# comment', '  nested: 1', '- item', '---', '...', '%YAML 1.2', 'key', ':', 'x: |', '  text'];
  const GOOD_KEYS = ['title', 'date', 'weight', 'chapter', 'pre', 'draft', 'description', 'toc', '_x', 'a-b'];
  const GOOD_VALUES = ['"Week 5 Worklog"', '" <b> 1.5. </b> "', "'single'", '"Tuần 5"', '2025-09-08', '5', '007', 'true', 'False', 'Tuần 1 Worklog', 'x (y) / z', 'a  b', '""', '123456789012345', '0b101', 'Infinity'];
  const goodLine = fc.tuple(fc.constantFrom(...GOOD_KEYS), fc.constantFrom(': ', ':  '), fc.constantFrom(...GOOD_VALUES), fc.constantFrom('', ' ')).map((p) => p.join(''));
  const edgeLine = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...SEPS), fc.constantFrom(...VALUES), fc.constantFrom(...TAILS)).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.constantFrom(...OTHER) },
  );
  // Lines the plain reader takes, with (most of the time) one edge line among them, or blank lines around.
  const block = fc.record({
    lines: fc.tuple(fc.array(goodLine, { maxLength: 7 }), fc.option(edgeLine, { freq: 2 }), fc.nat(7), fc.constantFrom('', '', '\n')).map(([good, edge, at, blank]) => {
      const lines = [...good];
      if (edge !== null) lines.splice(at % (lines.length + 1), 0, edge);
      return blank ? ['', ...lines, ''] : lines;
    }),
    crlf: fc.boolean(),
    body: fc.boolean(),
  });

  it('on blocks of edge lines (and the plain reader takes a good share of them)', () => {
    let plain = 0;
    let runs = 0;
    fc.assert(
      fc.property(block, ({ lines, crlf, body }) => {
        const eol = crlf ? '\r\n' : '\n';
        const text = ['---', ...lines, '---', body ? '# Week' : ''].join(eol);
        const index = new LineIndex(text);
        runs++;
        if (plainYaml(lines.join(eol))) plain++;
        assert.deepEqual(readFrontMatter(index, false), readFrontMatter(index, false, true));
      }),
      { numRuns: Number(process.env.PLAIN_YAML_RUNS ?? 4000) },
    );
    // The property says little if the plain reader never takes a block.
    assert.ok(plain > runs / 10, `the plain reader took ${plain} of ${runs} blocks`);
  });

  it('takes the front matter of a typical week page, with its spans', () => {
    const text = '---\ntitle: "Week 5 Worklog"\ndate: 2025-10-06\nweight: 5\nchapter: false\npre: " <b> 1.5. </b> "\n---\n';
    assert.ok(plainYaml(text.slice(4, text.length - 5)));
    const fm = readFrontMatter(new LineIndex(text), false).frontMatter!;
    assert.deepEqual([...fm.entries.values()].map((e) => [e.key, e.value, e.source, e.quoted]), [
      ['title', 'Week 5 Worklog', '"Week 5 Worklog"', true],
      ['date', '2025-10-06', '2025-10-06', false],
      ['weight', 5, '5', false],
      ['chapter', false, 'false', false],
      ['pre', ' <b> 1.5. </b> ', '" <b> 1.5. </b> "', true],
    ]);
    assert.deepEqual(fm.entries.get('weight')!.valueSpan, { start: { line: 3, character: 8 }, end: { line: 3, character: 9 } });
  });
});
