/** A Slidev slide's <style> styles that slide only, as Slidev scopes it. */
import { describe, expect, it } from 'vitest';
import { scopeSlideStyles } from '../../src/content/slidev-styles.js';

describe('Slidev slide styles', () => {
  it('wrap each <style> in @scope (its root the style’s parent) and :scope (to outweigh the theme), once, and leave the rest of the HTML as it is', () => {
    // As slidevjs/slidev's demo/starter: a gradient for its own h1.
    const html = '<h1>T</h1>\n<style>\nh1 { color: red; }\n</style>\n<p>x</p><STYLE media="print">p { margin: 0 }</STYLE>';
    const scoped = scopeSlideStyles(html);
    expect(scoped).toBe(
      '<h1>T</h1>\n<style>@scope { :scope {\nh1 { color: red; }\n} }</style>\n<p>x</p><style media="print">@scope { :scope {p { margin: 0 }} }</style>',
    );
    expect(scopeSlideStyles(scoped)).toBe(scoped);
    expect(scopeSlideStyles('<p>no style</p>')).toBe('<p>no style</p>');
  });

  it('scopes a <STYLE> written in capitals on a slide of its own too', () => {
    expect(scopeSlideStyles('<h1>T</h1>\n<STYLE>\nh1 { color: red; }\n</STYLE>')).toBe(
      '<h1>T</h1>\n<style>@scope { :scope {\nh1 { color: red; }\n} }</style>',
    );
  });

  it('leaves a style that opens with the author’s own @scope as written, and scopes one with an @scope further down', () => {
    const own = '<style>\n@scope (.card) {\n  p { margin: 0 }\n}\n</style>';
    expect(scopeSlideStyles(own)).toBe(own);
    expect(scopeSlideStyles('<style>h1 { color: red }\n@scope (.card) { p { margin: 0 } }</style>')).toBe(
      '<style>@scope { :scope {h1 { color: red }\n@scope (.card) { p { margin: 0 } }} }</style>',
    );
  });
});
