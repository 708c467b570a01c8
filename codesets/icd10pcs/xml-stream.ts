/**
 * A thin streaming layer over saxes shared by the PCS and HCPCS importers: it tracks the element
 * stack, collects each element's own text, and turns every XML error (and text outside the
 * document) into a {@link ReleaseFileError} carrying the file name and line.
 *
 * Release files are never matched with regular expressions: saxes is a conforming,
 * non-validating XML parser, so a truncated or corrupted file fails loudly.
 */
import { SaxesParser } from 'saxes';
import { ReleaseFileError } from '../builder';

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
  close?(el: XmlElement, stack: readonly XmlElement[]): void;
}

/**
 * Streams an XML document through saxes.
 *
 * @param expectedRoot the root element the file must have (a wrong file is refused at line 1-2).
 * @throws ReleaseFileError for malformed XML, a wrong root element, or an error thrown by a handler
 *   as a plain `Error` (re-raised with the current line).
 */
export function streamXml(text: string, file: string, expectedRoot: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  const open = handlers.open?.bind(handlers);
  const close = handlers.close?.bind(handlers);
  let failure: ReleaseFileError | undefined;
  const fail = (message: string, line = parser.line): never => {
    throw (failure ??= new ReleaseFileError(file, line, message));
  };
  parser.on('error', (err) => fail(err.message.replace(/^[^:]*:\d+:\d+: /, '')));
  parser.on('opentag', (tag) => {
    if (stack.length === 0 && tag.name !== expectedRoot) {
      fail(`expected root element <${expectedRoot}>, found <${tag.name}> (wrong file?)`);
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
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
    else if (t.trim() !== '') fail('text outside the root element');
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
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
  function rethrow(cause: unknown): never {
    if (cause instanceof ReleaseFileError) throw cause;
    return fail(cause instanceof Error ? cause.message : String(cause));
  }
  try {
    parser.write(text).close();
  } catch (cause) {
    if (cause instanceof ReleaseFileError) throw cause;
    throw new ReleaseFileError(file, parser.line, cause instanceof Error ? cause.message : String(cause));
  }
  if (failure) throw failure;
}
