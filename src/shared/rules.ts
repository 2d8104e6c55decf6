/**
 * Every rule a Galley message can carry: the id printed in brackets after each
 * message (`[bad-date]`), never changed once released, what the rule is about and
 * what to do. The README's list of rules is generated from this catalogue.
 */
export interface Rule {
  /** What went wrong, in a few words. */
  readonly title: string;
  /** What to do about it. */
  readonly hint: string;
}

export const rules = {
  'bad-attribute': {
    title: 'An attribute in `{…}` that Galley does not read',
    hint: 'Galley reads `#id` and `.class` everywhere, `width` (`50%`, `8cm`), `fig-alt` and `fig-pos` (`t`, `b`, `p`, `h`) on images; the attribute was left out.',
  },
  'bad-css': {
    title: 'A style sheet has CSS that cannot be read, nested rules, `position: fixed`, nesting too deep, or a `:not()` e-book readers cannot read',
    hint: 'Fix the CSS at the place named; what cannot be read is left out of every edition, so the rule has no effect as written; in `:not()`, use simple selectors (`:not(.a):not(.b)`).',
  },
  'bad-date': { title: 'A date is not a real calendar date', hint: 'Write dates as YYYY-MM-DD (or YYYY-MM, YYYY); a range ends on or after its start.' },
  'control-character': {
    title: 'A character that no edition can carry',
    hint: 'It was removed: control characters (other than tabs and line ends) and non-characters cannot be printed or stored in an e-book.',
  },
  'bad-value': {
    title: 'A value has the right type but is not allowed',
    hint: 'Follow the format the message names (language tag, identifier, chapter path, id).',
  },
  'blocked-request': {
    title: 'The page tried to load something from outside the manuscript',
    hint: 'Put the file inside the manuscript folder; builds never read other files or the network.',
  },
  'broken-link': {
    title: 'A link points at nothing',
    hint: 'Link to a heading, note or id that exists; a link to another chapter names its Markdown file (`02-b.md#heading`).',
  },
  'duplicate-chapter': {
    title: 'A chapter is listed twice, or two chapters share an id',
    hint: 'List each chapter once; give chapters distinct `id`s in their front matter.',
  },
  'duplicate-id': {
    title: 'Two elements share an id, or two ids read the same percent-decoded',
    hint: 'Give each element an id of its own, not one Galley uses (`main`, `toc`, `title-page`, `part-2`), and write ids as they read (`café`, not `caf%C3%A9`): links and PDF destinations read them decoded.',
  },
  'duplicate-key': { title: 'A key is written twice', hint: 'Remove or rename one of them.' },
  'empty-heading': { title: 'A heading has no text', hint: 'Give the heading text; a heading without any is removed.' },
  'empty-link': {
    title: 'A link has no text, or no address',
    hint: 'Give the link text (without it, its address is shown) and an address (without one, its text is kept as text).',
  },
  'empty-file': { title: 'A file is empty', hint: 'Write content into it, or remove it from the book.' },
  'heading-order': { title: 'A heading skips a level', hint: 'Go down one level at a time (a chapter `#`, its sections `##`, theirs `###`).' },
  'image-converted': {
    title: 'Galley converted an image (a note)',
    hint: 'Its type is not one every e-reader shows (WebP, AVIF, TIFF), or its colours are CMYK: every edition gets a PNG (with transparency) or a JPEG in sRGB. Convert it yourself to choose how.',
  },
  'invalid-id': { title: 'An id is empty or has white space in it', hint: 'An HTML id is one word: write `sp-ace`, not `sp ace`.' },
  'invalid-utf8': { title: 'A file is not UTF-8 text', hint: 'Save the file as UTF-8.' },
  'pdfx-flattened': {
    title: 'A page of the press-ready PDF holds transparency, which PDF/X-3 does not allow',
    hint: 'Ghostscript printed the page as one image: its text is no longer text. Keep transparency (opacity, rgba colours, shadows, images with an alpha channel) out of the book to keep its pages as text.',
  },
  'low-resolution': {
    title: 'An image has too few pixels for its printed size',
    hint: 'Below 200 pixels per inch it prints soft. Use a larger image, or give it a smaller width (`{width=50%}`).',
  },
  'malformed-html': {
    title: 'Raw HTML that cannot be kept as written',
    hint: 'Close every tag you open in raw HTML; HTML has no CDATA sections. The message says what was dropped.',
  },
  'malformed-line': {
    title: 'A line of a wiki-text article has the wrong form',
    hint: 'Infobox lines are `- Key: Value`; headings are `==Section==`; a table is `{|` … `|}` with `|-`, `!` and `|` lines.',
  },
  'malformed-yaml': { title: 'YAML that cannot be read', hint: 'Fix the YAML syntax at the place named; front matter ends with a `---` line.' },
  'missing-alt': { title: 'An image has no description', hint: 'Describe the image in its alt text for readers who cannot see it.' },
  'missing-chapter': { title: 'A chapter listed in `book.yaml` does not exist', hint: 'Check the path; paths are relative to `book.yaml`.' },
  'missing-field': { title: 'A required field is missing', hint: 'Add the field the message names.' },
  'missing-glyph': {
    title:
      'No shipped font has a character, no shipped font draws a letter with its marks whole, or a page of the PDF draws a box the character check did not foresee',
    hint: 'The print edition draws a box for it. Write the character another way, or add a font that has it (README: Fonts); for a page, look for unusual characters on it.',
  },
  'missing-image': { title: 'An image file does not exist', hint: 'Check the path; image paths are relative to the chapter file.' },
  'missing-title': {
    title: 'A chapter has no title',
    hint: 'Start the chapter with a level-1 heading (`# Title`); until then its id stands in for it in the contents.',
  },
  'not-an-image': {
    title: 'A file used as an image is not a readable image',
    hint: 'Use a PNG, JPEG, GIF, WebP, AVIF, TIFF or SVG file (an SVG must be well-formed XML); a damaged file must be saved again.',
  },
  'not-found': { title: 'A file cannot be read', hint: 'Check that the path exists and is a readable file.' },
  'nul-byte': { title: 'A text file holds a NUL byte', hint: 'The file is probably binary; save it as UTF-8 text.' },
  'remote-image': { title: 'An image is on the network', hint: 'Download it into the manuscript folder; builds are offline.' },
  'table-headers': { title: 'A table has no header cells', hint: 'Give the table a header row (Markdown tables always have one; in raw HTML use `<th>`).' },
  'text-on-page': {
    title: 'The print edition does not hold the text of the manuscript',
    hint: "A layout fault lost, repeated, hid or cut off text on a page: check the house style's CSS, else please report it with the manuscript. A line wider than the page (a long URL or table) can be shortened.",
  },
  'too-large': { title: 'A file is larger than Galley reads', hint: 'Split the text into chapters, or make the image smaller.' },
  'undefined-footnote': {
    title: 'A footnote is called but its note is never written',
    hint: 'Write the note (`[^x]: …`) in the same chapter, or escape the bracket (`\\[^x]`) to print the text as it is.',
  },
  'unused-footnote': {
    title: 'A footnote is written but never printed',
    hint: 'Call it in the text (`[^x]`), or delete it; of two notes with the same label (in any case) only the first is printed.',
  },
  'unknown-reference': {
    title: 'A cross-reference names no figure, table or section of the book',
    hint: 'Give the target its id (`![…](map.png){#fig-map}`, `: Caption {#tbl-units}` after a table, `## Heading {#sec-name}`), or write `\\@` for the text itself.',
  },
  'unknown-field': { title: 'A field that the schema does not know', hint: 'Check the spelling against the README; the message suggests the closest field.' },
  'unknown-infobox-type': {
    title: 'An infobox `type` that neither the manuscript nor Galley declares',
    hint: 'It is shown as a generic box of its fields. Use a type the message lists, or declare it in `infoboxes/<type>.yaml` (README: Infobox types).',
  },
  'unsafe-html': { title: 'Raw HTML that could run or embed code', hint: 'It was removed; manuscripts cannot run scripts or embed other documents.' },
  'unsafe-style': {
    title: 'A style sheet loads something from outside the manuscript',
    hint: 'Builds are offline and read only the manuscript folder: put fonts (WOFF2, WOFF, TTF, OTF) and images (PNG, JPEG, GIF) in it and name them with a relative `url()`; `@import` is not read (list every sheet under `styles`).',
  },
  'unsafe-path': { title: 'A path leaves the manuscript folder', hint: 'Keep every file the book uses inside the manuscript folder.' },
  'unsafe-svg': {
    title: 'An SVG image runs code or refers to something outside itself',
    hint: 'Remove scripts, event handlers and foreign objects, and embed what the drawing uses (a `data:` PNG or JPEG, a `#fragment` of the file); builds read nothing an image points to.',
  },
  'unterminated-title': { title: 'A wiki-text title or heading is not closed', hint: 'Write `= Title =` and `==Section==` with as many `=` on both sides.' },
  'wrong-type': { title: 'A value has the wrong type', hint: 'Write the kind of value the message names (text, list, mapping, number).' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;

/** The rule ids, sorted. */
export const ruleIds = (): RuleId[] => (Object.keys(rules) as RuleId[]).sort();

/** The catalogue as a Markdown table (the README's list of rules). */
export function rulesMarkdown(): string {
  const rows = ruleIds().map((id) => `| \`${id}\` | ${rules[id].title} | ${rules[id].hint} |`);
  return ['| rule | what it means | what to do |', '| --- | --- | --- |', ...rows].join('\n');
}
