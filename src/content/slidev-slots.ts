/**
 * Slidev's named slots: a line of its own `::right::` (outside code) starts the part of the slide that goes in the
 * layout's `right` slot, up to the next marker; what comes before the first marker is the default slot. The
 * markers never reach the slide: each part is rendered on its own and wrapped in an element the layout's CSS
 * places (themes/_layouts.css, `.slots`).
 */
import { escapeHtml } from './escape.js';
import { linkCard } from './slidev-components.js';
import type { SidePanel, SlotArrangement } from './slidev-layouts.js';
import { fencedRanges } from './split.js';

export interface SlotPart {
  /** `default` before the first marker, else the marker's name (`right` for `::right::`). */
  readonly name: string;
  readonly markdown: string;
}

export interface SlotMarker {
  /** The slot it starts: `right` for `::right::` and `:: right ::`. */
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Slot markers on lines of their own, outside fenced code, as Slidev's slot sugar reads them
 * (`/^::\s*([\w.\-:]+)\s*::\s*$/`): blanks inside the colons are allowed (`:: right ::`).
 */
export function slotMarkers(markdown: string): SlotMarker[] {
  const code = fencedRanges(markdown);
  return [...markdown.matchAll(/^::[ \t]*([\w.:-]+)[ \t]*::[ \t]*(?:\r?\n|$)/gm)]
    .filter((match) => !code.some(([start, end]) => match.index >= start && match.index < end))
    .map((match) => ({ name: match[1]!, start: match.index, end: match.index + match[0].length }));
}

/** The slide's Markdown cut at its markers, in the order written; an empty default slot is left out. */
export function slotParts(markdown: string, markers: readonly SlotMarker[] = slotMarkers(markdown)): SlotPart[] {
  const parts: SlotPart[] = [];
  let name = 'default';
  let from = 0;
  for (const marker of [...markers, undefined]) {
    const part = markdown.slice(from, marker?.start ?? markdown.length);
    if (name !== 'default' || part.trim() !== '') parts.push({ name, markdown: part });
    if (!marker) break;
    name = marker.name;
    from = marker.end;
  }
  return parts;
}

/** The slot names each arrangement places; a part in any other slot is shown after them, in the default place. */
const PLACED: Readonly<Record<SlotArrangement, readonly string[]>> = {
  stacked: ['default'],
  columns: ['default', 'left', 'right'],
  'header-columns': ['default', 'left', 'right', 'bottom'],
};

/** The names of the parts that the arrangement has no place for (`::col3::` in `two-cols`), for a warning. */
export function unplacedSlots(parts: readonly SlotPart[], arrangement: SlotArrangement): string[] {
  return parts.filter((part) => !PLACED[arrangement].includes(part.name)).map((part) => `::${part.name}::`);
}

/** A web page an `iframe` layout shows, as a link: the PDF export loads nothing from outside the deck. */
export function pageLinkHtml(url: string): string {
  return linkCard(url, 'Web page', url);
}

/** The side panel: the picture, or the link to the page. */
function panelHtml(panel: SidePanel): string {
  if (panel.kind === 'image') {
    return `<figure class="slot slot-image"><img src="${escapeHtml(panel.url)}" alt="" style="object-fit: ${panel.fit}"></figure>`;
  }
  return `<figure class="slot slot-page">${pageLinkHtml(panel.url)}</figure>`;
}

/**
 * The slide's HTML from its rendered parts: a layout with slots or a side panel gets a `.slots` element holding
 * one `.slot-<name>` element per part (in `two-cols` the default slot is the left column), the rest is the parts'
 * HTML one after another.
 */
export function arrangeSlots(
  parts: readonly { readonly name: string; readonly html: string }[],
  arrangement: SlotArrangement,
  panel?: SidePanel,
): string {
  if (arrangement === 'stacked' && !panel) return parts.map((part) => part.html).join('\n');
  const slotName = (name: string) => {
    if (!PLACED[arrangement].includes(name)) return 'default';
    if (arrangement === 'columns' && name === 'left') return 'default';
    if (arrangement === 'header-columns' && name === 'default') return 'header';
    return name;
  };
  // Parts that go in one place (`two-cols`'s default slot and `::left::`) share its element, in the order written.
  const grouped = new Map<string, string[]>();
  for (const part of parts) grouped.set(slotName(part.name), [...(grouped.get(slotName(part.name)) ?? []), part.html]);
  const slots = [...grouped].map(([name, html]) => `<div class="slot slot-${name}">\n${html.join('\n')}\n</div>`);
  const side = panel ? panelHtml(panel) : '';
  const kind = panel ? `slots-panel-${panel.side}` : `slots-${arrangement}`;
  const inner = panel?.side === 'left' ? [side, ...slots] : [...slots, side];
  return `<div class="slots ${kind}">\n${inner.filter(Boolean).join('\n')}\n</div>`;
}
