/** Marp's image keywords (`![bg right:40%](a.jpg)`, `![w:200](a.png)`) in a deck written for Marp, and only there. */
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';
import { marpImages } from '../../src/content/marp-images.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const { folder } = useTempFolder('deck-marp-images-');

describe("Marp's image keywords", () => {
  it('make the first bg image the slide’s background, sized and placed, and size other images', () => {
    // As the Appdevcon 2026 talk and ljpetkovic/L2HN001: ![bg left:33% 70%](…), ![width:200](…), ![w:140 h:204](…).
    const slide =
      '# Where I work\n\n![bg left:33% 70%](./images/logo.svg)\n\n![width:200 QR code](qr.png) ![w:140 h:204](a.png)\n\n![bg](second.jpg)\n\n```md\n![bg](in-code.png)\n```\n\n![plain](plain.png)';
    const { body, attributes, extra } = marpImages(slide);
    expect(attributes).toEqual({
      'data-background-image': './images/logo.svg',
      'data-background-position': 'left',
      'data-background-size': '70%',
    });
    expect(extra).toBe(1);
    expect(body).toBe(
      '# Where I work\n\n\n\n<img src="qr.png" alt="QR code" style="width:200px"> <img src="a.png" alt="" style="width:140px;height:204px">\n\n\n\n```md\n![bg](in-code.png)\n```\n\n![plain](plain.png)',
    );
    expect(marpImages('![bg contain sepia](a.jpg)').attributes).toEqual({
      'data-background-image': 'a.jpg',
      'data-background-size': 'contain',
    });
  });

  it('apply in a Marp deck, the background copied like reveal.js’s; elsewhere bg is only alt text', async () => {
    const files = { 'odesa.png': 'png', 'qr.png': 'png' };
    const slides = '# Where I am from\n\n![width:200](qr.png)\n\n![bg right](./odesa.png)\n';
    const marp = await loadDeck(folder('marp', { ...files, 'talk.md': `---\nmarp: true\n---\n${slides}` }));
    const [slide] = marp.slides;
    expect(slide!.attributes).toMatchObject({ 'data-background-position': 'right', 'data-background-size': 'contain' });
    expect(slide!.attributes['data-background-image']).toMatch(/odesa\.png$/);
    expect(marp.assets.map((asset) => asset.source)).toEqual(expect.arrayContaining([expect.stringMatching(/odesa\.png$/)]));
    expect(slide!.html).toMatch(/<img src="[^"]*qr\.png" alt="" style="width:200px">/);
    expect(slide!.html).not.toContain('bg right');
    const reveal = await loadDeck(folder('reveal', { ...files, 'talk.md': slides }));
    expect(reveal.slides[0]!.attributes).toEqual({});
    expect(reveal.slides[0]!.html).toContain('alt="bg right"');
  });
});

describe("Marp's image keywords, one by one", () => {
  const background = (alt: string) => marpImages(`![${alt}](a.jpg)`).attributes;

  it('size the background with each of Marp’s size words, the last one winning', () => {
    expect(background('bg fit')).toEqual({ 'data-background-image': 'a.jpg', 'data-background-size': 'contain' });
    expect(background('bg cover')['data-background-size']).toBe('cover');
    expect(background('bg auto')['data-background-size']).toBe('auto');
    expect(background('bg 12.55%')['data-background-size']).toBe('12.55%');
    expect(background('bg 50')['data-background-size']).toBeUndefined();
    expect(background('bg 5.%')['data-background-size']).toBeUndefined();
    expect(background('bg x50%')['data-background-size']).toBeUndefined();
    expect(background('bg 50%x')['data-background-size']).toBeUndefined();
    expect(background('bg cover contain')['data-background-size']).toBe('contain');
  });

  it('place the background on its side, whole unless a size is given before or after', () => {
    expect(background('bg right:40%')).toEqual({
      'data-background-image': 'a.jpg',
      'data-background-position': 'right',
      'data-background-size': 'contain',
    });
    expect(background('bg left:33.33%')['data-background-position']).toBe('left');
    expect(background('bg cover right')['data-background-size']).toBe('cover');
    expect(background('bg right cover')['data-background-size']).toBe('cover');
    expect(background('bg top')['data-background-position']).toBeUndefined();
    expect(background('bg right:40')['data-background-position']).toBeUndefined();
    expect(background('bg xleft')['data-background-position']).toBeUndefined();
    expect(background('bg leftx')['data-background-position']).toBeUndefined();
    expect(background('bg right:4.%')['data-background-position']).toBeUndefined();
  });

  it('read keywords split by any run of blanks, bg among them anywhere', () => {
    expect(background(' sepia \t bg  cover ')).toEqual({ 'data-background-image': 'a.jpg', 'data-background-size': 'cover' });
    expect(marpImages('![background](a.jpg)').body).toBe('![background](a.jpg)');
    expect(marpImages('![ w:20 \t x  y ](c.png)').body).toBe('<img src="c.png" alt="x y" style="width:20px">');
  });

  it('count every background after the first as extra, and none when a slide has one or none', () => {
    const three = marpImages('![bg](a.jpg)\n![bg](b.jpg)\n![bg](c.jpg)\n');
    expect(three).toEqual({ body: '\n\n\n', attributes: { 'data-background-image': 'a.jpg' }, extra: 2 });
    expect(marpImages('![bg](a.jpg)').extra).toBe(0);
    expect(marpImages('no image').extra).toBe(0);
  });

  it('write a sized image as <img>, in px unless a unit is given, with filters and its title dropped', () => {
    expect(marpImages('![h:2.5em blur:4px Chart](c.png "Title")').body).toBe('<img src="c.png" alt="Chart" style="height:2.5em">');
    expect(marpImages('![height:30 width:50%](c.png)').body).toBe('<img src="c.png" alt="" style="height:30px;width:50%">');
    expect(marpImages('![grayscale](c.png)').body).toBe('<img src="c.png" alt="">');
    expect(marpImages('![w:1.](c.png)').body).toBe('![w:1.](c.png)');
    expect(marpImages('![x w:20 y](c.png)').body).toBe('<img src="c.png" alt="x y" style="width:20px">');
  });

  it('escape the source and the alt text it writes', () => {
    expect(marpImages('![w:9 <b>&"](a"b<.png)').body).toBe('<img src="a&quot;b&lt;.png" alt="&lt;b&gt;&amp;&quot;" style="width:9px">');
  });

  it('leave images in fenced code alone, up to the fence’s last character, and read the one just after', () => {
    const text = '```\n![bg](a.jpg)\n```\n![bg](b.jpg)';
    expect(marpImages(text)).toEqual({ body: '```\n![bg](a.jpg)\n```\n', attributes: { 'data-background-image': 'b.jpg' }, extra: 0 });
    const fenceEnd = '```\n```![bg](c.jpg)';
    expect(marpImages(fenceEnd).attributes).toEqual({ 'data-background-image': 'c.jpg' });
    expect(marpImages('![bg](d.jpg)```\nx\n```').attributes).toEqual({ 'data-background-image': 'd.jpg' });
  });
});
