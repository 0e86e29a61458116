import { describe, expect, it } from 'vitest';
import { commandMessages } from '../../src/i18n/commands.js';
import { formatDate, formatMoney } from '../../src/i18n/format.js';
import { benefitsOfTier } from '../../src/program/benefits.js';
import { ACTION_IDS, decodeValue, listPageValue, partnerActionValue } from '../../src/slack/ids.js';
import {
  benefitsView,
  chooseView,
  contactsView,
  escapeMrkdwn,
  helpView,
  historyView,
  LIST_PAGE_SIZE,
  type ListRow,
  listView,
  noMatchView,
  obligationsView,
  otherPartnerRefusalView,
  programView,
  staffOnlyRefusalView,
  statusView,
  strangerRefusalView,
  tierView,
  unavailableView,
  type View,
  viewContext,
  zenView,
} from '../../src/slack/views/index.js';
import {
  buttons,
  catalog,
  crowdedRecord,
  demoRecords,
  expectWithinLimits,
  historyRow,
  mrkdwnOf,
  partnerRow,
  spaces,
  statusOf,
  TODAY,
  textsOf,
} from './views.fixtures.js';

const records = demoRecords();
const acme = records.get('acme')!;
const fr = viewContext(catalog, 'fr', TODAY);
const en = viewContext(catalog, 'en', TODAY);
const all = (view: View) =>
  textsOf(view)
    .map((t) => t.text)
    .join('\n');

describe('formats', () => {
  it('writes money from integer cents: "1 234,56 €" in French, "€1,234.56" in English', () => {
    expect(spaces(formatMoney(123_456, 'fr'))).toBe('1 234,56 €');
    expect(formatMoney(123_456, 'en')).toBe('€1,234.56');
    expect(spaces(formatMoney(1_000_000, 'fr', { wholeEuros: 'auto' }))).toBe('10 000 €');
    expect(formatMoney(-59_600, 'en')).toBe('-€596.00');
  });

  it('writes dates "26 nov. 2026" and "26 Nov 2026"', () => {
    expect(formatDate('2026-11-26', 'fr')).toBe('26 nov. 2026');
    expect(formatDate('2026-11-26', 'en')).toBe('26 Nov 2026');
    expect(formatDate('2027-01-01', 'fr')).toBe('1er janv. 2027');
    expect(formatDate('2027-01-01', 'en')).toBe('1 Jan 2027');
  });

  it('has the same messages in both locales', () => {
    const shape = (o: unknown): unknown =>
      typeof o === 'object' && o !== null
        ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, shape(v)]))
        : typeof o;
    expect(shape(commandMessages.fr)).toEqual(shape(commandMessages.en));
  });
});

