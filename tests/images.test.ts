import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { formatMessage } from '../src/shared/messages.js';
import { type ImageLimits, prepareImage } from '../src/stages/assets/prepare-image.js';
import { isSvg } from '../src/stages/assets/sniff-image.js';
import { epubcheck } from './epub-tools.js';
import { expectGalleyError, formatAll, repoRoot, tempDirs, writeFiles } from './helpers.js';

/**
 * Images for each edition (sharp): types every reader shows, the PDF's images within
 * the print resolution, the e-book's within its pixels, the same bytes on every build.
 */
const temp = tempDirs();
const exec = promisify(execFile);

/** A picture with some detail (JPEG and WebP do not shrink it to nothing). */
function photo(width: number, height: number, channels: 3 | 4 = 3): Sharp {
  const raw = Buffer.alloc(width * height * channels);
  let seed = 7;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const x = Math.floor(i / channels) % width;
    raw[i] = channels === 4 && i % 4 === 3 ? 128 : ((x * 255) / width + ((seed >> 16) % 20)) & 255;
  }
  return sharp(raw, { raw: { width, height, channels } });
}

/** An SVG map with text in a generic family and a named one, and `more` inside. */
const mapSvg = (more: string) =>
  new TextEncoder().encode(
    `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100">${more}<rect width="300" height="100" fill="#eee"/>` +
      '<text x="10" y="40" font-family="serif" font-size="20">A map: Serif</text><text x="10" y="80" font-family="Helvetica, sans-serif" font-size="20">Sans label</text></svg>',
  );

const limits: ImageLimits = { print: { width: 1335, height: 1984 }, screen: 4e6, quality: 85 };
const meta = (bytes: Uint8Array) => sharp(bytes).metadata();

