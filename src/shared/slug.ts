/** A slug of ASCII letters, digits and hyphens, or '' when nothing is left. */
export function slugOrEmpty(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The longest file-name slug: file systems refuse names over 255 bytes, and Galley adds endings and temporary suffixes. */
const MAX_SLUG = 80;

/** A file-name slug for a title: "Ar-Rashid revolt" → "ar-rashid-revolt"; a long title's cut at a word, within `MAX_SLUG`. */
export function slugify(title: string): string {
  const slug = slugOrEmpty(title);
  if (slug.length <= MAX_SLUG) return slug || 'book';
  const end = slug.lastIndexOf('-', MAX_SLUG);
  return slug.slice(0, end > 0 ? end : MAX_SLUG);
}
