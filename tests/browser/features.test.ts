import { describe, expect, it } from 'vitest';
import { mergeFeatureSwitches } from '../../src/browser/features.js';

describe('mergeFeatureSwitches', () => {
  it('merges every --disable-features list into the first one, keeping order and dropping repeats', () => {
    expect(
      mergeFeatureSwitches([
        '--a',
        '--disable-features=Translate,MediaRouter',
        '--b',
        '--disable-features=MediaRouter,WebUIOmniboxPopup',
        'about:blank',
      ]),
    ).toEqual(['--a', '--disable-features=Translate,MediaRouter,WebUIOmniboxPopup', '--b', 'about:blank']);
  });

  it('merges --enable-features apart from --disable-features, and leaves other flags as they are', () => {
    expect(
      mergeFeatureSwitches([
        '--enable-features=PdfOopif',
        '--disable-features=A',
        '--enable-features=B,',
        '--headless=new',
        '--disable-features=',
      ]),
    ).toEqual(['--enable-features=PdfOopif,B', '--disable-features=A', '--headless=new']);
  });

  it('changes nothing without feature switches', () => {
    expect(mergeFeatureSwitches(['--no-sandbox', '--user-data-dir=/tmp/x'])).toEqual(['--no-sandbox', '--user-data-dir=/tmp/x']);
  });
});
