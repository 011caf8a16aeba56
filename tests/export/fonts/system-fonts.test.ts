import { describe, expect, it } from 'vitest';
import { fontFolders, listSystemFonts, type FontSearch, type SystemFont } from '../../../src/export/fonts/system-fonts.js';

const font = (file: string, family: string): SystemFont => ({
  file,
  index: 0,
  postScriptName: family.replace(/\s/g, ''),
  families: [family],
  weight: 400,
  style: 'normal',
});

/** A machine: its platform, whether fontconfig is there, and the files in its folders. */
function machine(platform: NodeJS.Platform, fcList: string | undefined, files: Record<string, string[]>): FontSearch & { read: string[] } {
  const read: string[] = [];
  return {
    platform,
    home: platform === 'win32' ? 'C:\\Users\\ann' : '/home/ann',
    env: platform === 'win32' ? { WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' } : {},
    fcList: async () => fcList,
    filesUnder: async (dir) => files[dir] ?? [],
    readNames: async (file) => {
      read.push(file);
      return [font(file, file.replace(/^.*[\\/]/, '').replace(/\.\w+$/, ''))];
    },
    read,
  };
}

describe('listSystemFonts: fc-list where it is, else the platform’s font folders', () => {
  it('uses fontconfig when fc-list runs, and reads no font file', async () => {
    const linux = machine('linux', '/usr/share/fonts/a.ttf|0|ASans|80|0|A Sans\n', { '/usr/share/fonts': ['/usr/share/fonts/b.ttf'] });
    const { fonts, source } = await listSystemFonts(linux);
    expect(source).toBe('fontconfig');
    expect(fonts.map((f) => f.families[0])).toEqual(['A Sans']);
    expect(linux.read).toEqual([]);
  });

  it('reads the macOS folders (system, library, the user’s) without fontconfig, font files only', async () => {
    const mac = machine('darwin', undefined, {
      '/System/Library/Fonts': ['/System/Library/Fonts/PingFang.ttc', '/System/Library/Fonts/readme.txt'],
      '/Library/Fonts': ['/Library/Fonts/Arial.TTF'],
      '/home/ann/Library/Fonts': ['/home/ann/Library/Fonts/NotoSansCJKtc-Regular.otf'],
    });
    const { fonts, source } = await listSystemFonts(mac);
    expect(source).toBe('font folders');
    expect(fonts.map((f) => f.families[0])).toEqual(['PingFang', 'Arial', 'NotoSansCJKtc-Regular']);
  });

  it('reads the Windows folders, the per-user one too', async () => {
    expect(fontFolders('win32', 'C:\\Users\\ann', { WINDIR: 'D:\\Win', LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' })).toEqual([
      expect.stringMatching(/^D:\\Win[\\/]Fonts$/),
      expect.stringMatching(/Local[\\/]Microsoft[\\/]Windows[\\/]Fonts$/),
    ]);
    expect(fontFolders('linux', '/home/ann', { XDG_DATA_HOME: '/data' })).toEqual([
      '/usr/share/fonts',
      '/usr/local/share/fonts',
      '/data/fonts',
      '/home/ann/.fonts',
    ]);
  });

  it('finds the real fonts here through the folders as fontconfig does', async () => {
    const real = await import('../../../src/export/fonts/system-fonts.js');
    const search = real.defaultFontSearch();
    const viaFontconfig = await listSystemFonts(search);
    const viaFolders = await listSystemFonts({ ...search, fcList: async () => undefined });
    expect(viaFolders.source).toBe('font folders');
    const names = (list: SystemFont[]) => new Set(list.map((f) => f.postScriptName));
    for (const name of names(viaFontconfig.fonts)) expect(names(viaFolders.fonts), name).toContain(name);
  });
});
