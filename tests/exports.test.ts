import { expect, it } from 'vitest';
import * as galley from '../src/index.js';

it('pins the public API', () => {
  expect(Object.keys(galley).sort()).toEqual([
    'BookConfig',
    'BrowserNotFoundError',
    'BuildFailure',
    'BuildOptions',
    'ChapterFrontMatter',
    'GalleyError',
    'MilitaryConflict',
    'Person',
    'build',
    'createBuilder',
    'findBrowser',
    'formatMessage',
    'formats',
    'importArticle',
    'infoboxTypeNames',
    'infoboxTypes',
    'loadManuscript',
    'trimSizes',
    'watch',
    'writeManuscript',
  ]);
});
