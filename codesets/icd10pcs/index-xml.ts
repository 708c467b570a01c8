/**
 * ICD-10-PCS Alphabetic Index XML (`icd10pcs_index_YYYY.xml`, root `ICD10PCS.index`).
 *
 * `letter` > `mainTerm` > nested `term level="n"`; each may carry a `title` and targets:
 * `code` (complete code), `codes` (code prefix), `tab` (table), `see` (another index term, possibly
 * with a `codes`/`tab` child) and `use` (the axis value to use, possibly with a `tab`).
 */
import type { PcsIndexNodeRecord, PcsIndexTargetRecord } from '../../engine/icd10pcs/format';
import { ReleaseFileError } from '../builder';
import { collapseWhitespace } from '../../engine/text/collapse-whitespace';
import { streamXml } from '../xml/stream-xml';

/** The parsed Index XML. */
export interface PcsParsedIndex {
  version: string;
  mainTerms: PcsIndexNodeRecord[];
  /** Number of `mainTerm` and `term` elements. */
  termCount: number;
}

const CODE = /^[0-9A-HJ-NP-Z]{7}$/;
const PREFIX = /^[0-9A-HJ-NP-Z]{3,6}$/;

/**
 * Parses the Index XML. Pure: text in, data out.
 *
 * @throws ReleaseFileError (file and line) for malformed XML, a term level that does not match
 *   its nesting, a malformed code, or an empty main term.
 */
export function parsePcsIndex(text: string, file: string): PcsParsedIndex {
  const mainTerms: PcsIndexNodeRecord[] = [];
  const nodes: PcsIndexNodeRecord[] = [];
  let reference: { kind: 'see' | 'use'; prefix?: string } | undefined;
  let version = '';
  let termCount = 0;
  const fail = (line: number, message: string): never => {
    throw new ReleaseFileError(file, line, message);
  };
  const addTarget = (t: PcsIndexTargetRecord, line: number): void => {
    const node = nodes[nodes.length - 1];
    if (!node) fail(line, `<${t.kind}> outside a term`);
    else (node.targets ??= []).push(t);
  };
  const checkPrefix = (raw: string, line: number, min: number, max: number, what: string): string => {
    const value = collapseWhitespace(raw);
    if (!PREFIX.test(value) || value.length < min || value.length > max) fail(line, `invalid ${what} "${value}"`);
    return value;
  };

  streamXml(text, file, 'ICD10PCS.index', {
    open(el, stack) {
      const parent = stack[stack.length - 1]?.name;
      switch (el.name) {
        case 'ICD10PCS.index':
        case 'letter':
        case 'version':
        case 'title':
        case 'code':
        case 'codes':
        case 'tab':
          break;
        case 'mainTerm':
          if (parent !== 'letter') fail(el.line, '<mainTerm> outside a <letter>');
          nodes.push({});
          termCount++;
          break;
        case 'term': {
          if (parent !== 'mainTerm' && parent !== 'term') fail(el.line, '<term> outside a term');
          const level = Number(el.attrs.level);
          if (level !== nodes.length)
            fail(el.line, `term level ${el.attrs.level ?? '(none)'} at nesting depth ${nodes.length}`);
          nodes.push({});
          termCount++;
          break;
        }
        case 'see':
        case 'use':
          if (reference) fail(el.line, `<${el.name}> nested in <${reference.kind}>`);
          reference = { kind: el.name };
          break;
        default:
          fail(el.line, `unexpected element <${el.name}>`);
      }
    },
    close(el, stack) {
      const parent = stack[stack.length - 1]?.name;
      switch (el.name) {
        case 'version':
          version = collapseWhitespace(el.text);
          break;
        case 'title': {
          const node = nodes[nodes.length - 1];
          if ((parent === 'mainTerm' || parent === 'term') && node) {
            const title = collapseWhitespace(el.text);
            if (title === '') fail(el.line, 'empty term title');
            node.title = title;
          }
          break;
        }
        case 'code': {
          const code = collapseWhitespace(el.text);
          if (!CODE.test(code)) fail(el.line, `invalid code "${code}"`);
          if (reference) fail(el.line, `<code> inside <${reference.kind}>`);
          addTarget({ kind: 'code', code }, el.line);
          break;
        }
        case 'codes':
        case 'tab': {
          const prefix =
            el.name === 'tab'
              ? checkPrefix(el.text, el.line, 3, 3, 'table')
              : checkPrefix(el.text, el.line, 3, 6, 'code prefix');
          if (reference) reference.prefix = prefix;
          else addTarget(el.name === 'tab' ? { kind: 'tab', prefix } : { kind: 'codes', prefix }, el.line);
          break;
        }
        case 'see':
        case 'use': {
          const textValue = collapseWhitespace(el.text);
          if (textValue === '') fail(el.line, `empty <${el.name}>`);
          const target: PcsIndexTargetRecord & { prefix?: string } = { kind: el.name, text: textValue };
          if (reference?.prefix !== undefined) target.prefix = reference.prefix;
          reference = undefined;
          addTarget(target, el.line);
          break;
        }
        case 'mainTerm':
        case 'term': {
          const node = nodes.pop();
          if (!node) break;
          if (el.name === 'mainTerm' && node.title === undefined) fail(el.line, 'main term without a title');
          if (node.title === undefined && !node.targets) fail(el.line, 'term with neither title nor target');
          const owner = nodes[nodes.length - 1];
          if (owner) (owner.terms ??= []).push(node);
          else mainTerms.push(node);
          break;
        }
        default:
      }
    },
  });
  if (mainTerms.length === 0) throw new ReleaseFileError(file, undefined, 'no <mainTerm> found');
  return { version, mainTerms, termCount };
}
