import type { CliCommand } from '../io';
import { cdiCommand } from './cdi';
import { codeCommand } from './code';
import { codesetsCommand } from './codesets';
import { suggestCommand } from './suggest';
import { groupCommand } from './group';
import { editsCommand } from './edits';
import { searchCommand } from './search';

/**
 * Every command of `npx chartside`. Each lives in its own file beside this one; add yours here.
 * Kept as a plain list so the help text has a stable order.
 */
export const COMMANDS: CliCommand[] = [codesetsCommand, codeCommand, suggestCommand, cdiCommand, groupCommand, editsCommand, searchCommand];
