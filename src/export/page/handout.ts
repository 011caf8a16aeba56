/**
 * Runs inside the print page after the slides PDF is made: turns the same page into the handout. Each slide's
 * final-state page (reveal.js's .pdf-page, live DOM with the theme's CSS) is moved into a frame and scaled with
 * a CSS transform, so slides stay vector text in the handout: selectable, searchable, and no bigger than once.
 * Self-contained: no imports (it is serialised by Puppeteer).
 */

export interface HandoutItem {
  id: string;
  /** 1-based slide number and plain title, for the caption. */
  number: number;
  title: string;
  /** Speaker notes as HTML (from the deck's Markdown); '' when none. */
  notesHtml: string;
}

export interface HandoutSpec {
  layout: 'notes' | '2up' | '3up' | '6up';
  perSheet: number;
  /** CSS for the handout (layout geometry in mm, fonts). */
  css: string;
  items: HandoutItem[];
  /** Slide size in CSS px and the scale of a slide frame. */
  width: number;
  height: number;
  scale: number;
  /** Ruled lines beside each slide (3up), under it (6up) or under a slide without notes (notes layout). */
  rules: number;
  lang: string;
  /** Heading above the notes, in the deck's language. */
  notesLabel: string;
}

/** Returns the height of each sheet in CSS px (a notes sheet may run over one page). */
export function buildHandout(spec: HandoutSpec): number[] {
  const el = (tag: string, className: string, text?: string) => {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  // The final-state page of each slide: the last .pdf-page showing it.
  const finals = new Map<string, HTMLElement>();
  for (const page of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page'))) {
    const id = page.querySelector('section')?.id;
    if (id) finals.set(id, page);
  }
  // Page size and margins come from page.pdf (paper, header, footer), not from reveal.js's @page rule.
  for (const style of Array.from(document.querySelectorAll('style'))) {
    if (style.textContent?.includes('@page')) style.remove();
  }
  document.body.style.width = '';
  document.body.style.height = '';
  const styleSheet = document.createElement('style');
  styleSheet.textContent = spec.css;
  document.head.appendChild(styleSheet);

  const container = el('div', `deck-handout deck-handout-${spec.layout}`);
  container.lang = spec.lang;
  let sheet: HTMLElement | undefined;
  spec.items.forEach((item, i) => {
    if (i % spec.perSheet === 0) {
      sheet = el('div', 'handout-sheet');
      container.appendChild(sheet);
    }
    const box = el('div', 'handout-item');
    const frame = el('div', 'handout-slide');
    const reveal = el('div', 'reveal handout-reveal');
    reveal.style.width = `${spec.width}px`;
    reveal.style.height = `${spec.height}px`;
    reveal.style.transform = `scale(${spec.scale})`;
    const slides = el('div', 'slides');
    const page = finals.get(item.id);
    if (page) slides.appendChild(page);
    reveal.appendChild(slides);
    frame.appendChild(reveal);
    const figure = el('div', 'handout-figure');
    figure.appendChild(frame);
    const caption = el('div', 'handout-caption');
    caption.appendChild(el('span', 'handout-number', String(item.number)));
    caption.appendChild(el('span', 'handout-title', item.title));
    figure.appendChild(caption);
    box.appendChild(figure);
    const addRules = (parent: HTMLElement, count: number) => {
      const rules = el('div', 'handout-rules');
      for (let r = 0; r < count; r++) rules.appendChild(el('div', 'handout-rule'));
      parent.appendChild(rules);
    };
    if (spec.layout === 'notes') {
      const notes = el('div', 'handout-notes');
      notes.setAttribute('data-glyph-scope', item.id);
      if (item.notesHtml) {
        notes.appendChild(el('div', 'handout-notes-label', spec.notesLabel));
        const body = el('div', 'handout-notes-body');
        body.innerHTML = item.notesHtml;
        notes.appendChild(body);
      } else {
        addRules(notes, spec.rules);
      }
      box.appendChild(notes);
    } else if (spec.layout === '3up' || spec.layout === '6up') {
      addRules(spec.layout === '6up' ? figure : box, spec.rules);
    }
    sheet!.appendChild(box);
  });
  const deck = document.querySelector<HTMLElement>('.reveal:not(.handout-reveal)');
  if (deck) deck.style.display = 'none';
  document.body.appendChild(container);
  return Array.from(container.querySelectorAll<HTMLElement>('.handout-sheet')).map((sheet) => sheet.getBoundingClientRect().height);
}
