import { describe, expect, it } from 'vitest';
import { installHint, missingFamilies } from '../../../src/export/fonts/missing.js';

describe('missing fonts', () => {
  it('finds the first choices no installed font has among its family names, in any case', () => {
    const installed = [
      {
        file: '/f.ttc',
        index: 3,
        postScriptName: 'NotoSansCJKtc-Regular',
        families: ['Noto Sans CJK TC'],
        weight: 400,
        style: 'normal' as const,
      },
    ];
    const choices = [
      { family: 'noto sans cjk tc', slideId: 's1', sample: '標題' },
      { family: 'Nowhere Sans Pro', slideId: 's2', sample: 'Text' },
    ];
    expect(missingFamilies(choices, installed).map((choice) => choice.family)).toEqual(['Nowhere Sans Pro']);
  });

  it('says how to install a font on each platform', () => {
    expect(installHint('Noto Sans CJK TC', 'linux', 'fontconfig')).toContain('apt-get install fonts-noto-cjk');
    expect(installHint('Lato', 'linux', 'fontconfig')).toContain('fc-cache');
    expect(installHint('Lato', 'darwin', 'font folders')).toContain('Library/Fonts');
    expect(installHint('Lato', 'win32', 'font folders')).toContain('Install');
  });
});