describe('tier view', () => {
  it('puts the current tier first, then type and program, basis, average, next evaluation, what is missing, the risk (fr)', () => {
    const view = tierView(fr, statusOf(acme));
    const text = spaces(all(view));
    expect(textsOf(view)[0]).toEqual({
      kind: 'plain_text',
      text: 'Acme Télécom\u202f: Business Partner',
      where: 'header',
    });
    expect(textsOf(view)[1]!.text).toContain('*Business Partner*');
    const order = [
      'Statut',
      'Opérateur · Opérateur E-shop',
      'CA : chiffre d’affaires',
      'Moyenne du semestre',
      '1er janv. 2027',
    ];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(/1 404,00 € par mois \(S2 2026, 5 mois\)/);
    expect(text).toContain(
      'Pour atteindre *Premium Partner* (20 000 € par mois en moyenne) : il manque *18 596,00 €* par mois.',
    );
    expect(text).toContain('Risque de rétrogradation');
    expect(text).toContain('*Access Partner*');
    expect(text).toContain('596,00 €');
    expectWithinLimits(view);
  });

  it('shows what the average is made of: each month counted with its basis, a month with nothing recorded as 0', () => {
    const months = (text: string) => /CA mois par mois : ([^\n]*)/.exec(spaces(text))?.[1]?.split(' · ');
    const all5 = months(all(tierView(fr, statusOf(acme))))!;
    expect(all5.map((m) => m.split(' ')[0])).toEqual(['juillet', 'août', 'septembre', 'octobre', 'novembre']);
    for (const m of all5) expect(m).toMatch(/^\S+ \d[\d ]*(,\d\d)? €$/);
    const withoutAugust = {
      ...acme,
      revenue: acme.revenue.filter((r) => !r.month.startsWith('2026-08')),
    };
    expect(months(all(tierView(fr, statusOf(withoutAugust))))![1]).toBe(
      'août _(rien d’enregistré : compte pour 0)_',
    );
    expect(all(tierView(en, statusOf(withoutAugust)))).toContain('Billed revenue month by month: July €');
  });

  it('names a standard operator’s partnership once, in both languages (no « Operator · Operator »)', () => {
    const cloudcall = records.get('cloudcall')!;
    expect(cloudcall.partner.operatorProgram).toBe('standard');
    const row = { partner: cloudcall.partner, averageSoFarCents: 100, overdue: 0 };
    const list = (ctx: typeof en) =>
      all(
        listView(ctx, {
          scope: 'all',
          filter: undefined,
          filterText: undefined,
          rows: [row],
          page: 1,
          pages: 1,
          total: 1,
        }),
      );
    expect(list(en)).toContain('*Premium Partner* · Operator (wholesale) · €1.00 a month');
    expect(list(en)).not.toContain('Operator (wholesale) · Operator');
    expect(list(fr)).toContain('*Premium Partner* · Opérateur · 1,00');
    expect(list(fr)).not.toContain('Opérateur · Opérateur');
    expect(all(tierView(en, statusOf(cloudcall)))).not.toContain('Operator (wholesale) · Operator');
  });

  it('speaks English with euro amounts the English way', () => {
    const text = all(tierView(en, statusOf(acme)));
    expect(text).toContain('Operator (wholesale) · E-shop Operator');
    expect(text).toContain('€1,404.00 a month (H2 2026, 5 months)');
    expect(text).toContain('*€18,596.00* a month missing');
    expect(text).toContain('1 Jan 2027 (in 36 days)');
  });

  it('says the top tier is reached, and shows an override with who and why', () => {
    const cloudcall = records.get('cloudcall')!;
    const overridden = {
      ...cloudcall,
      history: [
        historyRow({
          id: 99,
          partnerId: 'cloudcall',
          kind: 'override',
          tier: 'premium',
          previousTier: 'business',
          computedTier: 'business',
          effectiveOn: '2026-09-01',
          actor: 'U0MANAGER1',
          reason: 'Strategic <!here> account',
        }),
        ...cloudcall.history,
      ],
    };
    const text = all(tierView(en, statusOf(overridden)));
    expect(text).toContain('*Premium Partner* is the top tier.');
    expect(text).toContain('Override by <@U0MANAGER1> on 1 Sept 2026: “Strategic &lt;!here&gt; account”');
  });
});

describe('benefits view', () => {
  it("lists a Premium partner's benefits with the deck's words, without the superseded ones, and BizBooster's expiry", () => {
    const view = benefitsView(fr, statusOf(records.get('cloudcall')!));
    const text = all(view);
    // Slack shows escaped mrkdwn as the deck's exact words.
    for (const b of benefitsOfTier(catalog, 'premium')) expect(text).toContain(escapeMrkdwn(b.label.fr));
    expect(text).not.toContain('Diplômes Partenaire Business');
    expect(text).not.toContain('réduction de 150€');
    expect(text).toContain(
      '~Promo BizBooster disponible 3 mois – réduction de 500€ sur une commande~ _expirée le 1er avr. 2026_',
    );
    expect(text).toContain('Statut le plus élevé');
    expect(buttons(view)).toEqual([
      {
        text: 'Partager dans le canal',
        actionId: ACTION_IDS.share,
        value: '{"p":"cloudcall","s":"benefits"}',
      },
    ]);
    expectWithinLimits(view);
  });

  it('says what the next tier adds', () => {
    const text = all(benefitsView(en, statusOf(records.get('alpes-voip')!)));
    expect(text).toContain('*What Business Partner adds*');
    expect(text).toContain('Experts Zen listing');
    expect(text).toContain('BizBooster promotion for 3 months – €150 off one order');
  });
});

