// PDF/A-2b (ISO 19005-2) checks of a PDF, with tools Galley did not write:
// Apache PDFBox Preflight, the PDF/A validator installable here (Debian's
// libpdfbox2-java), which checks PDF/A-1b only; and, for the rules where PDF/A-2
// differs from PDF/A-1, our own checks of the PDF/A-2 rule, on qpdf's reading of
// the file (pikepdf).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'];
const classPath = JARS.map((jar) => `/usr/share/java/${jar}.jar`).join(':');

/**
 * The PDF/A-1b rules PDF/A-2b relaxes, by Preflight's error code, and why the
 * PDF/A-2 rule holds (checked by `pdfa2Findings`):
 * - 1.0.6, reals beyond ±32,767: PDF/A-2 takes ISO 32000-1's limits (±3.4 × 10³⁸);
 *   Chromium's coordinates pass 32,767 after some dozen pages;
 * - 2.1.6, ICC profiles newer than version 2: PDF/A-2 allows version 4 (the sRGB
 *   profile Chromium tags images with is 4.3);
 * - 3.1.11, a subset font without CIDSet: optional in PDF/A-2;
 * - 2.2 and 4.1, transparency (groups, soft masks of images with alpha, opacity):
 *   allowed in PDF/A-2, with the standard blend modes and, here, an RGB output intent;
 * - 7.11.2, `pdfaid:part` must be 1: the file says 2.
 */
export const RELAXED_IN_PDFA2 = ['1.0.6', '2.1.6', '2.2.', '3.1.11', '4.1.', '7.11.2'] as const;

export interface PreflightError {
  code: string;
  message: string;
}

/** What PDFBox Preflight finds against PDF/A-1b (none: the file is valid PDF/A-1b). */
export async function preflight(file: string): Promise<PreflightError[]> {
  const result = await run('java', ['-cp', classPath, 'org.apache.pdfbox.preflight.Validator_A1b', file], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string; code?: number }) => {
      if (typeof error.stdout === 'string' && /not a valid PDF\/A-1b file/.test(error.stdout)) return { stdout: error.stdout };
      throw error;
    },
  );
  const errors: PreflightError[] = [];
  for (const line of result.stdout.split('\n')) {
    const match = /^(\d+(?:\.\d+)+) : (.*)$/.exec(line.trim());
    if (match) errors.push({ code: match[1]!, message: match[2]! });
  }
  if (errors.length === 0 && !/is a valid PDF\/A-1b file/.test(result.stdout)) throw new Error(`Preflight said: ${result.stdout}`);
  return errors;
}

/** Preflight's errors that PDF/A-2b does not relax. */
export const notRelaxed = (errors: readonly PreflightError[]): PreflightError[] =>
  errors.filter((error) => !RELAXED_IN_PDFA2.some((code) => error.code === code || (code.endsWith('.') && error.code.startsWith(code))));

