import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';

export interface FontconfigOptions {
  /** The folder of shipped fonts (TrueType): the only fonts there are. */
  fontDir: string;
  /** Where fontconfig keeps its cache of that folder. */
  cacheDir: string;
  /** Family names in the files → the family they belong to. */
  renames: Readonly<Record<string, string>>;
  /** Every shipped family, in fallback order. */
  families: readonly string[];
  /** Generic families (`serif`, …) → the shipped family they mean. */
  generic: Readonly<Record<string, string>>;
  /** Languages → the family for their Han characters. */
  han: Readonly<Record<string, string>>;
}

/** Family names style sheets and SVG files often ask for, and the generic family they stand for. */
const commonNames: Readonly<Record<string, readonly string[]>> = {
  serif: ['Times', 'Times New Roman', 'Georgia', 'DejaVu Serif', 'Liberation Serif', 'Noto Serif Display'],
  'sans-serif': ['sans', 'Sans', 'system-ui', 'Arial', 'Helvetica', 'Helvetica Neue', 'Verdana', 'DejaVu Sans', 'Liberation Sans'],
  monospace: ['mono', 'Courier', 'Courier New', 'Menlo', 'Consolas', 'DejaVu Sans Mono', 'Liberation Mono'],
};

const family = (name: string) => x('family', name);
const string = (value: string) => x('string', value);

/**
 * fontconfig's configuration for Galley's browser: one folder of shipped fonts,
 * no `<include>` of the system's configuration, so no system or user font is ever
 * used; generic and common family names mean shipped families; and every request
 * (also Chromium's fallback for a character, which names no family) ends with
 * the shipped families in fallback order.
 */
export function fontconfigFile(options: FontconfigOptions): string {
  const aliases = Object.entries(options.generic).flatMap(([generic, target]) =>
    [generic, ...(commonNames[generic] ?? [])].map((name) => x('alias', { binding: 'same' }, [family(name), x('prefer', [family(target)])])),
  );
  const tree = x(null, [
    x('fontconfig', [
      x('dir', options.fontDir),
      x('cachedir', options.cacheDir),
      x('config', [x('rescan', [x('int', '0')])]),
      ...Object.entries(options.renames).map(([from, to]) =>
        x('match', { target: 'scan' }, [x('test', { name: 'family' }, [string(from)]), x('edit', { name: 'family', mode: 'assign_replace' }, [string(to)])]),
      ),
      ...aliases,
      ...Object.entries(options.han).map(([language, target]) =>
        x('match', { target: 'pattern' }, [
          x('test', { name: 'lang', compare: 'contains' }, [string(language)]),
          x('edit', { name: 'family', mode: 'prepend', binding: 'strong' }, [string(target)]),
        ]),
      ),
      x('match', { target: 'pattern' }, [x('edit', { name: 'family', mode: 'append_last' }, options.families.map(string))]),
    ]),
  ]);
  return `<?xml version="1.0"?>\n${toXml(tree, { closeEmptyElements: true })}\n`;
}
