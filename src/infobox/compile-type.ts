import * as v from 'valibot';
import { VFile } from 'vfile';
import { checkDeclaration } from './check-declaration.js';
import { dataSchema } from './data-schema.js';
import { InfoboxDeclarationSchema, type InfoboxDeclaration } from './declaration.js';
import type { DeclarationInput } from './define-infobox.js';
import { fromWiki, wikiKeysOf } from './from-wiki.js';
import type { InfoboxType } from './infobox-type.js';
import { renderInfobox } from './render-infobox.js';

/**
 * An infobox type from its declaration. A declaration read from a file is checked
 * by `readDeclaration` (with located messages); one written in code is checked
 * here, and a mistake is a `TypeError` naming the field.
 */
export function compileInfoboxType(input: InfoboxDeclaration | DeclarationInput, file?: VFile): InfoboxType {
  const result = v.safeParse(InfoboxDeclarationSchema, input);
  if (!result.success) {
    throw new TypeError(
      `Invalid infobox declaration: ${result.issues.map((issue) => `\`${v.getDotPath(issue) ?? 'declaration'}\`: ${issue.message}`).join('; ')}`,
    );
  }
  const declaration: InfoboxDeclaration = result.output;
  const check = new VFile();
  if (!checkDeclaration(declaration, check, { data: input, locate: () => ({ line: 1, column: 1 }) }, undefined)) {
    throw new TypeError(`Invalid infobox declaration \`${declaration.name}\`: ${check.messages.map((m) => m.reason).join('; ')}`);
  }
  const keys = wikiKeysOf(declaration);
  return {
    name: declaration.name,
    declaration,
    file,
    schema: dataSchema(declaration),
    wikiKeys: [...keys.direct.keys(), ...keys.repeated.flatMap((group) => [...group.aliases.keys()].map((alias) => `${alias}N`))],
    render: (data, ctx) => renderInfobox(declaration, data as Record<string, unknown>, ctx),
    fromWiki: (entries) => fromWiki(declaration, entries),
  };
}
