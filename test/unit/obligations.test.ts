import { describe, expect, it } from 'vitest';
import type { OperatorProgram, PartnershipType } from '../../src/program/catalog.schema.js';
import {
  isOwnObligation,
  type ObligationItem,
  obligationsAddedBy,
  obligationsFor,
  type PartnerContact,
  type PartnerFacts,
} from '../../src/program/obligations.js';
import { catalog } from './support.js';

/** PROGRAM.md section 6, row by row (the three operator webinars on their own rows). */
const SECTION_6: [string, string, string, string, string, number | 'quarterly'][] = [
  ['starter', 'doc-qualification-form', 'Fiche de qualification', 'all', 'partner', 30],
  ['starter', 'doc-development-plan', 'Plan de développement personnalisé', 'all', 'partner', 30],
  ['starter', 'doc-partner-charter', 'Charte Partenaire', 'all', 'partner', 30],
  ['starter', 'doc-ambassador-contract', 'Contrat de partenariat Ambassadeurs', 'ambassador', 'partner', 30],
  ['starter', 'doc-operator-cgas', 'CGAS Opérateurs', 'operator', 'partner', 30],
  ['starter', 'trn-operator-webinar-1', 'Webinar obligatoire Opérateurs (1/3)', 'operator', 'partner', 90],
  ['starter', 'trn-operator-webinar-2', 'Webinar obligatoire Opérateurs (2/3)', 'operator', 'partner', 90],
  ['starter', 'trn-operator-webinar-3', 'Webinar obligatoire Opérateurs (3/3)', 'operator', 'partner', 90],
  [
    'starter',
    'trn-eshop-onsite',
    'Formation présentielle obligatoire Opérateurs pour utiliser module e-Shop MyDstny',
    'operator eshop',
    'partner',
    90,
  ],
  [
    'starter',
    'trn-webinar-trunk-metacentrex-data',
    '1 webinar obligatoire\u202f: Trunk, Metacentrex, Data',
    'all',
    'partner',
    90,
  ],
  [
    'access',
    'trn-online-admin',
    'Formation obligatoire en ligne — Admin\u202f: MyDstny',
    'all',
    'profile admin',
    60,
  ],
  [
    'access',
    'trn-online-sales',
    'Formation obligatoire en ligne — Vente\u202f: Trunk SIP, MetaCentrex, Data',
    'all',
    'profile sales',
    60,
  ],
  [
    'access',
    'trn-online-technical',
    'Formation obligatoire en ligne — Technique\u202f: Trunk SIP, MetaCentrex, Data',
    'all',
    'profile technical',
    60,
  ],
  [
    'business',
    'trn-onsite-referent-admin',
    'Formation obligatoire présentielle — Référent admin',
    'all',
    'referent admin',
    120,
  ],
  [
    'business',
    'trn-onsite-referent-sales',
    'Formation obligatoire présentielle — Référent vente',
    'all',
    'referent sales',
    120,
  ],
  [
    'business',
    'trn-onsite-referent-technical',
    'Formation obligatoire présentielle — Référent technique',
    'all',
    'referent technical',
    120,
  ],
  [
    'business',
    'com-certifications',
    'Communication par le partenaire de ses certifications éditeurs & constructeurs',
    'all',
    'partner',
    90,
  ],
  ['starter', 'sales-plan-review', 'Suivi plan développement', 'all', 'partner', 'quarterly'],
  ['starter', 'sales-forecast', 'Respect objectifs & prévisions des ventes', 'all', 'partner', 'quarterly'],
];

const PARTNERS: [PartnershipType, OperatorProgram | null][] = [
  ['ambassador', null],
  ['operator', 'standard'],
  ['operator', 'eshop'],
  ['operator', 'eshop_managed'],
];

function appliesTo(rule: string, type: PartnershipType, program: OperatorProgram | null): boolean {
  if (rule === 'all') return true;
  const [ruleType, ruleProgram] = rule.split(' ');
  return ruleType === type && (ruleProgram === undefined || ruleProgram === program);
}

type Profile = PartnerContact['profiles'][number];

/** A contact with one profile (or several: 'admin+sales'), referent for all of them or for those listed. */
const contact = (
  id: number,
  profiles: Profile | `${Profile}+${string}`,
  referent: boolean | Profile[] = false,
): PartnerContact => {
  const held = profiles.split('+') as Profile[];
  return {
    id,
    slackUserId: `U${id}`,
    name: `Contact ${id}`,
    profiles: held,
    referentProfiles: referent === true ? held : referent === false ? [] : referent,
  };
};

