/**
 * Slidev's front matter on a slide (`---` / `layout: center` / `---`): the next slide's settings, not a slide of
 * its own, and only when the block is YAML; a slide of text that happens to hold a colon stays a slide.
 */
import { describe, expect, it } from 'vitest';
import { DIMMED_PICTURE, foldSlideFrontMatter, headmatterSlide, slideFrontMatter } from '../../src/content/slidev-front-matter.js';

/** The block read as the front matter of a slide in a deck written for Slidev. */
const inSlidevDeck = (text: string) => slideFrontMatter(text, true);

describe('a Slidev slide’s front matter', () => {
  it('gives the slide’s <section> what reveal.js has: its class, a colour or a dimmed picture behind it, its transition', () => {
    expect(inSlidevDeck('class: text-center\nbackground: "#1e293b"\ntransition: fade-out')).toEqual({
      attributes: { class: 'text-center', 'data-background-color': '#1e293b', 'data-transition': 'fade' },
      ignored: [],
    });
    expect(inSlidevDeck('background: /images/cover.png')!.attributes).toEqual({
      ...DIMMED_PICTURE,
      'data-background-image': '/images/cover.png',
    });
  });

  it('takes a colour with a decimal or a slash (rgba(…, 0.8), rgb(… / 80%)) as a colour, not as a picture’s path', () => {
    expect(inSlidevDeck('background: rgba(15, 23, 42, 0.8)')!.attributes).toEqual({ 'data-background-color': 'rgba(15, 23, 42, 0.8)' });
    expect(inSlidevDeck('background: rgb(30 41 59 / 80%)')!.attributes).toEqual({ 'data-background-color': 'rgb(30 41 59 / 80%)' });
  });

  it('hides the slide for `hide: true` or `disabled: true` and leaves it out of <Toc> for `hideInToc: true`; `false` changes nothing', () => {
    expect(inSlidevDeck('hide: true')!.attributes).toEqual({ 'data-visibility': 'hidden' });
    expect(inSlidevDeck('disabled: true')!.attributes).toEqual({ 'data-visibility': 'hidden' });
    expect(inSlidevDeck('hideInToc: true')!.attributes).toEqual({ 'data-hide-in-toc': '' });
    expect(inSlidevDeck('hide: false\ndisabled: false\nhideInToc: false')).toEqual({ attributes: {}, ignored: [] });
  });

  it('names the layout with the props Slidev’s layouts read; a prop without a layout is the default layout’s', () => {
    expect(inSlidevDeck('layout: image-right\nimage: /photo.png\nbackgroundSize: contain')).toEqual({
      attributes: {},
      layout: { name: 'image-right', props: { image: '/photo.png', backgroundSize: 'contain' } },
      ignored: [],
    });
    // Slidev's own layout `none`, not reveal.js's transition of that name.
    expect(inSlidevDeck('layout: none')).toEqual({ attributes: {}, layout: { name: 'none', props: {} }, ignored: [] });
    expect(inSlidevDeck('image: /photo.png')).toEqual({ attributes: {}, layout: { props: { image: '/photo.png' } }, ignored: [] });
  });

  it('names for the warning what it does not read, a setting left empty or of the wrong kind too, but not the title (the slide’s heading is)', () => {
    expect(inSlidevDeck('title: Intro\nclicks: 3\nsrc: ./pages/intro.md')!.ignored).toEqual(['clicks: 3', 'src: ./pages/intro.md']);
    expect(inSlidevDeck('layout:\nbackground:\ntransition:\n  name: fade')).toEqual({
      attributes: {},
      ignored: ['layout: null', 'background: null', 'transition: {"name":"fade"}'],
    });
    expect(inSlidevDeck('class:\n- text-center\n- px-8')).toEqual({ attributes: {}, ignored: ['class: ["text-center","px-8"]'] });
    expect(inSlidevDeck('transition:\n- fade')).toEqual({ attributes: {}, ignored: ['transition: ["fade"]'] });
  });

  it('is any YAML block: comments, lists at the margin, an indent of one space', () => {
    expect(inSlidevDeck('layout: center\n# the quote alone')!.layout).toEqual({ name: 'center', props: {} });
    expect(inSlidevDeck('layout: two-cols\nlinks:\n- https://sli.dev')!.ignored).toEqual(['links: ["https://sli.dev"]']);
    expect(inSlidevDeck('dragPos:\n square: 691,32,167,_,-16')!.ignored).toEqual(['dragPos: {"square":"691,32,167,_,-16"}']);
  });

  it('is read with the line breaks a separator that keeps them (`^---$`) leaves around it', () => {
    expect(inSlidevDeck('\nlayout: center\n')!.layout).toEqual({ name: 'center', props: {} });
    expect(inSlidevDeck('\r\nlayout: center\r\n')!.layout).toEqual({ name: 'center', props: {} });
  });

  it('is not a slide of text: a heading first, a blank line, a line of prose or with a label of two words, a YAML error, a bare link', () => {
    for (const text of [
      '# Goal: ship v2\nOwner: Alex',
      'layout: center\n\nclass: lead',
      'layout: center\nWelcome to the talk',
      'Speaker: Alex Doe\nSlides and code: github.com/alex/talk',
      'layout: center\nlayout: cover',
      'https://sli.dev',
      '- one\n- two',
    ]) {
      expect(inSlidevDeck(text), text).toBeUndefined();
    }
  });

  it('outside a deck written for Slidev, needs a key Slidev defines: `Status: done` is a slide', () => {
    expect(slideFrontMatter('Status: done', false)).toBeUndefined();
    expect(slideFrontMatter('Status: done', true)).toEqual({ attributes: {}, ignored: ['Status: done'] });
    expect(slideFrontMatter('layout: center', false)!.layout).toEqual({ name: 'center', props: {} });
  });
});

describe('a Slidev deck’s headmatter', () => {
  it('gives the first slide its layout, class and background; the deck’s settings (theme, title, transition, hide) are not the slide’s', () => {
    expect(
      headmatterSlide({
        theme: 'seriph',
        title: 'Shipping a Design System',
        transition: 'slide-left',
        hide: true,
        layout: 'cover',
        class: 'text-center',
        background: '#0f172a',
      }),
    ).toEqual({
      attributes: { class: 'text-center', 'data-background-color': '#0f172a' },
      layout: { name: 'cover', props: {} },
      ignored: [],
    });
  });
});

describe('folding front matter into the slide after it', () => {
  const chunk = (text: string, offset = 0) => ({ text, offset });

  it('gives the next slide the block’s settings and keeps the block for the warning’s line', () => {
    const matter = chunk('class: lead\nclicks: 2', 5);
    const slide = chunk('# Next', 30);
    expect(foldSlideFrontMatter([[chunk('# First')], [matter], [slide]], false)).toEqual([
      [{ chunk: chunk('# First'), attributes: {} }],
      [{ chunk: slide, attributes: { class: 'lead' }, frontMatter: { chunk: matter, ignored: ['clicks: 2'] } }],
    ]);
  });

  it('leaves a block with no slide after it a slide, and one that heads a vertical stack (Slidev’s follows a `---`)', () => {
    const last = [[chunk('# First')], [chunk('class: lead')]];
    expect(foldSlideFrontMatter(last, false)).toEqual(last.map((stack) => stack.map((c) => ({ chunk: c, attributes: {} }))));
    const vertical = [[chunk('class: lead'), chunk('# Down')], [chunk('# Next')]];
    expect(foldSlideFrontMatter(vertical, false)).toEqual(vertical.map((stack) => stack.map((c) => ({ chunk: c, attributes: {} }))));
  });
});
