/**
 * Live reload of a served deck page: swap the slides in place when only they changed, else reload the whole page
 * and come back to the same slide; swap an edited stylesheet without reloading.
 */
import { positionOf, type Position, type RevealLike } from './reveal.js';

/** sessionStorage key of the slide a full reload comes back to. */
const KEY = 'deck-serve:position';
/** A saved position older than this is from another visit, not from our reload. */
const SAVED_FOR_MS = 60_000;

interface SavedPosition extends Position {
  readonly t: number;
  readonly build: number;
}

function readSaved(): SavedPosition | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as SavedPosition | null;
    return saved && typeof saved.h === 'number' && typeof saved.t === 'number' ? saved : null;
  } catch {
    return null;
  }
}

export interface LiveReload {
  /** The build a full reload was for (a newer one announced while reloading was missed), else null. */
  readonly reloadedFor: number | null;
  /** The slide to come back to after a full reload, once (null after the first call or when too old). */
  takeSaved(): Position | null;
  hard(build: number): void;
  soft(build: number): void;
  css(href: string, build: number): void;
}

export function createLiveReload(reveal: RevealLike | undefined, go: (to: Position) => void, onUpdated: () => void): LiveReload {
  const first = readSaved();
  const hard = (build: number) => {
    if (reveal?.isReady()) {
      try {
        sessionStorage.setItem(KEY, JSON.stringify({ ...positionOf(reveal), t: Date.now(), build }));
      } catch {
        // private mode: the URL hash still keeps the slide
      }
    }
    location.reload();
  };
  return {
    reloadedFor: first ? first.build : null,
    takeSaved() {
      const saved = readSaved();
      try {
        sessionStorage.removeItem(KEY);
      } catch {
        // nothing saved to remove
      }
      return saved && Date.now() - saved.t < SAVED_FOR_MS ? { h: saved.h, v: saved.v, f: saved.f } : null;
    },
    hard,
    soft(build) {
      // reveal.js's print view (the overview's thumbnails) moved the slides into pages: lay it out again.
      if (!reveal?.isReady() || document.documentElement.classList.contains('print-pdf')) return hard(build);
      const at = positionOf(reveal);
      fetch(location.pathname, { cache: 'no-store' })
        .then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return response.text();
        })
        .then((html) => {
          const fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('.reveal .slides');
          const live = document.querySelector('.reveal .slides');
          // Slides with scripts or code (highlighted once at start) need the whole page.
          if (!fresh || !live || fresh.querySelector('script, pre code') || live.querySelector('pre code')) return hard(build);
          // reveal.js takes hidden slides out of the page once, when it starts; sync() does not, so a swapped-in
          // backup slide (data-visibility="hidden") was back in the talk, numbered, and on the projector.
          if (!reveal.getConfig().showHiddenSlides) {
            for (const hidden of fresh.querySelectorAll('section[data-visibility="hidden"]')) hidden.remove();
          }
          live.innerHTML = fresh.innerHTML;
          reveal.sync();
          go(at);
          onUpdated();
        })
        .catch(() => hard(build));
    },
    css(href, build) {
      const path = new URL(href, location.href).pathname;
      const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter(
        (link) => new URL(link.href).pathname === path,
      );
      // A stylesheet the page does not link itself (one a theme @imports) needs the whole page.
      if (links.length === 0) return hard(build);
      for (const link of links) {
        const next = link.cloneNode() as HTMLLinkElement;
        next.href = `${path}?v=${build}`;
        next.onload = next.onerror = () => {
          link.remove();
          onUpdated();
        };
        link.after(next);
      }
    },
  };
}