const ENTRIES = {
  starter: '2026-01-05',
  access: '2026-07-01',
  business: '2027-01-01',
  premium: '2027-07-01',
};

function facts(overrides: Partial<PartnerFacts> = {}): PartnerFacts {
  return {
    type: 'operator',
    operatorProgram: 'standard',
    tier: 'starter',
    entries: ENTRIES,
    contacts: [],
    trainings: [],
    checklist: [],
    ...overrides,
  };
}

const codes = (items: ObligationItem[]) => [...new Set(items.map((i) => i.obligation.code))];
const itemsOf = (items: ObligationItem[], code: string) => items.filter((i) => i.obligation.code === code);
/** A quarterly duty's item for the current quarter (the missed ones left aside). */
const thisQuarter = (items: ObligationItem[], code: string) =>
  only(
    items.filter((i) => i.status !== 'missed'),
    code,
  );
const only = (items: ObligationItem[], code: string) => {
  const found = itemsOf(items, code);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('obligations', () => {
  it('the catalog lists exactly the obligations of PROGRAM.md', () => {
    expect(catalog.obligations.map((o) => o.code).sort()).toEqual(SECTION_6.map(([, code]) => code).sort());
  });

  it.each(SECTION_6)(
    '%s: %s "%s" applies to %s, scope %s, due %s',
    (tier, code, fr, _applies, scope, due) => {
      const o = catalog.obligations.find((x) => x.code === code)!;
      expect(o.tier).toBe(tier);
      expect(o.label.fr).toBe(fr);
      expect([o.scope, o.profile].filter(Boolean).join(' ')).toBe(scope);
      expect(o.due === 'quarterly' ? 'quarterly' : o.due.daysAfterTierEntry).toBe(due);
    },
  );

  describe.each(
    PARTNERS.map(([type, program]) => [program ? `${type} (${program})` : type, type, program] as const),
  )('a Premium %s', (_name, type, program) => {
    const owed = codes(
      obligationsFor(catalog, facts({ type, operatorProgram: program, tier: 'premium' }), '2027-08-01'),
    );
    it.each(SECTION_6.map(([, code, , rule]) => [code, rule]))(
      'owes %s only if it is in "%s"',
      (code, rule) => {
        expect(owed.includes(code!)).toBe(appliesTo(rule!, type, program));
      },
    );
  });

  it('the e-Shop training is for program eshop only, not eshop_managed', () => {
    const owes = (program: OperatorProgram) =>
      codes(obligationsFor(catalog, facts({ operatorProgram: program }), '2026-01-10')).includes(
        'trn-eshop-onsite',
      );
    expect(owes('eshop')).toBe(true);
    expect(owes('eshop_managed')).toBe(false);
    expect(owes('standard')).toBe(false);
  });

  it.each([
    ['starter', ['starter']],
    ['access', ['starter', 'access']],
    ['business', ['starter', 'access', 'business']],
    ['premium', ['starter', 'access', 'business']],
  ])('a partner at %s owes the obligations of %j', (tier, tiers) => {
    const owed = obligationsFor(
      catalog,
      facts({ tier, contacts: [contact(1, 'admin', true)] }),
      '2027-08-01',
    );
    expect(new Set(owed.map((i) => i.obligation.tier))).toEqual(new Set(tiers));
  });

  describe('due dates count from the day the partner entered the tier that lists the obligation', () => {
    const items = obligationsFor(catalog, facts({ tier: 'business' }), '2026-01-05');
    it.each([
      ['doc-qualification-form', '2026-02-04'],
      ['doc-operator-cgas', '2026-02-04'],
      ['trn-operator-webinar-1', '2026-04-05'],
      ['trn-webinar-trunk-metacentrex-data', '2026-04-05'],
      ['trn-online-sales', '2026-08-30'],
      ['trn-onsite-referent-technical', '2027-05-01'],
      ['com-certifications', '2027-04-01'],
    ])('%s is due on %s', (code, dueOn) => {
      expect(only(items, code).dueOn).toBe(dueOn);
    });
  });

  describe('status', () => {
    it('is outstanding up to and on the due date, overdue the day after', () => {
      expect(only(obligationsFor(catalog, facts(), '2026-02-04'), 'doc-partner-charter').status).toBe(
        'outstanding',
      );
      expect(only(obligationsFor(catalog, facts(), '2026-02-05'), 'doc-partner-charter').status).toBe(
        'overdue',
      );
    });

    it('a document is done once recorded in the checklist', () => {
      const f = facts({ checklist: [{ item: 'doc-partner-charter', completedOn: '2026-03-01' }] });
      expect(only(obligationsFor(catalog, f, '2026-06-01'), 'doc-partner-charter')).toMatchObject({
        status: 'done',
        completedOn: '2026-03-01',
      });
    });

    it('a partner-wide training is done once any contact completed it, confirmed', () => {
      const f = facts({
        contacts: [contact(1, 'admin'), contact(2, 'technical')],
        trainings: [
          {
            contactId: 2,
            training: 'trn-operator-webinar-2',
            completedOn: '2026-02-01',
            status: 'confirmed',
          },
        ],
      });
      const items = obligationsFor(catalog, f, '2026-05-01');
      expect(only(items, 'trn-operator-webinar-2')).toMatchObject({
        status: 'done',
        completedOn: '2026-02-01',
        actor: { kind: 'partner' },
      });
      expect(only(items, 'trn-operator-webinar-1').status).toBe('overdue');
    });

    it('a training only declared by a contact is pending until a manager confirms it', () => {
      const f = facts({
        contacts: [contact(1, 'admin')],
        trainings: [
          { contactId: 1, training: 'trn-operator-webinar-1', completedOn: '2026-02-01', status: 'pending' },
        ],
      });
      expect(only(obligationsFor(catalog, f, '2026-05-01'), 'trn-operator-webinar-1').status).toBe('pending');
    });

    it('a training recorded in the checklist only is not done: trainings are per contact', () => {
      const f = facts({ checklist: [{ item: 'trn-operator-webinar-1', completedOn: '2026-02-01' }] });
      expect(only(obligationsFor(catalog, f, '2026-02-10'), 'trn-operator-webinar-1').status).toBe(
        'outstanding',
      );
    });
  });

  describe('profile scope: every contact with the profile', () => {
    const f = facts({
      tier: 'access',
      contacts: [contact(1, 'sales'), contact(2, 'sales'), contact(3, 'admin')],
      trainings: [
        { contactId: 1, training: 'trn-online-sales', completedOn: '2026-07-20', status: 'confirmed' },
        { contactId: 3, training: 'trn-online-admin', completedOn: '2026-07-21', status: 'pending' },
      ],
    });
    const items = obligationsFor(catalog, f, '2026-09-01');

    it('one item per sales contact, each with its own status', () => {
      const sales = itemsOf(items, 'trn-online-sales');
      expect(sales.map((i) => [i.actor.kind === 'contact' && i.actor.contact.id, i.status])).toEqual([
        [2, 'overdue'],
        [1, 'done'],
      ]);
    });

    it("an admin's own declaration is pending", () => {
      expect(only(items, 'trn-online-admin')).toMatchObject({
        status: 'pending',
        actor: { kind: 'contact' },
      });
    });

    it('no technical contact: one item saying so, overdue after the due date', () => {
      expect(only(items, 'trn-online-technical')).toMatchObject({
        status: 'overdue',
        dueOn: '2026-08-30',
        actor: { kind: 'no-contact', profile: 'technical' },
      });
    });

    it("another contact's completion does not count for a contact", () => {
      const g = facts({
        tier: 'access',
        contacts: [contact(1, 'admin')],
        trainings: [
          { contactId: 9, training: 'trn-online-admin', completedOn: '2026-07-20', status: 'confirmed' },
        ],
      });
      expect(only(obligationsFor(catalog, g, '2026-08-01'), 'trn-online-admin').status).toBe('outstanding');
    });
  });

  describe('referent scope: the referent designated for the profile', () => {
    const f = facts({
      tier: 'business',
      contacts: [
        contact(1, 'admin', true),
        contact(2, 'admin'),
        contact(3, 'sales', true),
        contact(4, 'sales', true),
        contact(5, 'technical'),
      ],
      trainings: [
        {
          contactId: 1,
          training: 'trn-onsite-referent-admin',
          completedOn: '2027-02-01',
          status: 'confirmed',
        },
        {
          contactId: 2,
          training: 'trn-onsite-referent-sales',
          completedOn: '2027-02-01',
          status: 'confirmed',
        },
      ],
    });
    const items = obligationsFor(catalog, f, '2027-03-01');

    it('the admin referent, not the other admin, owes the admin referent training', () => {
      expect(only(items, 'trn-onsite-referent-admin')).toMatchObject({
        status: 'done',
        actor: { kind: 'contact', contact: { id: 1 } },
      });
    });

    it('each of several sales referents owes it', () => {
      const sales = itemsOf(items, 'trn-onsite-referent-sales');
      expect(sales.map((i) => i.actor.kind === 'contact' && i.actor.contact.id)).toEqual([3, 4]);
      expect(sales.every((i) => i.status === 'outstanding')).toBe(true);
    });

    it('no technical referent designated is itself outstanding, then overdue', () => {
      expect(only(items, 'trn-onsite-referent-technical')).toMatchObject({
        status: 'outstanding',
        dueOn: '2027-05-01',
        actor: { kind: 'no-referent', profile: 'technical' },
      });
      expect(only(obligationsFor(catalog, f, '2027-05-02'), 'trn-onsite-referent-technical').status).toBe(
        'overdue',
      );
    });
  });

  describe('a contact with several profiles (a small partner: one person is admin, sales and technical)', () => {
    const alone = contact(1, 'admin+sales+technical', ['admin', 'technical']);
    const f = facts({
      tier: 'business',
      contacts: [alone],
      trainings: [
        { contactId: 1, training: 'trn-online-sales', completedOn: '2026-07-20', status: 'confirmed' },
      ],
    });
    const items = obligationsFor(catalog, f, '2026-09-01');

    it('owes each profile training of every profile it holds, none of them missing a contact', () => {
      for (const code of ['trn-online-admin', 'trn-online-sales', 'trn-online-technical'])
        expect(only(items, code).actor).toMatchObject({ kind: 'contact', contact: { id: 1 } });
      expect(items.some((i) => i.actor.kind === 'no-contact')).toBe(false);
    });

    it('its sales training done meets the sales rule, the admin one still outstanding', () => {
      expect(only(items, 'trn-online-sales').status).toBe('done');
      expect(only(items, 'trn-online-admin').status).toBe('overdue');
    });

    it('owes the referent trainings of the profiles it is referent for, and only those', () => {
      expect(only(items, 'trn-onsite-referent-admin').actor).toMatchObject({ kind: 'contact' });
      expect(only(items, 'trn-onsite-referent-technical').actor).toMatchObject({ kind: 'contact' });
      expect(only(items, 'trn-onsite-referent-sales').actor).toEqual({
        kind: 'no-referent',
        profile: 'sales',
      });
    });

    it('a referent role for a profile it does not hold does not count', () => {
      const g = facts({ tier: 'business', contacts: [contact(2, 'admin', ['sales'])] });
      expect(only(obligationsFor(catalog, g, '2026-09-01'), 'trn-onsite-referent-sales').actor).toEqual({
        kind: 'no-referent',
        profile: 'sales',
      });
    });
  });

  describe("which trainings are a contact's own", () => {
    const alone = contact(1, 'admin+sales', ['admin']);
    const own = (code: string) => isOwnObligation(alone, catalog.obligations.find((o) => o.code === code)!);
    it.each([
      ['trn-online-admin', true],
      ['trn-online-sales', true],
      ['trn-online-technical', false],
      ['trn-onsite-referent-admin', true],
      ['trn-onsite-referent-sales', false],
      ['trn-webinar-trunk-metacentrex-data', true],
    ])('%s: %s', (code, expected) => {
      expect(own(code)).toBe(expected);
    });
  });

  describe('sales duties recur every calendar quarter', () => {
    it('are outstanding, due at the quarter end, when nothing is recorded this quarter', () => {
      const f = facts({ checklist: [{ item: 'sales-forecast', completedOn: '2026-03-31' }] });
      expect(only(obligationsFor(catalog, f, '2026-04-01'), 'sales-forecast')).toMatchObject({
        status: 'outstanding',
        dueOn: '2026-06-30',
      });
    });

    it('are done when recorded in the current quarter', () => {
      const f = facts({ checklist: [{ item: 'sales-plan-review', completedOn: '2026-05-12' }] });
      expect(thisQuarter(obligationsFor(catalog, f, '2026-06-30'), 'sales-plan-review')).toMatchObject({
        status: 'done',
        completedOn: '2026-05-12',
        dueOn: '2026-06-30',
      });
    });

    it('are never overdue within the quarter, even on its last day', () => {
      expect(thisQuarter(obligationsFor(catalog, facts(), '2026-12-31'), 'sales-forecast')).toMatchObject({
        status: 'outstanding',
        dueOn: '2026-12-31',
      });
    });
  });

  describe('a quarter that ended with nothing recorded is missed, and stays visible four quarters', () => {
    // Entered Starter on 5 January 2026: Q1 2026, in the tier from its fifth day, is owed like the next.
    const missed = (f: PartnerFacts, today: string, code = 'sales-forecast') =>
      itemsOf(obligationsFor(catalog, f, today), code)
        .filter((i) => i.status === 'missed')
        .map((i) => `${i.quarter!.year}-Q${i.quarter!.number} due ${i.dueOn}`);

    it('the catalog keeps a missed quarter visible for four quarters', () => {
      expect(catalog.quarterlyDuties.missedVisibleForQuarters).toBe(4);
    });

    it('Q2 2026 with nothing recorded is missed from 1 July, due on its last day', () => {
      expect(missed(facts(), '2026-06-30')).toEqual(['2026-Q1 due 2026-03-31']);
      const item = itemsOf(obligationsFor(catalog, facts(), '2026-07-01'), 'sales-forecast').find(
        (i) => i.status === 'missed' && i.dueOn === '2026-06-30',
      );
      expect(item).toMatchObject({
        status: 'missed',
        dueOn: '2026-06-30',
        actor: { kind: 'partner' },
        quarter: { start: '2026-04-01', end: '2026-06-30', year: 2026, number: 2 },
      });
    });

    it('the current quarter is outstanding with its quarter, due on its last day', () => {
      expect(thisQuarter(obligationsFor(catalog, facts(), '2026-08-10'), 'sales-plan-review')).toMatchObject({
        status: 'outstanding',
        dueOn: '2026-09-30',
        quarter: { year: 2026, number: 3 },
      });
    });

    it('a quarter with something recorded in it is not missed; newest-first quarters drop out after four', () => {
      const f = facts({ checklist: [{ item: 'sales-forecast', completedOn: '2026-08-15' }] });
      expect(missed(f, '2027-01-02')).toEqual([
        '2026-Q1 due 2026-03-31',
        '2026-Q2 due 2026-06-30',
        '2026-Q4 due 2026-12-31',
      ]);
      expect(missed(facts(), '2027-06-30')).toEqual([
        '2026-Q2 due 2026-06-30',
        '2026-Q3 due 2026-09-30',
        '2026-Q4 due 2026-12-31',
        '2027-Q1 due 2027-03-31',
      ]);
      // On 1 July 2027, Q2 2027 ends the fourth quarter after Q2 2026: it is no longer shown.
      expect(missed(facts(), '2027-07-01')).toEqual([
        '2026-Q3 due 2026-09-30',
        '2026-Q4 due 2026-12-31',
        '2027-Q1 due 2027-03-31',
        '2027-Q2 due 2027-06-30',
      ]);
    });

    it('each duty is missed on its own: recording the forecast does not cover the plan review', () => {
      const f = facts({
        checklist: [
          { item: 'sales-forecast', completedOn: '2026-02-15' },
          { item: 'sales-forecast', completedOn: '2026-05-15' },
        ],
      });
      expect(missed(f, '2026-07-01', 'sales-forecast')).toEqual([]);
      expect(missed(f, '2026-07-01', 'sales-plan-review')).toEqual([
        '2026-Q1 due 2026-03-31',
        '2026-Q2 due 2026-06-30',
      ]);
    });

    it('a quarter entered in its course is owed while it lasts, and missed once it ended with nothing', () => {
      const midQuarter = facts({ entries: { starter: '2026-02-20' } });
      expect(thisQuarter(obligationsFor(catalog, midQuarter, '2026-03-01'), 'sales-forecast')).toMatchObject({
        status: 'outstanding',
        dueOn: '2026-03-31',
      });
      expect(missed(midQuarter, '2026-04-10')).toEqual(['2026-Q1 due 2026-03-31']);
      // A quarter that ended before the partner entered the tier is not its own.
      expect(missed(facts({ entries: { starter: '2026-04-01' } }), '2026-07-01')).toEqual([
        '2026-Q2 due 2026-06-30',
      ]);
    });

    it("the program's start counts the same way: a quarter it started in is owed", () => {
      const later = { ...catalog, programStart: '2026-02-15' };
      const veteran = facts({ entries: { starter: '2019-06-03' } });
      const missedFrom = (c: typeof catalog, today: string) =>
        itemsOf(obligationsFor(c, veteran, today), 'sales-forecast')
          .filter((i) => i.status === 'missed')
          .map((i) => i.dueOn);
      expect(missedFrom(later, '2026-04-10')).toEqual(['2026-03-31']);
      expect(missedFrom({ ...catalog, programStart: '2026-04-01' }, '2026-04-10')).toEqual([]);
    });

    it("how many quarters stay visible is the catalog's", () => {
      const short = { ...catalog, quarterlyDuties: { missedVisibleForQuarters: 1 } };
      const items = obligationsFor(short, facts(), '2027-01-02').filter(
        (i) => i.obligation.code === 'sales-forecast' && i.status === 'missed',
      );
      expect(items.map((i) => i.dueOn)).toEqual(['2026-12-31']);
    });
  });

  it('lists overdue first (oldest first), then missed quarters, then outstanding by due date, then pending, then done', () => {
    const f = facts({
      tier: 'access',
      contacts: [contact(1, 'admin'), contact(2, 'sales'), contact(3, 'technical')],
      checklist: [
        { item: 'doc-qualification-form', completedOn: '2026-01-20' },
        { item: 'doc-development-plan', completedOn: '2026-01-20' },
        { item: 'doc-partner-charter', completedOn: '2026-01-20' },
        { item: 'doc-operator-cgas', completedOn: '2026-01-20' },
      ],
      trainings: [
        { contactId: 1, training: 'trn-operator-webinar-1', completedOn: '2026-02-01', status: 'confirmed' },
        { contactId: 1, training: 'trn-operator-webinar-2', completedOn: '2026-02-01', status: 'pending' },
        { contactId: 2, training: 'trn-online-sales', completedOn: '2026-07-20', status: 'pending' },
      ],
    });
    const items = obligationsFor(catalog, f, '2026-07-15');
    expect(items.map((i) => `${i.status} ${i.obligation.code}`)).toEqual([
      'overdue trn-operator-webinar-3',
      'overdue trn-webinar-trunk-metacentrex-data',
      'missed sales-plan-review',
      'missed sales-forecast',
      'missed sales-plan-review',
      'missed sales-forecast',
      'outstanding trn-online-admin',
      'outstanding trn-online-technical',
      'outstanding sales-plan-review',
      'outstanding sales-forecast',
      'pending trn-operator-webinar-2',
      'pending trn-online-sales',
      'done doc-qualification-form',
      'done doc-development-plan',
      'done doc-partner-charter',
      'done doc-operator-cgas',
      'done trn-operator-webinar-1',
    ]);
  });

  it('overdue items come oldest due date first', () => {
    const items = obligationsFor(catalog, facts({ tier: 'access' }), '2026-12-01');
    const overdue = items.filter((i) => i.status === 'overdue').map((i) => i.dueOn);
    expect(overdue).toEqual([...overdue].sort());
    expect(overdue[0]).toBe('2026-02-04');
  });

  describe('what a promotion adds', () => {
    const added = (tier: string, type: PartnershipType, program: OperatorProgram | null) =>
      obligationsAddedBy(catalog, tier, type, program).map((o) => o.code);

    it('Access adds the three online trainings', () => {
      expect(added('access', 'ambassador', null)).toEqual([
        'trn-online-admin',
        'trn-online-sales',
        'trn-online-technical',
      ]);
    });

    it('Business adds the three referent trainings and the certifications communication', () => {
      expect(added('business', 'operator', 'eshop')).toEqual([
        'trn-onsite-referent-admin',
        'trn-onsite-referent-sales',
        'trn-onsite-referent-technical',
        'com-certifications',
      ]);
    });

    it('Premium adds none', () => {
      expect(added('premium', 'operator', 'standard')).toEqual([]);
    });

    it("Starter for an ambassador lists the ambassador's own documents, not the operator's", () => {
      const starter = added('starter', 'ambassador', null);
      expect(starter).toContain('doc-ambassador-contract');
      expect(starter).not.toContain('doc-operator-cgas');
      expect(starter).not.toContain('trn-operator-webinar-1');
    });
  });
});
