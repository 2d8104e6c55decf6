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

/** A file-name slug for a title: "Ar-Rashid revolt" → "ar-rashid-revolt". */
export function slugify(title: string): string {
  return slugOrEmpty(title) || 'book';
}