describe('obligations view', () => {
  it('lists every outstanding item, overdue first, with its due date and who must act; done items counted', () => {
    const view = obligationsView(en, statusOf(acme));
    const text = all(view);
    expect(text).toContain('12 overdue · 6 quarterly duties missed · 1 to do · 5 done');
    expect(text.indexOf('*Overdue*')).toBeLessThan(text.indexOf('*To do*'));
    expect(text).toMatch(
      /Personalised development plan · the partner · _due \d{1,2} \w+ \d{4} \(\d+ days late\)_/,
    );
    expect(text).toContain('Mandatory online training — Admin: MyDstny · <@U0ACME0ADM> (Admin)');
    expect(text).toContain('Mandatory on-site training — Sales referent · <@U0ACMESAL1> (Sales referent)');
    expect(text).toContain(
      'Sales targets &amp; forecasts met · the partner · _by 31 Dec 2026 (this quarter)_',
    );
    expectWithinLimits(view);
  });

  it('shows confirmations awaiting a manager, and a missing referent (fr)', () => {
    const alpes = all(obligationsView(fr, statusOf(records.get('alpes-voip')!)));
    expect(alpes).toContain('En attente de la confirmation d’un responsable');
    expect(alpes).toMatch(
      /Formation obligatoire en ligne — Vente\u202f: Trunk SIP, MetaCentrex, Data · <@U0ALPESAL1> \(Vente\) · _déclarée suivie le 24 nov\. 2026_/,
    );
    const delta = all(obligationsView(fr, statusOf(records.get('delta-reseau')!)));
    expect(delta).toContain(
      'Formation obligatoire présentielle — Référent technique · aucun référent technique désigné',
    );
  });

  it('a small partner whose one contact is admin, sales and technical has no missing contact (fr)', () => {
    const solo = records.get('euro-trunk')!;
    expect(solo.contacts.map((c) => c.profiles)).toEqual([['admin', 'sales', 'technical']]);
    const text = all(obligationsView(fr, statusOf(solo)));
    expect(text).not.toContain('aucun contact');
    const who = `<@${solo.contacts[0]!.slackUserId}>`;
    expect(text).toContain(
      `Formation obligatoire en ligne — Vente\u202f: Trunk SIP, MetaCentrex, Data · ${who} (Vente)`,
    );
    expect(text).toContain(`Formation obligatoire en ligne — Admin\u202f: MyDstny · ${who} (Admin)`);
  });

  it('lists the contacts: profiles, referents, how the ones not on Slack are reached, their trainings due, and who is missing', () => {
    const holding = (profile: string) => acme.contacts.find((c) => c.profiles.includes(profile as never));
    const [admin, sales, technical] = [holding('admin'), holding('sales'), holding('technical')];
    const record = {
      ...acme,
      contacts: [
        admin!,
        // Reached by e-mail; no longer the sales referent, which the tier's on-site training needs.
        { ...sales!, slackUserId: null, email: 'lea@acme.example', referentProfiles: [] },
        // Neither on Slack nor reachable by e-mail.
        { ...technical!, slackUserId: null, email: null },
      ],
    };
    const staff = contactsView(fr, statusOf(record), { staff: true });
    const text = spaces(all(staff));
    expect(staff.text).toBe('Contacts d’Acme Télécom\u202f: 3 contacts');
    expect(text).toContain(`• <@${admin!.slackUserId}> · Admin · référent admin · _2 formations en retard_`);
    expect(text).toContain(
      `• ${sales!.name} · Vente · par e-mail (lea@acme.example) · _1 formation en retard_`,
    );
    expect(text).toContain(
      `• ${technical!.name} · Technique · référent technique · :warning: ni sur Slack ni d’e-mail : aucun rappel ne lui parvient · _2 formations en retard_`,
    );
    expect(text).toContain('*Manquants*\n• aucun référent vente désigné');
    expect(text).toContain('Leurs formations, une à une : `/partner trainings acme`');
    expectWithinLimits(staff);
    // Anyone else (a contact, a card shared in the channel): how a contact is reached, not its address.
    const shown = all(contactsView(en, statusOf(record), { staff: false }));
    expect(shown).toContain(`• ${sales!.name} · Sales · by e-mail · _1 training overdue_`);
    expect(shown).not.toContain('lea@acme.example');
    expect(shown).toContain('Their trainings, one by one: `/partner trainings`');
    expect(all(contactsView(en, statusOf({ ...acme, contacts: [] }), { staff: true }))).toContain(
      'No contact on file',
    );
  });

  it('narrowed to obligations named by their codes: those alone, done ones with their day, agreeing in French', () => {
    const one = obligationsView(fr, statusOf(acme), { staff: true, codes: ['doc-partner-charter'] });
    const text = spaces(all(one));
    expect(text).toContain('Acme Télécom : Charte Partenaire');
    expect(text).toMatch(
      /• Charte Partenaire · le partenaire · _faite le \d{1,2} \S+ \d{4}_ · `doc-partner-charter`/,
    );
    expect(text).toContain('Tous les devoirs : `/partner obligations acme`');
    expect(text).not.toContain('Fiche de qualification');
    const two = all(
      obligationsView(en, statusOf(acme), {
        staff: false,
        codes: ['doc-partner-charter', 'trn-online-admin'],
      }),
    );
    expect(two).toContain('Acme Télécom: obligations');
    expect(two).toContain('Partner charter · the partner · _done on');
    expect(two).toContain('Mandatory online training — Admin: MyDstny');
    expect(two).not.toContain('Qualification form');
    expect(two).toContain('Every obligation: `/partner obligations`');
    // Named, but not this partner's: said so, not "nothing outstanding".
    const garonne = records.get('garonne-it')!;
    expect(garonne.partner.type).toBe('ambassador');
    const none = all(obligationsView(en, statusOf(garonne), { staff: true, codes: ['doc-operator-cgas'] }));
    expect(none).toContain('Not among this partner’s obligations');
    expect(none).not.toContain('Nothing outstanding');
  });

  it('narrowed to the trainings (a question about them): those alone, counted, and the command for the rest', () => {
    const view = obligationsView(fr, statusOf(acme), { staff: true, focus: 'trainings' });
    const text = all(view);
    expect(view.text).toMatch(/^Formations d’Acme Télécom\u202f: 10 en retard · 1 fait$/);
    expect(text).toContain('Acme Télécom\u202f: formations');
    expect(text).toContain('Formation obligatoire en ligne — Admin\u202f: MyDstny');
    expect(text).toContain('Webinar obligatoire Opérateurs (2/3)');
    expect(text).not.toContain('Plan de développement personnalisé');
    expect(text).not.toContain('Trimestres manqués');
    expect(text).toContain('Avec les documents et le suivi commercial\u202f: `/partner obligations acme`');
    // Share would post the whole card: not offered here.
    expect(buttons(view).filter((b) => b.actionId.startsWith(ACTION_IDS.share))).toEqual([]);
    expectWithinLimits(view);
    const admin = acme.contacts.find((c) => c.slackUserId === 'U0ACME0ADM')!;
    const contact = all(
      obligationsView(en, statusOf(acme), { staff: false, contactId: admin.id, focus: 'trainings' }),
    );
    expect(contact).toContain('Documents and sales follow-up too: `/partner obligations`');
    // The reader's own trainings first, then the partner's, then its colleagues' (each by due date).
    const overdue = contact.slice(contact.indexOf('*Overdue*'), contact.indexOf('Documents and sales'));
    const whose = overdue
      .split('\n')
      .filter((line) => line.includes(' · '))
      .map((line) =>
        line.includes('<@U0ACME0ADM>') ? 'own' : line.includes('<@') ? 'colleague' : 'partner',
      );
    expect(whose.length).toBeGreaterThan(3);
    expect(whose).toEqual(
      [...whose].sort(
        (a, b) => ['own', 'partner', 'colleague'].indexOf(a) - ['own', 'partner', 'colleague'].indexOf(b),
      ),
    );
    expect(new Set(whose)).toEqual(new Set(['own', 'partner', 'colleague']));
    const whole = obligationsView(en, statusOf(acme));
    expect(buttons(whole).some((b) => b.actionId.startsWith(ACTION_IDS.share))).toBe(true);
  });

  it('fits a Business e-shop operator with 40 contacts in one message', () => {
    const view = obligationsView(en, statusOf(crowdedRecord(40, 60)));
    expectWithinLimits(view);
    const text = all(view);
    expect(text).toContain('<@U0CROWD0039>');
    expect(text).not.toContain('more');
  });

  it('cuts a list too long for one message with "… and N more"', () => {
    const view = obligationsView(fr, statusOf(crowdedRecord(1200, 120)));
    expectWithinLimits(view);
    expect(all(view)).toMatch(/… et \d+ de plus/);
  });
});

