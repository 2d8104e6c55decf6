/**
 * Galley's library API. Nothing here prints or exits: results and warnings are
 * returned, bad input is thrown as a `GalleyError` carrying located messages.
 */
export { build, createBuilder, type Builder, type BuildOutput, type BuildResult } from './build/build.js';
export { BuildOptions, formats, type BuildOptionsInput, type Format } from './build/build-options.js';
export { watch, type WatchEvent, type Watcher } from './build/watch.js';
export { BrowserNotFoundError, findBrowser } from './editions/pdf/find-browser.js';
export { jsonSchemas, SCHEMA_FOLDER } from './editor/json-schemas.js';
export { writeSchemas } from './build/write-schemas.js';
export { importArticle, importArticles, writeManuscript, type ImportedFile, type ImportMetadata, type ImportResult } from './import/import-article.js';
export { builtinInfoboxTypes, builtinTypeNames } from './infobox/builtin-types.js';
export { compileInfoboxType } from './infobox/compile-type.js';
export { InfoboxDeclarationSchema, type FieldDeclaration, type InfoboxDeclaration, type ValueType } from './infobox/declaration.js';
export { defineInfobox, type InfoboxData } from './infobox/define-infobox.js';
export type { InfoboxType, RenderContext } from './infobox/infobox-type.js';
export type { Infobox, InfoboxTypes } from './infobox/validate-infobox.js';
export type { Book, Chapter, ChapterSource, ImageAsset, Manuscript, OutlineEntry } from './model/book.js';
export { BookConfig, trimSizes } from './schema/book-config.js';
export { ChapterFrontMatter } from './schema/chapter-front-matter.js';
export { BuildFailure, formatMessage, GalleyError } from './shared/messages.js';
export { type BuildProgress, describeProgress } from './shared/progress.js';
export type { RuleId } from './shared/rules.js';
export type { Timings } from './shared/timings.js';
export { loadInfoboxTypes } from './stages/load/load-infobox-types.js';
export { loadManuscript } from './stages/load/load-manuscript.js';
