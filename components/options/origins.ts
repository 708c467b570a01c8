/** EHR origins the chart reader may run on: match patterns from what the user types. */
import { ChartsideError } from '../../engine/errors';

/** Error for an origin the user typed that cannot become a match pattern. */
export class OriginInputError extends ChartsideError {
  override name = 'ChartsideOriginInputError';
}

/**
 * Turns `https://ehr.example.org`, `ehr.example.org/anything` or `http://localhost:8080` into a
 * host match pattern (`https://ehr.example.org/*`). Plain http is accepted for localhost only
 * (test servers); a chart over the network must be https.
 *
 * @example toMatchPattern('ehr.example.org') // 'https://ehr.example.org/*'
 */
export function toMatchPattern(input: string): string {
  const text = input.trim();
  if (!text) throw new OriginInputError('Type the address of your EHR, e.g. https://ehr.example.org');
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new OriginInputError(`"${text}" is not a web address`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new OriginInputError(`${url.protocol}// is not allowed: only https (or http on localhost)`);
  }
  if (url.hostname.includes('*')) throw new OriginInputError('Wildcards are not allowed: name one EHR host');
  // Match patterns carry no port; Chrome matches every port of the host.
  return `${url.protocol}//${url.hostname}/*`;
}
