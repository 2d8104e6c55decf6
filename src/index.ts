/**
 * Galley's library API. Nothing here prints or exits: results and warnings are
 * returned, bad input is thrown as a `GalleyError` carrying located messages.
 */
export { build, createBuilder, type Builder, type BuildOutput, type BuildResult } from './build/build.js';
export { BuildOptions, formats, type BuildOptionsInput, type Format } from './build/build-options.js';
export { watch, type WatchEvent, type Watcher } from './build/watch.js';
export { BrowserNotFoundError, findBrowser } from './editions/pdf/find-browser.js';
export { importArticle, writeManuscript, type ImportedFile, type ImportResult } from './import/import-article.js';
export type { ImportMetadata } from './import/to-manuscript.js';
export type { InfoboxType, RenderContext } from './infobox/infobox-type.js';
export { infoboxTypeNames, infoboxTypes } from './infobox/registry.js';
export { MilitaryConflict } from './infobox/types/military-conflict.js';
export { Person } from './infobox/types/person.js';
export type { Book, Chapter, ChapterSource, ImageAsset, Manuscript, OutlineEntry } from './model/book.js';
export { BookConfig, trimSizes } from './schema/book-config.js';
export { ChapterFrontMatter } from './schema/chapter-front-matter.js';
export { BuildFailure, formatMessage, GalleyError } from './shared/messages.js';
export type { RuleId } from './shared/rules.js';
export type { Timings } from './shared/timings.js';
export { loadManuscript } from './stages/load/load-manuscript.js';