describe('prepareImage', () => {
  it('makes a large photograph smaller for each edition, never larger, and keeps an image within the limits as it is', async () => {
    const big = new Uint8Array(await photo(3000, 2000).jpeg().toBuffer());
    const prepared = await prepareImage(big, limits);
    if (typeof prepared === 'string') throw new Error(prepared);
    expect(prepared).toMatchObject({ mediaType: 'image/jpeg', width: 3000, height: 2000, convertedFrom: undefined });
    expect(await meta(prepared.print)).toMatchObject({ format: 'jpeg', width: 1335, height: 890 });
    // 6 MP → 4 MP.
    expect(await meta(prepared.screen)).toMatchObject({ format: 'jpeg', width: 2449, height: 1632 });
    const small = new Uint8Array(await photo(600, 400).png().toBuffer());
    const kept = await prepareImage(small, limits);
    if (typeof kept === 'string') throw new Error(kept);
    expect(kept.print).toBe(small);
    expect(kept.screen).toBe(small);
  });

  it.each([
    ['WebP', (image: Sharp) => image.webp(), 3, 'image/jpeg'],
    ['WebP', (image: Sharp) => image.webp(), 4, 'image/png'],
    ['AVIF', (image: Sharp) => image.avif(), 3, 'image/jpeg'],
    ['TIFF', (image: Sharp) => image.tiff(), 3, 'image/jpeg'],
  ] as const)('converts %s to what every reader shows (case %#)', async (name, encode, channels, mediaType) => {
    const data = new Uint8Array(await encode(photo(320, 200, channels)).toBuffer());
    const prepared = await prepareImage(data, limits);
    if (typeof prepared === 'string') throw new Error(prepared);
    expect(prepared).toMatchObject({ mediaType, convertedFrom: name, width: 320, height: 200 });
    expect(await meta(prepared.screen)).toMatchObject({ format: mediaType.slice(6), width: 320, height: 200, hasAlpha: channels === 4 });
  });

  it('converts a CMYK JPEG to sRGB, and turns a photograph upright by its EXIF orientation', async () => {
    const cmyk = await prepareImage(new Uint8Array(await photo(300, 200).toColourspace('cmyk').jpeg().toBuffer()), limits);
    if (typeof cmyk === 'string') throw new Error(cmyk);
    expect(cmyk.convertedFrom).toBe('CMYK');
    expect(await meta(cmyk.screen)).toMatchObject({ format: 'jpeg', space: 'srgb', channels: 3 });
    // Taken sideways (orientation 6: to be turned a quarter clockwise), 3000 × 2000 as stored.
    const sideways = await prepareImage(new Uint8Array(await photo(3000, 2000).withMetadata({ orientation: 6 }).jpeg().toBuffer()), limits);
    if (typeof sideways === 'string') throw new Error(sideways);
    expect(sideways).toMatchObject({ width: 2000, height: 3000 });
    // Upright, and as tall as the text area allows at 300 ppi (1984 pixels).
    expect(await meta(sideways.print)).toMatchObject({ width: 1322, height: 1984 });
    expect((await meta(sideways.print)).orientation).toBeUndefined();
  });

  it('turns a photograph upright even where its size may stay (no e-reader then needs to read its EXIF orientation)', async () => {
    const sideways = await prepareImage(new Uint8Array(await photo(300, 200).withMetadata({ orientation: 6 }).jpeg().toBuffer()), limits);
    if (typeof sideways === 'string') throw new Error(sideways);
    expect(await meta(sideways.screen)).toMatchObject({ width: 200, height: 300 });
    expect((await meta(sideways.screen)).orientation).toBeUndefined();
  });

  it('says where an animation is not kept, and reads an SVG after a long licence in a comment as an SVG', async () => {
    const frame = (background: string) =>
      sharp({ create: { width: 64, height: 48, channels: 3, background } })
        .png()
        .toBuffer();
    const animated = await sharp([await frame('#c33'), await frame('#33c')], { join: { animated: true } })
      .webp()
      .toBuffer();
    expect((await meta(animated)).pages).toBe(2);
    const prepared = await prepareImage(new Uint8Array(animated), limits);
    if (typeof prepared === 'string') throw new Error(prepared);
    expect(prepared.convertedFrom).toBe('WebP (its first frame: an animation is not kept)');
    expect(isSvg(new TextEncoder().encode(`<?xml version="1.0"?>\n<!-- ${'A licence. '.repeat(600)} -->\n<svg xmlns="http://www.w3.org/2000/svg"/>`))).toBe(
      true,
    );
  });

  it('keeps a GIF within the limits as it is (an animation too), and makes a larger one a smaller PNG', async () => {
    const frame = (background: string, width: number, height: number) =>
      sharp({ create: { width, height, channels: 3, background } })
        .png()
        .toBuffer();
    const gif = async (width: number, height: number) =>
      new Uint8Array(
        await sharp([await frame('#c33', width, height), await frame('#33c', width, height)], { join: { animated: true } })
          .gif()
          .toBuffer(),
      );
    const small = await gif(300, 200);
    const kept = await prepareImage(small, limits);
    if (typeof kept === 'string') throw new Error(kept);
    expect(kept).toMatchObject({ mediaType: 'image/gif', convertedFrom: undefined, screen: small, print: small });
    const large = await prepareImage(await gif(3000, 2000), limits);
    if (typeof large === 'string') throw new Error(large);
    expect(large).toMatchObject({ mediaType: 'image/png', convertedFrom: 'GIF (its first frame: an animation is not kept)', width: 3000, height: 2000 });
    // (Opaque: no alpha channel to weigh.)
    expect(await meta(large.print)).toMatchObject({ format: 'png', width: 1335, height: 890, hasAlpha: false });
    expect(await meta(large.screen)).toMatchObject({ format: 'png', width: 2449, height: 1632, hasAlpha: false });
    // Within the e-book's pixels, wider than print takes (a tester's find: it lost its animation in every edition).
    const wide = await gif(1400, 1000);
    const both = await prepareImage(wide, limits);
    if (typeof both === 'string') throw new Error(both);
    expect(both).toMatchObject({ mediaType: 'image/gif', printType: 'image/png', convertedFrom: undefined, screen: wide });
    expect(await meta(both.print)).toMatchObject({ format: 'png', width: 1335, height: 953 });
    // Cut short in its second frame (a tester's find: kept, as the first frame decoded).
    expect(await prepareImage(small.subarray(0, small.length - 40), limits)).toMatch(/^it cannot be read as an image/);
  });

  it('keeps grey pictures grey (8- and 16-bit) where it makes them smaller', async () => {
    for (const space of ['b-w', 'grey16'] as const) {
      const grey = new Uint8Array(await photo(3000, 2000).toColourspace(space).png().toBuffer());
      const prepared = await prepareImage(grey, limits);
      if (typeof prepared === 'string') throw new Error(prepared);
      expect(await meta(prepared.screen)).toMatchObject({ channels: 1 });
      expect(await meta(prepared.print)).toMatchObject({ channels: 1 });
    }
  });

  it('refuses a damaged file with the decoder’s reason', async () => {
    const whole = await photo(400, 300).jpeg().toBuffer();
    // (An independent tester's finds: a TIFF one byte short printed black, a JPEG with garbage in its data half grey.)
    const tiff = await photo(600, 400).tiff().toBuffer();
    expect(await prepareImage(new Uint8Array(tiff.subarray(0, tiff.length - 1)), limits)).toMatch(/^it cannot be read as an image \(.*read error\)$/);
    const garbled = Buffer.from(whole);
    for (let i = whole.length >> 1; i < (whole.length >> 1) + 200; i++) garbled[i] = (i * 37) & 0xff;
    expect(await prepareImage(new Uint8Array(garbled), limits)).toMatch(/^it cannot be read as an image \(VipsJpeg: Corrupt JPEG data/);
    // Stray bytes between a JPEG's parts (cameras write them; every reader skips them) are no damage.
    const scan = whole.indexOf(Buffer.from([0xff, 0xda]));
    const stray = Buffer.concat([whole.subarray(0, scan), Buffer.from([1, 2, 3]), whole.subarray(scan)]);
    await expect(sharp(stray, { failOn: 'warning' }).raw().toBuffer()).rejects.toThrow(/3 extraneous bytes before marker 0xda/);
    expect(typeof (await prepareImage(new Uint8Array(stray), limits))).toBe('object');
    expect(await prepareImage(new Uint8Array(whole.subarray(0, whole.length / 2)), limits)).toMatch(/^it cannot be read as an image \(.+\)$/);
    expect(await prepareImage(new TextEncoder().encode('plain text, not a picture'), limits)).toMatch(/^it cannot be read as an image/);
  });
});

describe('a book with a large photograph, WebP, AVIF, TIFF, CMYK and transparent images', () => {
  let root: string;
  let out: string;
  let notes: string[];
  beforeAll(async () => {
    root = await temp();
    out = await temp();
    const pictures = {
      'photo.jpg': await photo(6000, 4000).jpeg({ quality: 90 }).toBuffer(),
      'photo.webp': await photo(1600, 1000).webp().toBuffer(),
      'photo.avif': await photo(1200, 800).avif().toBuffer(),
      'scan.tif': await photo(1000, 700).tiff().toBuffer(),
      'cmyk.jpg': await photo(1400, 900).toColourspace('cmyk').jpeg().toBuffer(),
      'veil.png': await photo(900, 600, 4).png().toBuffer(),
    };
    const chapter = [...Object.keys(pictures), 'map.svg'].map((name) => `A picture, ${name}:\n\n![The picture ${name}](pics/${name})\n`).join('\n');
    await writeFiles(root, {
      'book.yaml':
        'title: Pictures\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444496\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': `# Pictures\n\n${chapter}`,
      ...Object.fromEntries(Object.entries(pictures).map(([name, bytes]) => [`chapters/pics/${name}`, new Uint8Array(bytes)])),
      'chapters/pics/map.svg': mapSvg(''),
    });
    const result = await build({ root, outDir: out, formats: ['html', 'pdf', 'epub'], strict: true });
    notes = result.messages.map((message) => formatMessage(message, (file) => path.relative(root, file)));
  }, 240_000);

  it('says which images it converted, in notes that a strict build lets pass', () => {
    expect(notes).toEqual([
      'chapters/one.md:9:1: note: Image `pics/photo.webp`: WebP converted to JPEG (not every e-reader shows WebP) [image-converted]',
      'chapters/one.md:13:1: note: Image `pics/photo.avif`: AVIF converted to JPEG (not every e-reader shows AVIF) [image-converted]',
      'chapters/one.md:17:1: note: Image `pics/scan.tif`: TIFF converted to JPEG (not every e-reader shows TIFF) [image-converted]',
      'chapters/one.md:21:1: note: Image `pics/cmyk.jpg`: its CMYK colours converted to sRGB (screens and e-readers show RGB) [image-converted]',
    ]);
  });

  it('prints every image at most at 300 ppi (poppler’s pdfimages)', async () => {
    const list = (await exec('pdfimages', ['-list', path.join(out, 'pictures.pdf')])).stdout;
    const images = list
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((columns) => columns[2] === 'image');
    expect(images).toHaveLength(6);
    // width, height, x-ppi, y-ppi: the photograph 1335 pixels wide on A5's 113 mm text area.
    expect(images.map((i) => i.slice(3, 5).join('×'))).toEqual(['1335×890', '1335×834', '1200×800', '1000×700', '1335×858', '900×600']);
    for (const image of images) expect(Math.max(Number(image[12]), Number(image[13]))).toBeLessThanOrEqual(301);
  });

  it('packages images of at most 4 million pixels, of types every reader shows, in an EPUB epubcheck passes', async () => {
    const entries = unzipSync(await readFile(path.join(out, 'pictures.epub')));
    const images = Object.keys(entries).filter((name) => /\/images\/(?!_cover)/.test(name));
    const sizes = await Promise.all(images.map(async (name) => [path.basename(name), await meta(entries[name]!)] as const));
    expect(sizes.map(([name, m]) => `${name} ${m.format} ${m.width}×${m.height}`).sort()).toEqual([
      'cmyk.jpg jpeg 1400×900',
      'map.svg svg 300×100',
      'photo-2.jpg jpeg 1600×1000',
      'photo-3.jpg jpeg 1200×800',
      'photo.jpg jpeg 2449×1632',
      'scan.jpg jpeg 1000×700',
      'veil.png png 900×600',
    ]);
    const check = await epubcheck(path.join(out, 'pictures.epub'));
    expect(check.report).toBe('');
  }, 120_000);

  it('sets the SVG’s text, as all text, in shipped fonts only (pdffonts)', async () => {
    const fonts = (await exec('pdffonts', [path.join(out, 'pictures.pdf')])).stdout.trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(1);
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+(SourceSerif4|SourceSans3)\S* +CID TrueType +Identity-H +yes yes yes/);
    expect((await exec('pdftotext', [path.join(out, 'pictures.pdf'), '-'])).stdout).toContain('Sans label');
  });

  it('makes an EPUB within the size the README gives (3.5 MB for this book, most of it the PNG kept lossless)', async () => {
    const size = (await readFile(path.join(out, 'pictures.epub'))).length;
    expect(size).toBeLessThan(3.5e6);
  });

  it('fails, naming the image and the place in it, once the SVG refers outside its file', async () => {
    await writeFiles(root, { 'chapters/pics/map.svg': mapSvg('<image href="file:///etc/hosts.png" width="10" height="10"/>') });
    const error = await expectGalleyError(() => build({ root, outDir: out, formats: ['html', 'pdf', 'epub'] }));
    expect(formatAll(error.messages, root)).toMatch(
      /^chapters\/one\.md:29:1: error: Refused image `pics\/map\.svg`: .*\(chapters\/pics\/map\.svg:1:\d+\).* \[unsafe-svg\]$/m,
    );
    await writeFiles(root, { 'chapters/pics/map.svg': mapSvg('') });
  });

  it('builds the same bytes again, in another process', async () => {
    const again = await temp();
    await exec(process.execPath, [path.join(repoRoot, 'dist', 'bin', 'galley.js'), 'build', root, '-o', again, '--quiet']);
    for (const name of ['pictures.html', 'pictures.pdf', 'pictures.epub']) {
      expect(Buffer.compare(await readFile(path.join(again, name)), await readFile(path.join(out, name))), name).toBe(0);
    }
  }, 240_000);
});

