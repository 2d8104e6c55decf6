/** `decodeURIComponent`, or the text as it is where it is not valid percent-encoding (`50%`). */
export function decodeUriPart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
