// Settings come from untrusted places (a .worklogrc.json in a cloned repository, the settings editor): anything
// malformed falls back to its default and is named, and what a user sets changes what the engine reports.
import { strict as assert } from 'node:assert';
import { checkText } from '../../src/core/engine';
import { coerceSettings, DEFAULT_SETTINGS, SETTING_KEYS } from '../../src/core/settings';

const PAGE = [
  '---',
  'title: "Week 2 Worklog"',
  'date: 2025-09-15',
  'weight: 2',
  '---',
  '',
  '### Week 2 Objectives:',
  '',
  '* Networking.',
  '',
  '| Day | Task | Start Date | Completion Date |',
  '| --- | --- | --- | --- |',
  '| Mon | - Draw the VPC. | 15/09/2025 | 15/09/2025 |',
  '| Tue | - Add the routes. | 2025-09-16 | 2025-09-16 |',
  '| Wed | - Compare security groups and ACLs. | 17/09/2025 | 17/09/2025 |',
  '',
].join('\n');
const PATH = 'content/1-Worklog/1.2-Week2/_index.md';



describe('core settings', () => {
  describe('coerceSettings', () => {
    it('gives the defaults, without problems, for an empty or missing input', () => {
      for (const input of [{}, undefined, null, 'settings', 42]) {
        const { settings, problems } = coerceSettings(input);
        assert.deepEqual(settings, { ...DEFAULT_SETTINGS, rules: {} }, JSON.stringify(input));
        assert.deepEqual(problems, []);
      }
    });

    it('keeps valid values', () => {
      const input = {
        include: ['content/**/*.md'], exclude: [], dayMonthOrder: 'mdy', dateFormat: 'YYYY-MM-DD', programStart: '2025-09-08',
        dayLabels: 'thu', rules: { 'date-format': 'off', 'task-empty': 'error' }, requiredKeys: ['title'], languages: ['vi', 'en'],
        templatePatterns: ['lorem ipsum'], workingDays: [1, 2, 3, 4, 5, 6], maxFileSize: 5000, sidebarFollowActiveEditor: false,
      };
      const { settings, problems } = coerceSettings(input);
      assert.deepEqual(problems, []);
      assert.deepEqual(settings, input);
    });

    it('falls back to the default for each malformed value and says which', () => {
      const { settings, problems } = coerceSettings({
        dayMonthOrder: 'ymd', dateFormat: 'DD.MM.YYYY', dayLabels: 7, include: 'content/**', maxFileSize: -1,
        workingDays: [0, 8], programStart: '8/9/2025', sidebarFollowActiveEditor: 'yes',
      });
      assert.equal(settings.dayMonthOrder, 'auto');
      assert.equal(settings.dateFormat, 'auto');
      assert.equal(settings.dayLabels, 'auto');
      assert.deepEqual(settings.include, DEFAULT_SETTINGS.include);
      assert.equal(settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
      assert.deepEqual(settings.workingDays, DEFAULT_SETTINGS.workingDays);
      assert.equal(settings.programStart, '');
      assert.equal(settings.sidebarFollowActiveEditor, true);
      for (const key of ['dayMonthOrder', 'dateFormat', 'dayLabels', 'include', 'maxFileSize', 'workingDays', 'programStart', 'sidebarFollowActiveEditor']) {
        assert.ok(problems.some((p) => p.startsWith(`${key}:`)), `no problem named for ${key}: ${problems.join(' / ')}`);
      }
    });

    it('names a programStart that is not a real day', () => {
      const { settings, problems } = coerceSettings({ programStart: '2025-02-30' });
      assert.equal(settings.programStart, '');
      assert.ok(problems.some((p) => p.startsWith('programStart:')));
    });

    it('drops unknown severities and invalid patterns one by one, keeping the rest', () => {
      const { settings, problems } = coerceSettings({
        rules: { 'date-format': 'loud', 'task-empty': 'info' },
        templatePatterns: ['(unclosed', 'draft only'],
      });
      assert.deepEqual(settings.rules, { 'task-empty': 'info' });
      assert.deepEqual(settings.templatePatterns, ['draft only']);
      assert.ok(problems.some((p) => p.includes('rules.date-format')));
      assert.ok(problems.some((p) => p.includes('(unclosed')));
    });

    it('sorts and de-duplicates working days', () => {
      assert.deepEqual(coerceSettings({ workingDays: [5, 1, 3, 1] }).settings.workingDays, [1, 3, 5]);
    });

    it('names unknown settings but accepts $schema', () => {
      const { problems } = coerceSettings({ $schema: './schema.json', dayMonthOrdr: 'dmy' });
      assert.deepEqual(problems, ['dayMonthOrdr: unknown setting']);
    });

    it('lists every setting key', () => {
      assert.deepEqual([...SETTING_KEYS].sort(), Object.keys(DEFAULT_SETTINGS).sort());
    });
  });

  describe('settings change what is reported', () => {
    const rulesOf = (input: unknown) => checkText(PATH, PAGE, coerceSettings(input).settings).map((f) => `${f.rule}:${f.severity}:${f.span.start.line + 1}`);

    it('reports the ISO dates among DD/MM/YYYY ones by default', () => {
      assert.deepEqual(rulesOf({}), ['date-format:warning:14', 'date-format:warning:14']);
    });

    it('turns a rule off', () => {
      assert.deepEqual(rulesOf({ rules: { 'date-format': 'off' } }), []);
    });

    it('raises or lowers a rule\'s severity', () => {
      assert.deepEqual(rulesOf({ rules: { 'date-format': 'error' } }), ['date-format:error:14', 'date-format:error:14']);
      assert.deepEqual(rulesOf({ rules: { 'date-format': 'info' } }), ['date-format:info:14', 'date-format:info:14']);
    });

    it('requires the keys it is told to', () => {
      assert.deepEqual(rulesOf({ requiredKeys: ['title', 'date', 'weight', 'chapter'] }).filter((r) => r.startsWith('frontmatter-required')), ['frontmatter-required:warning:1']);
      assert.deepEqual(rulesOf({ requiredKeys: [] }).filter((r) => r.startsWith('frontmatter-required')), []);
    });

    it('reports a template pattern the user adds', () => {
      const findings = checkText(PATH, PAGE, coerceSettings({ templatePatterns: ['security groups'] }).settings).filter((f) => f.rule === 'template-leftover');
      assert.deepEqual(findings.map((f) => [f.span.start.line, f.span.start.character, f.span.end.character]), [[14, 18, 33]]);
    });
  });
});
