/** Marp's headingDivider: a slide starts before each heading of the levels given, never an empty one. */
import { describe, expect, it } from 'vitest';
import { divideAtHeadings } from '../../src/content/heading-divider.js';

describe('divideAtHeadings', () => {
  it('starts a slide before # and ## (headingDivider: 2), not ###, not in code, not with nothing before it', () => {
    const text = '<!-- _class: lead -->\n# Title\n\nBy me\n\n## One\n\n### Detail\n\n```md\n## not a heading\n```\n\n# Two\n';
    const pieces = divideAtHeadings([[{ text, offset: 100 }]], [1, 2]);
    expect(pieces.map((stack) => stack.map((chunk) => chunk.text))).toEqual([
      ['<!-- _class: lead -->\n# Title\n\nBy me\n\n'],
      ['## One\n\n### Detail\n\n```md\n## not a heading\n```\n\n'],
      ['# Two\n'],
    ]);
    expect(pieces.map((stack) => stack[0]!.offset)).toEqual([100, 100 + text.indexOf('## One'), 100 + text.indexOf('# Two')]);
  });

  it('starts a slide at a heading on the line right after a code block', () => {
    const text = '## Install\n\n```sh\nnpm i\n```\n## Use\n';
    expect(divideAtHeadings([[{ text, offset: 0 }]], [2]).map((stack) => stack[0]!.text)).toEqual([
      '## Install\n\n```sh\nnpm i\n```\n',
      '## Use\n',
    ]);
  });

  it('makes no empty slide of a `---` right before a heading (Marp CLI 4.5 makes one there)', () => {
    const stacks = [[{ text: 'Intro\n', offset: 0 }], [{ text: '\n<!-- _class: invert -->\n\n## Quote\n\n> Words\n', offset: 10 }]];
    expect(divideAtHeadings(stacks, [1, 2])).toEqual(stacks);
  });

  it('divides at the listed levels only, and keeps a vertical stack one stack', () => {
    const stack = [
      { text: '## A\n\n### B\n', offset: 0 },
      { text: '### C\n\ntext\n\n### D\n', offset: 20 },
    ];
    expect(divideAtHeadings([stack], [3]).map((s) => s.map((chunk) => chunk.text))).toEqual([
      ['## A\n\n', '### B\n', '### C\n\ntext\n\n', '### D\n'],
    ]);
  });
});
