// `npm run bench [-- --sizes 1,25,100,300,1000 --long 5 --photos 50 --runs 1 --only galley-pdf,pagedjs-cli]`
// For each manuscript (N chapters of the article; one chapter of --long MB; one of --photos 12 MP photographs), in
// one run and side by side: Galley's full build, its PDF alone and its EPUB alone;
// pagedjs-cli on Galley's own print HTML; a bare Chromium print of that HTML without
// Paged.js; and a bare Chromium print of Galley's HTML edition (no Paged.js, no
// print styles: the floor for printing this content here). Every variant uses the
// same browser binary. Wall time is the median of the runs (after a warm-up when
// there are several); memory is the peak resident set of the whole process tree.
// Results and the machine: bench/results/<--out, default latest>.{json,md}.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exportPrintHtml } from './export-print-html.mjs';
import { generate, generateLong, generatePhotos } from './generate.mjs';
import { measure } from './measure.mjs';
import { findBrowser } from '../dist/editions/pdf/find-browser.js';
import { chromiumArgs } from '../dist/editions/pdf/browser.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,25,100,300,1000' },
    long: { type: 'string', default: '5' },
    photos: { type: 'string', default: '50' },
    runs: { type: 'string', default: '1' },
    only: { type: 'string' },
    // Results go to bench/results/<out>.{json,md}.
    out: { type: 'string', default: 'latest' },
    // pagedjs-cli takes hours beyond this many pages' worth of chapters; above it, it is left out.
    'pagedjs-max': { type: 'string', default: '300' },
  },
});
const runs = Math.max(1, Number(values.runs));
const only = values.only?.split(',');
const work = path.join(os.tmpdir(), 'galley-bench');
const browser = findBrowser();
const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: browser, PUPPETEER_SKIP_DOWNLOAD: '1' };
const cli = path.join(repo, 'dist', 'bin', 'galley.js');
const pagedjsCli = path.join(repo, 'node_modules', 'pagedjs-cli', 'src', 'cli.js');
const barePrint = path.join(here, 'bare-print.mjs');

