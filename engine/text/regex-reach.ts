/**
 * How far past its start position one match attempt of a regular expression can look: the longest
 * match plus lookahead, in UTF-16 code units. {@link prefixMatches} uses it to know which matches
 * of a whole sentence are also the matches of one of its prefixes.
 */

const cache = new WeakMap<RegExp, number>();

/**
 * Upper bound of the code units one match attempt of `re` reads at or after the position it
 * starts at (the match itself and any lookahead); `Infinity` when unbounded (`*`, `+`, `{n,}`),
 * when it uses a back-reference, or when the source uses syntax this reader does not know. A
 * bound that is too high only costs time; `Infinity` makes callers scan the plain way.
 *
 * @example maxReach(/\b(no|not)\b/g) // 3
 */
export function maxReach(re: RegExp): number {
  let r = cache.get(re);
  if (r === undefined) {
    // In unicode mode one atom may consume a surrogate pair.
    const unit = re.unicode || re.flags.includes('v') ? 2 : 1;
    try {
      const p = new Reader(re.source, unit);
      r = p.alternation();
      if (p.i !== re.source.length) r = Infinity;
    } catch {
      r = Infinity;
    }
    cache.set(re, r);
  }
  return r;
}

class Reader {
  i = 0;
  constructor(
    readonly src: string,
    readonly unit: number,
  ) {}

  alternation(): number {
    let best = this.sequence();
    while (this.src[this.i] === '|') {
      this.i++;
      best = Math.max(best, this.sequence());
    }
    return best;
  }

  sequence(): number {
    let total = 0;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      total += this.quantified(this.atom());
    }
    return total;
  }

  quantified(len: number): number {
    const c = this.src[this.i];
    let out = len;
    if (c === '*' || c === '+') {
      this.i++;
      out = len === 0 ? 0 : Infinity;
    } else if (c === '?') {
      this.i++;
    } else if (c === '{') {
      const q = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!q) return len; // a literal "{" outside unicode mode, read as an atom next
      this.i += q[0].length;
      const max = q[2] === undefined ? Number(q[1]) : q[3] === '' ? Infinity : Number(q[3]);
      out = len === 0 ? 0 : len * max;
    } else return len;
    if (this.src[this.i] === '?') this.i++; // lazy
    return out;
  }

  atom(): number {
    const s = this.src;
    const c = s[this.i]!;
    if (c === '(') {
      this.i++;
      let lookbehind = false;
      if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) {
        lookbehind = true;
        this.i += 3;
      } else if (s.startsWith('?:', this.i) || s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) this.i += 2;
      else if (s.startsWith('?<', this.i)) {
        const end = s.indexOf('>', this.i);
        if (end < 0) throw new Error('regex-reach: unterminated group name');
        this.i = end + 1;
      } else if (s[this.i] === '?') throw new Error('regex-reach: unknown group');
      const inner = this.alternation();
      if (s[this.i] !== ')') throw new Error('regex-reach: unbalanced group');
      this.i++;
      // A lookahead reads ahead without consuming: counted in full (an upper bound). A lookbehind
      // reads before the attempt's start only.
      return lookbehind ? 0 : inner;
    }
    if (c === '[') {
      this.i++;
      if (s[this.i] === '^') this.i++;
      if (s[this.i] === ']') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      if (s[this.i] !== ']') throw new Error('regex-reach: unterminated class');
      this.i++;
      return this.unit;
    }
    if (c === '\\') {
      const e = s[this.i + 1];
      this.i += 2;
      if (e === undefined) throw new Error('regex-reach: trailing backslash');
      if (e === 'b' || e === 'B') return 0;
      if (/[1-9]/.test(e) || e === 'k') return Infinity;
      if (e === 'u' && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
      else if (e === 'u') this.i += 4;
      else if (e === 'x') this.i += 2;
      else if (e === 'c') this.i += 1;
      else if ((e === 'p' || e === 'P') && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
      return this.unit;
    }
    this.i++;
    if (c === '^' || c === '$') return 0;
    return this.unit;
  }
}

/** One match of a prefix scan: where it starts (in the scanned string) and what it matched. */
export interface PrefixMatch {
  index: number;
  text: string;
}

/**
 * The matches of the global regular expression `re` over `whole.slice(0, length)`, exactly as
 * `for (re.lastIndex = 0, m = re.exec(prefix); m; m = re.exec(prefix))` finds them, taken from
 * `full` (the matches over all of `whole`, from {@link scanAll}) wherever an attempt cannot have
 * read past `length`, and scanning the prefix itself only near its end. `prefix` is
 * `whole.slice(0, length)`, passed in because callers already hold it.
 *
 * @example prefixMatches(/\bno\b/g, 'no fever, no cough', scanAll(/\bno\b/g, 'no fever, no cough'), 'no fever, no', 12)
 * // [{ index: 0, text: 'no' }, { index: 10, text: 'no' }]
 */
export function prefixMatches(
  re: RegExp,
  whole: string,
  full: readonly PrefixMatch[],
  prefix: string,
  length: number,
): PrefixMatch[] {
  const out: PrefixMatch[] = [];
  // An attempt at p reads at most p + reach code units, plus the one after for a final \b.
  const safeBefore = length - maxReach(re) - 2;
  let resume = 0;
  if (length <= whole.length && safeBefore > 0) {
    for (const m of full) {
      if (m.index >= safeBefore) break;
      out.push(m);
      resume = m.index + m.text.length;
    }
    resume = Math.max(resume, safeBefore);
  }
  re.lastIndex = resume;
  for (let m = re.exec(prefix); m; m = re.exec(prefix)) {
    out.push({ index: m.index, text: m[0] });
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

/**
 * Every match of the global regular expression `re` over `s`, in order.
 *
 * @example scanAll(/\bno\b/g, 'no fever, no cough') // [{ index: 0, text: 'no' }, { index: 10, text: 'no' }]
 */
export function scanAll(re: RegExp, s: string): PrefixMatch[] {
  const out: PrefixMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push({ index: m.index, text: m[0] });
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}
