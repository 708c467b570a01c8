/**
 * ICD-10-PCS Definitions XML (`icd10pcs_definitions_YYYY.xml`, root `ICD10PCS.definitions`).
 *
 * `section code` > `axis pos` > `terms` (one or more `title`, optional `definition` and
 * `explanation`, any number of `includes`). The root-operation (pos 3) and approach (pos 5) axes
 * carry definitions; the section 0 body-part axis (pos 4) is the Body Part Key and its device axis
 * (pos 6) the Device Key; substance axes (e.g. section 3 pos 6) are the Substance Key. Then one
 * `deviceAggregation` table of `aggregate` rows.
 */
import type { PcsDefinitionsBlock, PcsDefinitionTermRecord } from '../../engine/icd10pcs/format';
import { PCS_BLOCKS_VERSION } from '../../engine/icd10pcs/format';
import { ReleaseFileError } from '../builder';
import { collapseWhitespace } from '../../engine/text/collapse-whitespace';
import { streamXml } from '../xml/stream-xml';

/** Counts of the parsed definitions, for the bundle header. */
export interface PcsDefinitionCounts {
  sections: number;
  terms: number;
  includes: number;
  aggregates: number;
}

/**
 * Parses the Definitions XML. Pure: text in, data out.
 *
 * @throws ReleaseFileError (file and line) for malformed XML or a structure outside the layout.
 */
export function parsePcsDefinitions(
  text: string,
  file: string,
): { block: PcsDefinitionsBlock; counts: PcsDefinitionCounts } {
  const block: PcsDefinitionsBlock = { version: PCS_BLOCKS_VERSION, sections: [], deviceAggregation: [] };
  type Section = PcsDefinitionsBlock['sections'][number];
  type Aggregate = PcsDefinitionsBlock['deviceAggregation'][number];
  let section: Section | undefined;
  let axis: Section['axes'][number] | undefined;
  let term: PcsDefinitionTermRecord | undefined;
  let aggregate: (Omit<Aggregate, 'parent'> & { parent?: Aggregate['parent'] }) | undefined;
  const counts: PcsDefinitionCounts = { sections: 0, terms: 0, includes: 0, aggregates: 0 };
  const fail = (line: number, message: string): never => {
    throw new ReleaseFileError(file, line, message);
  };
  const expectParent = (actual: string | undefined, expected: string, el: { name: string; line: number }): void => {
    if (actual !== expected)
      fail(el.line, `<${el.name}> must be inside <${expected}>, found in <${actual ?? '(none)'}>`);
  };

  streamXml(text, file, 'ICD10PCS.definitions', {
    open(el, stack) {
      const parent = stack[stack.length - 1]?.name;
      switch (el.name) {
        case 'section': {
          expectParent(parent, 'ICD10PCS.definitions', el);
          const code = el.attrs.code ?? '';
          if (!/^[0-9A-HJ-NP-Z]$/.test(code)) fail(el.line, `invalid section code "${code}"`);
          section = { code, title: '', axes: [] };
          break;
        }
        case 'axis': {
          expectParent(parent, 'section', el);
          const pos = Number(el.attrs.pos);
          if (!Number.isInteger(pos) || pos < 2 || pos > 7)
            fail(el.line, `invalid axis position "${el.attrs.pos ?? ''}"`);
          axis = { pos, title: '', terms: [] };
          break;
        }
        case 'terms':
          expectParent(parent, 'axis', el);
          term = { titles: [], includes: [] };
          break;
        case 'deviceAggregation':
          expectParent(parent, 'ICD10PCS.definitions', el);
          break;
        case 'aggregate':
          expectParent(parent, 'deviceAggregation', el);
          aggregate = { device: '', operations: [], bodySystems: [] };
          break;
        case 'device':
        case 'operation':
        case 'bodySys':
        case 'parent':
          expectParent(parent, 'aggregate', el);
          break;
        case 'definition':
        case 'explanation':
        case 'includes':
          expectParent(parent, 'terms', el);
          break;
        case 'ICD10PCS.definitions':
        case 'title':
        case 'version':
          break;
        default:
          fail(el.line, `unexpected element <${el.name}>`);
      }
    },
    close(el, stack) {
      const parent = stack[stack.length - 1]?.name;
      const value = collapseWhitespace(el.text);
      switch (el.name) {
        case 'title':
          if (parent === 'terms' && term) term.titles.push(value);
          else if (parent === 'axis' && axis) axis.title = value;
          else if (parent === 'section' && section) section.title = value;
          break;
        case 'definition':
          if (term) term.definition = value;
          break;
        case 'explanation':
          if (term) term.explanation = value;
          break;
        case 'includes':
          if (term) term.includes.push(value);
          counts.includes++;
          break;
        case 'terms':
          if (!term || !axis) break;
          if (term.titles.length === 0) fail(el.line, '<terms> without a <title>');
          axis.terms.push(term);
          counts.terms++;
          term = undefined;
          break;
        case 'axis':
          if (!axis || !section) break;
          if (axis.title === '') fail(el.line, 'axis without a title');
          section.axes.push(axis);
          axis = undefined;
          break;
        case 'section':
          if (!section) break;
          if (section.title === '') fail(el.line, 'section without a title');
          block.sections.push(section);
          counts.sections++;
          section = undefined;
          break;
        case 'device':
          if (aggregate) aggregate.device = value;
          break;
        case 'operation':
          aggregate?.operations.push(value);
          break;
        case 'bodySys':
          aggregate?.bodySystems.push(value);
          break;
        case 'parent': {
          const v = el.attrs.value ?? '';
          if (!/^[0-9A-HJ-NP-Z]$/.test(v)) fail(el.line, `invalid parent device value "${v}"`);
          if (aggregate) aggregate.parent = { value: v, text: value };
          break;
        }
        case 'aggregate': {
          const a = aggregate;
          if (!a) break;
          if (a.device === '' || !a.parent) fail(el.line, 'aggregate without a device or parent');
          else
            block.deviceAggregation.push({
              device: a.device,
              operations: a.operations,
              bodySystems: a.bodySystems,
              parent: a.parent,
            });
          counts.aggregates++;
          aggregate = undefined;
          break;
        }
        default:
      }
    },
  });
  if (block.sections.length === 0) throw new ReleaseFileError(file, undefined, 'no <section> found');
  return { block, counts };
}
