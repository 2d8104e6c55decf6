import { existsSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { fail, throwIfFatal } from '../shared/messages.js';
import { CONFIG_FILE } from '../stages/load/load-manuscript.js';
import { writeAtomic } from '../shared/write-atomic.js';
import { loadInfoboxTypes } from '../stages/load/load-infobox-types.js';
import { jsonSchemas, SCHEMA_FOLDER } from '../editor/json-schemas.js';

/**
 * Write the JSON Schemas of a manuscript (its own infobox types included) into
 * `outDir` (default: the manuscript's `schemas/` folder), each atomically. A
 * declaration with a problem is thrown as a `GalleyError`. Returns the files written.
 */
export async function writeSchemas(root: string, outDir = path.join(root, SCHEMA_FOLDER)): Promise<string[]> {
  const config = new VFile({ path: path.join(root, CONFIG_FILE) });
  if (!existsSync(config.path)) {
    fail(config, 'not-found', `Cannot find \`${CONFIG_FILE}\`; \`galley schema\` writes the schemas of a manuscript folder`);
    throwIfFatal([config]);
  }
  const { types, files } = await loadInfoboxTypes(root);
  throwIfFatal(files);
  const written: string[] = [];
  for (const [name, content] of jsonSchemas(types)) {
    const target = path.join(outDir, name);
    await writeAtomic(target, content);
    written.push(target);
  }
  return written;
}
