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
    expect(unplacedSlots(slotParts('a\n::right::\nb\n'), 'stacked')).toEqual(['::right::']);
  });
});
