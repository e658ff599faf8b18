// Values remembered on the object they were computed from: an analysis on its page, findings on their analysis.
import { strict as assert } from 'node:assert';
import { memoSlot } from '../../src/core/memo';

describe('core memo slots', () => {
  it('give back what was set on the same object, and nothing for another', () => {
    const slot = memoSlot<object, number>('n');
    const a = { path: 'a.md' };
    const b = { path: 'a.md' };
    slot.set(a, 1);
    assert.equal(slot.get(a), 1);
    assert.equal(slot.get(b), undefined);
    slot.set(a, 2);
    assert.equal(slot.get(a), 2);
  });

  it('are separate per slot', () => {
    const first = memoSlot<object, string>('same name');
    const second = memoSlot<object, string>('same name');
    const page = {};
    first.set(page, 'first');
    assert.equal(second.get(page), undefined);
  });

  it('are invisible to copies, comparisons and JSON (a relabelled copy of a page must not inherit its analysis)', () => {
    const slot = memoSlot<object, string>('analysis');
    const page = { path: 'w.md', language: 'en' };
    slot.set(page, 'analysis of the English page');
    const copy = { ...page, language: 'vi' };
    assert.equal(slot.get(copy), undefined);
    assert.deepStrictEqual(page, { path: 'w.md', language: 'en' });
    assert.equal(JSON.stringify(page), '{"path":"w.md","language":"en"}');
    assert.deepEqual(Object.keys(page), ['path', 'language']);
  });

  it('remember nothing on a frozen object, without throwing', () => {
    const slot = memoSlot<object, number>('n');
    const frozen = Object.freeze({ path: 'f.md' });
    slot.set(frozen, 1);
    assert.equal(slot.get(frozen), undefined);
  });
});
