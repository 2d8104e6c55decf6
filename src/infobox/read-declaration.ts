import type { VFile } from 'vfile';
import { parseYaml } from '../schema/parse-yaml.js';
import { validate } from '../schema/validate.js';
import { checkDeclaration } from './check-declaration.js';
import { InfoboxDeclarationSchema, type InfoboxDeclaration } from './declaration.js';

/**
 * Parse and check the text of an infobox declaration (`infoboxes/<name>.yaml`).
 * Every problem is reported on `file` at its place; the result is `undefined` then.
 */
export function readDeclaration(file: VFile, text: string, expectedName: string | undefined): InfoboxDeclaration | undefined {
  const yaml = parseYaml(file, text);
  if (!yaml) return undefined;
  const declaration = validate(InfoboxDeclarationSchema, yaml.data ?? {}, { file, yaml, subject: 'infobox declaration' });
  if (!declaration) return undefined;
  return checkDeclaration(declaration, file, yaml, expectedName) ? declaration : undefined;
}
