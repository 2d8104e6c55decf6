import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { builtinInfoboxTypes } from '../../infobox/builtin-types.js';
import { compileInfoboxType } from '../../infobox/compile-type.js';
import type { InfoboxType } from '../../infobox/infobox-type.js';
import { readDeclaration } from '../../infobox/read-declaration.js';
import { fail } from '../../shared/messages.js';
import { readText } from '../../shared/read-text.js';
import { linksOutside } from './links-outside.js';

/** The folder of a manuscript that holds its own infobox types. */
export const INFOBOX_FOLDER = 'infoboxes';

/**
 * The infobox types of a manuscript: Galley's, then every `infoboxes/<name>.yaml`
 * of the manuscript folder (a type of the same name overrides Galley's). Each
 * declaration file is returned with its messages, whether or not it checked.
 */
export async function loadInfoboxTypes(root: string): Promise<{ types: Map<string, InfoboxType>; files: VFile[] }> {
  const types = new Map(await builtinInfoboxTypes());
  const folder = path.join(root, INFOBOX_FOLDER);
  const names = await readdir(folder).catch(() => [] as string[]);
  const files: VFile[] = [];
  const declared = new Map<string, string>();
  for (const name of names.filter((n) => /\.ya?ml$/i.test(n)).sort()) {
    const file = new VFile({ path: path.join(folder, name) });
    files.push(file);
    const typeName = name.replace(/\.ya?ml$/i, '');
    const earlier = declared.get(typeName);
    if (earlier !== undefined) {
      fail(file, 'duplicate-key', `Unexpected second declaration of the type \`${typeName}\`, already declared in \`${INFOBOX_FOLDER}/${earlier}\``);
      continue;
    }
    declared.set(typeName, name);
    if (await linksOutside(root, file.path)) {
      fail(file, 'unsafe-path', `Refused infobox declaration \`${INFOBOX_FOLDER}/${name}\`: it links to a file outside the manuscript folder`);
      continue;
    }
    const text = await readText(file);
    if (text === undefined) continue;
    const declaration = readDeclaration(file, text, name.replace(/\.ya?ml$/i, ''));
    if (declaration) types.set(declaration.name, compileInfoboxType(declaration, file));
  }
  return { types, files };
}
