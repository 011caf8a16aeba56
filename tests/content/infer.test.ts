/** A deck that does not say its title or language: its first heading, and the language of its text's script. */
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';
import { inferLang, inferTitle } from '../../src/content/infer.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const { folder } = useTempFolder('infer-content-');

const deckOf = async (name: string, files: Record<string, string>) => (await loadDeck(folder(name, files))).config;

describe('a deck without lang', () => {
  it.each([
    ['en', '# Scaling laws\n\nModels get better with more data.\n\nNote: Pause here.\n'],
    ['zh-Hant', '# 技術的飛躍\n\nGPT-4 與 GPT-4o：OpenAI 在這一年發表的模型，會說話也會看圖。\n'],
    ['zh-Hans', '# 技术的飞跃\n\nGPT-4 与 GPT-4o：OpenAI 在这一年发表的模型，会说话也会看图。\n'],
    ['ja', '# 大規模言語モデル\n\nGPT-4 は画像も読めるようになりました。\n'],
    ['ko', '# 대규모 언어 모델\n\nGPT-4는 이미지도 읽을 수 있습니다.\n'],
    ['ru', '# Языковые модели\n\nGPT-4 понимает изображения.\n'],
    ['el', '# Γλωσσικά μοντέλα\n\nΤο GPT-4 καταλαβαίνει εικόνες.\n'],
  ])('is %s when its text is', async (lang, slide) => {
    expect((await deckOf(`lang-${lang}`, { '01.md': slide })).lang).toBe(lang);
  });

  it.each([
    ['one kana in ten CJK letters is a quote in a Chinese talk', 'zh-Hant', '# 這是中文的標題文字\n\nア\n'],
    ['Hangul must outnumber Han and kana to be Korean', 'zh-Hant', '# 한국 漢字\n'],
    ['more Traditional-only than Simplified-only characters', 'zh-Hant', '# 這說時们这\n'],
    ['more Simplified-only than Traditional-only characters', 'zh-Hans', '# 们这说這說\n'],
    ['Han with neither kind of character', 'zh-Hant', '# 模型大小\n'],
    ['as many Latin as Cyrillic letters', 'en', '# Hi Да\n'],
    ['a Korean greeting in an English talk', 'en', '# Welcome to Seoul\n\n안녕하세요 means hello.\n'],
    ['a Japanese greeting in an English talk', 'en', '# Welcome to Tokyo\n\nこんにちは means hello.\n'],
    ['Hangul that is exactly a fifth of the letters', 'ko', '# Hello Seoul\n\n안녕하세요 means hello.\n'],
    [
      'a link whose address is long: tags and addresses are not text',
      'zh-Hant',
      '# 模型\n\n[看](https://example.com/a-very-long-address)\n',
    ],
  ])('%s: %s', async (name, lang, slide) => {
    expect((await deckOf(`lang-${name.replace(/\W+/g, '-')}`, { '01.md': slide })).lang).toBe(lang);
  });

  it('is Chinese for a Chinese talk full of Latin names, and code does not count', async () => {
    const slide =
      '# 模型一覽\n\nGPT-1、GPT-2、GPT-3、Codex、InstructGPT、GPT-4 與 GPT-4o，一代比一代強。\n\n```js\nconst models = ["GPT-1", "GPT-2", "GPT-3", "Codex", "InstructGPT"];\nexport function latestModelName(list) { return list.at(-1); }\n```\n';
    expect((await deckOf('lang-latin-names', { '01.md': slide })).lang).toBe('zh-Hant');
  });

  it('keeps the default when there is no text at all, and never overrides what the deck sets', async () => {
    expect((await deckOf('lang-empty', { '01.md': '<!-- .slide: data-background="#123" -->\n' })).lang).toBe('zh-Hant');
    expect((await deckOf('lang-front', { '01.md': '---\nlang: de\n---\n# 技術的飛躍\n' })).lang).toBe('de');
    expect((await deckOf('lang-file', { '01.md': '# Scaling laws\n', 'deck.config.yaml': 'lang: zh-Hant\n' })).lang).toBe('zh-Hant');
  });

  it('is the fallback it is given when there is no letter, whatever the default language', () => {
    expect(inferLang([], 'en')).toBe('en');
  });
});

describe('a deck without title', () => {
  it("is named by its first heading, on a later slide if the first has none; else by its folder's name", async () => {
    expect((await deckOf('title-first', { '01.md': '# Scaling *laws*\n\n---\n\n## Second\n' })).title).toBe('Scaling laws');
    expect((await deckOf('title-later', { '01.md': '![](#)\n\n---\n\n## The real start\n', '02.md': '# Other\n' })).title).toBe(
      'The real start',
    );
    expect((await deckOf('title-none', { '01.md': 'Only words.\n' })).title).toBe('title-none');
  });

  it('is named by the folder when the folder is given as "." or "sub/.."; a deck at the root is "Untitled deck"', async () => {
    const deck = folder('title-dot', { '01.md': 'Only words.\n' });
    expect((await loadDeck(`${deck}/.`)).config.title).toBe('title-dot');
    expect((await loadDeck(`${deck}/sub/..`)).config.title).toBe('title-dot');
    expect(inferTitle([], '/')).toBe('Untitled deck');
  });

  it('keeps the title the deck sets, in front matter, a Pandoc title block or the config file', async () => {
    expect((await deckOf('title-front', { '01.md': '---\ntitle: Set\n---\n# Heading\n' })).title).toBe('Set');
    expect((await deckOf('title-block', { '01.md': '% Pandoc title\n% Author\n\n# Heading\n' })).title).toBe('Pandoc title');
    expect((await deckOf('title-file', { '01.md': '# Heading\n', 'deck.config.yaml': 'title: From the file\n' })).title).toBe(
      'From the file',
    );
  });
});
