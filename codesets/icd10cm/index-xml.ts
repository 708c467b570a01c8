/**
 * Alphabetic Index, External Cause Index, Table of Drugs and Chemicals and Neoplasm Table XML
 * (schemas `icd10cm_index.xsd`, `icd10cm_drug_neoplasm.xsd`). All four are trees of `mainTerm`
 * and nested `term level="n"` (any depth) with a `title` (nonessential modifiers in `<nemod>`),
 * and either codes (`code`, `manif` = code printed in brackets, `subcat`), cross references
 * (`see`, `seeAlso`, `seecat`) or table cells (`cell col="n"`, tables only).
 */
import { ReleaseFileError } from '../builder';
import { collapseWhitespace } from '../../engine/text/collapse-whitespace';
import { streamXml } from '../xml/stream-xml';

/** One flattened row of an index tree. */
export interface IndexRow {
  title: string;
  nemod: string;
  parent: number;
  code: string;
  manif: string;
  see: string;
  seeAlso: string;
  /** Table cells by column number (2..n), tables only. */
  cells: string[];
}

/** A parsed index or table. */
export interface IndexTree {
  version: string;
  /** Column headings (tables), by column number starting at 1. */
  heads: string[];
  rows: IndexRow[];
}

/** Parses an index-like XML file (root `ICD10CM.index` or `ICD10CM.eindex`). */
export function parseIndexTree(bytes: Uint8Array | string, file: string): IndexTree {
  const out: IndexTree = { version: '', heads: [], rows: [] };
  const open: number[] = []; // stack of row numbers (mainTerm/term)
  let buf = '';
  let titleText = '';
  let nemodText = '';
  let inTitle = false;
  let inNemod = false;
  let cellCol = 0;
  let headCol = 0;
  const current = (): IndexRow | undefined => {
    const i = open[open.length - 1];
    return i === undefined ? undefined : out.rows[i];
  };
  streamXml(bytes, file, ['ICD10CM.index', 'ICD10CM.eindex'], {
    open(el) {
      buf = '';
      switch (el.name) {
        case 'mainTerm':
        case 'term': {
          const parent = el.name === 'mainTerm' ? -1 : (open[open.length - 1] ?? -1);
          if (el.name === 'term' && parent < 0)
            throw new ReleaseFileError(file, undefined, '<term> outside a <mainTerm>');
          out.rows.push({ title: '', nemod: '', parent, code: '', manif: '', see: '', seeAlso: '', cells: [] });
          open.push(out.rows.length - 1);
          break;
        }
        case 'title':
          if (open.length > 0) {
            inTitle = true;
            titleText = '';
            nemodText = '';
          }
          break;
        case 'nemod':
          inNemod = true;
          break;
        case 'cell':
          cellCol = Number(el.attrs.col ?? 0);
          break;
        case 'head':
          headCol = Number(el.attrs.col ?? 0);
          break;
      }
    },
    text(t) {
      if (inNemod) nemodText += t;
      else if (inTitle) titleText += t;
      else buf += t;
    },
    close({ name }) {
      const row = current();
      const text = collapseWhitespace(buf);
      buf = '';
      switch (name) {
        case 'version':
          out.version = text;
          break;
        case 'nemod':
          inNemod = false;
          nemodText += ' ';
          break;
        case 'title':
          if (inTitle && row) {
            inTitle = false;
            row.title = collapseWhitespace(titleText);
            row.nemod = collapseWhitespace(nemodText);
          }
          break;
        case 'code':
        case 'subcat':
          // A few lines print two codes; keep them space separated, as printed.
          if (row) row.code = row.code ? `${row.code} ${text}` : text;
          break;
        case 'manif':
          if (row) row.manif = row.manif ? `${row.manif} ${text}` : text;
          break;
        case 'see':
        case 'seecat':
          if (row) row.see = row.see ? `${row.see}; ${text}` : text;
          break;
        case 'seeAlso':
          if (row) row.seeAlso = row.seeAlso ? `${row.seeAlso}; ${text}` : text;
          break;
        case 'cell':
          if (row && cellCol >= 2) row.cells[cellCol - 2] = text;
          break;
        case 'head':
          if (headCol >= 1) out.heads[headCol - 1] = text;
          break;
        case 'mainTerm':
        case 'term':
          open.pop();
          break;
      }
    },
  });
  if (out.rows.length === 0) throw new ReleaseFileError(file, undefined, 'no index terms found');
  for (const r of out.rows) for (let k = 0; k < r.cells.length; k++) r.cells[k] ??= '';
  return out;
}