describe('missed quarters of the quarterly sales duties', () => {
  // Acme joined on 10 October 2025 (13 months before 26 November 2026) and recorded no sales duty
  // before this quarter: Q1, Q2 and Q3 2026 are missed (Q4 2025 began before it joined).
  it('the obligations view lists them after the overdue items, each with its quarter (en, fr)', () => {
    const en_ = all(obligationsView(en, statusOf(acme)));
    expect(en_.indexOf('*Overdue*')).toBeLessThan(en_.indexOf('*Missed quarters*'));
    expect(en_.indexOf('*Missed quarters*')).toBeLessThan(en_.indexOf('*To do*'));
    expect(en_).toContain(
      'Sales targets &amp; forecasts met · the partner · _Q2 2026 missed (ended 30 Jun 2026)_',
    );
    expect(en_).not.toContain('Q4 2025');
    const fr_ = spaces(all(obligationsView(fr, statusOf(acme))));
    expect(fr_).toContain('6 devoirs trimestriels manqués');
    expect(fr_).toContain(
      'Respect objectifs &amp; prévisions des ventes · le partenaire · _T1 2026 manqué (clos le 31 mars 2026)_',
    );
  });

  it('the status card shows the first of them, with how many more', () => {
    const text = all(statusView(en, statusOf(acme), { staff: false }));
    expect(text).toContain('*Missed quarters*');
    expect(text).toContain('_Q1 2026 missed (ended 31 Mar 2026)_');
    expect(text).toContain('… and 3 more');
  });

  it('the history lists them after the tier changes, and stops once four quarters have passed', () => {
    const text = all(historyView(en, acme, { staff: true, obligations: statusOf(acme).obligations }));
    expect(text).toContain('*Quarterly duties missed*');
    expect(text).toContain(
      'Development plan follow-up · the partner · _Q3 2026 missed (ended 30 Sept 2026)_',
    );
    const later = all(
      historyView(en, acme, { staff: true, obligations: statusOf(acme, '2027-04-02').obligations }),
    );
    expect(later).not.toContain('Q1 2026 missed');
    expect(later).toContain('Q2 2026 missed');
  });
});

