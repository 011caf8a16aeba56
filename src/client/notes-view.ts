/**
 * Speaker notes as the presenter view and the remote show them: sanitised (no script, handler or frame can run
 * in a page that holds the token, so notes cannot read it; formatting stays), and tied to fragment steps. A
 * `[step]` marker (Slidev's `[click]` works too) starts the part of the notes for the next step; notes written
 * inside a fragment belong to that fragment's step (src/serve/notes.ts wraps them in data-step).
 */
import DOMPurify from 'dompurify';

const MARKER = /\[(?:step|click)\]\s*/gi;

/**
 * Notes HTML made safe to put in the page: DOMPurify's HTML profile, no forms, links open outside. A link that
 * took reveal.js's speaker view to another site gave that site the speaker window's opener, the presenter's deck
 * (it could drive it, and the deck kept sending the window every slide's notes): links open in a window of their
 * own, with no opener and no referrer.
 */
export function sanitizeNotes(html: string, purify = DOMPurify): string {
  const notes = purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style', 'srcset'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
    RETURN_DOM_FRAGMENT: true,
  });
  for (const link of notes.querySelectorAll('a[href]')) {
    if (link.getAttribute('href')?.startsWith('#')) continue;
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
  const box = notes.ownerDocument.createElement('div');
  box.append(notes);
  return box.innerHTML;
}

/** The blocks the step markers count in: paragraphs, list items and the like, in document order. */
const BLOCKS = 'p, li, blockquote, pre, h1, h2, h3, h4, h5, h6, tr, div[data-step]';

/**
 * Give every block of the notes its step (data-step: 0 before any marker, then 1, 2, … from each marker on) and
 * remove the markers. Returns the highest step.
 */
export function markSteps(root: Element): number {
  let step = 0;
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((block) => !block.parentElement?.closest(BLOCKS));
  for (const block of blocks) {
    const own = block.getAttribute('data-step');
    if (own !== null && block.matches('div[data-step]')) {
      step = Math.max(step, Number(own) || 0);
      continue;
    }
    const text = block.textContent ?? '';
    const markers = text.match(MARKER)?.length ?? 0;
    if (markers > 0) {
      step += markers;
      removeMarkers(block);
    }
    block.setAttribute('data-step', String(step));
  }
  return step;
}

function removeMarkers(block: Element): void {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue && MARKER.test(node.nodeValue)) node.nodeValue = node.nodeValue.replace(MARKER, '');
    MARKER.lastIndex = 0;
  }
}

/**
 * Show which part of the notes goes with the step on screen (`step` = shown fragments, 0 for none): the blocks
 * of that step get "now", those of later steps "later". Returns the first "now" block (to scroll to).
 */
export function highlightStep(root: Element, step: number, hasSteps: boolean): Element | undefined {
  let first: Element | undefined;
  for (const block of root.querySelectorAll('[data-step]')) {
    const own = Number(block.getAttribute('data-step'));
    block.classList.toggle('now', hasSteps && own === step);
    block.classList.toggle('later', hasSteps && own > step);
    if (hasSteps && own === step && !first) first = block;
  }
  return first;
}
