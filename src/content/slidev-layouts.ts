/**
 * Slidev's built-in layouts (sli.dev/builtin/layouts), each placed by the closest of this tool's: a cover or a
 * section is a statement, a fact a big number, `two-cols` and the side image or page of `image-right` the two
 * columns. Slidev draws its layouts with Vue components (slidevjs/slidev packages/client/layouts/*.vue); here a
 * layout decides the template, how the slide's slots are arranged, and what the slide gets besides its Markdown.
 */

/** How the parts of a slide between slot markers (`::right::`) are arranged. */
export type SlotArrangement =
  /** One after another, as one body (a layout with no slots). */
  | 'stacked'
  /** `two-cols`: the default slot and `::left::` on the left, `::right::` on the right. */
  | 'columns'
  /** `two-cols-header`: the default slot across the top, `::left::` and `::right::` under it, `::bottom::` across. */
  | 'header-columns';

/**
 * What a slide shows beside its text in `image-left`/`-right` and `iframe-left`/`-right`: a picture (its URL and
 * CSS object-fit), or a web page, shown as a link (see `placeSlidevLayout`).
 */
export type SidePanel =
  | { readonly side: 'left' | 'right'; readonly kind: 'image'; readonly url: string; readonly fit: 'cover' | 'contain' }
  | { readonly side: 'left' | 'right'; readonly kind: 'page'; readonly url: string };

export interface SlidevPlacement {
  /** This tool's layout (templates/layouts/<layout>.hbs). */
  readonly layout: string;
  readonly slots: SlotArrangement;
  /** Attributes for the slide's <section>: the `image` layout's picture is the slide's background. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly panel?: SidePanel;
  /** A page shown across the slide (`iframe`), as a link. */
  readonly page?: string;
  /** What the author should know (an unknown layout, a missing `image:`), for a warning at the layout's line. */
  readonly warning?: string;
}

/** Slidev's layouts that only place text, by the layout of this tool's that places it alike. */
const TEXT_LAYOUTS: Readonly<Record<string, string>> = {
  default: 'default',
  // `full` and `none` only drop Slidev's padding: the slide's Markdown is placed as on any other slide.
  full: 'default',
  none: 'default',
  // Slidev's cover, intro, section and statement are a large heading centred in the height, text under it.
  cover: 'statement',
  intro: 'statement',
  section: 'statement',
  statement: 'statement',
  center: 'statement',
  fact: 'big-number',
  end: 'closing',
};

/** Layouts this tool has that Slidev does not: a Slidev deck may name them too. */
const OWN_LAYOUTS = new Set(['agenda', 'big-number', 'cards', 'closing', 'diagram', 'model', 'overview', 'title', 'two-columns']);

/** `backgroundSize` as an object-fit: Slidev's default is `cover`; `contain` (or `auto`) shows the whole picture. */
function fitOf(size: unknown): 'cover' | 'contain' {
  return typeof size === 'string' && /^(contain|auto)\b/.test(size.trim()) ? 'contain' : 'cover';
}

/** `image-left`/`-right` and `iframe-left`/`-right`: the slide's text in one column, the panel filling the other. */
const sidePanel = (panel: SidePanel): SlidevPlacement => ({ layout: 'two-columns', slots: 'stacked', attributes: {}, panel });

/** A prop's text without the blanks around it; '' when it is blank or no text, which the layouts read as missing. */
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The placement of a slide whose front matter names Slidev's layout `name` with its props (`image`, `url`,
 * `backgroundSize`); `markdown` is the slide's, for the quote layout, which is large quoted text only when the
 * slide has a blockquote (else its heading is the quote, as in Slidev's own demo). An iframe's page is a link:
 * the PDF export loads nothing from outside the deck, so an embedded page would be an empty box there.
 */
export function placeSlidevLayout(name: string | undefined, props: Readonly<Record<string, unknown>>, markdown: string): SlidevPlacement {
  const plain = (layout: string, warning?: string): SlidevPlacement => ({
    layout,
    slots: 'stacked',
    attributes: {},
    ...(warning ? { warning } : {}),
  });
  if (name === undefined) return plain('default');
  if (TEXT_LAYOUTS[name]) {
    const placement = plain(TEXT_LAYOUTS[name]!);
    return name === 'center' ? { ...placement, attributes: { class: 'slidev-center' } } : placement;
  }
  if (OWN_LAYOUTS.has(name)) return plain(name);
  const image = text(props.image);
  const url = text(props.url);
  switch (name) {
    case 'quote':
      return plain(/^ {0,3}>/m.test(markdown) ? 'quote' : 'statement');
    case 'two-cols':
      return { layout: 'two-columns', slots: 'columns', attributes: {} };
    case 'two-cols-header':
      return { layout: 'two-columns', slots: 'header-columns', attributes: {} };
    case 'image':
      if (!image) return plain('default', 'layout: image has no image: to show; the slide uses the default layout');
      return {
        layout: 'default',
        slots: 'stacked',
        // Slidev draws the picture undimmed under white text: the black colour gives reveal.js's light text.
        attributes: {
          'data-background-color': '#000',
          'data-background-image': image,
          'data-background-size': fitOf(props.backgroundSize),
        },
      };
    case 'image-left':
    case 'image-right':
      if (!image) return plain('default', `layout: ${name} has no image: to show; the slide uses the default layout`);
      return sidePanel({ side: name === 'image-left' ? 'left' : 'right', kind: 'image', url: image, fit: fitOf(props.backgroundSize) });
    case 'iframe':
      if (!url) return plain('default', 'layout: iframe has no url: to show; the slide uses the default layout');
      return { ...plain('default'), page: url };
    case 'iframe-left':
    case 'iframe-right':
      if (!url) return plain('default', `layout: ${name} has no url: to show; the slide uses the default layout`);
      return sidePanel({ side: name === 'iframe-left' ? 'left' : 'right', kind: 'page', url });
    default:
      return plain(
        'default',
        `layout: ${name} is not one of Slidev's built-in layouts (a theme's or the deck's own, which this tool does not have); the slide uses the default layout`,
      );
  }
}
