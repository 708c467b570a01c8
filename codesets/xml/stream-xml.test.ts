import { describe, expect, it } from 'vitest';
import { ReleaseFileError } from '../builder';
import { streamXml, type XmlElement, type XmlHandlers } from './stream-xml';
import { refusal } from '../testing/refusal';

const DOC =
  '<?xml version="1.0"?>\n<list v="1">\n  <item id="a">Alpha <b>bold</b> tail</item>\n  <item id="b"><![CDATA[x < y]]></item>\n</list>\n';

describe('streamXml', () => {
  it('gives each element its attributes, line, own text and ancestors; text runs as they arrive', () => {
    const closed: [string, string, number, string[]][] = [];
    const runs: string[] = [];
    const handlers: XmlHandlers = {
      close: (el: XmlElement, stack) => closed.push([el.name, el.text, el.line, stack.map((s) => s.name)]),
      text: (t, stack) => {
        if (stack[stack.length - 1]?.name === 'item') runs.push(t);
      },
    };
    streamXml(new TextEncoder().encode(DOC), 'list.xml', 'list', handlers);
    expect(closed).toEqual([
      ['b', 'bold', 3, ['list', 'item']],
      ['item', 'Alpha  tail', 3, ['list']],
      ['item', 'x < y', 4, ['list']],
      ['list', '\n  \n  \n', 2, []],
    ]);
    expect(runs).toEqual(['Alpha ', ' tail', 'x < y']);
  });

  it('accepts any of several roots and refuses another, at its line', () => {
    expect(() => streamXml('<b/>', 'f.xml', ['a', 'b'], {})).not.toThrow();
    const e = refusal(() => streamXml('<?xml version="1.0"?>\n<c/>', 'f.xml', ['a', 'b'], {}));
    expect(e).toMatchObject({ file: 'f.xml', line: 2 });
    expect(e.message).toBe('f.xml:2: root element <c>, expected <a> or <b> (wrong file?)');
  });

  it('refuses malformed, truncated and empty documents and bytes that are not UTF-8', () => {
    expect(refusal(() => streamXml('<a>\n<b></c>\n</a>', 'm.xml', 'a', {})).message).toMatch(
      /^m\.xml:2: malformed XML: /,
    );
    expect(refusal(() => streamXml('<a>\n<b>', 't.xml', 'a', {}))).toMatchObject({ file: 't.xml', line: 2 });
    expect(refusal(() => streamXml('', 'e.xml', 'a', {})).message).toMatch(/^e\.xml:/);
    expect(refusal(() => streamXml(new Uint8Array([0x3c, 0x61, 0x3e, 0xff]), 'u.xml', 'a', {})).message).toMatch(
      /not a UTF-8 text file/,
    );
  });

  it("re-raises a handler's error with the file and the current line; a ReleaseFileError passes unchanged", () => {
    const plain = refusal(() =>
      streamXml('<a>\n\n<b/></a>', 'h.xml', 'a', {
        open: (el) => {
          if (el.name === 'b') throw new Error('no <b> here');
        },
      }),
    );
    expect(plain).toMatchObject({ file: 'h.xml', line: 3, message: 'h.xml:3: no <b> here' });
    const own = new ReleaseFileError('h.xml', undefined, 'outside a code');
    expect(
      refusal(() =>
        streamXml('<a><b/></a>', 'h.xml', 'a', {
          close: () => {
            throw own;
          },
        }),
      ),
    ).toBe(own);
  });
});
