/**
 * The procedure coder: ICD-10-PCS codes built axis by axis the way a coder does, from the lines
 * of the chart that say what was done in this encounter (statements.ts):
 * 1. the operation word is looked up in the PCS Index (operation-terms.ts), which gives the root
 *    operation and often the body system or body part (root-operation.ts, B3.8 for Excision vs
 *    Resection, B3.4a for the root operation of a biopsy); Removal and Revision only with a
 *    device written (B6.1c);
 * 2. words that only serve another operation on the line are not coded (integral.ts: B3.1b,
 *    B3.11a, B3.15);
 * 3. the body part from the documented site and side (body-part.ts: B4, B4.5, Body Part Key,
 *    B3.2a, B3.2b; a side the statement lacks from the chart's account of the operation,
 *    chart-side.ts), the approach (approach.ts: B5.2, B3.2d; for a stay whose procedure lines
 *    write none, the access its course tells, course-approach.ts) or the duration of an assistance or
 *    performance (duration.ts: the table's hour ranges), device / substance and qualifier
 *    (device.ts: B6.1a, B6.2, B3.4a), each value checked against the table row so that only valid
 *    combinations are built;
 * 4. when the chart lacks the detail for the last characters the valid prefix is proposed and
 *    marked partial with the axes to choose;
 * 5. only reportable procedures are proposed (reportable.ts, UHDDS), each code once (B3.2:
 *    one code per distinct procedure).
 */
import type { ChartAnalysis } from '../../text';
import type { PcsTable } from '../../icd10pcs/pcs-table';
import { chooseApproach } from './approach';
import { chooseBodyParts } from './body-part';
import { autologousSkin, chooseDevice, chooseQualifier, writesDevice } from './device';
import { chartSide, type ChartSide } from './chart-side';
import { courseApproachText } from './course-approach';
import { chooseDuration } from './duration';
import { integralTo } from './integral';
import { surfaceDevice, surfaceQualifier } from './joint-surface';
import { narrativeObject } from './narrative-object';
import { dilationForStent } from './vessels';
import { descriptionTerm, OPERATION_SYNONYMS, operationLexicon, solidMatterTerm } from './operation-terms';
import { notReportable } from './reportable';
import { rootCandidates } from './root-operation';
import { assertionOf, descriptionText, procedureLines } from './statements';
import type { AxisReason, ProcedureCoding, ProcedureProposal, ProcedureStatement } from './types';
import { fold, labelWords, routeWords, sideOf, wordSet, wordsOf, type Side, type Word } from './words';

const AXES = ['', '', '', 'root operation', 'body part', 'approach', 'device', 'qualifier'];

/**
 * Codes the procedures of a chart.
 *
 * @example codeProcedures(text, analyzeChart(text), pcs).proposals[0]?.code // '0FT44ZZ'
 */
