/**
 * Marp's `<style scoped>` (marpit.marp.app/theme-css?id=scoped-style): CSS that styles only the slide it is written
 * on, where `section` is that slide. Left as it is, it would restyle every slide of the page. Each becomes a
 * `@scope` rooted at the slide's `<section>` (found by the attribute given to it), its rules nested in `:scope` so
 * `h1` is `:scope h1` and outweighs a theme's `.reveal h1`, as marpit's `section[data-marpit-scope-…] h1` does, and
 * a selector starting with `section` starts with `&`, the slide itself (`section.lead h1` → `&.lead h1`), as
 * marpit rewrites `section` to the slide's own.
 */

/** A `<style scoped>` element (the attribute anywhere among its attributes), outside which nothing is changed. */
const SCOPED_STYLE = /<style\b([^>]*?)\sscoped\b([^>]*)>([\s\S]*?)<\/style\s*>/gi;

/** `section` where a selector starts: at the start, or after `{`, `}`, `;` or `,`, before a selector's next part. */
const SECTION = /(^|[{};,])(\s*)section(?=[\s.#:[>+~,{]|$)/g;

export interface ScopedStyles {
  /** The slide's Markdown with its scoped styles rewritten. */
  readonly body: string;
  /** Whether it had any: its `<section>` then gets the attribute `data-marp-scope` = `key`. */
  readonly scoped: boolean;
}

/** The slide's Markdown with each `<style scoped>` styling only the slide whose `data-marp-scope` is `key`. */
export function scopeMarpStyles(markdown: string, key: string): ScopedStyles {
  let scoped = false;
  const body = markdown.replace(SCOPED_STYLE, (_whole, before: string, after: string, css: string) => {
    scoped = true;
    const rules = css.replace(SECTION, '$1$2&');
    return `<style${before}${after}>@scope ([data-marp-scope="${key}"]) { :scope { ${rules.trim()} } }</style>`;
  });
  return { body, scoped };
}
