import { describe, expect, it } from 'vitest';
import { svgProblems } from '../src/stages/assets/svg-references.js';

const svg = (body: string, prolog = '') =>
  `${prolog}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">${body}</svg>`;
const reasons = (text: string) => svgProblems(text).map(({ reason, line, column }) => `${line}:${column} ${reason}`);

describe('what an SVG image may hold (read with an XML parser)', () => {
  it('lets a drawing refer to its own parts and to pictures embedded in it', () => {
    const own = svg(
      [
        '<defs><linearGradient id="g"/><circle id="c" r="1"/><clipPath id="k"><rect width="1" height="1"/></clipPath></defs>',
        '<rect fill="url(#g)" clip-path="url( \'#k\' )" style="stroke: url(&quot;#g&quot;)" width="1" height="1"/>',
        '<use xlink:href="#c"/><use href="#c"/>',
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>',
        '<style>rect { fill: url(#g) } /* a url( in a comment: url(#k) */</style>',
        '<text font-family="serif">onclick: not an attribute; href=http://x in text</text>',
      ].join(''),
      '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n',
    );
    expect(svgProblems(own)).toEqual([]);
  });

  it('refuses code, event handlers, embedded documents and animated references, each at its place', () => {
    expect(reasons(svg('<script>x()</script>'))).toEqual(['1:107 it holds `<script>` (a script)']);
    expect(reasons(svg('\n<g onload="x()"/>'))).toEqual(['2:1 its `<g>` has an event handler (`onload`)']);
    expect(reasons(svg('<foreignObject/>'))).toEqual(['1:107 it holds `<foreignObject>`']);
    expect(reasons(svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg"/>'))).toEqual(['1:107 it holds `<svg:script>` (a script)']);
    expect(reasons(svg('<set attributeName="xlink:href" to="javascript:x()"/>'))).toEqual([
      '1:107 its `<set>` changes a reference (`attributeName="xlink:href"`)',
    ]);
  });

  it('refuses every reference that leaves the file', () => {
    expect(reasons(svg('<image href="file:///etc/passwd"/>'))).toEqual(['1:107 its `<image href="file:///etc/passwd">` points outside the image']);
    expect(reasons(svg('<use xlink:href="other.svg#c"/>'))).toEqual(['1:107 its `<use xlink:href="other.svg#c">` points outside the image']);
    expect(reasons(svg('<a href="javascript:x()"/>'))).toEqual(['1:107 its `<a href="javascript:x()">` points outside the image']);
    expect(reasons(svg('<rect fill="url(http://e.org/p.svg#p)"/>'))).toEqual(['1:107 its `<rect fill>` loads `http://e.org/p.svg#p` from outside the image']);
    expect(reasons(svg('<style>@import "x.css";</style>'))).toEqual(['1:114 its style sheet imports a style sheet (`@import`)']);
    expect(reasons(svg('<style><![CDATA[@font-face { src: url(f.woff2) }]]></style>'))).toEqual([
      '1:114 its style sheet loads `f.woff2` from outside the image',
    ]);
    expect(reasons(svg('', '<?xml-stylesheet href="s.css"?>'))).toEqual(['1:1 it links a style sheet (`<?xml-stylesheet?>`)']);
    expect(reasons(svg('', '<!DOCTYPE svg [<!ENTITY a "aaaa">]>'))).toEqual(['1:1 its document type declares entities']);
    // CSS read as CSS: escapes stand for their characters (an independent tester's finds), and image-set() takes plain strings.
    expect(reasons(svg('<style>rect{fill:u\\72l(http://e.org/a.svg)}</style>'))).toEqual([
      '1:114 its style sheet loads `http://e.org/a.svg` from outside the image',
    ]);
    expect(reasons(svg('<rect style="fill:\\75rl(http://e.org/b.svg)"/>'))).toEqual([
      '1:107 its `<rect style>` loads `http://e.org/b.svg` from outside the image',
    ]);
    expect(reasons(svg(`<style>rect{fill:image-set('http://e.org/c.png' 1x)}</style>`))).toEqual([
      '1:114 its style sheet loads `http://e.org/c.png` from outside the image',
    ]);
  });

  it('reads a file that is not well-formed XML as one problem, at its place', () => {
    expect(svgProblems('<svg xmlns="http://www.w3.org/2000/svg">\n<rect>\n</svg>')).toEqual([
      { reason: 'it is not well-formed XML: Missing end tag for element rect', line: 3, column: 1, wellFormed: false },
    ]);
  });
});
