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
