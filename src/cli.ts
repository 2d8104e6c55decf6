#!/usr/bin/env node
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { VFileMessage } from 'vfile-message';
// Only what `build` needs to start the browser is loaded up front (it boots while the
// rest loads); the other commands load their modules when run.
import { build } from './build/build.js';
import { defaults, formats } from './build/build-options.js';
import { watch } from './build/watch.js';
import { BuildFailure, formatMessage, GalleyError } from './shared/messages.js';
import { isOutside } from './shared/outside-folder.js';
import { galleyVersion } from './shared/package-files.js';
import { type BuildProgress, ProgressDisplay } from './shared/progress.js';
import { atLeastOne, type BuildFlags, buildOptions, collect, type ImportFlags, parseFormats, parsePdfStandards } from './cli/arguments.js';

/** Exit codes: 0 success, 1 bad input or failed build, 2 wrong usage. */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
/** 128 + the signal number, as shells report a process ended by a signal. */
const EXIT_SIGNAL: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** The signal that interrupted the running build, if any. */
let interruptedBy: NodeJS.Signals | undefined;

interface GlobalFlags {
  quiet?: boolean;
  verbose?: boolean;
}

const relative = (file: string): string => {
  const rel = path.relative(process.cwd(), file);
  return rel === '' || isOutside(rel) ? file : rel;
};

function report(messages: readonly VFileMessage[], flags: GlobalFlags): void {
  for (const msg of messages) {
    if (!msg.fatal && flags.quiet) continue;
    process.stderr.write(`${formatMessage(msg, relative)}\n`);
  }
}

