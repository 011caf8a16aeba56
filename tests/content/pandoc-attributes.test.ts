/** Pandoc's `{#id .class key=value}` and a fenced div's head: what is an attribute list, and what stays text. */
import { describe, expect, it } from 'vitest';
import { parseDivHead, parsePandocAttributes } from '../../src/content/pandoc-attributes.js';

describe('a Pandoc attribute list', () => {
  it('is read whole, or not at all: a word that is not #id, .class or key=value leaves it text', () => {
    expect(parsePandocAttributes('.wide background-color=navy')).toEqual({
      classes: ['wide'],
      attributes: { 'data-background-color': 'navy' },
    });
    expect(parsePandocAttributes('.wide navy')).toBeUndefined();
  });

  it('is not empty: braces with nothing or only spaces between them are text', () => {
    expect(parsePandocAttributes('')).toBeUndefined();
    expect(parsePandocAttributes('   ')).toBeUndefined();
  });
});

describe("a fenced div's head", () => {
  it('is an attribute list in braces or one bare word (a class), spaces around it aside', () => {
    expect(parseDivHead('  {.columns #plan}  ')).toEqual({ id: 'plan', classes: ['columns'], attributes: {} });
    expect(parseDivHead(' notes ')).toEqual({ classes: ['notes'], attributes: {} });
  });

  it('is not a div head with a brace on one side only, or with two bare words', () => {
    expect(parseDivHead('{.wide')).toBeUndefined();
    expect(parseDivHead('x.wide}')).toBeUndefined();
    expect(parseDivHead('speaker notes')).toBeUndefined();
  });
});