describe('status view', () => {
  it('gives staff the share button and the three buttons opening the write modals', () => {
    const view = statusView(en, statusOf(acme), { staff: true });
    expect(buttons(view).map((b) => b.actionId)).toEqual([
      ACTION_IDS.share,
      ACTION_IDS.recordRevenue,
      ACTION_IDS.markDone,
      ACTION_IDS.overrideTier,
    ]);
    expect(decodeValue(partnerActionValue, buttons(view)[0]!.value)).toEqual({
      p: 'acme',
      s: 'status',
    });
    const text = all(view);
    expect(text).toContain('12 overdue · 6 quarterly duties missed · 1 to do · 5 done');
    expect(text).toContain('€18,596.00 a month missing for Premium Partner');
    expect(text).toContain('19 benefits · BizBooster expired on 1 Apr 2026');
    expect(text).toContain('8 requirements unmet');
    expect(text).toContain('… and 9 more');
    expectWithinLimits(view);
  });

  it("gives a partner's contact only the share button", () => {
    const view = statusView(fr, statusOf(acme), { staff: false });
    expect(buttons(view).map((b) => b.actionId)).toEqual([ACTION_IDS.share]);
  });
});

describe('zen view', () => {
  it('lists every unmet requirement and the expertise domains', () => {
    const view = zenView(fr, statusOf(records.get('cloudcall')!));
    const text = all(view);
    expect(text).toContain('Pas encore éligible*\u202f: 5 conditions non remplies.');
    expect(text).toContain('Réussir les QCM de certification');
    expect(text).toContain('Vodia – Snom');
    expect(text).toContain('pfSense');
    expectWithinLimits(view);
  });

  it('counts the tier itself as a requirement for a Starter partner', () => {
    const text = all(zenView(en, statusOf(records.get('hexa-phone')!)));
    expect(text).toContain('Be a Dstny Premium or Business partner');
    expect(text).toContain('9 requirements unmet');
  });
});

describe('program view', () => {
  it('shows the types, operator programs with fees, tiers and thresholds per type, the rule and MyDstny (fr)', () => {
    const view = programView(fr);
    const text = spaces(all(view));
    expect(text).toContain('Frais d’ouverture : 2000€ / Rétrocession de 2% du CA facturé');
    expect(text).toContain('Ambassadeur : de 1 000 € à 10 000 €');
    expect(text).toContain('Opérateur : 20 000 € et plus');
    expect(text).toContain('Réévaluation des statuts tous les 6 mois');
    expect(text).toContain('MyDstny couvre le catalogue');
    expectWithinLimits(view);
  });
});

