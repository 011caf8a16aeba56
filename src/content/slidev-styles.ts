/**
 * A `<style>` written in a Slidev slide styles that slide only (sli.dev/features/slide-scope-style): Slidev
 * scopes it as Vue scopes a component's. In one page of slides it would restyle every slide (slidevjs/slidev's
 * demo/starter turns every heading of the deck into gradient text), so each is wrapped in CSS's `@scope`, whose
 * root, with no selector given, is the style element's parent: the slide's body (or the slot it is written in).
 * Its rules are nested in `:scope`, so `h1` is `:scope h1` and outweighs a theme's `.reveal h1`, as Vue's
 * `h1[data-v-…]` outweighs it in Slidev.
 */

/** A style element, outside which nothing is changed; one already in `@scope` is left as it is. */
const STYLE = /<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi;

export function scopeSlideStyles(html: string): string {
  return html.replace(STYLE, (whole, attributes: string, css: string) =>
    /^\s*@scope\b/.test(css) ? whole : `<style${attributes}>@scope { :scope {${css}} }</style>`,
  );
}