export function codeProcedures(text: string, chart: ChartAnalysis, pcs: PcsTable): ProcedureCoding {
  const out: ProcedureCoding = { proposals: [], suppressed: [] };
  const description = descriptionText(text, chart);
  const seen = new Set<string>();
  const lines = procedureLines(text, chart);
  if (lines.length === 0) return out;
  // The Index is read only for a chart with procedure lines (its block is loaded on first use).
  const lex = operationLexicon(pcs);
  const encounter: EncounterFacts = { donorSite: DONOR_SITE.test(text) };
  const course = courseApproachText(text, chart, lines);
  const titleSide = oneSide(
    lines.filter((l) => l.source === 'title').map((l) => sideOf(wordSet(wordsOf(text, l.start, l.end)))),
  );
  for (const line of lines) {
    const words = wordsOf(text, line.start, line.end);
    const itemSet = wordSet(words);
    // Operation words of the line, each with its Index main terms.
    const hits: { i: number; terms: string[]; extra?: string; object?: Word[] }[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!.w;
      // An operative narrative names the procedure only by its performed-action verbs (statements.ts).
      if (line.source === 'description') {
        const verb = descriptionTerm(w, itemSet);
        const object = verb ? narrativeObject(pcs, words, i) : undefined;
        if (verb && object) hits.push({ i, terms: [verb.term], object, ...(verb.words ? { extra: verb.words } : {}) });
        continue;
      }
      const solid = solidMatterTerm(w, itemSet);
      const entry = solid ? { term: solid } : OPERATION_SYNONYMS[w];
      const syn = entry?.when && !entry.when.every((x) => itemSet.has(x)) ? undefined : entry;
      if (syn?.needs === 'device' && !writesDevice(pcs, itemSet)) {
        // Removal and Revision act on a device (PCS Index: "Revision, Correcting a portion of
        // existing device"; Guideline B6.1c): with none written, the word names no operation of
        // its own (a scar revision is coded by the operation done, when the line names it).
        const at = words[i]!;
        out.suppressed.push({
          statement: {
            start: at.start,
            end: at.end,
            text: text.slice(at.start, at.end),
            itemStart: line.start,
            itemEnd: line.end,
            termStart: at.start,
            termEnd: at.end,
            section: line.section,
            assertion: assertionOf(text, chart, at.start, at.end).assertion,
          },
          rule: 'B6.1c',
          reason: `"${w}" is an operation on a device (${syn.term}) and the line names none`,
        });
        continue;
      }
      const titles = syn ? [syn.term] : applicableTitles(lex.byWord.get(w), itemSet);
      if (!titles || titles.length === 0) continue;
      // "open reduction and internal fixation": one Reposition.
      hits.push({ i, terms: titles, ...(syn?.words ? { extra: syn.words } : {}) });
    }
    const hitWords = hits.map((h) => words[h.i]!.w);
    for (let k = 0; k < hits.length; k++) {
      const h = hits[k]!;
      const word = words[h.i]!;
      const from = k > 0 ? hits[k - 1]!.i + 1 : 0;
      // A step that belongs to this operation (the fixation of a reduction, B3.15) stays in its clause.
      let next = k + 1;
      while (next < hits.length && integralTo(hitWords[next]!, [word.w])?.rule === 'B3.15') next++;
      const to = next < hits.length ? hits[next]!.i : words.length;
      // A narrative action reads its own object only (the sentence around it names other things).
      const segWords = h.object
        ? [...h.object.filter((x) => x.start !== word.start), word].sort((a, b) => a.start - b.start)
        : words.slice(from, to);
      const start = segWords[0]!.start;
      const end = segWords[segWords.length - 1]!.end;
      const assertion = assertionOf(text, chart, word.start, word.end);
      const statement: ProcedureStatement = {
        start,
        end,
        text: text.slice(start, end),
        itemStart: line.start,
        itemEnd: line.end,
        termStart: word.start,
        termEnd: word.end,
        section: line.section,
        assertion: assertion.assertion,
      };
      const others = hitWords.filter(
        (_, j) =>
          j !== k &&
          !integralTo(
            hitWords[j]!,
            hitWords.filter((__, x) => x !== j),
          ),
      );
      const integral = integralTo(word.w, others, hitWords);
      if (integral) {
        out.suppressed.push({ statement, ...integral });
        continue;
      }
      if (assertion.assertion !== 'affirmed') {
        out.suppressed.push({
          statement,
          rule: 'UHDDS',
          reason: `not done in this encounter (${assertion.assertion}${assertion.cues[0] ? `: "${assertion.cues[0].text}"` : ''})`,
        });
        continue;
      }
      const segment = wordSet(segWords);
      if (h.extra) for (const x of h.extra.split(' ')) segment.add(fold(x));
      const lineSet = h.object ? segment : new Set([...itemSet, ...segment]);
      const built = buildCodes(
        pcs,
        lex,
        h.terms,
        segment,
        lineSet,
        line.source === 'course' ? undefined : titleSide,
        [
          { where: 'statement', text: statement.text },
          { where: 'line', text: text.slice(line.start, line.end) },
          { where: 'operative description', text: description, description: true },
          ...(course ? [course] : []),
        ],
        [statement.text, text.slice(line.start, line.end), ...sectionSentences(text, chart, line.start)],
        routeWords(words),
        new Set(segWords.map((x) => x.w)),
        encounter,
        (labels) => chartSide(text, chart, labels),
      );
      if ('problem' in built) {
        out.suppressed.push({ statement, rule: 'PCS Tables', reason: `"${word.w}": ${built.problem}` });
        continue;
      }
      for (const p of built.codes) {
        const no = notReportable(p.code);
        if (no) {
          out.suppressed.push({ statement, rule: no.rule, reason: no.reason, code: p.code });
          continue;
        }
        if (seen.has(p.code)) {
          out.suppressed.push({
            statement,
            rule: 'B3.2',
            reason: `${p.code} already coded for this encounter`,
            code: p.code,
          });
          continue;
        }
        seen.add(p.code);
        out.proposals.push({ ...p, statement });
      }
    }
  }
  return withoutCoveredRows(out);
}

