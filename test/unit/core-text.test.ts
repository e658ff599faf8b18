// Offsets, positions and edits: every range shown and every fix applied goes through these.
import { strict as assert } from 'node:assert';
import type { TextEdit } from '../../src/core/model';
import { applyEdits, comparePositions, editsOverlap, LineIndex, span, spanContains } from '../../src/core/text';

function edit(l1: number, c1: number, l2: number, c2: number, newText: string): TextEdit {
  return { span: span(l1, c1, l2, c2), newText };
}

describe('core text', () => {
  describe('LineIndex', () => {
    const text = 'ab\r\ncd\n\r\nlast';
    const index = new LineIndex(text);

    it('splits lines at \\n and leaves a \\r out of the line', () => {
      assert.equal(index.lineCount, 4);
      assert.deepEqual([0, 1, 2, 3].map((l) => index.lineText(l)), ['ab', 'cd', '', 'last']);
      assert.deepEqual(index.starts, [0, 4, 7, 9]);
      assert.equal(index.lineEnd(0), 2);
      assert.equal(index.lineEnd(3), text.length);
    });

    it('maps offsets to positions and back', () => {
      assert.deepEqual(index.positionAt(5), { line: 1, character: 1 });
      assert.equal(index.offsetAt({ line: 1, character: 1 }), 5);
      assert.deepEqual(index.positionAt(text.length), { line: 3, character: 4 });
      for (let offset = 0; offset <= text.length; offset++) {
        if (text[offset - 1] === '\r' || text[offset] === '\n') continue; // inside a line break
        assert.equal(index.offsetAt(index.positionAt(offset)), offset, `offset ${offset}`);
      }
    });

    it('clamps positions past a line end or past the text, and never lands inside \\r\\n', () => {
      assert.deepEqual(index.positionAt(3), { line: 0, character: 2 }, 'the \\n of \\r\\n is the end of line 0');
      assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
      assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
      assert.equal(index.offsetAt({ line: 99, character: 0 }), text.length);
      assert.equal(index.offsetAt({ line: -1, character: 5 }), 0);
      assert.deepEqual(index.positionAt(999), { line: 3, character: 4 });
    });

    it('counts a BOM as character 0 of line 0', () => {
      const bom = new LineIndex('\uFEFF---\ntitle: x');
      assert.deepEqual(bom.positionAt(1), { line: 0, character: 1 });
      assert.equal(bom.lineText(0), '\uFEFF---');
    });

    it('handles an empty text', () => {
      const empty = new LineIndex('');
      assert.equal(empty.lineCount, 1);
      assert.equal(empty.lineText(0), '');
      assert.deepEqual(empty.positionAt(0), { line: 0, character: 0 });
    });
  });

  describe('applyEdits', () => {
    const text = '| Mon | 15/09/2025 | 14/09/2025 |\n| Tue | task |\n';

    it('applies edits given in any order', () => {
      const out = applyEdits(text, [edit(0, 21, 0, 31, '15/09/2025'), edit(0, 8, 0, 18, '14/09/2025')]);
      assert.equal(out, '| Mon | 14/09/2025 | 15/09/2025 |\n| Tue | task |\n');
    });

    it('applies insertions, deletions and edits across lines', () => {
      assert.equal(applyEdits(text, [edit(1, 14, 1, 14, '  |')]), '| Mon | 15/09/2025 | 14/09/2025 |\n| Tue | task |  |\n');
      assert.equal(applyEdits(text, [edit(0, 33, 1, 0, ' ')]), '| Mon | 15/09/2025 | 14/09/2025 | | Tue | task |\n');
      assert.equal(applyEdits(text, [edit(1, 0, 1, 0, '\n')]), '| Mon | 15/09/2025 | 14/09/2025 |\n\n| Tue | task |\n');
    });

    it('applies edits that touch end to start', () => {
      assert.equal(applyEdits('abcdef', [edit(0, 0, 0, 3, 'X'), edit(0, 3, 0, 6, 'Y')]), 'XY');
    });

    it('refuses overlapping edits', () => {
      assert.throws(() => applyEdits(text, [edit(0, 2, 0, 10, 'a'), edit(0, 8, 0, 12, 'b')]), /overlapping/);
    });

    it('keeps CRLF line ends it does not touch', () => {
      assert.equal(applyEdits('a\r\nb\r\n', [edit(1, 0, 1, 1, 'c')]), 'a\r\nc\r\n');
    });
  });

  describe('editsOverlap', () => {
    it('tells apart overlapping, touching and separate edits', () => {
      assert.equal(editsOverlap([edit(0, 0, 0, 5, 'x')], [edit(0, 3, 0, 8, 'y')]), true);
      assert.equal(editsOverlap([edit(0, 0, 0, 5, 'x')], [edit(0, 5, 0, 8, 'y')]), false);
      assert.equal(editsOverlap([edit(0, 0, 0, 5, 'x')], [edit(1, 0, 1, 2, 'y')]), false);
      assert.equal(editsOverlap([edit(0, 2, 0, 3, 'x'), edit(2, 0, 2, 1, 'x')], [edit(2, 0, 2, 4, 'y')]), true);
    });

    it('treats two insertions at one point as conflicting (their order would be arbitrary)', () => {
      assert.equal(editsOverlap([edit(5, 0, 5, 0, 'a\n')], [edit(5, 0, 5, 0, 'b\n')]), true);
    });
  });

  describe('positions', () => {
    it('compares positions and spans', () => {
      assert.ok(comparePositions({ line: 1, character: 9 }, { line: 2, character: 0 }) < 0);
      assert.equal(comparePositions({ line: 2, character: 3 }, { line: 2, character: 3 }), 0);
      assert.ok(spanContains(span(1, 0, 3, 0), span(2, 5, 2, 9)));
      assert.ok(!spanContains(span(1, 0, 2, 0), span(1, 5, 2, 1)));
    });
  });
});
