// `npm run bench [-- --sizes 1,20,100,300 --runs 3]`
// For each manuscript size, in one run and side by side: Galley's full build, its
// PDF alone and its EPUB alone; pagedjs-cli on Galley's own print HTML; and a bare
// Chromium print of that HTML without Paged.js (the lower bound). Wall time is the
// median of the runs after one warm-up; memory is the peak resident set of the
// whole process tree. Results: bench/results/latest.{json,md}.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exportPrintHtml } from './export-print-html.mjs';
import { generate } from './generate.mjs';
import { measure } from './measure.mjs';
import { findBrowser } from '../dist/editions/pdf/find-browser.js';
import { chromiumArgs } from '../dist/editions/pdf/browser.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1,20,100,300' }, runs: { type: 'string', default: '3' }, only: { type: 'string' } },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Math.max(1, Number(values.runs));
const work = path.join(os.tmpdir(), 'galley-bench');
const browser = findBrowser();
const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: browser, PUPPETEER_SKIP_DOWNLOAD: '1' };
const cli = path.join(repo, 'dist', 'cli.js');
const pagedjsCli = path.join(repo, 'node_modules', 'pagedjs-cli', 'src', 'cli.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function variants(root, printHtml, out) {
  return {
    'galley-all': [process.execPath, [cli, 'build', root, '--out', out, '--timings', '--quiet']],
    'galley-pdf': [process.execPath, [cli, 'build', root, '--out', out, '--format', 'pdf', '--timings', '--quiet']],
    'galley-epub': [process.execPath, [cli, 'build', root, '--out', out, '--format', 'epub', '--timings', '--quiet']],
    'pagedjs-cli': [
      process.execPath,
      [
        pagedjsCli,
        printHtml,
        '-o',
        path.join(out, 'pagedjs-cli.pdf'),
        '--timeout',
        '3600000',
        '--browserArgs',
        chromiumArgs.filter((a) => !a.includes(',')).join(','),
      ],
    ],
    'bare-print': [process.execPath, [path.join(here, 'bare-print.mjs'), printHtml, path.join(out, 'bare.pdf')]],
  };
}

function parseTimings(stderr) {
  const stages = {};
  for (const [, stage, ms] of stderr.matchAll(/^timing: (\S+) ([\d.]+) ms/gm)) stages[stage] = Number(ms);
  return stages;
}

