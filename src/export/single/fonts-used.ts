/**
 * Which installed fonts Chromium draws the deck's text with, and the characters each one draws: every slide is
 * laid out (reveal.js's print view), and DevTools' CSS.getPlatformFontsForNode names the fonts of each element's
 * text. Also lists the font families the CSS asks for first, to check that they are installed.
 */
import type { Page } from 'puppeteer-core';
import { GENERIC_FAMILIES, type FirstChoice } from '../fonts/missing.js';

export type { FirstChoice };

export interface UsedFont {
  postScriptName: string;
  familyName: string;
  chars: Set<string>;
}

interface Probe {
  text: string;
  first: string;
  slideId: string;
}

/** In the page: mark each element with text of its own, and report its text and first-choice font family. */
function markTextElements(): Probe[] {
  const probes: Probe[] = [];
  const webFonts = new Set(Array.from(document.fonts).map((face) => face.family.replace(/^["']|["']$/g, '').toLowerCase()));
  for (const element of Array.from(document.querySelectorAll('body *'))) {
    const text = Array.from(element.childNodes)
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent ?? '')
      .join('')
      .trim();
    if (!text) continue;
    const style = getComputedStyle(element);
    const first = style.fontFamily
      .split(',')[0]!
      .trim()
      .replace(/^["']|["']$/g, '');
    element.setAttribute('data-deck-probe', String(probes.length));
    probes.push({ text, first: webFonts.has(first.toLowerCase()) ? '' : first, slideId: element.closest('section[id]')?.id ?? '' });
  }
  return probes;
}

export async function fontsUsed(page: Page): Promise<{ fonts: Map<string, UsedFont>; firstChoices: FirstChoice[] }> {
  const probes = await page.evaluate(markTextElements);
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-deck-probe]' });
    const fonts = new Map<string, UsedFont>();
    const firstChoices = new Map<string, FirstChoice>();
    // All questions at once: one by one, the round trips cost seconds on a long deck.
    const answers = await Promise.all(
      nodeIds.map(async (nodeId) => {
        const [{ attributes }, { fonts: platform }] = await Promise.all([
          cdp.send('DOM.getAttributes', { nodeId }),
          cdp.send('CSS.getPlatformFontsForNode', { nodeId }),
        ]);
        return { probe: probes[Number(attributes[attributes.indexOf('data-deck-probe') + 1])], platform };
      }),
    );
    for (const { probe, platform } of answers) {
      if (!probe) continue;
      for (const font of platform) {
        if (font.isCustomFont) continue;
        const entry = fonts.get(font.postScriptName) ?? {
          postScriptName: font.postScriptName,
          familyName: font.familyName,
          chars: new Set<string>(),
        };
        for (const char of probe.text) entry.chars.add(char);
        fonts.set(font.postScriptName, entry);
      }
      const first = probe.first.toLowerCase();
      // Only the slides' own text: reveal.js's controls and the like name fonts of their own.
      if (first && probe.slideId && !GENERIC_FAMILIES.has(first) && platform.length > 0) {
        if (!firstChoices.has(first)) {
          firstChoices.set(first, {
            family: probe.first,
            usedInstead: platform.map((font) => font.familyName),
            slideId: probe.slideId,
            sample: probe.text.slice(0, 40),
          });
        }
      }
    }
    return { fonts, firstChoices: [...firstChoices.values()] };
  } finally {
    await cdp.detach().catch(() => {});
  }
}