/**
 * A table row (partial) that a complete code of the chart fills in is the same procedure told
 * again with less detail (a discharge summary's list and its course): one code (B3.2 codes
 * distinct procedures only).
 */
function withoutCoveredRows(out: ProcedureCoding): ProcedureCoding {
  const complete = out.proposals.filter((p) => !p.partial).map((p) => p.code);
  const proposals: ProcedureProposal[] = [];
  for (const p of out.proposals) {
    const by = p.partial ? complete.find((c) => c.startsWith(p.code)) : undefined;
    if (by)
      out.suppressed.push({
        statement: p.statement,
        rule: 'B3.2',
        reason: `table row ${p.code} is the procedure coded ${by} from a more detailed statement`,
        code: p.code,
      });
    else proposals.push(p);
  }
  return { proposals, suppressed: out.suppressed };
}

type Built = Omit<ProcedureProposal, 'statement'>;

/** What the whole chart says about this encounter's procedures, read once. */
interface EncounterFacts {
  /** A skin graft donor site is written (the graft is the patient's own skin). */
  donorSite: boolean;
}
const DONOR_SITE = /\bdonor sites?\b/i;

/** The one side written across lines (`undefined` when none, or when they differ). */
function oneSide(sides: readonly (Side | undefined)[]): Side | undefined {
  const written = new Set(sides.filter((s): s is Side => s !== undefined));
  return written.size === 1 ? [...written][0] : undefined;
}

/**
 * Main terms for one word: a term qualified after its comma ("Repair, obstetric laceration,
 * periurethral") applies when its qualifying words are written; the plain main term always does.
 * When the Index has only qualified forms ("Meniscectomy, knee") they all apply.
 */
function applicableTitles(titles: readonly string[] | undefined, words: ReadonlySet<string>): string[] {
  if (!titles) return [];
  const plain = titles.filter((t) => !t.includes(','));
  if (plain.length === 0) return [...titles];
  const qualified = titles.filter((t) => {
    const rest = t.split(',').slice(1).join(' ');
    const w = labelWords(rest);
    return t.includes(',') && w.length > 0 && w.every((x) => words.has(x));
  });
  return [...plain, ...qualified];
}

