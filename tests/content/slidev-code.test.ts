/** Slidev's code block info strings: line highlights as reveal.js's, its interactive extras dropped. */
import { describe, expect, it } from 'vitest';
import { dropSnippetImports, slidevCodeInfo } from '../../src/content/slidev-code.js';
import { fencedRanges } from '../../src/content/split.js';

describe('Slidev code info', () => {
  it('reads {2,3} and {all|2|1-6} as reveal.js line-highlight steps, `all` and `*` as every line', () => {
    expect(slidevCodeInfo('ts {2,3}')).toEqual({ language: 'ts', lineNumbers: '2,3' });
    expect(slidevCodeInfo('ts {all|2|1-6|9|all}')).toEqual({ language: 'ts', lineNumbers: '|2|1-6|9|' });
    expect(slidevCodeInfo('ts {*|2-3}')).toEqual({ language: 'ts', lineNumbers: '|2-3' });
  });

  it('drops a file name, {monaco}, {monaco-run}, twoslash and options, leaving the language', () => {
    expect(slidevCodeInfo('ts [filename-example.ts] {all|4|6} twoslash')).toEqual({ language: 'ts', lineNumbers: '|4|6' });
    expect(slidevCodeInfo('ts {monaco}')).toEqual({ language: 'ts' });
    expect(slidevCodeInfo('ts {monaco-run} {autorun:false}')).toEqual({ language: 'ts' });
    expect(slidevCodeInfo('ts twoslash')).toEqual({ language: 'ts' });
    expect(slidevCodeInfo('js {2|3}{lines:true}')).toEqual({ language: 'js', lineNumbers: '2|3' });
    expect(slidevCodeInfo('{all}')).toEqual({ language: '' });
    // hide and none have no reveal.js step: they show the block plain, but keep their click.
    expect(slidevCodeInfo('ts {hide|none|2|all}')).toEqual({ language: 'ts', lineNumbers: '||2|' });
    expect(slidevCodeInfo('ts {1|hidden}')).toEqual({ language: 'ts' });
  });

  it('reads the language up to a file name or braces written without a blank, and blanks inside the steps', () => {
    expect(slidevCodeInfo('ts[app.ts] {2|3}')).toEqual({ language: 'ts', lineNumbers: '2|3' });
    expect(slidevCodeInfo('ts{ 1 - 2 | all }')).toEqual({ language: 'ts', lineNumbers: '1-2|' });
    expect(slidevCodeInfo('c++ {*}{lines:true}')).toEqual({ language: 'c++' });
  });

  it('reads highlights in the first braces only, as Slidev does: braces after them are options', () => {
    // Slidev's reCodeBlock takes `{...}` right after the language as the highlights, and a second `{...}` as options.
    expect(slidevCodeInfo('ts {lines:true} {2|3}')).toEqual({ language: 'ts' });
    expect(slidevCodeInfo('ts {} {2|3}')).toEqual({ language: 'ts' });
  });

  it('leaves out snippet imports (<<< @/file#region) on lines of their own, not in code, naming each', () => {
    const markdown = '# Code\n\n<<< @/snippets/external.ts#snippet\n\n```md\n<<< @/in/code.ts\n```\n';
    expect(dropSnippetImports(markdown, fencedRanges(markdown))).toEqual({
      markdown: '# Code\n\n\n```md\n<<< @/in/code.ts\n```\n',
      dropped: ['<<< @/snippets/external.ts#snippet'],
    });
  });

  it('leaves in an import in the second of two code blocks, and drops one right after a block’s closing fence', () => {
    const markdown = '```ts\nlet a\n```\n<<< @/snippets/a.ts\n\n```md\n<<< @/in/code.ts\n```\n';
    expect(dropSnippetImports(markdown, fencedRanges(markdown))).toEqual({
      markdown: '```ts\nlet a\n```\n\n```md\n<<< @/in/code.ts\n```\n',
      dropped: ['<<< @/snippets/a.ts'],
    });
  });
});
