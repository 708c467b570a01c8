import { describe, expect, it } from 'vitest';
import { OriginInputError, toMatchPattern } from './origins';

describe('toMatchPattern', () => {
  it('normalises what a user types into one https host pattern', () => {
    expect(toMatchPattern('ehr.example.org')).toBe('https://ehr.example.org/*');
    expect(toMatchPattern(' https://EHR.example.org/chart?id=1 ')).toBe('https://ehr.example.org/*');
    expect(toMatchPattern('http://localhost:5173/epic')).toBe('http://localhost/*');
  });
  it('refuses plain http off localhost, wildcards and junk', () => {
    expect(() => toMatchPattern('http://ehr.example.org')).toThrow(OriginInputError);
    expect(() => toMatchPattern('https://*.example.org')).toThrow(/Wildcards|not a web address/);
    expect(() => toMatchPattern('')).toThrow(/Type the address/);
    expect(() => toMatchPattern('ftp://x.org')).toThrow(/not allowed/);
  });
});
