// Values remembered on the object they were computed from: an analysis on its page, findings on their analysis.
import { strict as assert } from 'node:assert';
import { memoByString, memoSlot } from '../../src/core/memo';
import { pathFacts } from '../../src/core/weeks';
import { twinKey } from '../../src/core/workspace';

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

describe('core memo by string', () => {
  it('works a key out once and gives back the same result, undefined included', () => {
    const calls: string[] = [];
    const f = memoByString((k) => {
      calls.push(k);
      return k === 'none' ? undefined : { length: k.length };
    });
    const a = f('abc');
    assert.deepEqual(a, { length: 3 });
    assert.equal(f('abc'), a);
    assert.equal(f('none'), undefined);
    assert.equal(f('none'), undefined);
    assert.deepEqual(calls, ['abc', 'none']);
  });

  it('starts over past its bound, and still answers right', () => {
    let calls = 0;
    const f = memoByString((k) => {
      calls++;
      return k.toUpperCase();
    }, 2);
    assert.equal(f('a'), 'A');
    assert.equal(f('b'), 'B');
    assert.equal(f('c'), 'C');
    assert.equal(f('a'), 'A');
    assert.equal(calls, 4);
  });

  it('path facts and twin keys asked twice read the same, and shared facts cannot be changed', () => {
    const path = 'content/vi/1-Worklog/1.5-Week5/_index.vi.md';
    const first = pathFacts(path);
    assert.deepEqual(pathFacts(path), first);
    assert.equal(first.folderWeek, 5);
    assert.equal(first.language, 'vi');
    assert.ok(Object.isFrozen(first), 'shared between callers, so frozen');
    assert.equal(twinKey(path), twinKey('content/en/1-Worklog/1.5-Week5/_index.en.md'));
  });
});
