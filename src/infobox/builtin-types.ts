import { VFile } from 'vfile';
import { GalleyError, messagesOf } from '../shared/messages.js';
import { assetPath, readAsset } from '../shared/package-files.js';
import { compileInfoboxType } from './compile-type.js';
import type { InfoboxType } from './infobox-type.js';
import { readDeclaration } from './read-declaration.js';

/** The infobox types Galley ships, declared in `infoboxes/<name>.yaml` of the package, in the order inference prefers them. */
export const builtinTypeNames = ['military-conflict', 'person', 'officeholder', 'organization', 'event', 'place', 'book'] as const;

let loaded: Promise<ReadonlyMap<string, InfoboxType>> | undefined;

async function load(): Promise<ReadonlyMap<string, InfoboxType>> {
  const types = new Map<string, InfoboxType>();
  for (const name of builtinTypeNames) {
    const relative = `infoboxes/${name}.yaml`;
    const file = new VFile({ path: assetPath(relative) });
    const declaration = readDeclaration(file, await readAsset(relative), name);
    // A shipped declaration that does not check is Galley's fault: say which.
    if (!declaration) throw new GalleyError(messagesOf([file]));
    types.set(name, compileInfoboxType(declaration));
  }
  return types;
}

/** Galley's own infobox types, read once. */
export function builtinInfoboxTypes(): Promise<ReadonlyMap<string, InfoboxType>> {
  loaded ??= load().catch((cause: unknown) => {
    loaded = undefined;
    throw cause;
  });
  return loaded;
}
