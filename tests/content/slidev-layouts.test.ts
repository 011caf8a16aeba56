/** Slidev's built-in layouts, each placed by the closest of this tool's layouts. */
import { describe, expect, it } from 'vitest';
import { placeSlidevLayout } from '../../src/content/slidev-layouts.js';

describe('Slidev layouts', () => {
  it('place text layouts with this tool’s: cover, intro, section, statement and center as a statement, fact as a big number, end as the closing', () => {
    const layouts = ['default', 'cover', 'intro', 'section', 'statement', 'center', 'fact', 'end', 'full', 'none'];
    expect(layouts.map((name) => [name, placeSlidevLayout(name, {}, '# T\n').layout])).toEqual([
      ['default', 'default'],
      ['cover', 'statement'],
      ['intro', 'statement'],
      ['section', 'statement'],
      ['statement', 'statement'],
      ['center', 'statement'],
      ['fact', 'big-number'],
      ['end', 'closing'],
      ['full', 'default'],
      ['none', 'default'],
    ]);
    expect(placeSlidevLayout('center', {}, '').attributes).toEqual({ class: 'slidev-center' });
    // Only center centres its text across: a cover's or a section's text keeps the statement's own alignment.
    expect(placeSlidevLayout('cover', {}, '').attributes).toEqual({});
  });

  it('places a quote as the quote layout when the slide has a blockquote, else as a statement (its heading is the quote)', () => {
    expect(placeSlidevLayout('quote', {}, '> Less is more.\n\nMies\n').layout).toBe('quote');
    expect(placeSlidevLayout('quote', {}, '# "Less is more."\n\nMies\n').layout).toBe('statement');
    expect(placeSlidevLayout('quote', {}, '# "Less is more."\n\n<small>Mies</small>\n').layout).toBe('statement');
  });

  it('places two-cols and two-cols-header in two columns with their slots, image-right’s picture and iframe-left’s page beside the text', () => {
    expect(placeSlidevLayout('two-cols', {}, '')).toEqual({ layout: 'two-columns', slots: 'columns', attributes: {} });
    expect(placeSlidevLayout('two-cols-header', {}, '')).toEqual({ layout: 'two-columns', slots: 'header-columns', attributes: {} });
    expect(placeSlidevLayout('image-right', { image: './a.png', backgroundSize: 'contain' }, '').panel).toEqual({
      side: 'right',
      kind: 'image',
      url: './a.png',
      fit: 'contain',
    });
    expect(placeSlidevLayout('image-left', { image: 'a.png' }, '').panel).toMatchObject({ side: 'left', fit: 'cover' });
    expect(placeSlidevLayout('iframe-left', { url: 'https://example.com' }, '').panel).toMatchObject({ side: 'left', kind: 'page' });
    expect(placeSlidevLayout('iframe-right', { url: 'https://example.com' }, '')).toEqual({
      layout: 'two-columns',
      slots: 'stacked',
      attributes: {},
      panel: { side: 'right', kind: 'page', url: 'https://example.com' },
    });
    expect(placeSlidevLayout('iframe', { url: 'https://example.com' }, '')).toMatchObject({
      layout: 'default',
      page: 'https://example.com',
    });
  });

  it('makes the image layout’s picture the slide’s background, on black (Slidev’s white text)', () => {
    expect(placeSlidevLayout('image', { image: 'a.png' }, '# Over the picture\n')).toEqual({
      layout: 'default',
      slots: 'stacked',
      attributes: {
        'data-background-color': '#000',
        'data-background-image': 'a.png',
        'data-background-size': 'cover',
      },
    });
  });

  it('reads image: and backgroundSize: without the blanks around them; a size that enlarges the picture past its panel crops it, as cover does', () => {
    expect(placeSlidevLayout('image-left', { image: ' ./a.png ', backgroundSize: ' contain' }, '').panel).toEqual({
      side: 'left',
      kind: 'image',
      url: './a.png',
      fit: 'contain',
    });
    expect(placeSlidevLayout('image-left', { image: 'a.png', backgroundSize: 'auto' }, '').panel).toMatchObject({ fit: 'contain' });
    expect(placeSlidevLayout('image-left', { image: 'a.png', backgroundSize: '120% auto' }, '').panel).toMatchObject({ fit: 'cover' });
  });

  it('uses the default layout, with a warning, for a layout of a theme’s and for an image or iframe layout without its picture or page', () => {
    expect(placeSlidevLayout('my-layout', {}, '')).toMatchObject({
      layout: 'default',
      warning: expect.stringContaining('layout: my-layout is not one of'),
    });
    expect(placeSlidevLayout('image-right', {}, '')).toMatchObject({ layout: 'default', warning: expect.stringContaining('no image:') });
    expect(placeSlidevLayout('iframe', {}, '')).toMatchObject({ layout: 'default', warning: expect.stringContaining('no url:') });
    expect(placeSlidevLayout('image', { image: '  ' }, '')).toEqual({
      layout: 'default',
      slots: 'stacked',
      attributes: {},
      warning: 'layout: image has no image: to show; the slide uses the default layout',
    });
    expect(placeSlidevLayout('iframe-left', {}, '')).toEqual({
      layout: 'default',
      slots: 'stacked',
      attributes: {},
      warning: 'layout: iframe-left has no url: to show; the slide uses the default layout',
    });
    // A layout this tool has and Slidev does not is used as it is.
    expect(placeSlidevLayout('big-number', {}, '')).toEqual({ layout: 'big-number', slots: 'stacked', attributes: {} });
  });
});
