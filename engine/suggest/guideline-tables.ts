/**
 * The guideline stage's tables read from the Alphabetic Index and the Tabular, as plain data that
 * travels in the `guidelines` block of a `suggest-lexicon-<FY>` bundle: the "with" lines
 * (Guidelines I.A.15, {@link withLinesOf}), the status lines (I.C.21.c.3, {@link statusLinesOf})
 * the history links (I.C.21.c.4, {@link historyLinkData}), the family history links (I.C.21.c.4,
 * {@link familyHistoryLinkData}), the allergy status terms (I.C.21.c.3,
 * {@link allergyTermsOf}), the infectious agent terms (I.C.1.b, {@link agentIndexOf}), the Table of
 * Drugs' adverse effect codes (I.C.19.e.5.a, {@link adverseEffectsOf}) and the long-term drug
 * classes (I.C.21.c.3, {@link longTermDrugClasses}). Each is built by its own builder,
 * the one source of its content, from the table: at build time by `npm run codesets` (the
 * builders' sources are inputs of that step, so a changed builder rebuilds the bundle), and loaded
 * by the worker and the CLI instead of walking the Index on the first suggestion (about a second).
 *
 * {@link primeGuidelineTables} hands the decoded tables to the builders' per-table caches, so the
 * rules read exactly what they would have built; without a usable bundle they build them from the
 * table on first use, as before.
 */
import { z } from 'zod';
import type { CmTable } from '../icd10cm';
import { adverseEffectsOf, primeAdverseEffects } from './guidelines/adverse-effect-drugs';
import { allergyTermsOf, primeAllergyTerms } from './guidelines/allergy-status-codes';
import {
  familyHistoryLinkData,
  primeFamilyHistoryLinks,
  type FamilyHistoryLinkData,
} from './guidelines/family-history-codes';
import { historyLinkData, primeHistoryLinks, type HistoryLinkData } from './guidelines/history-codes';
import { agentIndexOf, primeAgentIndex, type AgentTerm } from './guidelines/infectious-agent-index';
import { longTermDrugClasses, primeLongTermDrugClasses } from './guidelines/long-term-drug-classes';
import { primeStatusLines, statusLinesOf, type StatusKind } from './guidelines/status-lines';
import { primeWithLines, withLinesOf } from './guidelines/with-combination-index';

/** What the builders read (structurally `CmTable`). */
export type GuidelineTableSource = Pick<
  CmTable,
  | 'indexEntries'
  | 'inclusionTerms'
  | 'get'
  | 'billableDescendants'
  | 'isBillable'
  | 'summary'
  | 'drugRows'
  | 'neoplasmRows'
  | 'all'
>;

/** The tables as plain data (JSON), in the order their builders return them. */
export interface GuidelineTablesData {
  /** {@link withLinesOf}, each line's `subtermCodes` as an array in the set's order. */
  withLines: { path: string; code: string; baseCode: string; subterm: string; subtermCodes: string[] }[];
  /** {@link statusLinesOf}, each line's `alternatives` as `[chart key, required key]` pairs. */
  statusLines: { code: string; kind: StatusKind; words: string[]; alternatives: [string, string][]; source: string }[];
  /** {@link historyLinkData}. */
  historyLinks: HistoryLinkData[];
  /** {@link familyHistoryLinkData} (I.C.21.c.4). */
  familyHistoryLinks: FamilyHistoryLinkData[];
  /** {@link allergyTermsOf} (I.C.21.c.3), its `terms` as `[key, term]` pairs in the map's order. */
  allergyTerms: { terms: [string, { code: string; source: string }][]; maxWords: number };
  /** {@link agentIndexOf} (I.C.1.b), its `genera` as `[genus, { codes, source }]` pairs. */
  agentIndex: {
    terms: AgentTerm[];
    genera: [string, { codes: string[]; source: string }][];
    bacterialNec?: { code: string; source: string };
  };
  /** {@link adverseEffectsOf} (I.C.19.e.5.a), the map's values in its order (each keyed by its `name`). */
  adverseEffects: { name: string; code: string; row: string }[];
  /** {@link longTermDrugClasses} (I.C.21.c.3). */
  longTermDrugClasses: { code: string; drugs: string[] }[];
}

const CODE_SOURCE = z.object({ code: z.string(), source: z.string() });

