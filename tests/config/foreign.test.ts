/**
 * "Did you mean": a key one typo away from a setting (a letter missing, added, changed, two letters swapped, any
 * case) names that setting; a key that is only like one (a word of its name, a far miss) names none.
 */
import { describe, expect, it } from 'vitest';
import { didYouMean, foreignToolOf, isSlidevFrontMatter } from '../../src/config/foreign.js';
import { CONFIG_KEYS } from '../../src/config/schema.js';

describe('didYouMean', () => {
  it('names the setting a typo is of', () => {
    const typos: [string, string][] = [
      ['widht', 'width'], // two neighbours swapped: one edit
      ['tilte', 'title'],
      ['heigth', 'height'],
      ['ttile', 'title'],
      ['thme', 'theme'], // a letter missing
      ['themes', 'theme'], // one added
      ['thyme', 'theme'], // one changed
      ['Theme', 'theme'], // case is not an edit
      ['SLIDENUMBER', 'slideNumber'],
      ['pd', 'pdf'], // a short key may still be one edit off
    ];
    for (const [key, setting] of typos) expect(didYouMean(key, CONFIG_KEYS), key).toBe(setting);
  });

  it('allows one edit per four letters of the key, and no more', () => {
    expect(didYouMean('keywrods', CONFIG_KEYS)).toBe('keywords'); // 8 letters: 2 edits allowed, 1 made
    expect(didYouMean('kywords', CONFIG_KEYS)).toBe('keywords');
    expect(didYouMean('revealoptons', CONFIG_KEYS)).toBe('revealOptions'); // 12 letters, 2 edits
    expect(didYouMean('reveloptons', CONFIG_KEYS)).toBe('revealOptions'); // 11 letters, 2 edits
    expect(didYouMean('rvloptons', CONFIG_KEYS)).toBeUndefined(); // 9 letters, 4 edits
    expect(didYouMean('hieght', CONFIG_KEYS)).toBe('height'); // 6 letters: 1 edit (a swap)
    expect(didYouMean('heihgt', CONFIG_KEYS)).toBe('height');
    expect(didYouMean('hight', CONFIG_KEYS)).toBe('height');
    expect(didYouMean('hgt', CONFIG_KEYS)).toBeUndefined(); // 3 edits from height
    expect(didYouMean('tmee', CONFIG_KEYS)).toBeUndefined(); // 2 edits from theme, 4 letters
    // Two letters changed next to each other are two edits, even where one of them is a neighbour of the other.
    for (const key of ['writh', 'widha', 'witah']) expect(didYouMean(key, CONFIG_KEYS), key).toBeUndefined();
  });

  it('section data named like a part of a setting is not taken for a typo of it', () => {
    // Words a front matter block holds as data: each is the end or start of a setting's name, many edits away.
    for (const key of ['number', 'words', 'options', 'ratio', 'slide', 'reveal', 'year', 'model', 'layout', 'notes'])
      expect(didYouMean(key, CONFIG_KEYS), key).toBeUndefined();
  });

  it('names nothing with nothing to choose from', () => {
    expect(didYouMean('widht', [])).toBeUndefined();
  });
});

describe('foreignToolOf', () => {
  it('names the tool whose key it is, and no tool for a key of none', () => {
    expect(foreignToolOf('paginate')).toBe('Marp');
    expect(foreignToolOf('routerMode')).toBe('Slidev');
    expect(foreignToolOf('format')).toBe('Quarto');
    expect(foreignToolOf('model')).toBeUndefined();
  });
});

describe('isSlidevFrontMatter', () => {
  it('knows a Slidev headmatter by a key only Slidev defines, or by a value only Slidev gives a shared key', () => {
    // v-h-gn/lectures's week_02: only theme, title, transition and layout.
    expect(isSlidevFrontMatter({ theme: 'default', title: 'T', transition: 'slide-left', layout: 'intro' })).toBe(true);
    expect(isSlidevFrontMatter({ layout: 'two-cols' })).toBe(true);
    expect(isSlidevFrontMatter({ drawings: { persist: false } })).toBe(true);
    // reveal.js's transitions and this tool's layouts (some of them Slidev's names too) are not evidence.
    expect(isSlidevFrontMatter({ theme: 'default', transition: 'fade', layout: 'section' })).toBe(false);
    expect(isSlidevFrontMatter({ layout: 'title', title: 'T' })).toBe(false);
  });
});