describe('list view', () => {
  const rows: ListRow[] = Array.from({ length: 500 }, (_, i) => ({
    partner: {
      id: `partner-${String(i).padStart(3, '0')}-${'x'.repeat(40)}`,
      name: `Partner ${i} ${'Société Générale des Télécommunications '.repeat(2)}`,
      type: i % 2 ? 'operator' : 'ambassador',
      operatorProgram: i % 2 ? 'eshop_managed' : null,
      tier: catalog.tiers[i % 4]!.code,
    },
    averageSoFarCents: i * 12_345,
    overdue: i % 7,
    ...(i % 5 === 0 ? { demotionTo: 'starter' } : {}),
  }));
  const pages = Math.ceil(rows.length / LIST_PAGE_SIZE);
  const page = (n: number) =>
    listView(en, {
      scope: 'all',
      filter: { kind: 'overdue' },
      filterText: 'overdue',
      rows: rows.slice((n - 1) * LIST_PAGE_SIZE, n * LIST_PAGE_SIZE),
      page: n,
      pages,
      total: rows.length,
    });

  it('paginates 500 partners within the limits, with Previous and Next', () => {
    for (let n = 1; n <= pages; n++) expectWithinLimits(page(n));
    const first = buttons(page(1));
    expect(first.filter((b) => b.actionId.startsWith(ACTION_IDS.openPartner))).toHaveLength(LIST_PAGE_SIZE);
    const paging = first.filter((b) => b.actionId.startsWith(ACTION_IDS.listPage));
    expect(paging.map((b) => b.text)).toEqual(['Next →']);
    expect(decodeValue(listPageValue, paging[0]!.value)).toEqual({ f: 'overdue', n: 2 });
    const last = buttons(page(pages)).filter((b) => b.actionId.startsWith(ACTION_IDS.listPage));
    expect(last.map((b) => b.text)).toEqual(['← Previous']);
    expect(all(page(2))).toContain('Page 2 of 25 · 500 partners');
  });

  it('says so when nothing matches (fr)', () => {
    const view = listView(fr, {
      scope: 'mine',
      filter: undefined,
      filterText: undefined,
      rows: [],
      page: 1,
      pages: 1,
      total: 0,
    });
    expect(all(view)).toContain('Vous ne gérez encore aucun partenaire.');
  });
});

describe('history view', () => {
  it('lists evaluations with their averages and overrides with who and why, newest first', () => {
    const record = {
      ...acme,
      history: [
        historyRow({
          id: 3,
          partnerId: 'acme',
          kind: 'override',
          tier: 'business',
          previousTier: 'access',
          computedTier: 'access',
          effectiveOn: '2026-07-15',
          actor: 'U0MANAGER1',
          reason: 'Signed a large deal',
        }),
        historyRow({
          id: 2,
          partnerId: 'acme',
          kind: 'evaluation',
          semester: '2026-H1',
          tier: 'access',
          previousTier: 'business',
          averageCents: 140_000,
          activeMonths: 6,
          effectiveOn: '2026-07-01',
          actor: 'scheduler',
        }),
        ...acme.history,
      ],
    };
    const view = historyView(fr, record);
    const text = spaces(all(view));
    expect(text).toContain(
      '*15 juil. 2026* · Dérogation par <@U0MANAGER1> · Access Partner → *Business Partner* · calculé : Access Partner · motif : « Signed a large deal »',
    );
    expect(text).toContain(
      '*1er juil. 2026* · Réévaluation S1 2026 · Business Partner → *Access Partner* · moyenne 1 400,00 € par mois sur 6 mois',
    );
    expect(text.indexOf('15 juil.')).toBeLessThan(text.indexOf('1er juil.'));
    expectWithinLimits(view);
  });
});

