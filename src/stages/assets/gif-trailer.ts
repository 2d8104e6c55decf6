/**
 * Whether a GIF's blocks run whole to its trailer (GIF89a, sections 17–27). The
 * decoders (libvips', browsers') show what they can of a file cut short — the
 * frames before the cut, the top of a picture — without a word; this walks the
 * blocks and their sub-blocks, reading no pixels.
 */
export function gifComplete(data: Uint8Array): boolean {
  if (data.length < 13) return false;
  const colourTable = (flags: number) => ((flags & 0x80) !== 0 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  let at = 13 + colourTable(data[10]!);
  // Data sub-blocks: a size byte, that many bytes, until a size of 0.
  const subBlocks = () => {
    while (at < data.length && data[at] !== 0) at += data[at]! + 1;
    at++;
  };
  while (at < data.length) {
    const introducer = data[at]!;
    if (introducer === 0x3b) return true;
    if (introducer === 0x21) {
      at += 2;
      subBlocks();
    } else if (introducer === 0x2c) {
      if (at + 10 > data.length) return false;
      at += 10 + colourTable(data[at + 9]!) + 1;
      subBlocks();
    } else return false;
  }
  return false;
}
