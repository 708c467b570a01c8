/**
 * The coded abstract from the guideline stage: the principal (or first-listed) diagnosis, the
 * secondary diagnoses and the procedures a coder would report, what is only documented, and what
 * a rule suppressed, each with its quote, assertion and rule trail.
 */
import type { SectionKind } from '../text';
import type { GuidelineCandidate } from './guidelines';
import { OPEN_AXES } from './guidelines/procedures-reportable-uhdds';
import type {
  AbstractEntry,
  AbstractStageInput,
  CodedAbstract,
  PoaAssigner,
  PrincipalDecision,
  PrincipalSelector,
  RuleStep,
} from './types';

/** Options of {@link buildAbstract}. */
export interface AbstractOptions {
  /** Principal selection (default {@link firstListedPrincipal}). */
  selectPrincipal?: PrincipalSelector;
  /** POA assignment (default: none, `poa` left unset). */
  assignPoa?: PoaAssigner;
}

/** The abstract entry of a guideline candidate. */
export function toAbstractEntry(c: GuidelineCandidate, extra: RuleStep[] = []): AbstractEntry {
  const q = c.quote;
  const row = c.system === 'pcs' && c.code.length < 7;
  return {
    code: c.code,
    title: c.suggestion.title,
    system: c.system,
    kind: row ? 'pcs-table-row' : 'code',
    ...(row ? { chooseAxes: OPEN_AXES.slice(Math.max(0, c.code.length - 3)).join(', ') } : {}),
    quote: q?.evidence.text ?? '',
    start: q?.evidence.start ?? 0,
    end: q?.evidence.end ?? 0,
    assertion: c.assertion,
    rules: [...c.rules, ...extra],
  };
}

/** Diagnostic-statement sections in the order a first-listed diagnosis is looked for. */
const STATEMENT_ORDER: readonly SectionKind[] = [
  'discharge-diagnoses',
  'postoperative-diagnosis',
  'admission-diagnoses',
  'preoperative-diagnosis',
  'assessment-plan',
  'chief-complaint',
];

/**
 * Default principal selection until the sequencing stage is wired: the diagnosis listed first in
 * the first diagnostic statement of the chart (discharge diagnoses, postoperative diagnosis,
 * admission diagnoses, preoperative diagnosis, assessment, chief complaint), else the first
 * reportable diagnosis. It applies no Section II rule and says so.
 */
export const firstListedPrincipal: PrincipalSelector = ({ diagnoses, analysis }) => {
  for (const kind of STATEMENT_ORDER) {
    let best: { code: string; start: number; quote: string } | undefined;
    for (const s of diagnoses)
      for (const e of s.evidence) {
        const section = analysis.sections.find((x) => x.start <= e.start && e.start < x.end);
        if (section?.kind === kind && (!best || e.start < best.start))
          best = { code: s.code, start: e.start, quote: e.text };
      }
    if (best)
      return {
        principal: {
          code: best.code,
          rule: 'first-listed',
          reason: `listed first under the ${kind.replace('-', ' ')} (no Section II sequencing applied)`,
          quote: best.quote,
          span: { start: best.start, end: best.start + best.quote.length },
        },
      };
  }
  const first = diagnoses[0];
  return {
    principal: first && {
      code: first.code,
      rule: 'first-listed',
      reason: 'first reportable diagnosis (no Section II sequencing applied)',
      quote: first.evidence[0]?.text ?? '',
    },
  };
};

/**
 * Builds the abstract from the guideline stage's candidates.
 *
 * @example buildAbstract(candidates, { text, setting, analysis }).principal?.code // 'A41.51'
 */
export function buildAbstract(
  candidates: readonly GuidelineCandidate[],
  chart: Omit<AbstractStageInput, 'diagnoses'>,
  options: AbstractOptions = {},
): CodedAbstract {
  const reportedDx = candidates.filter((c) => c.tier === 'report' && c.system === 'cm');
  const alsoDx = candidates.filter((c) => c.tier === 'also' && c.system === 'cm');
  const input: AbstractStageInput = {
    ...chart,
    diagnoses: reportedDx.map((c) => c.suggestion),
    documented: alsoDx.map((c) => ({
      ...c.suggestion,
      demotedBy: c.rules.filter((r) => r.action === 'demote').map((r) => r.rule),
    })),
  };
  const {
    principal,
    secondaryOrder = [],
    promoted = [],
    ranked,
    notSecondary = [],
  } = (options.selectPrincipal ?? firstListedPrincipal)(input);
  // A documented diagnosis the selector promoted joins the report with the rule that promoted it.
  const promotedBy = new Map(promoted.map((d) => [d.code, d]));
  const lifted = alsoDx.filter((c) => promotedBy.has(c.code));
  // A diagnosis that may only be principal and is not leaves the report, with the rule that says so.
  const droppedBy = new Map(notSecondary.filter((d) => d.code !== principal?.code).map((d) => [d.code, d]));
  const left = reportedDx.filter((c) => droppedBy.has(c.code));
  const dx = [...reportedDx.filter((c) => !droppedBy.has(c.code)), ...lifted];
  const poa = options.assignPoa?.({ ...input, diagnoses: dx.map((c) => c.suggestion) });
  const entry = (c: GuidelineCandidate, extra: RuleStep[] = []): AbstractEntry => {
    const e = toAbstractEntry(c, extra);
    const p = poa?.get(c.code);
    return p ? { ...e, poa: p.poa, poaReason: p.reason } : e;
  };
  const rank = (code: string): number => {
    const i = secondaryOrder.indexOf(code);
    return i < 0 ? secondaryOrder.length : i;
  };
  const p = dx.find((c) => c.code === principal?.code);
  const step = (d: PrincipalDecision): RuleStep => ({ rule: d.rule, action: 'keep', reason: d.reason });
  const added = (c: GuidelineCandidate): RuleStep[] => {
    const d = promotedBy.get(c.code);
    return d ? [{ rule: d.rule, action: 'add', reason: d.reason }] : [];
  };
  const out: CodedAbstract = {
    principal: p && principal ? entry(p, [...added(p), step(principal)]) : undefined,
    secondary: dx
      .filter((c) => c !== p)
      .sort((a, b) => rank(a.code) - rank(b.code))
      .map((c) => entry(c, added(c))),
    procedures: candidates.filter((c) => c.tier === 'report' && c.system === 'pcs').map((c) => entry(c)),
    alsoDocumented: [
      ...left.map((c) => {
        const d = droppedBy.get(c.code)!;
        return toAbstractEntry(c, [{ rule: d.rule, action: 'demote', reason: d.reason }]);
      }),
      ...candidates.filter((c) => c.tier === 'also' && !lifted.includes(c)).map((c) => entry(c)),
    ],
    suppressed: candidates.filter((c) => c.tier === 'suppressed').map((c) => entry(c)),
  };
  if (ranked) out.principalCandidates = ranked.map((d) => ({ ...d }));
  return out;
}
