/** Slidev's slot markers: the slide's Markdown cut into parts, arranged in the layout's places. */
import { describe, expect, it } from 'vitest';
import { arrangeSlots, slotParts, unplacedSlots } from '../../src/content/slidev-slots.js';

describe('Slidev slots', () => {
  it('cut the Markdown at markers on lines of their own, never in code, and keep no marker', () => {
    const parts = slotParts('# T\n\nleft\n\n::right::\n\nright\n\n```md\n::left::\n```\n\n::bottom::\nfoot\n');
    expect(parts.map((part) => part.name)).toEqual(['default', 'right', 'bottom']);
    expect(parts[1]!.markdown).toContain('```md\n::left::\n```');
    expect(parts.map((part) => part.markdown).join('')).not.toMatch(/^::(right|bottom)::/m);
    // Text before the first marker that is only blank is no part.
    expect(slotParts('\n::left::\na\n::right::\nb\n').map((part) => part.name)).toEqual(['left', 'right']);
  });

  it('start a part on the line after its marker, and keep a named part that is empty (a marker last in the slide too)', () => {
    expect(slotParts('a\n::right::\nb\n')).toEqual([
      { name: 'default', markdown: 'a\n' },
      { name: 'right', markdown: 'b\n' },
    ]);
    expect(slotParts('a\n::right::')).toEqual([
      { name: 'default', markdown: 'a\n' },
      { name: 'right', markdown: '' },
    ]);
    expect(slotParts('a\n::right::\n\n').map((part) => part.name)).toEqual(['default', 'right']);
  });

  it('take a marker right after a code block, and no marker that does not start its line (as Slidev reads them)', () => {
    expect(slotParts('```sh\nnpm i\n```\n::right::\nb\n').map((part) => part.name)).toEqual(['default', 'right']);
    expect(slotParts('- one\n  ::right::\nRust paths: std::fs::\n').map((part) => part.name)).toEqual(['default']);
  });

  it('take blanks inside a marker’s colons and names with dots, as Slidev’s slot sugar does', () => {
    expect(slotParts('a\n:: right ::\nb\n::\tbottom.note\t::  \nc')).toEqual([
      { name: 'default', markdown: 'a\n' },
      { name: 'right', markdown: 'b\n' },
      { name: 'bottom.note', markdown: 'c' },
    ]);
    expect(slotParts('a\n:: ::\n::right\n').map((part) => part.name)).toEqual(['default']);
  });

  it('arrange two-cols’ default slot and ::left:: in one left column; two-cols-header’s default part across the top', () => {
    const columns = arrangeSlots(
      [
        { name: 'default', html: '<h1>T</h1>' },
        { name: 'left', html: '<p>l</p>' },
        { name: 'right', html: '<p>r</p>' },
      ],
      'columns',
    );
    expect(columns).toBe(
      '<div class="slots slots-columns">\n<div class="slot slot-default">\n<h1>T</h1>\n<p>l</p>\n</div>\n<div class="slot slot-right">\n<p>r</p>\n</div>\n</div>',
    );
    const header = arrangeSlots(
      [
        { name: 'default', html: '<h1>T</h1>' },
        { name: 'left', html: 'l' },
        { name: 'right', html: 'r' },
        { name: 'bottom', html: 'b' },
      ],
      'header-columns',
    );
    expect([...header.matchAll(/class="slot (slot-\w+)"/g)].map((match) => match[1])).toEqual([
      'slot-header',
      'slot-left',
      'slot-right',
      'slot-bottom',
    ]);
  });

  it('put a side picture after the text (image-right) or before it (image-left), and name slots a layout has no place for', () => {
    const panel = { side: 'right' as const, kind: 'image' as const, url: 'a b.png', fit: 'cover' as const };
    expect(arrangeSlots([{ name: 'default', html: '<h1>T</h1>' }], 'stacked', panel)).toBe(
      '<div class="slots slots-panel-right">\n<div class="slot slot-default">\n<h1>T</h1>\n</div>\n<figure class="slot slot-image"><img src="a b.png" alt="" style="object-fit: cover"></figure>\n</div>',
    );
    expect(arrangeSlots([{ name: 'default', html: 'x' }], 'stacked', { ...panel, side: 'left' })).toMatch(/slots-panel-left">\n<figure/);
    expect(arrangeSlots([{ name: 'default', html: 'x' }], 'stacked', { side: 'right', kind: 'page', url: 'https://sli.dev' })).toBe(
      '<div class="slots slots-panel-right">\n<div class="slot slot-default">\nx\n</div>\n<figure class="slot slot-page">' +
        '<a class="slidev-link-card" href="https://sli.dev"><span class="slidev-link-card-label">Web page</span> https://sli.dev</a></figure>\n</div>',
    );
    expect(
      arrangeSlots(
        [
          { name: 'default', html: 'a' },
          { name: 'col2', html: 'b' },
        ],
        'stacked',
      ),
    ).toBe('a\nb');
    expect(unplacedSlots(slotParts('a\n::right::\nb\n::col3::\nc\n'), 'columns')).toEqual(['::col3::']);
    // Shown all the same, in the default place: two-cols' left column.
    const unplaced = [
      { name: 'default', html: 'a' },
      { name: 'right', html: 'b' },
      { name: 'col3', html: 'c' },
    ];
    expect(arrangeSlots(unplaced, 'columns')).toBe(
      '<div class="slots slots-columns">\n<div class="slot slot-default">\na\nc\n</div>\n<div class="slot slot-right">\nb\n</div>\n</div>',
    );
    expect(unplacedSlots(slotParts('a\n::right::\nb\n'), 'stacked')).toEqual(['::right::']);
  });
});