/** The PDF/A-2 rules Galley must meet that Preflight (PDF/A-1b) cannot check for it; one line per finding. */
const PDFA2 = String.raw`
import json, re, sys, pikepdf
found = []
STANDARD_BLEND = {'/Normal', '/Compatible', '/Multiply', '/Screen', '/Overlay', '/Darken', '/Lighten', '/ColorDodge', '/ColorBurn',
                  '/HardLight', '/SoftLight', '/Difference', '/Exclusion', '/Hue', '/Saturation', '/Color', '/Luminosity'}
with pikepdf.open(sys.argv[1]) as pdf:
    meta = pdf.Root.get('/Metadata')
    xmp = meta.read_bytes().decode('utf-8') if meta is not None else ''
    part = re.search(r'<pdfaid:part>(\d+)</pdfaid:part>', xmp)
    conformance = re.search(r'<pdfaid:conformance>([ABU])</pdfaid:conformance>', xmp)
    if not part or part.group(1) != '2' or not conformance or conformance.group(1) != 'B':
        found.append('identification: the XMP does not say PDF/A-2b (pdfaid:part 2, pdfaid:conformance B)')
    intents = [i for i in pdf.Root.get('/OutputIntents', []) if i.get('/S') == '/GTS_PDFA1']
    if len(intents) != 1:
        found.append('output intent: not exactly one GTS_PDFA1 output intent')
    else:
        profile = intents[0].get('/DestOutputProfile')
        data = profile.read_bytes() if profile is not None else b''
        if profile is None or int(profile.get('/N', 0)) != 3 or data[12:20] != b'mntrRGB ':
            found.append('output intent: its profile is not an RGB display profile')
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            data = None
            if obj.get('/N') is not None and obj.get('/Type') is None and obj.get('/Subtype') is None:
                data = obj.read_bytes()
                if data[36:40] == b'acsp' and data[8] > 4:
                    found.append('icc: a profile of version %d (PDF/A-2 allows up to 4)' % data[8])
            filters = obj.get('/Filter')
            names = [str(f) for f in (filters if isinstance(filters, pikepdf.Array) else [filters] if filters is not None else [])]
            if '/LZWDecode' in names:
                found.append('filters: an LZW-compressed stream')
        if isinstance(obj, pikepdf.Dictionary) or isinstance(obj, pikepdf.Stream):
            d = obj if isinstance(obj, pikepdf.Dictionary) else obj.stream_dict
            for key in d.keys():
                value = d.get(key)
                for name in [pikepdf.Name(key), value] if isinstance(value, pikepdf.Name) else [pikepdf.Name(key)]:
                    raw = re.sub(rb'#([0-9A-Fa-f]{2})', lambda m: bytes([int(m.group(1), 16)]), name.unparse())[1:]
                    if len(raw) > 127:
                        found.append('names: a name of more than 127 bytes: /%s' % raw[:60].decode('utf-8', 'replace'))
            if d.get('/Type') == '/ExtGState':
                blend = d.get('/BM')
                modes = list(blend) if isinstance(blend, pikepdf.Array) else [blend] if blend is not None else []
                for mode in modes:
                    if str(mode) not in STANDARD_BLEND:
                        found.append('transparency: blend mode %s' % mode)
            if d.get('/S') in ('/JavaScript',) or '/JS' in d:
                found.append('actions: JavaScript')
    if '/EmbeddedFiles' in pdf.Root.get('/Names', {}):
        found.append('files: embedded files')
    if '/Encrypt' in pdf.trailer:
        found.append('encryption: the file is encrypted')
    if '/ID' not in pdf.trailer:
        found.append('file id: the trailer has no /ID')
    for number, page in enumerate(pdf.pages, 1):
        for annot in page.get('/Annots', []):
            flags = int(annot.get('/F', 0))
            if not flags & 4 or flags & (1 | 2 | 32 | 256):
                found.append('annotations: page %d has an annotation not printed or not visible (F %d)' % (number, flags))
        fonts = page.Resources.get('/Font', {})
        current = None
        for instruction in pikepdf.parse_content_stream(page):
            operator = str(instruction.operator)
            if operator == 'Tf':
                current = fonts.get(str(instruction.operands[0]))
            elif operator in ('Tj', 'TJ', "'", '"') and current is not None and current.get('/Subtype') == '/Type0':
                shown = instruction.operands[-1]
                for piece in (list(shown) if isinstance(shown, pikepdf.Array) else [shown]):
                    if isinstance(piece, pikepdf.String):
                        codes = bytes(piece)
                        if any(codes[i] == 0 and codes[i + 1] == 0 for i in range(0, len(codes) - 1, 2)):
                            found.append('notdef: page %d shows the .notdef glyph (%s)' % (number, current.get('/BaseFont')))
                            break
print(json.dumps(sorted(set(found))))
`;

/** Where a PDF fails the PDF/A-2b rules checked here that Preflight does not check (nothing: it meets them). */
export async function pdfa2Findings(bytes: Uint8Array): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'galley-pdfa-'));
  try {
    const file = path.join(dir, 'book.pdf');
    await writeFile(file, bytes);
    const { stdout } = await run('/usr/bin/python3', ['-c', PDFA2, file], { maxBuffer: 16 * 1024 * 1024 });
    return JSON.parse(stdout) as string[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
