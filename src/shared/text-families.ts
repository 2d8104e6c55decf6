/**
 * The shipped families a book may set its text in (`font.body`, `font.headings`
 * in `book.yaml`): those with whole Latin, Greek and Cyrillic alphabets in regular,
 * italic and bold. Other scripts fall back to the shipped fonts that have them.
 */
export const textFamilies = ['Source Serif 4', 'Source Sans 3', 'Noto Serif', 'Noto Sans', 'EB Garamond', 'Source Code Pro'] as const;

export type TextFamily = (typeof textFamilies)[number];

/** Whether a family is serif (its fallbacks are serif fonts) or sans. */
export const isSerif = (family: TextFamily): boolean => family === 'Source Serif 4' || family === 'Noto Serif' || family === 'EB Garamond';
