/** Handout geometry: a 6-up sheet uses its paper (the widest slides two columns allow, the rest of each row ruled). */
import { describe, expect, it } from 'vitest';
import { CAPTION_MM, handoutGeometry, RULE_MM, SIXUP_GAP_MM } from '../../src/export/handout/layout.js';

describe('6-up', () => {
  for (const paper of ['A4', 'letter'] as const) {
    it(`draws two columns of slides as wide as the ${paper} sheet allows and rules the rest of each row`, () => {
      const g = handoutGeometry('6up', paper, 720 / 1280);
      expect([g.columns, g.rows, g.perSheet]).toEqual([2, 3, 6]);
      expect(2 * g.slideWidth + SIXUP_GAP_MM).toBeCloseTo(g.contentWidth, 6);
      const row = g.contentHeight / 3;
      const used = g.slideHeight + CAPTION_MM + g.rules * RULE_MM;
      expect(used).toBeLessThanOrEqual(row);
      // Less than one ruled line of a row is left blank.
      expect(row - used).toBeLessThan(RULE_MM + 4);
      expect(g.rules).toBeGreaterThanOrEqual(2);
    });
  }
});
