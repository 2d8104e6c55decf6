/**
 * Galley's library API. Nothing here prints or exits: results and warnings are
 * returned, bad input is thrown as a `GalleyError` carrying located messages.
 */
export { build, createBuilder, type Builder, type BuildOutput, type BuildResult } from './core/build.js';
export { watch, type WatchEvent, type Watcher } from './watch/watch.js';
export type { Timings } from './core/timings.js';
export { BuildOptions, formats, type BuildOptionsInput, type Format } from './core/options.js';
export { BuildFailure, GalleyError, formatMessage, type RuleId } from './core/messages.js';
export { BrowserNotFoundError, findBrowser } from './pdf/find-browser.js';
export { BookConfig, ChapterFrontMatter, trimSizes } from './config/schema.js';
export { loadManuscript } from './manuscript/load.js';
export type { Chapter, Manuscript } from './manuscript/types.js';
export { importArticle, writeManuscript, type ImportedFile, type ImportResult } from './import/import-article.js';
export type { ImportMetadata } from './import/to-manuscript.js';
export { infoboxTypes, infoboxTypeNames } from './infobox/registry.js';
export type { InfoboxType, RenderContext } from './infobox/type.js';
export { MilitaryConflict } from './infobox/types/military-conflict.js';
export { Person } from './infobox/types/person.js';
