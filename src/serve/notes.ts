/**
 * What only the speaker sees, out of the audience's page: the served index.html carries no speaker notes (no
 * `<aside class="notes">`, no `data-notes`) and no timing plan (no `data-timing`; the deck's totalTime and
 * defaultTiming are left out of its config by the render, src/render/render.ts). Both go, by slide in the order
 * they are shown, to the token holders only (/_deck/notes.json). Cut by the parser's source ranges, so the rest
 * of the page stays byte for byte.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { SlideNotes } from './protocol.js';

export interface SplitNotes {
  readonly html: string;
  readonly notes: readonly SlideNotes[];
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Attributes that are the speaker's: cut from every element of the page. */
const SPEAKER_ATTRIBUTES = ['data-notes', 'data-timing'] as const;
/** A start tag; its quoted attribute values may hold `>`. */
const START_TAG = /<([a-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

/**
 * node-html-parser's defaults drop an element left open together with everything after it (a `<b>` left open in
 * one note hid every slide, so no note was cut); closing up to the matching ancestor, and reading `<pre>` and
 * `<noscript>` as HTML, is what a browser does.
 */
const PARSE_OPTIONS = { comment: true, closeAllByClosing: true, blockTextElements: { script: true, style: true } };

export function splitNotes(html: string): SplitNotes {
  const root = parse(html, PARSE_OPTIONS);
  const sections = root.querySelectorAll('.slides section');
  const slides = sections.filter((section) => !section.querySelector('section'));
  /** Source ranges to cut out, by start (an element reached twice is cut once). */
  const cuts = new Map<number, number>();
  // A vertical stack's own notes (outside its slides) are cut too, and given to the stack's first slide.
  const stackNotes = new Map<HTMLElement, string[]>();
  for (const stack of sections.filter((section) => !slides.includes(section))) {
    const first = slides.find((slide) => isInside(slide, stack));
    if (!first) continue;
    const parts = stackNotes.get(first) ?? [];
    const spoken = stack.getAttribute('data-notes');
    if (spoken !== undefined) parts.push(`<p>${escapeHtml(spoken)}</p>`);
    for (const aside of stack.querySelectorAll('aside.notes')) {
      if (closestSection(aside) !== stack) continue;
      parts.push(aside.innerHTML);
      cuts.set(aside.range[0], aside.range[1]);
    }
    stackNotes.set(first, parts);
  }
  const notes = slides.map((slide): SlideNotes => {
    const parts: string[] = [...(stackNotes.get(slide) ?? [])];
    const spoken = slide.getAttribute('data-notes');
    if (spoken !== undefined) parts.push(`<p>${escapeHtml(spoken)}</p>`);
    const fragments = slide.querySelectorAll('.fragment');
    for (const aside of slide.querySelectorAll('aside.notes')) {
      const fragment = fragments.findIndex((f) => f === aside.parentNode || isInside(aside, f));
      parts.push(fragment === -1 ? aside.innerHTML : `<div data-step="${fragment + 1}">${aside.innerHTML}</div>`);
      cuts.set(aside.range[0], aside.range[1]);
    }
    return { id: slide.id ?? '', html: parts.join('\n').trim(), timing: timingOf(slide.getAttribute('data-timing')) };
  });
  // Notes the slides do not account for (a section the parser put outside the slides) are cut all the same.
  for (const aside of root.querySelectorAll('aside.notes')) if (!cuts.has(aside.range[0])) cuts.set(aside.range[0], aside.range[1]);
  for (const name of SPEAKER_ATTRIBUTES) {
    const pattern = new RegExp(`\\s${name}(?:\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]+))?(?=[\\s/>])`, 'i');
    for (const element of root.querySelectorAll(`[${name}]`)) {
      const start = element.range[0];
      const tag = new RegExp(`^${START_TAG.source}`, 'i').exec(html.slice(start))?.[0] ?? '';
      const attribute = pattern.exec(tag);
      if (attribute) cuts.set(start + attribute.index, start + attribute.index + attribute[0].length);
    }
  }
  let out = html;
  for (const [start, end] of [...cuts].sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end);
  const left = leftoverSpeakerPart(out);
  if (left !== undefined) {
    throw new DeckError(
      ErrorCode.BadInput,
      `the speaker notes or timing plan could not be taken out of the audience page (at ${JSON.stringify(left)})`,
      {
        hint: 'an HTML tag in a slide or a note is left open or closed twice (<style>, <script>, <textarea>, </div>, </section>): close it',
      },
    );
  }
  return { html: out, notes };
}

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

/**
 * The first tag of the page that still carries a note or a planned time, read as plain text: the last word on what
 * the audience gets, whatever the parser made of the page (a `<style>` left open hides the rest of the page from it).
 */
function leftoverSpeakerPart(html: string): string | undefined {
  for (const tag of html.matchAll(START_TAG)) {
    const isAside = tag[1]!.toLowerCase() === 'aside';
    for (const [, name, value] of tag[2]!.matchAll(ATTRIBUTE)) {
      const attribute = name!.toLowerCase();
      const words = (value ?? '').replace(/^["']|["']$/g, '').split(/\s+/);
      const speaker = (SPEAKER_ATTRIBUTES as readonly string[]).includes(attribute);
      if (speaker || (isAside && attribute === 'class' && words.includes('notes'))) return tag[0].slice(0, 80);
    }
  }
  return undefined;
}

/** A data-timing in seconds (≥ 0), null when it is not a time. */
function timingOf(value: string | undefined): number | null {
  const seconds = Number.parseFloat(value ?? '');
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/** The nearest section around an element. */
function closestSection(node: HTMLElement): HTMLElement | undefined {
  for (let at = node.parentNode; at; at = at.parentNode) if (at.rawTagName?.toLowerCase() === 'section') return at;
  return undefined;
}

function isInside(node: HTMLElement, ancestor: HTMLElement): boolean {
  for (let at = node.parentNode; at; at = at.parentNode) if (at === ancestor) return true;
  return false;
}
