/**
 * CSS written in the deck (Marp's `style` directive) as a <style> element for its slides. Marp scopes such CSS to
 * its slides (`h1` is `section h1` there, `:root` the slide), which also puts it above the theme; here it is
 * nested in `.reveal .slides` for the same effect: `section { … }` and `h1 { … }` win over the theme's
 * `.reveal h1`. `@import` is only valid at the top of a sheet, so it is lifted out of the nesting.
 */
const IMPORT = /@import\s[^;]*;/g;

export function inlineStyleElement(css: string): string {
  const imports = css.match(IMPORT) ?? [];
  const rules = css.replace(IMPORT, '').replace(/:root\b/g, '&');
  // The text sits in an HTML <style>: a `</style` in it would end the element early.
  const sheet = `${imports.join('\n')}\n.reveal .slides {\n${rules}\n}`.replace(/<\/(style)/gi, '<\\/$1');
  return `<style>\n${sheet}\n</style>\n`;
}
