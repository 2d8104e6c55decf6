import type { InfoboxType } from './infobox-type.js';
import { militaryConflict } from './types/military-conflict.js';
import { person } from './types/person.js';

/** Every infobox type Galley knows, by the name used in `type:`. */
export const infoboxTypes: ReadonlyMap<string, InfoboxType> = new Map(([militaryConflict, person] as InfoboxType[]).map((type) => [type.name, type]));

export const infoboxTypeNames = (): string[] => [...infoboxTypes.keys()];
