/**
 * What a question asks, as the rest of the bot sees it: an intent (one read of the program or of a
 * partner) or a clarification to ask back. Nothing here says how it was decided, so that another
 * understander (a language model, say) can take the place of `understand` without touching a listener.
 */

/** The reads about one partner (each is a /partner read, or a line taken from one). */
export const PARTNER_INTENTS = [
  'status',
  'tier',
  'benefits',
  'obligations',
  'zen',
  'history',
  /** How much a month is missing for the next tier. */
  'missing',
  /** Who manages the partner. */
  'manager',
  /** The partner's own people: profiles, referents, how they are reached. */
  'contacts',
] as const;
export type PartnerIntentKind = (typeof PARTNER_INTENTS)[number];

export type ListFilterIntent =
  | { kind: 'at-risk' }
  | { kind: 'overdue' }
  | { kind: 'within-reach' }
  | { kind: 'left' }
  | { kind: 'tier'; tier: string };

/** Parts of a partner's obligations a question may be about: its trainings alone (« nos formations ? »). */
export const OBLIGATIONS_FOCUSES = ['trainings'] as const;
export type ObligationsFocus = (typeof OBLIGATIONS_FOCUSES)[number];

export type Intent =
  | {
      kind: PartnerIntentKind;
      partnerId: string;
      /** For obligations: only this part of them. */
      focus?: ObligationsFocus;
      /** For obligations: only these, by their catalog codes (named by their labels' words). */
      codes?: readonly string[];
    }
  | { kind: 'program' }
  | { kind: 'help' }
  | { kind: 'next-evaluation' }
  /** What a tier brings, for no partner in particular. */
  | { kind: 'tier-benefits'; tier: string }
  /** The asker's portfolio, filtered or not. */
  | { kind: 'list'; filter?: ListFilterIntent };

export type IntentKind = Intent['kind'];

export type ClarificationReason =
  /** Several partners fit the name: which one? */
  | 'partners'
  /** The question asks two things: which one? */
  | 'intents'
  /** A name that is no partner's (the closest ones offered, if any). */
  | 'partner-unknown'
  /** About a partner, but none named and none to assume. */
  | 'partner-missing'
  /** Nothing recognised: three questions to try instead. */
  | 'unrecognised';

export interface Clarification {
  kind: 'clarify';
  reason: ClarificationReason;
  /** What to offer as buttons, best first (3 at most for 'unrecognised'). */
  choices: Intent[];
  /** For 'partner-unknown': the name as typed. */
  query?: string;
}

export type Understanding =
  | {
      kind: 'intent';
      intent: Intent;
      /** Where the partner came from, when the intent is about one. */
      partnerFrom?: 'named' | 'thread' | 'default';
    }
  | Clarification;

/** Every kind of intent, in one list (button codecs validate against it). */
export const ALL_INTENT_KINDS = [
  ...PARTNER_INTENTS,
  'program',
  'help',
  'next-evaluation',
  'tier-benefits',
  'list',
] as const satisfies readonly IntentKind[];

export const INTENT_KINDS: ReadonlySet<string> = new Set<string>(ALL_INTENT_KINDS);
