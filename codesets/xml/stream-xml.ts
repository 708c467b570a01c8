/**
 * The one streaming XML reader of the importers (ICD-10-CM Tabular and Index files, ICD-10-PCS
 * Tables, Index and Definitions, the HCPCS spreadsheet's parts): a thin layer over saxes that
 * tracks the element stack, collects each element's own text, and turns every XML error, a wrong
 * root element and an error thrown by a handler into a {@link ReleaseFileError} carrying the file
 * name and line, so a damaged or wrong file is refused whole.
 *
 * Release files are never matched with regular expressions: saxes is a conforming,
 * non-validating XML parser, so a truncated or corrupted file fails loudly.
 */
import { SaxesParser } from 'saxes';
import { ReleaseFileError } from '../builder';
import { decodeUtf8 } from '../text/decode-utf8';

/** One open element as seen by the handlers. */
export interface XmlElement {
  name: string;
  attrs: Readonly<Record<string, string>>;
  /** 1-based line of the start tag. */
  line: number;
  /** The element's own character data (children's text excluded), entity-decoded, untrimmed. */
  text: string;
}

/** Callbacks of {@link streamXml}. `stack` holds the open ancestors, outermost first. */
export interface XmlHandlers {
  open?(el: XmlElement, stack: readonly XmlElement[]): void;
  /** Each run of character data (CDATA included) as it arrives, inside the element on top of `stack`. */
  text?(text: string, stack: readonly XmlElement[]): void;
  close?(el: XmlElement, stack: readonly XmlElement[]): void;
}

/** Text is fed to saxes in slices of this many characters, so a failure stops the work early. */
const SLICE = 1 << 20;

/**
 * Streams an XML document through saxes, calling `handlers` per element.
 *
 * @param input the file's bytes (decoded strictly as UTF-8) or its text.
 * @param file the name errors carry.
 * @param root the root element the file must have, or the accepted ones (a wrong file is refused
 *   at its root element, line 1 or 2).
 * @throws ReleaseFileError for bytes that are not UTF-8, malformed or truncated XML, text outside
 *   the root element, a wrong or missing root element, or an error thrown by a handler (a plain
 *   `Error` is re-raised as a ReleaseFileError with the current line).
 * @example
 * streamXml('<sst><si><t>A</t></si></sst>', 'strings.xml', 'sst', { close: (el) => el.name === 't' && seen.push(el.text) });
 */
export function streamXml(
  input: Uint8Array | string,
  file: string,
  root: string | readonly string[],
  handlers: XmlHandlers,
): void {
  const roots: readonly string[] = typeof root === 'string' ? [root] : root;
  const text = decodeUtf8(input, file);
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  const open = handlers.open?.bind(handlers);
  const onText = handlers.text?.bind(handlers);
  const close = handlers.close?.bind(handlers);
  let sawRoot = false;
  let failure: ReleaseFileError | undefined;
  const fail = (message: string, line = parser.line): never => {
    throw (failure ??= new ReleaseFileError(file, line, message));
  };
  const rethrow = (cause: unknown): never => {
    if (cause instanceof ReleaseFileError) throw (failure ??= cause);
    return fail(cause instanceof Error ? cause.message : String(cause));
  };
  parser.on('error', (err) => fail(`malformed XML: ${err.message.replace(/^[^:]*:\d+:\d+: /, '')}`));
  parser.on('opentag', (tag) => {
    if (stack.length === 0) {
      if (!roots.includes(tag.name))
        fail(`root element <${tag.name}>, expected <${roots.join('> or <')}> (wrong file?)`);
      sawRoot = true;
    }
    const el: XmlElement = {
      name: tag.name,
      attrs: tag.attributes as Record<string, string>,
      line: parser.line,
      text: '',
    };
    if (open) {
      try {
        open(el, stack);
      } catch (cause) {
        rethrow(cause);
      }
    }
    stack.push(el);
  });
  const characters = (t: string): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (t.trim() !== '') fail('text outside the root element');
      return;
    }
    top.text += t;
    if (onText) {
      try {
        onText(t, stack);
      } catch (cause) {
        rethrow(cause);
      }
    }
  };
  parser.on('text', characters);
  parser.on('cdata', characters);
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el && close) {
      try {
        close(el, stack);
      } catch (cause) {
        rethrow(cause);
      }
    }
  });
  try {
    for (let at = 0; at < text.length; at += SLICE) parser.write(text.slice(at, at + SLICE));
    parser.close();
  } catch (cause) {
    if (failure) throw failure;
    rethrow(cause);
  }
  if (failure) throw failure;
  if (!sawRoot) throw new ReleaseFileError(file, undefined, 'no XML root element');
}