describe('images printed smaller than the text area', () => {
  it('get pictures at the print resolution for the size they print at, in a table and at a set width', async () => {
    const root = await temp();
    const out = await temp();
    const photograph = new Uint8Array(await photo(4500, 3000).jpeg({ quality: 90 }).toBuffer());
    await writeFiles(root, {
      'book.yaml':
        'title: Sizes\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444489\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': [
        '# Sizes',
        'At half the width:\n\n![Half](half.jpg){width=50%}',
        'A square at a third, with transparency:\n\n![Square](square.png){width=33%}',
        '| Picture | Words |\n| --- | --- |\n| ![In a table](cell.jpg) | Some words in the other column of the table, to take its room. |',
        'Twice, at two widths (a picture for each):\n\n![Once](twice.jpg){width=80%}\n\n![Twice](twice.jpg){width=40%}',
      ].join('\n\n'),
      'chapters/half.jpg': photograph,
      'chapters/square.png': new Uint8Array(await photo(2000, 2000, 4).png().toBuffer()),
      'chapters/cell.jpg': new Uint8Array(await photo(3000, 2000).jpeg().toBuffer()),
      'chapters/twice.jpg': new Uint8Array(await photo(3000, 1500).jpeg().toBuffer()),
    });
    await build({ root, outDir: out, formats: ['pdf'], strict: true });
    const list = (await exec('pdfimages', ['-list', path.join(out, 'sizes.pdf')])).stdout;
    const images = list
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((columns) => columns[2] === 'image');
    // A5's text area is 1335 pixels wide at 300 ppi: half of it 668, a third 441.
    expect(images.map((i) => `${i.slice(3, 5).join('×')} ${i[8]}`)).toEqual([
      '668×445 jpeg',
      '441×441 image',
      expect.stringMatching(/^\d+×\d+ jpeg$/),
      '1068×534 jpeg',
      '534×267 jpeg',
    ]);
    // (pdfimages rounds; the printed height snaps to a CSS pixel.)
    for (const image of images) expect(Math.max(Number(image[12]), Number(image[13]))).toBeGreaterThanOrEqual(299);
    for (const image of images) expect(Math.max(Number(image[12]), Number(image[13]))).toBeLessThanOrEqual(302);
    expect(Number(images[2]![3])).toBeLessThan(1000);
  }, 120_000);

  it('are warned of at every place they print too soft, by the name the author gave them', async () => {
    const root = await temp();
    const small = new Uint8Array(await photo(300, 200).png().toBuffer());
    await writeFiles(root, {
      'book.yaml':
        'title: Soft\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444488\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md':
        '# Soft\n\n![One](pics/one.png){width=100%}\n\n![The same bytes](pics/same.png){width=100%}\n\n![Small enough](pics/one.png){width=10%}\n\n![A space](<pics/low pic.png>){width=100%}\n',
      'chapters/pics/one.png': small,
      'chapters/pics/same.png': small,
      'chapters/pics/low pic.png': small,
    });
    const result = await build({ root, outDir: await temp(), formats: ['pdf'] });
    expect(formatAll(result.messages, root).split('\n').filter(Boolean)).toEqual([
      'chapters/one.md:3:1: warning: The image `pics/one.png` is printed at 67 ppi: below 200 ppi it looks soft on paper; use an image with more pixels or print it smaller (`{width=…}`) [low-resolution]',
      'chapters/one.md:5:1: warning: The image `pics/same.png` is printed at 67 ppi: below 200 ppi it looks soft on paper; use an image with more pixels or print it smaller (`{width=…}`) [low-resolution]',
      'chapters/one.md:9:1: warning: The image `pics/low pic.png` is printed at 67 ppi: below 200 ppi it looks soft on paper; use an image with more pixels or print it smaller (`{width=…}`) [low-resolution]',
    ]);
  }, 120_000);
});

