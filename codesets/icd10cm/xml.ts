/**
 * Streaming XML reading with saxes, shared by the Tabular List and index importers. Errors
 * (truncated file, bad markup, wrong root element) become {@link ReleaseFileError} with the file
 * name and line, so a damaged file is refused whole.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ReleaseFileError } from '../builder';
import { decodeUtf8 } from '../text/decode-utf8';

/** Callbacks for {@link streamXml}; `text` receives character data of the current element. */
export interface XmlHandler {
  open(tag: SaxesTagPlain): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * Parses `bytes` as XML, calling `handler` per event. The root element must be `root`.
 *
 * @throws ReleaseFileError on malformed or truncated XML or another root element.
 */
export function streamXml(
  bytes: Uint8Array | string,
  file: string,
  root: string | string[],
  handler: XmlHandler,
): void {
  const roots = Array.isArray(root) ? root : [root];
  const parser = new SaxesParser();
  let failure: ReleaseFileError | undefined;
  let sawRoot = false;
  let depth = 0;
  parser.on('error', (err) => {
    failure ??= new ReleaseFileError(
      file,
      parser.line,
      `malformed XML: ${err.message.replace(/^[^:]*:\d+:\d+: /, '')}`,
    );
  });
  parser.on('opentag', (tag) => {
    if (failure) return;
    if (depth === 0) {
      if (!roots.includes(tag.name)) {
        failure = new ReleaseFileError(
          file,
          parser.line,
          `root element <${tag.name}>, expected <${roots.join('> or <')}> (wrong file?)`,
        );
        return;
      }
      sawRoot = true;
    }
    depth++;
    try {
      handler.open(tag);
    } catch (e) {
      failure ??= asFileError(e, file, parser.line);
    }
  });
  parser.on('closetag', (tag) => {
    if (failure) return;
    depth--;
    try {
      handler.close(tag.name);
    } catch (e) {
      failure ??= asFileError(e, file, parser.line);
    }
  });
  parser.on('text', (t) => {
    if (!failure) handler.text(t);
  });
  const text = decodeUtf8(bytes, file);
  // Feed in slices so a failure stops the work early instead of after the whole file.
  const SLICE = 1 << 20;
  for (let at = 0; at < text.length && !failure; at += SLICE) parser.write(text.slice(at, at + SLICE));
  if (!failure) parser.close();
  if (failure) throw failure;
  if (!sawRoot) throw new ReleaseFileError(file, undefined, 'no XML root element');
}

function asFileError(e: unknown, file: string, line: number): ReleaseFileError {
  if (e instanceof ReleaseFileError) return e;
  return new ReleaseFileError(file, line, e instanceof Error ? e.message : String(e));
}