const SCHEMA = z.object({
  withLines: z.array(
    z.object({
      path: z.string(),
      code: z.string(),
      baseCode: z.string(),
      subterm: z.string(),
      subtermCodes: z.array(z.string()),
    }),
  ),
  statusLines: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(['dependence', 'presence']),
      words: z.array(z.string()),
      alternatives: z.array(z.tuple([z.string(), z.string()])),
      source: z.string(),
    }),
  ),
  historyLinks: z.array(
    z.object({
      code: z.string(),
      width: z.number(),
      source: z.string(),
      refs: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
      codes: z.array(z.string()).optional(),
    }),
  ),
  familyHistoryLinks: z.array(
    z.object({
      code: z.string(),
      width: z.number(),
      source: z.string(),
      refs: z.array(z.object({ from: z.string(), to: z.string() })),
      categories: z.array(z.string()).optional(),
      codes: z.array(z.string()).optional(),
    }),
  ),
  allergyTerms: z.object({ terms: z.array(z.tuple([z.string(), CODE_SOURCE])), maxWords: z.number() }),
  agentIndex: z.object({
    terms: z.array(
      z.object({ code: z.string(), words: z.array(z.string()), source: z.string(), acronym: z.string().optional() }),
    ),
    genera: z.array(z.tuple([z.string(), z.object({ codes: z.array(z.string()), source: z.string() })])),
    bacterialNec: CODE_SOURCE.optional(),
  }),
  adverseEffects: z.array(z.object({ name: z.string(), code: z.string(), row: z.string() })),
  longTermDrugClasses: z.array(z.object({ code: z.string(), drugs: z.array(z.string()) })),
});

/**
 * The tables of `cm`, built by their builders (seconds on a slow machine: for build time).
 *
 * @example jsonPayload(guidelineTablesData(CmTable.fromReader(reader)))
 */
export function guidelineTablesData(cm: GuidelineTableSource): GuidelineTablesData {
  return {
    withLines: withLinesOf(cm).map((l) => ({ ...l, subtermCodes: [...l.subtermCodes] })),
    statusLines: statusLinesOf(cm).map((l) => ({ ...l, alternatives: [...l.alternatives] })),
    historyLinks: historyLinkData(cm),
    familyHistoryLinks: familyHistoryLinkData(cm),
    allergyTerms: (({ terms, maxWords }) => ({ terms: [...terms], maxWords }))(allergyTermsOf(cm)),
    agentIndex: (({ terms, genera, bacterialNec }) => ({
      terms: [...terms],
      genera: [...genera].map(([g, v]): [string, { codes: string[]; source: string }] => [
        g,
        { codes: [...v.codes], source: v.source },
      ]),
      ...(bacterialNec ? { bacterialNec } : {}),
    }))(agentIndexOf(cm)),
    adverseEffects: [...adverseEffectsOf(cm).values()],
    longTermDrugClasses: longTermDrugClasses(cm),
  };
}

/**
 * Checks the JSON of a `guidelines` block.
 *
 * @throws Error naming the first field out of shape.
 */
export function parseGuidelineTables(json: unknown): GuidelineTablesData {
  const parsed = SCHEMA.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `malformed guideline tables: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown shape'}`,
    );
  }
  const data = parsed.data;
  return {
    withLines: data.withLines,
    statusLines: data.statusLines,
    // Optional fields are left out rather than set to undefined (the link tells them apart by presence).
    historyLinks: data.historyLinks.map(({ refs, codes, ...l }) => ({
      ...l,
      ...(refs ? { refs } : {}),
      ...(codes ? { codes } : {}),
    })),
    familyHistoryLinks: data.familyHistoryLinks.map(({ categories, codes, ...l }) => ({
      ...l,
      ...(categories ? { categories } : {}),
      ...(codes ? { codes } : {}),
    })),
    allergyTerms: data.allergyTerms,
    agentIndex: {
      ...data.agentIndex,
      terms: data.agentIndex.terms.map(({ acronym, ...t }) => ({ ...t, ...(acronym ? { acronym } : {}) })),
    },
    adverseEffects: data.adverseEffects,
    longTermDrugClasses: data.longTermDrugClasses,
  };
}

/**
 * Makes `cm`'s rules read `data` (built from this very table: the caller checks the bundle's
 * sources) instead of building the tables on the first suggestion. A table already built is kept.
 *
 * @example if (cached.guidelines) primeGuidelineTables(cm, cached.guidelines);
 */
export function primeGuidelineTables(cm: GuidelineTableSource, data: GuidelineTablesData): void {
  primeWithLines(
    cm,
    data.withLines.map((l) => ({ ...l, subtermCodes: new Set(l.subtermCodes) })),
  );
  primeStatusLines(
    cm,
    data.statusLines.map((l) => ({ ...l, alternatives: new Map(l.alternatives) })),
  );
  primeHistoryLinks(cm, data.historyLinks);
  primeFamilyHistoryLinks(cm, data.familyHistoryLinks);
  primeAllergyTerms(cm, { terms: new Map(data.allergyTerms.terms), maxWords: data.allergyTerms.maxWords });
  primeAgentIndex(cm, {
    terms: data.agentIndex.terms,
    genera: new Map(data.agentIndex.genera.map(([g, v]) => [g, { codes: new Set(v.codes), source: v.source }])),
    bacterialNec: data.agentIndex.bacterialNec,
  });
  primeAdverseEffects(cm, new Map(data.adverseEffects.map((e) => [e.name, e])));
  primeLongTermDrugClasses(cm, data.longTermDrugClasses);
}