async function pageCount(file) {
  const { execFileSync } = await import('node:child_process');
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

const results = [];
for (const chapters of sizes) {
  const root = path.join(work, `book-${chapters}`);
  const out = path.join(work, `out-${chapters}`);
  const ref = path.join(work, `print-${chapters}`);
  await generate(root, chapters);
  await rm(ref, { recursive: true, force: true });
  await mkdir(ref, { recursive: true });
  await mkdir(out, { recursive: true });
  const printHtml = await exportPrintHtml(root, ref);
  const row = { chapters, variants: {} };
  for (const [name, [command, args]] of Object.entries(variants(root, printHtml, out))) {
    if (values.only && !values.only.split(',').includes(name)) continue;
    const samples = [];
    for (let i = 0; i <= runs; i++) {
      const sample = await measure(command, args, { env, cwd: repo });
      if (i > 0) samples.push(sample); // the first run warms caches up
      process.stderr.write(`  ${chapters} chapters, ${name}, run ${i}: ${(sample.ms / 1000).toFixed(2)} s, ${sample.peakMb.toFixed(0)} MB\n`);
    }
    const stageRuns = samples.map((s) => parseTimings(s.stderr));
    const stages = {};
    for (const stage of Object.keys(stageRuns[0] ?? {})) stages[stage] = median(stageRuns.map((t) => t[stage] ?? 0));
    row.variants[name] = {
      ms: median(samples.map((s) => s.ms)),
      peakMb: Math.max(...samples.map((s) => s.peakMb)),
      runs: samples.length,
      ...(Object.keys(stages).length ? { stages } : {}),
    };
  }
  if (!values.only || values.only.split(',').includes('watch')) {
    const { stdout } = await measure(process.execPath, [path.join(here, 'watch-rebuild.mjs'), root, String(runs)], { env, cwd: repo });
    const rebuilds = JSON.parse(stdout);
    row.variants['galley-watch-rebuild'] = { ms: median(rebuilds), runs: rebuilds.length, samples: rebuilds };
    process.stderr.write(`  ${chapters} chapters, watch rebuilds: ${rebuilds.join(', ')} ms\n`);
  }
  const slug = `benchmark-of-${chapters}-chapter${chapters === 1 ? '' : 's'}`;
  row.pages = await pageCount(path.join(out, `${slug}.pdf`)).catch(() => undefined);
  results.push(row);
}

// Ratios to the references, as the targets state them.
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : undefined);
for (const row of results) {
  const v = row.variants;
  row.ratios = {
    allVsPagedjsCli: ratio(v['galley-all']?.ms, v['pagedjs-cli']?.ms),
    pdfVsPagedjsCli: ratio(v['galley-pdf']?.ms, v['pagedjs-cli']?.ms),
    pdfVsBarePrint: ratio(v['galley-pdf']?.ms, v['bare-print']?.ms),
    memoryVsPagedjsCli: ratio(v['galley-pdf']?.peakMb, v['pagedjs-cli']?.peakMb),
    pdfMsPerPage: row.pages ? Math.round((v['galley-pdf']?.ms ?? 0) / row.pages) : undefined,
    watchVsColdPdf: ratio(v['galley-watch-rebuild']?.ms, v['galley-pdf']?.ms),
    epubSeconds: v['galley-epub'] ? Math.round(v['galley-epub'].ms) / 1000 : undefined,
  };
}

const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, browser };
const table = [
  '| chapters | pages | galley all | galley pdf | galley epub | pagedjs-cli | bare print | watch rebuild | all/pagedjs | pdf/pagedjs | pdf/bare | watch/cold pdf | ms/page | peak MB galley pdf / pagedjs-cli |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map((r) => {
    const v = r.variants;
    const s = (name) => (v[name] ? `${(v[name].ms / 1000).toFixed(2)} s` : '–');
    return `| ${r.chapters} | ${r.pages ?? '–'} | ${s('galley-all')} | ${s('galley-pdf')} | ${s('galley-epub')} | ${s('pagedjs-cli')} | ${s('bare-print')} | ${s('galley-watch-rebuild')} | ${r.ratios.allVsPagedjsCli ?? '–'} | ${r.ratios.pdfVsPagedjsCli ?? '–'} | ${r.ratios.pdfVsBarePrint ?? '–'} | ${r.ratios.watchVsColdPdf ?? '–'} | ${r.ratios.pdfMsPerPage ?? '–'} | ${v['galley-pdf']?.peakMb.toFixed(0) ?? '–'} / ${v['pagedjs-cli']?.peakMb.toFixed(0) ?? '–'} |`;
  }),
];
const stageTable = [
  '',
  'Galley stages (full build, median ms):',
  '',
  ...results.map(
    (r) =>
      `- ${r.chapters} chapters: ${Object.entries(r.variants['galley-all']?.stages ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
  ),
];
const markdown = [
  `# Galley benchmark`,
  '',
  `Machine: ${machine.cpus} cores (${machine.cpu}), ${machine.memoryGb} GiB, Node ${machine.node}, ${machine.browser}. Median of ${runs} run(s) after a warm-up.`,
  '',
  ...table,
  ...stageTable,
  '',
].join('\n');
await mkdir(path.join(here, 'results'), { recursive: true });
await writeFile(path.join(here, 'results', 'latest.json'), `${JSON.stringify({ machine, runs, results }, null, 2)}\n`);
await writeFile(path.join(here, 'results', 'latest.md'), markdown);
process.stdout.write(markdown);