function program(): Command {
  const cli = new Command('galley')
    .description('Turn a Markdown manuscript with a typed infobox into print-ready PDF, EPUB 3 and HTML.')
    .version(galleyVersion, '-V, --version', 'print the version')
    .option('-q, --quiet', 'print errors only')
    .option('--verbose', 'print stack traces of internal errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  cli
    .command('build')
    .description('build the editions of a manuscript folder (default: html, pdf and epub)')
    .argument('[dir]', 'the manuscript folder, holding book.yaml', 'manuscript')
    .option('-o, --out <dir>', 'output folder', defaults.outDir)
    .addOption(new Option('-f, --format <list>', `editions to build, comma separated: ${formats.join(', ')}`).argParser(parseFormats))
    .addOption(
      new Option('--timeout <seconds>', 'limit for the browser work of the PDF edition, all parts together (default: from the size of the book)').argParser(
        atLeastOne('a number of seconds', false),
      ),
    )
    .addOption(
      new Option('-j, --jobs <n>', 'layout parts laid out at once').default(defaults.jobs, 'one per core').argParser(atLeastOne('a whole number', true)),
    )
    .addOption(
      new Option(
        '--pdf-standard <names>',
        'make the PDF to standards, checked before it claims them: pdfa-2b (PDF/A-2b, for archives; also "pdfa"), pdfua-1 (PDF/UA-1, accessible; also "pdfua"), or both ("pdfa-2b,pdfua-1"); without it, to none',
      ).argParser(parsePdfStandards),
    )
    .option('--timings', 'print how long each stage took (stderr)')
    .option('--strict', 'treat warnings as errors (for CI): nothing is written if there is any')
    .option('-w, --watch', 'keep running: rebuild on every change of the manuscript or styles')
    .action(async (dir: string, opts: BuildFlags, command: Command) => {
      const flags = command.optsWithGlobals<GlobalFlags>();
      if (opts.watch) return watchMode(dir, opts, flags);
      const controller = new AbortController();
      const stop = (signal: NodeJS.Signals) => {
        interruptedBy = signal;
        controller.abort(new Error(`Interrupted by ${signal}`));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const progress = flags.quiet
        ? undefined
        : new ProgressDisplay(
            (text) => process.stderr.write(text),
            process.stderr.isTTY === true,
            () => process.stderr.columns ?? 80,
          );
      try {
        const result = await build({
          ...buildOptions(dir, opts),
          strict: opts.strict === true,
          signal: controller.signal,
          ...(progress ? { onProgress: (event: BuildProgress) => progress.update(event) } : {}),
        });
        progress?.done();
        report(result.messages, flags);
        if (!flags.quiet) for (const output of result.outputs) process.stdout.write(`wrote ${relative(output.path)}\n`);
        if (opts.timings) for (const { stage, at, ms } of result.timings) process.stderr.write(`timing: ${stage} ${ms} ms (at ${at} ms)\n`);
      } finally {
        progress?.done();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });

  cli
    .command('import')
    .description('convert wiki-text articles into a manuscript folder (one chapter per article)')
    .argument('<articles...>', 'the articles (.txt in wiki-text format), in reading order')
    .option('-o, --out <dir>', 'manuscript folder to write; its infoboxes/ types are used', 'manuscript')
    .option('--title <text>', "the book's title (default: the first article's)")
    .option('--lang <tag>', 'language of the articles, BCP 47 (default: a `Language:` line, else en)')
    .option('--creator <name>', 'author or editor, repeatable (default: the `Author:` lines)', collect)
    .option('--publisher <name>', 'publisher')
    .option('--rights <text>', 'rights statement')
    .option('--date <yyyy-mm-dd>', 'publication date (default: a `Date:` line, else the day the newest article was changed)')
    .option('--subject <text>', 'subject, repeatable (default: the `Subjects:` lines)', collect)
    .action(async (articles: string[], opts: ImportFlags, command: Command) => {
      const flags = command.optsWithGlobals<GlobalFlags>();
      const { importArticles, loadInfoboxTypes, writeManuscript } = await import('./index.js');
      const { types, files } = await loadInfoboxTypes(opts.out);
      report(
        files.flatMap((file) => file.messages),
        flags,
      );
      if (files.some((file) => file.messages.some((m) => m.fatal))) throw new GalleyError(files.flatMap((file) => file.messages));
      const result = await importArticles(articles, {
        types,
        title: opts.title,
        language: opts.lang,
        creator: opts.creator,
        publisher: opts.publisher,
        rights: opts.rights,
        date: opts.date,
        subjects: opts.subject,
      });
      report(result.messages, flags);
      const written = await writeManuscript(opts.out, result.files);
      if (!flags.quiet) for (const file of written) process.stdout.write(`wrote ${relative(file)}\n`);
    });

  cli
    .command('schema')
    .description("write JSON Schemas of book.yaml, the chapters' front matter and every infobox type, for editors")
    .argument('[dir]', 'the manuscript folder', 'manuscript')
    .option('-o, --out <dir>', 'folder to write them to (default: <dir>/schemas)')
    .action(async (dir: string, opts: { out?: string }, command: Command) => {
      const flags = command.optsWithGlobals<GlobalFlags>();
      const { writeSchemas } = await import('./build/write-schemas.js');
      const written = await writeSchemas(dir, opts.out);
      if (!flags.quiet) for (const file of written) process.stdout.write(`wrote ${relative(file)}\n`);
    });
  return cli;
}

/** `galley build --watch`: report each rebuild until SIGINT or SIGTERM. */
async function watchMode(dir: string, opts: BuildFlags, flags: GlobalFlags): Promise<void> {
  const watcher = watch(buildOptions(dir, opts), (event) => {
    const what = event.changed.length === 0 ? 'built' : `rebuilt after ${event.changed.map(relative).join(', ')} changed`;
    if (event.type === 'failed') {
      if (event.error instanceof GalleyError) report(event.error.messages, flags);
      else process.stderr.write(`galley: error: ${event.error instanceof Error ? event.error.message : String(event.error)}\n`);
      process.stderr.write(`galley: ${what}: failed, the previous files are kept (${Math.round(event.ms)} ms)\n`);
      return;
    }
    report(event.result.messages, flags);
    if (!flags.quiet) process.stdout.write(`${what}: ${event.result.outputs.map((o) => relative(o.path)).join(', ')} in ${Math.round(event.ms)} ms\n`);
    if (opts.timings) for (const { stage, at, ms } of event.result.timings) process.stderr.write(`timing: ${stage} ${ms} ms (at ${at} ms)\n`);
  });
  await watcher.ready;
  if (!flags.quiet) process.stdout.write(`watching ${relative(path.resolve(dir))} and Galley's styles; Ctrl-C stops\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await watcher.close();
}

async function main(argv: string[]): Promise<number> {
  const cli = program();
  try {
    await cli.parseAsync(argv);
    return 0;
  } catch (cause) {
    const flags = cli.opts<GlobalFlags>();
    if (interruptedBy) {
      process.stderr.write(`galley: interrupted by ${interruptedBy}; the browser was closed and nothing was written\n`);
      return EXIT_SIGNAL[interruptedBy] ?? EXIT_FAILURE;
    }
    if (cause instanceof CommanderError) {
      return cause.code === 'commander.helpDisplayed' || cause.code === 'commander.version' || cause.code === 'commander.help' ? 0 : EXIT_USAGE;
    }
    if (cause instanceof GalleyError) {
      report(cause.messages, flags);
      const errors = cause.messages.filter((m) => m.fatal).length;
      process.stderr.write(`galley: ${errors} error${errors === 1 ? '' : 's'}, nothing written\n`);
      return EXIT_FAILURE;
    }
    if (cause instanceof BuildFailure) {
      process.stderr.write(`galley: error: ${cause.message}\n`);
      if (flags.verbose && cause.cause instanceof Error) process.stderr.write(`${cause.cause.stack ?? ''}\n`);
      return EXIT_FAILURE;
    }
    const err = cause instanceof Error ? cause : new Error(String(cause));
    process.stderr.write(`galley: ${err.message}\n`);
    if (flags.verbose) process.stderr.write(`${err.stack ?? ''}\n`);
    else process.stderr.write('(run with --verbose for details)\n');
    return EXIT_FAILURE;
  }
}

process.exitCode = await main(process.argv);
