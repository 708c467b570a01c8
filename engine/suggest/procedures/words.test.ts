/** The statement words a coder reads against the PCS table labels (words.ts). */
import { describe, expect, it } from 'vitest';
import { wordSet, wordsOf } from './words';

const set = (text: string): Set<string> => wordSet(wordsOf(text));

describe('wordSet', () => {
  it('reads a site of the front of the abdomen as the abdominal wall only beside a hernia word', () => {
    expect(set('umbilical hernia repair')).toContain('abdominal');
    expect(set('epigastric herniorrhaphy')).toContain('wall');
    expect(set('umbilical venous catheter')).not.toContain('abdominal');
    expect(set('epigastric pain')).not.toContain('wall');
  });

  it("reads a hydrocele's sac as the tunica vaginalis and a spermatocele as the epididymis", () => {
    expect(set('right hydrocelectomy')).toEqual(new Set(['right', 'hydrocelectomy', 'tunica', 'vaginalis']));
    expect(set('excision of spermatocele')).toContain('epididymis');
  });

  it('reads an endarterectomy as an operation on an artery', () => {
    expect(set('carotid endarterectomy')).toContain('artery');
  });
});