describe('lookup outcomes and refusals', () => {
  const candidates = [
    { id: 'acme', name: 'Acme Télécom', tier: 'business' },
    { id: 'alpes-voip', name: 'Alpes VoIP', tier: 'access' },
  ];

  it('offers one button per match, each re-running the same subcommand on that partner', () => {
    const view = chooseView(en, 'a', 'obligations', candidates);
    const choices = buttons(view);
    expect(choices.map((b) => b.text)).toEqual(['Acme Télécom', 'Alpes VoIP']);
    expect(choices.map((b) => b.actionId)).toEqual(['partner_choose:0', 'partner_choose:1']);
    expect(choices.map((b) => decodeValue(partnerActionValue, b.value))).toEqual([
      { p: 'acme', s: 'obligations' },
      { p: 'alpes-voip', s: 'obligations' },
    ]);
    expectWithinLimits(view);
  });

  it('suggests the closest names when nothing matches', () => {
    const view = noMatchView(fr, 'acmr', 'tier', [candidates[0]!]);
    expect(all(view)).toContain('Aucun partenaire ne correspond à `acmr`.');
    expect(all(view)).toContain('Vouliez-vous dire\u202f:');
    expect(buttons(view).map((b) => b.text)).toEqual(['Acme Télécom']);
  });

  it('refuses politely, in both locales', () => {
    expect(strangerRefusalView(en).text).toContain('Ask your partner manager or the Dstny partner team');
    expect(strangerRefusalView(fr).text).toContain('l’équipe Partenaires Dstny');
    expect(otherPartnerRefusalView(en).text).toBe(commandMessages.en.refusal.otherPartner);
    expect(staffOnlyRefusalView(en, 'list').text).toContain('`/partner list` is for the Dstny partner team');
    expect(unavailableView('fr').text).toContain('momentanément indisponible');
    expect(unavailableView('en').text).toContain('temporarily unavailable');
  });

  it('helps with the subcommands given, and names what was not understood', () => {
    const view = helpView(en, {
      entries: [commandMessages.en.help.commands.program, commandMessages.en.help.commands.help],
      audience: 'stranger',
      unknown: '<!channel>',
    });
    const text = mrkdwnOf(view);
    expect(text).toContain('I don’t know `&lt;!channel&gt;`');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('ask your partner manager');
  });
});

describe('escaping of user and imported text', () => {
  const hostileName = '<!channel> *Acme* <@U123> & <https://evil.example|click>';
  const hostile = (() => {
    const record = structuredClone(acme);
    record.partner = partnerRow({ ...acme.partner, name: hostileName });
    record.contacts = record.contacts.map((c, i) =>
      i === 0 ? { ...c, slackUserId: '<!here>', name: '<@U999> Eve' } : c,
    );
    record.history = [
      historyRow({
        partnerId: 'acme',
        kind: 'override',
        tier: 'business',
        effectiveOn: '2026-01-01',
        actor: '<!everyone>',
        reason: '<#C123> & <!subteam^S1>',
      }),
    ];
    return record;
  })();
  const status = statusOf(hostile);
  const views: [string, View][] = [
    ['tier', tierView(en, status)],
    ['benefits', benefitsView(en, status)],
    ['obligations', obligationsView(en, status)],
    ['status', statusView(en, status, { staff: true })],
    ['zen', zenView(en, status)],
    ['history', historyView(en, hostile)],
    ['choose', chooseView(en, hostileName, 'tier', [{ id: '<!here>', name: hostileName, tier: 'starter' }])],
    ['none', noMatchView(en, hostileName, 'tier', [])],
    [
      'list',
      listView(en, {
        scope: 'all',
        filter: undefined,
        filterText: '<!channel>',
        rows: [{ partner: hostile.partner, averageSoFarCents: 1, overdue: 1 }],
        page: 1,
        pages: 2,
        total: 21,
      }),
    ],
  ];

  it.each(views)('%s: nothing typed or imported becomes a mention, a link or <!channel>', (_name, view) => {
    const text = mrkdwnOf(view);
    expect(text).not.toMatch(/<!(channel|here|everyone|subteam)/);
    expect(text).not.toContain('<@U123>');
    expect(text).not.toContain('<@U999>');
    expect(text).not.toContain('<#C123>');
    expect(text).not.toContain('<https://');
    expectWithinLimits(view);
  });

  it('shows the name escaped the way Slack asks (&amp; &lt; &gt;)', () => {
    expect(escapeMrkdwn(hostileName)).toBe(
      '&lt;!channel&gt; *Acme* &lt;@U123&gt; &amp; &lt;https://evil.example|click&gt;',
    );
    expect(mrkdwnOf(views[0]![1])).toContain('&lt;!channel&gt; *Acme* &lt;@U123&gt;');
    // Plain-text objects (header, buttons) are never parsed for mentions: they keep the name as it is.
    expect(textsOf(views[0]![1])[0]).toMatchObject({
      kind: 'plain_text',
      text: `${hostileName}: Business Partner`,
    });
  });
});
