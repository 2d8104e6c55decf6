import { describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { fixtures, tempDirs } from './helpers.js';

const temp = tempDirs();

describe('boxes on the pages', () => {
  it('are warned of where the text’s check of characters did not foresee them, at the page’s first block', async () => {
    const result = await build({ root: fixtures('pdf', 'box-ligatures'), outDir: await temp(), formats: ['pdf'] });
    const messages = result.messages.map((message) => `${message.line}:${message.column} ${message.reason}`);
    // The mark itself, warned of by the check of characters; and the page, whose three boxes are one more than that.
    expect(messages).toEqual([
      expect.stringMatching(/^1:1 Page \d+ of the PDF draws 3 boxes where a character has no glyph in the font it is set in \(SourceSerif4-Regular\)/),
      '3:1 No shipped font has the character ‘̷’ (U+0337); it prints as a box',
    ]);
  });
});
