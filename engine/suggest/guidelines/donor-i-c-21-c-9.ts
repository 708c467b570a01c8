/**
 * Donor (I.C.21.c.9): "Codes in category Z52, Donors of organs and tissues, are used for living
 * individuals who are donating blood or other body tissue. These codes are for individuals
 * donating for others, not for self-donations." A graft's donor site ("the donor site healed")
 * is where the patient's own tissue was taken for the patient's own graft: a self-donation. A
 * Z52 code whose every established mention names a donor site is suppressed.
 */
import { suppress } from './tiers';
import type { GuidelineRule } from './types';

/** "donor site(s)", "donor-site", "donor area": the harvest site of an autograft. */
const DONOR_SITE = /^[\s-]*(sites?|areas?|wounds?)\b/i;

export const donorRule: GuidelineRule = {
  section: 'I.C.21.c.9',
  name: 'donor for others only',
  apply(cands, ctx) {
    for (const c of cands) {
      if (c.tier === 'suppressed' || c.system !== 'cm' || !c.code.startsWith('Z52')) continue;
      const established = c.mentions.filter((m) => m.assertion.codedAsEstablished);
      if (established.length === 0) continue;
      const selfDonation = (end: number): boolean => DONOR_SITE.test(ctx.text.slice(end, end + 12));
      if (!established.every((m) => selfDonation(m.evidence.end))) continue;
      const m = established[0]!;
      suppress(
        c,
        donorRule,
        `"${ctx.text.slice(m.evidence.start, m.evidence.end + 6).trim()}" is the harvest site of the patient's own graft: a self-donation, not a donation for another`,
      );
    }
  },
};