const books = [
  ...values.sizes
    .split(',')
    .filter(Boolean)
    .map(Number)
    .map((n) => ({ key: `${n} ch`, chapters: n, make: (root) => generate(root, n), slug: `benchmark-of-${n}-chapter${n === 1 ? '' : 's'}` })),
  ...(Number(values.long) > 0
    ? [
        {
          key: `1 ch of ${values.long} MB`,
          chapters: undefined,
          make: (root) => generateLong(root, Number(values.long)),
          slug: `one-chapter-of-${values.long.replace('.', '-')}-mb`,
        },
      ]
    : []),
  ...(Number(values.photos) > 0
    ? [
        {
          key: `${values.photos} photos`,
          chapters: undefined,
          make: (root) => generatePhotos(root, Number(values.photos)),
          slug: `${values.photos}-photographs`,
        },
      ]
    : []),
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function variants(book, root, refs, out) {
  const pagedjsTooBig = book.chapters === undefined || book.chapters > Number(values['pagedjs-max']);
  return {
    'galley-all': [process.execPath, [cli, 'build', root, '--out', out, '--timings', '--quiet']],
    'galley-pdf': [process.execPath, [cli, 'build', root, '--out', out, '--format', 'pdf', '--timings', '--quiet']],
    'galley-epub': [process.execPath, [cli, 'build', root, '--out', out, '--format', 'epub', '--timings', '--quiet']],
    ...(pagedjsTooBig
      ? {}
      : {
          'pagedjs-cli': [
            process.execPath,
            [
              pagedjsCli,
              refs.print,
              '-o',
              path.join(out, 'pagedjs-cli.pdf'),
              '--timeout',
              '36000000',
              '--browserArgs',
              chromiumArgs.filter((a) => !a.includes(',')).join(','),
            ],
          ],
        }),
    'bare-print': [process.execPath, [barePrint, refs.print, path.join(out, 'bare.pdf')]],
    'html-print': [process.execPath, [barePrint, refs.html, path.join(out, 'html-print.pdf')]],
  };
}

function parseTimings(stderr) {
  const stages = {};
  for (const [, stage, ms] of stderr.matchAll(/^timing: (\S+) ([\d.]+) ms/gm)) stages[stage] = Number(ms);
  return stages;
}

const pageCount = (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

// One warm-up of the whole pipeline (font cache, disk cache) before anything is measured.
await generate(path.join(work, 'warm-up'), 1);
await measure(process.execPath, [cli, 'build', path.join(work, 'warm-up'), '--out', path.join(work, 'warm-up-out'), '--quiet'], { env, cwd: repo });

const results = [];
for (const book of books) {
  const id = book.key.replace(/\W+/g, '-');
  const root = path.join(work, `book-${id}`);
  const out = path.join(work, `out-${id}`);
  const ref = path.join(work, `ref-${id}`);
  await book.make(root);
  await rm(ref, { recursive: true, force: true });
  await mkdir(ref, { recursive: true });
  await mkdir(out, { recursive: true });
  const print = await exportPrintHtml(root, ref);
  execFileSync(process.execPath, [cli, 'build', root, '--out', ref, '--format', 'html', '--quiet'], { env });
  const refs = { print, html: path.join(ref, `${book.slug}.html`) };
  const row = { book: book.key, chapters: book.chapters, variants: {} };
  for (const [name, [command, args]] of Object.entries(variants(book, root, refs, out))) {
    if (only && !only.includes(name)) continue;
    const samples = [];
    for (let i = runs > 1 ? 0 : 1; i <= runs; i++) {
      const sample = await measure(command, args, { env, cwd: repo });
      if (i > 0) samples.push(sample); // with several runs, the first warms caches up
      process.stderr.write(
        `  ${book.key}, ${name}, run ${i}: ${(sample.ms / 1000).toFixed(2)} s, ${sample.peakPssMb.toFixed(0)} MB PSS, ${sample.peakMb.toFixed(0)} MB RSS\n`,
      );
    }
    const stageRuns = samples.map((s) => parseTimings(s.stderr));
    const stages = {};
    for (const stage of Object.keys(stageRuns[0] ?? {})) stages[stage] = median(stageRuns.map((t) => t[stage] ?? 0));
    row.variants[name] = {
      ms: median(samples.map((s) => s.ms)),
      peakMb: Math.max(...samples.map((s) => s.peakMb)),
      peakPssMb: Math.max(...samples.map((s) => s.peakPssMb)),
      runs: samples.length,
      ...(Object.keys(stages).length ? { stages } : {}),
    };
  }
  if ((!only || only.includes('watch')) && book.chapters !== undefined && book.chapters <= 100) {
    const { stdout } = await measure(process.execPath, [path.join(here, 'watch-rebuild.mjs'), root, String(Math.max(runs, 2))], { env, cwd: repo });
    const rebuilds = JSON.parse(stdout);
    row.variants['galley-watch-rebuild'] = { ms: median(rebuilds), runs: rebuilds.length, samples: rebuilds };
    process.stderr.write(`  ${book.key}, watch rebuilds: ${rebuilds.join(', ')} ms\n`);
  }
  const pdf = path.join(out, `${book.slug}.pdf`);
  row.pages = await Promise.resolve()
    .then(() => pageCount(pdf))
    .catch(() => undefined);
  results.push(row);
}

// Ratios as the targets state them.
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : undefined);
for (const row of results) {
  const v = row.variants;
  row.ratios = {
    allVsPagedjsCli: ratio(v['galley-all']?.ms, v['pagedjs-cli']?.ms),
    pdfVsPagedjsCli: ratio(v['galley-pdf']?.ms, v['pagedjs-cli']?.ms),
    pdfVsBarePrint: ratio(v['galley-pdf']?.ms, v['bare-print']?.ms),
    pdfVsHtmlPrint: ratio(v['galley-pdf']?.ms, v['html-print']?.ms),
    memoryVsPagedjsCli: ratio(v['galley-pdf']?.peakPssMb, v['pagedjs-cli']?.peakPssMb),
    pdfMsPerPage: row.pages && v['galley-pdf'] ? Math.round((v['galley-pdf'].ms / row.pages) * 10) / 10 : undefined,
    pagedjsMsPerPage: row.pages && v['pagedjs-cli'] ? Math.round((v['pagedjs-cli'].ms / row.pages) * 10) / 10 : undefined,
  };
}
const rate = (chapters) => results.find((r) => r.chapters === chapters)?.ratios.pdfMsPerPage;
const targets = {
  'pdf ms/page at 100 ch ÷ at 25 ch (≤ 1.1)': ratio(rate(100), rate(25)),
  'pdf ms/page at 1000 ch ÷ at 25 ch (≤ 1.1)': ratio(rate(1000), rate(25)),
  'pdf ms/page at 300 ch ÷ at 100 ch': ratio(rate(300), rate(100)),
};

const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, browser };
const s = (v, name) => (v[name] ? `${(v[name].ms / 1000).toFixed(2)} s` : '–');
const mb = (v, name) => (v[name] ? `${v[name].peakPssMb.toFixed(0)} (${v[name].peakMb.toFixed(0)})` : '–');
const table = [
  '| book | pages | galley all | galley pdf | galley epub | watch rebuild | pagedjs-cli | bare print | html print | pdf/pagedjs | pdf/html print | pdf/bare | pdf ms/page | pagedjs ms/page | peak MB PSS (RSS) pdf / pagedjs-cli / html print |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map((r) => {
    const v = r.variants;
    const q = r.ratios;
    return `| ${r.book} | ${r.pages ?? '–'} | ${s(v, 'galley-all')} | ${s(v, 'galley-pdf')} | ${s(v, 'galley-epub')} | ${s(v, 'galley-watch-rebuild')} | ${s(v, 'pagedjs-cli')} | ${s(v, 'bare-print')} | ${s(v, 'html-print')} | ${q.pdfVsPagedjsCli ?? '–'} | ${q.pdfVsHtmlPrint ?? '–'} | ${q.pdfVsBarePrint ?? '–'} | ${q.pdfMsPerPage ?? '–'} | ${q.pagedjsMsPerPage ?? '–'} | ${mb(v, 'galley-pdf')} / ${mb(v, 'pagedjs-cli')} / ${mb(v, 'html-print')} |`;
  }),
];
const markdown = [
  '# Galley benchmark',
  '',
  `Machine: ${machine.cpus} cores (${machine.cpu}), ${machine.memoryGb} GiB, Node ${machine.node}, ${machine.browser}. Median of ${runs} run(s)${runs > 1 ? ' after a warm-up' : ''}; pagedjs-cli only up to ${values['pagedjs-max']} chapters.`,
  '',
  "bare print: Chromium `page.pdf()` of Galley's print HTML without Paged.js; html print: of Galley's HTML edition.",
  '',
  ...table,
  '',
  ...Object.entries(targets).map(([what, value]) => `- ${what}: ${value ?? '–'}`),
  '',
  'Galley stages (full build, median ms):',
  '',
  ...results.map(
    (r) =>
      `- ${r.book}: ${Object.entries(r.variants['galley-all']?.stages ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
  ),
  '',
].join('\n');
// `--out name` goes to bench/results/; a path (`--out /tmp/run`) is used as it is.
const outBase = path.resolve(here, 'results', values.out);
await mkdir(path.dirname(outBase), { recursive: true });
await writeFile(`${outBase}.json`, `${JSON.stringify({ machine, runs, results, targets }, null, 2)}\n`);
await writeFile(`${outBase}.md`, markdown);
process.stdout.write(markdown);
