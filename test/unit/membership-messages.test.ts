import { describe, expect, it } from 'vitest';
import { membershipMessages } from '../../src/i18n/membership.js';

/** Every text of a message table, its functions called with placeholder arguments. */
function texts(o: unknown): string[] {
  if (typeof o === 'string') return [o];
  if (typeof o === 'function') return [o('X', 'Y', 'Z'), o('X', '', '')];
  if (typeof o === 'object' && o !== null) return Object.values(o).flatMap(texts);
  return [];
}

describe('what the bot says about partners who leave', () => {
  const fr = texts(membershipMessages.fr).map((t) => t.replace(/:[a-z_]+:/g, '').replace(/`[^`]*`/g, ''));

  it('is French as the deck writes it: a narrow no-break space before : ; ! ? and inside « », one apostrophe', () => {
    for (const text of fr) {
      expect(text, text).not.toMatch(/(^|[^\u202f\u00a0])[:;!?](\s|$)/);
      expect(text, text).not.toMatch(/«(?!\u202f)|(?<!\u202f)»/);
      expect(text, text).not.toContain("'");
      expect(text, text).not.toMatch(/\(s\)/);
    }
  });

  it('calls a partner that left what it is in both locales, without "grade" or "Obligations" in French', () => {
    expect(membershipMessages.en.contactReply('Acme')).toBe(
      '*Acme* is no longer in the Dstny partner program. For any question, contact your Dstny partner manager.',
    );
    for (const text of fr) expect(text).not.toMatch(/grade|obligation/i);
  });
});
