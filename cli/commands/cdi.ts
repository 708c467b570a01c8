import { analyzeCdi, formatQueryPlain, type CdiResult } from '../../engine/cdi/index';
import { parseArgs, UsageError, type CliCommand } from '../io';
import { readTextInput } from '../read-text-input';

/** JSON shape printed by `chartside cdi --json`. */
export function cdiJson(result: CdiResult): unknown {
  return {
    charts: result.charts,
    opportunities: result.opportunities.map(({ opportunity, draft, compliance, chart }) => ({
      id: opportunity.id,
      chart,
      topic: opportunity.topic,
      title: opportunity.title,
      reason: opportunity.reason,
      criteria: opportunity.criteria,
      indicators: opportunity.indicators.map((i) => ({
        name: i.name,
        value: i.value,
        unit: i.unit,
        start: i.start,
        end: i.end,
        text: i.text,
        ...(i.date ? { date: i.date } : {}),
        ...(i.flag ? { flag: i.flag } : {}),
      })),
      query: {
        header: draft.header,
        audit: draft.audit,
        templateId: draft.templateId,
        format: draft.format,
        question: draft.question,
        options: draft.options,
        text: formatQueryPlain(draft),
      },
      compliance,
    })),
  };
}

/** `chartside cdi <file|-> [--json]`: CDI query opportunities and drafts for a plain-text note. */
export const cdiCommand: CliCommand = {
  name: 'cdi',
  summary: 'CDI query opportunities and compliant query drafts for a note',
  usage: [
    'Usage: chartside cdi <file|-> [--json]',
    '',
    'Reads a plain-text clinical note (a file, or standard input with "-"), extracts clinical',
    'indicators, and lists documentation query opportunities with a draft query each.',
    '  --json   print {opportunities: [{topic, indicators, query: {question, options, text}, compliance}]}',
  ].join('\n'),
  async run(args, io) {
    const { positionals, booleans } = parseArgs(args, { booleans: ['json'] });
    if (positionals.length !== 1) throw new UsageError('expected one input: a file path or "-" for standard input');
    const source = positionals[0]!;
    const text = await readTextInput(source, io.stdin);
    const result = analyzeCdi({ text });
    if (booleans.has('json')) {
      io.stdout.write(`${JSON.stringify(cdiJson(result), null, 2)}\n`);
      return 0;
    }
    if (result.charts.length > 1)
      io.stdout.write(
        `This text holds ${result.charts.length} charts (repeated patient or admission headings); each is analysed on its own:\n${result.charts
          .map((c, i) => `  chart ${i + 1}: characters ${c.start}-${c.end}${c.banner ? ` "${c.banner}"` : ''}\n`)
          .join('')}\n`,
      );
    if (result.opportunities.length === 0) {
      io.stdout.write(`No query opportunities (${result.indicators.length} indicators read).\n`);
      return 0;
    }
    for (const { opportunity, draft, compliance } of result.opportunities) {
      io.stdout.write(`=== ${opportunity.id}: ${opportunity.title}\n`);
      io.stdout.write(`Criteria: ${opportunity.criteria.join('; ')}\n\n`);
      io.stdout.write(formatQueryPlain(draft));
      io.stdout.write(
        compliance.length
          ? compliance.map((f) => `! ${f.severity} ${f.id}: ${f.message}\n`).join('')
          : 'Compliance check: passed\n',
      );
      io.stdout.write('\n');
    }
    return 0;
  },
};