describe('settings and strict builds', () => {
  it('fails a strict build on a warning, and keeps the notes in its report; refuses a print resolution below 200 ppi', async () => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml':
        'title: Strict\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444491\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': '# Strict\n\n![A WebP](a.webp)\n\n![](b.webp)\n',
      'chapters/a.webp': new Uint8Array(await photo(40, 30).webp().toBuffer()),
      'chapters/b.webp': new Uint8Array(await photo(30, 40).webp().toBuffer()),
    });
    const outDir = await temp();
    const error = await expectGalleyError(() => build({ root, outDir, formats: ['html'], strict: true }));
    expect(formatAll(error.messages, root).split('\n').filter(Boolean)).toEqual([
      'chapters/one.md:3:1: note: Image `a.webp`: WebP converted to JPEG (not every e-reader shows WebP) [image-converted]',
      expect.stringMatching(/^chapters\/one\.md:5:1: error: Image `b\.webp` has no alt text.* \[missing-alt\]$/),
      'chapters/one.md:5:1: note: Image `b.webp`: WebP converted to JPEG (not every e-reader shows WebP) [image-converted]',
    ]);
    await writeFiles(root, { 'book.yaml': `${await readFile(path.join(root, 'book.yaml'), 'utf8')}images: { ppi: 150 }\n` });
    const low = await expectGalleyError(() => build({ root, outDir, formats: ['html'] }));
    expect(formatAll(low.messages, root)).toContain('Expected a print resolution (pixels per inch) between 200 and 1200, not 150');
  });
});

