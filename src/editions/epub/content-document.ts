import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { isRtl } from '../../shared/language.js';
import { fromText, STYLE_HREF } from './paths.js';

export interface ContentDocumentOptions {
  title: string;
  language: string;
  body: ElementContent[];
  /** `epub:type` of the body, e.g. `bodymatter`, `frontmatter`. */
  bodyType?: string;
}

/** An XHTML content document (in `text/`) as hast, ready for `xhtmlDocument`. */
export function contentDocument(options: ContentDocumentOptions): Root {
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h(
        'html',
        { 'xmlns:epub': 'http://www.idpf.org/2007/ops', lang: options.language, xmlLang: options.language, dir: isRtl(options.language) ? 'rtl' : undefined },
        [
          h('head', [
            h('meta', { charSet: 'utf-8' }),
            h('title', options.title),
            h('link', { rel: 'stylesheet', type: 'text/css', href: fromText(STYLE_HREF) }),
          ]),
          h('body', options.bodyType ? { 'epub:type': options.bodyType } : {}, options.body),
        ],
      ),
    ],
  };
}
