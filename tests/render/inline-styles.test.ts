/** Marp's `style` directive: CSS for the slides that wins over the theme, as Marp scopes it. */
import { describe, expect, it } from 'vitest';
import { inlineStyleElement } from '../../src/render/inline-styles.js';

describe('inlineStyleElement', () => {
  it('nests the rules in .reveal .slides, lifts @import out, reads :root as the slides, and cannot close the element', () => {
    const css = "@import url('https://example.com/font.css');\nh1 { color: red; }\n:root { --accent: teal; }\n/* </style><script> */";
    expect(inlineStyleElement(css)).toBe(
      "<style>\n@import url('https://example.com/font.css');\n.reveal .slides {\n\nh1 { color: red; }\n& { --accent: teal; }\n/* <\\/style><script> */\n}\n</style>\n",
    );
  });
});