describe('an image in a footnote', () => {
  it('is checked for its printed resolution as any other (it was not looked at)', async () => {
    const root = await temp();
    await writeFiles(root, {
      'book.yaml':
        'title: Note\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444490\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': '# Note\n\nText with a note.[^a]\n\n[^a]: A picture: ![A small picture](small.png){width=100%}\n',
      'chapters/small.png': new Uint8Array(await photo(300, 200).png().toBuffer()),
    });
    const result = await build({ root, outDir: await temp(), formats: ['pdf'] });
    expect(result.messages.map((m) => m.ruleId)).toEqual(['low-resolution']);
  });
});

describe('a damaged image', () => {
  it('is an error at its place, whatever the editions (the e-book alone too)', async () => {
    const root = await temp();
    const whole = await photo(400, 300).jpeg().toBuffer();
    await writeFiles(root, {
      'book.yaml':
        'title: Damaged\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444495\ndate: 2026-01-01\nchapters: [chapters/one.md]\n',
      'chapters/one.md': '# Damaged\n\nText.\n\n![A cut picture](cut.jpg)\n',
      'chapters/cut.jpg': new Uint8Array(whole.subarray(0, whole.length / 2)),
    });
    const outDir = await temp();
    const error = await expectGalleyError(() => build({ root, outDir, formats: ['epub'] }));
    expect(formatAll(error.messages, root)).toMatch(
      /^chapters\/one\.md:5:1: error: Unexpected file `cut\.jpg`: it cannot be read as an image \(.+\) \[not-an-image\]\n$/,
    );
  });
});

