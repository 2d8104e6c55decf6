/** A page's width and height, in millimetres. */
export interface TrimSize {
  width: number;
  height: number;
}

const MM_PER: Record<string, number> = { mm: 1, cm: 10, in: 25.4, pt: 25.4 / 72 };

/** The trim sizes known by name: ISO, US and the common book formats. */
export const namedTrimSizes = {
  A5: { width: 148, height: 210 },
  A4: { width: 210, height: 297 },
  B5: { width: 176, height: 250 },
  letter: { width: 215.9, height: 279.4 },
  '5x8': { width: 127, height: 203.2 },
  '5.25x8': { width: 133.35, height: 203.2 },
  '5.5x8.5': { width: 139.7, height: 215.9 },
  '6x9': { width: 152.4, height: 228.6 },
  '7x10': { width: 177.8, height: 254 },
  demy: { width: 138, height: 216 },
  royal: { width: 156, height: 234 },
} as const satisfies Record<string, TrimSize>;

export type TrimName = keyof typeof namedTrimSizes;

/** The smallest and largest side a page may have, in millimetres (3 and 17 inches). */
export const TRIM_LIMITS = { min: 76.2, max: 431.8 } as const;

const SIDE = String.raw`(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)?`;
const CUSTOM_SOURCE = String.raw`${SIDE}\s*[x×]\s*${SIDE}`;
const CUSTOM = new RegExp(`^${CUSTOM_SOURCE}$`);
const escapeRegExp = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a `trim` value looks like (names and sizes, not the limits), for editors' JSON Schemas. */
export const TRIM_PATTERN = `^(?:${Object.keys(namedTrimSizes).map(escapeRegExp).join('|')}|${CUSTOM_SOURCE})$`;

/**
 * The size a `trim` value names: a known name (`A5`, `6x9`, `royal`) or a width and
 * height with their units (`5.5in x 8.5in`, `156mm x 234mm`, `6 x 9in`: one unit
 * serves both); undefined when it is neither or a side is outside `TRIM_LIMITS`.
 */
export function trimSize(value: string): TrimSize | undefined {
  if (Object.hasOwn(namedTrimSizes, value)) return namedTrimSizes[value as TrimName];
  const match = CUSTOM.exec(value);
  if (!match) return undefined;
  const [, w, wUnit, h, hUnit] = match;
  const unitOf = (unit: string | undefined) => unit ?? wUnit ?? hUnit;
  const [widthUnit, heightUnit] = [unitOf(wUnit), unitOf(hUnit)];
  if (!widthUnit || !heightUnit) return undefined;
  // In millimetres to the micrometre: `5.5in` is 139.7, not 139.70000000000002.
  const toMm = (side: string | undefined, unit: string) => Math.round(Number(side) * MM_PER[unit]! * 1000) / 1000;
  const size = { width: toMm(w, widthUnit), height: toMm(h, heightUnit) };
  const inRange = (side: number) => side >= TRIM_LIMITS.min - 0.05 && side <= TRIM_LIMITS.max + 0.05;
  return inRange(size.width) && inRange(size.height) ? size : undefined;
}

const LENGTH = new RegExp(`^${SIDE}$`);

/** A length written with its unit (`15mm`, `0.6in`, `1.2cm`, `36pt`) in millimetres; undefined without a unit or when it is not one. */
export function lengthInMm(value: string): number | undefined {
  const match = LENGTH.exec(value.trim());
  if (!match?.[2]) return match && Number(match[1]) === 0 ? 0 : undefined;
  return Math.round(Number(match[1]) * MM_PER[match[2]]! * 1000) / 1000;
}