/** Builds the code(s) of one operation word, character by character, validated by the table rows. */
function buildCodes(
  pcs: PcsTable,
  lex: ReturnType<typeof operationLexicon>,
  terms: readonly string[],
  segment: Set<string>,
  line: Set<string>,
  titleSide: Side | undefined,
  approachTexts: Parameters<typeof chooseApproach>[2],
  durationTexts: readonly string[],
  route: ReadonlySet<string>,
  raw: ReadonlySet<string>,
  encounter: EncounterFacts,
  sideOfOperation: (labels: readonly string[]) => ChartSide | undefined,
): { codes: Built[] } | { problem: string } {
  const candidates = dilationForStent(
    terms.flatMap((t) => rootCandidates(pcs, lex, t, segment)),
    segment,
    lex.tablesByOperation.get('Dilation') ?? [],
  );
  if (candidates.length === 0)
    return { problem: 'the Index leads to no table, or to several root operations the chart does not choose between' };
  let parts = chooseBodyParts(pcs, candidates, segment, line, titleSide, route, raw, approachTexts[0]?.text ?? '');
  // Values that differ only by side, none written with the operation: the side the chart's
  // account of the operation gives (chart-side.ts), else the row stays for the coder.
  const told = parts.sideOnly && parts.row ? sideOfOperation(parts.row.labels) : undefined;
  if (told) {
    parts = chooseBodyParts(pcs, candidates, segment, line, told.side, route, raw, approachTexts[0]?.text ?? '');
    parts = {
      ...parts,
      choices: parts.choices.map((c) => ({ ...c, reason: `${c.reason} (from "${told.quote}")` })),
    };
  }
  if (parts.choices.length === 0 && parts.row) {
    // The root operation is decided and its table known, the body part is not: the table row,
    // the body part (and the axes after it) for the coder to choose, never a code.
    const { prefix, candidate, labels } = parts.row;
    const table = pcs.loaded(prefix);
    const opLabel = table ? pcs.str(table.record.axes[2].labels[0] ?? -1) : candidate.operation;
    return {
      codes: [
        {
          code: prefix,
          partial: true,
          openAxes: `${AXES.slice(4).join(', ')} (body part: ${labels.join(' / ')})`,
          axes: [{ position: 3, axis: 'Operation', value: prefix[2]!, label: opLabel, reason: candidate.reason }],
        },
      ],
    };
  }
  if (parts.choices.length === 0) return { problem: parts.problem ?? 'no body part' };
  const codes: Built[] = [];
  for (const bp of parts.choices) {
    const table = pcs.loaded(bp.prefix.slice(0, 3));
    const opLabel = table ? pcs.str(table.record.axes[2].labels[0] ?? -1) : bp.candidate.operation;
    const axes: AxisReason[] = [
      { position: 3, axis: 'Operation', value: bp.prefix[2]!, label: opLabel, reason: bp.candidate.reason },
      { position: 4, axis: 'Body Part', value: bp.prefix[3]!, label: bp.label, reason: bp.reason },
    ];
    let code = bp.prefix.slice(0, 4);
    // Characters the Index already fixed (a "codes" target of 5-7 characters) are kept.
    const fixed = bp.prefix.length > 4 ? bp.prefix : '';
    for (let pos = 5; pos <= 7; pos++) {
      const given = fixed[pos - 1];
      let choice: { value: string; label: string; reason: string } | undefined;
      if (given) {
        const o = pcs.builder.options(code).find((x) => x.value === given);
        if (o) choice = { value: given, label: o.label, reason: bp.candidate.reason };
      } else if (pos === 5)
        choice =
          pcs.builder.options(code)[0]?.name === 'Duration'
            ? chooseDuration(pcs, code, durationTexts, segment)
            : (administrationRoute(pcs, code) ?? chooseApproach(pcs, code, approachTexts));
      else if (pos === 6)
        choice =
          surfaceDevice(pcs, code, segment) ??
          chooseDevice(pcs, code, segment) ??
          chooseDevice(pcs, code, line) ??
          autologousSkin(pcs, code, encounter.donorSite);
      else choice = surfaceQualifier(pcs, code, segment) ?? chooseQualifier(pcs, code, segment, bp.candidate.qualifier);
      if (!choice || !pcs.isValidPrefix(code + choice.value)) break;
      code += choice.value;
      const axisName = pcs.builder.options(code.slice(0, -1))[0]?.name ?? AXES[pos]!;
      axes.push({ position: pos, axis: axisName, value: choice.value, label: choice.label, reason: choice.reason });
    }
    const partial = code.length < 7 || !pcs.isValid(code);
    codes.push({
      code,
      partial,
      ...(partial ? { openAxes: AXES.slice(code.length + 1).join(', ') } : {}),
      axes,
    });
  }
  return { codes };
}

/**
 * Administration into a vein (transfusion, infusion): the PCS approach of an intravenous line is
 * Percutaneous (PCS Definitions: entry by puncture).
 */
function administrationRoute(
  pcs: PcsTable,
  prefix: string,
): { value: string; label: string; reason: string } | undefined {
  if (prefix[0] !== '3') return undefined;
  const bodyPart = pcs.builder.options(prefix.slice(0, 3)).find((o) => o.value === prefix[3])?.label ?? '';
  if (!/Vein$/.test(bodyPart)) return undefined;
  const o = pcs.builder.options(prefix).find((x) => x.label === 'Percutaneous');
  return o
    ? { value: o.value, label: o.label, reason: 'intravenous line: entry by puncture (PCS Definitions)' }
    : undefined;
}

/**
 * The sentences of the section that holds `at`, in order: a duration or detail is often written
 * in the sentence after the one that names the procedure ("... placed on the ventilator. She
 * remained ventilated for 5 days").
 */
function sectionSentences(text: string, chart: ChartAnalysis, at: number): string[] {
  const s = chart.sentences.find((x) => x.start <= at && at < x.end);
  if (!s) return [];
  return chart.sentences.filter((x) => x.section === s.section).map((x) => text.slice(x.start, x.end));
}
