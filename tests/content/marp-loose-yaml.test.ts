/** Marp's loose YAML: a directive's value is text as written (`backgroundColor: #fff`, `_footer: Q&A: ask us`). */
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';
import { looseMarpYaml } from '../../src/content/marp-loose-yaml.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const { folder } = useTempFolder('deck-marp-loose-');

describe('looseMarpYaml', () => {
  it('quotes a directive’s value that YAML would cut or refuse, line for line, escaping quotes and backslashes', () => {
    expect(looseMarpYaml('backgroundColor: #fff\n_footer:  Q&A: "ask" us  \n')).toBe(
      'backgroundColor: "#fff"\n_footer:  "Q&A: \\"ask\\" us"\n',
    );
    expect(looseMarpYaml(' _class: #lead ')).toBe(' _class: "#lead"');
    expect(looseMarpYaml('"_header": C:\\talks\r\n\'color\':\t#123')).toBe('"_header": "C:\\\\talks"\r\n\'color\':\t"#123"');
  });

  it('leaves typed values, quoted and block values, YAML’s own marks and other keys as written', () => {
    const kept = [
      'paginate: true',
      '_paginate: false',
      'headingDivider: 2',
      'size: -1.5',
      'footer: "quoted"',
      "header: 'single'",
      'style: |',
      '  h1 { color: red }',
      'class: [lead, invert]',
      'backgroundImage: >',
      '_footer: *Draft*',
      'header: &anchor x',
      'footer: ~',
      'footer: {a: 1}',
      'footer:',
      'footer:  ',
      'note: #not a directive',
      'xfooter: #no',
      'backgroundColorx: #no',
    ].join('\n');
    expect(looseMarpYaml(kept)).toBe(kept);
  });
});

describe('a Marp deck read with loose YAML', () => {
  it('takes a # colour and a footer with a colon, in front matter and in comments, as Marp does; other decks are plain YAML', async () => {
    const talk = [
      '---\nmarp: true\nbackgroundColor: #fafafa\nfooter: Q&A: ask anything\n---\n\n# One',
      '<!-- _backgroundColor: #123456 -->\n<!--\n_header: Part 2: practice\n_color: #fff\n-->\n\n# Two',
    ].join('\n\n---\n\n');
    const deck = await loadDeck(folder('marp', { 'talk.md': talk }));
    expect(
      deck.slides.map((slide) => [
        slide.attributes['data-background-color'],
        slide.attributes['data-color'],
        slide.marginals?.header,
        slide.marginals?.footer,
        slide.notes,
      ]),
    ).toEqual([
      ['#fafafa', undefined, undefined, 'Q&amp;A: ask anything', ''],
      ['#123456', '#fff', 'Part 2: practice', 'Q&amp;A: ask anything', ''],
    ]);
    expect(deck.warnings).toEqual([]);
    const reveal = await loadDeck(folder('reveal', { 'talk.md': '---\nfooter: #x\n---\n\n# One\n' }));
    expect(reveal.config).not.toHaveProperty('footer', '#x');
  });
});