describe('floated pictures', () => {
  const floatBook = async (css: string, before = 14, shape: 'inside' | 'opening' | 'list' = 'inside') => {
    const root = await temp();
    const lorem = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ';
    const floated = {
      inside: 'A float. ![A tall picture](tall.jpg){.side}',
      opening: '![A tall picture](tall.jpg){.side} A float.',
      list: '- A float. ![A tall picture](tall.jpg){.side}',
    };
    await writeFiles(root, {
      'book.yaml':
        'title: Floats\nlanguage: en\ncreator: A\nidentifier: urn:uuid:0b0b0b0b-1111-4222-8333-444444444485\ndate: 2026-01-01\nstyles: [house.css]\nchapters: [chapters/one.md]\n',
      'house.css': css,
      'chapters/one.md': `# Floats\n\n${lorem.repeat(before)}\n\n![Wide](wide.jpg){width=70%}\n\n${floated[shape]} ${lorem.repeat(3)}\n\nThe last paragraph.\n`,
      'chapters/wide.jpg': new Uint8Array(await photo(1400, 900).jpeg().toBuffer()),
      'chapters/tall.jpg': new Uint8Array(await photo(500, 3000).jpeg().toBuffer()),
    });
    return root;
  };

  it.each([10, 11, 12, 13, 14].flatMap((before) => (['inside', 'opening', 'list'] as const).map((shape) => [before, shape] as const)))(
    'go on to the next page with their line where the rest of the page is too short (%i paragraphs before, %s; testers found them printed nowhere)',
    async (before, shape) => {
      const root = await floatBook('img.side { float: right; width: 35%; margin: 0 0 0.5em 0.5em; }\n', before, shape);
      const out = await temp();
      await build({ root, outDir: out, formats: ['pdf'], strict: true });
      const pdf = path.join(out, 'floats.pdf');
      const list = (await exec('pdfimages', ['-list', pdf])).stdout.split('\n').slice(2).filter(Boolean);
      const pages = list.map((line) => Number(line.trim().split(/\s+/)[0]));
      expect(pages).toHaveLength(2);
      // The float on its paragraph's page, with the line it stands on (“A float.”) and the text after it.
      const text = async (page: number) => (await exec('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'])).stdout;
      const on = await text(pages[1]!);
      expect(on).toContain('A float.');
      expect(on).toContain('The last paragraph.');
      // Nothing from before the float's paragraph went on with it (a tester's find: a float in a list
      // item took the paragraphs before it along, and left their page all but empty).
      expect(on.slice(0, on.indexOf('A float.'))).not.toContain('ipsum');
    },
    120_000,
  );

  it('hidden by a house style fail the build as hidden text does', async () => {
    const root = await floatBook('img.side { display: none; }\n');
    const outDir = await temp();
    const error = await expectGalleyError(() => build({ root, outDir, formats: ['pdf'] }));
    expect(formatAll(error.messages, root)).toMatch(
      /^chapters\/one\.md:7:10: error: The print edition's layout lost the picture “A tall picture”: it is not drawn on the page on page \d+ \[text-on-page\]$/m,
    );
  }, 120_000);

  it('that fit no page fail the build with a located message, never silently', async () => {
    const root = await floatBook('img.side { float: right; width: 35%; max-height: none !important; }\n');
    const outDir = await temp();
    const error = await expectGalleyError(() => build({ root, outDir, formats: ['pdf'] }));
    expect(formatAll(error.messages, root)).toMatch(
      /^chapters\/one\.md:7:10: error: The print edition's layout lost the picture “A tall picture”: it runs off the page on page \d+ \[text-on-page\]$/m,
    );
  }, 120_000);
});
