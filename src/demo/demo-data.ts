import type { IsoDate } from '../program/dates.js';
import { addDays, addMonths, monthOf } from '../program/dates.js';

/** Demo users, so the local console can ask as a manager, an admin, a contact or a stranger. */
export const DEMO_USERS = {
  admin: 'U0ADMIN01',
  manager: 'U0MANAGER1',
  otherManager: 'U0MANAGER2',
  contact: 'U0ACME0ADM',
  stranger: 'U0STRANGER',
} as const;

type Type = 'ambassador' | 'operator';
type Program = 'standard' | 'eshop' | 'eshop_managed' | null;

interface DemoPartner {
  id: string;
  name: string;
  type: Type;
  program: Program;
  tier: 'starter' | 'access' | 'business' | 'premium';
  /** Months since the partner joined. */
  age: number;
  /** Monthly basis revenue in € over the last semester, then over the current one. */
  pastMonthly: number;
  currentMonthly: number;
  manager: string;
  /** Obligations recorded as done. */
  done: string[];
  /** A small partner: one person is admin, sales and technical. */
  solo?: boolean;
}

/** Every document (doc-* obligation) of the catalog by partner type: a partner whose paperwork is complete. */
const AMBASSADOR_DOCUMENTS = [
  'doc-qualification-form',
  'doc-development-plan',
  'doc-partner-charter',
  'doc-ambassador-contract',
];
const OPERATOR_DOCUMENTS = [
  'doc-qualification-form',
  'doc-development-plan',
  'doc-partner-charter',
  'doc-operator-cgas',
];

const PARTNERS: DemoPartner[] = [
  {
    id: 'acme',
    name: 'Acme Télécom',
    type: 'operator',
    program: 'eshop',
    tier: 'business',
    age: 30,
    pastMonthly: 4200,
    currentMonthly: 1500,
    manager: DEMO_USERS.manager,
    done: ['doc-qualification-form', 'doc-partner-charter', 'doc-operator-cgas', 'trn-operator-webinar-1'],
  },
  {
    id: 'alpes-voip',
    name: 'Alpes VoIP',
    type: 'ambassador',
    program: null,
    tier: 'access',
    age: 14,
    pastMonthly: 720,
    currentMonthly: 760,
    manager: DEMO_USERS.manager,
    done: [...AMBASSADOR_DOCUMENTS],
  },
  {
    id: 'bretagne-com',
    name: 'Bretagne Communication',
    type: 'ambassador',
    program: null,
    tier: 'starter',
    age: 3,
    pastMonthly: 150,
    currentMonthly: 480,
    manager: DEMO_USERS.manager,
    done: [],
  },
  {
    id: 'cloudcall',
    name: 'CloudCall Services',
    type: 'operator',
    program: 'standard',
    tier: 'premium',
    age: 48,
    pastMonthly: 26500,
    currentMonthly: 27800,
    manager: DEMO_USERS.manager,
    done: [
      ...OPERATOR_DOCUMENTS,
      'trn-operator-webinar-1',
      'trn-operator-webinar-2',
      'trn-operator-webinar-3',
      'trn-webinar-trunk-metacentrex-data',
      'com-certifications',
      'zen-offers-certification',
      'zen-skills-proof',
      'zen-charter',
    ],
  },
  {
    id: 'delta-reseau',
    name: 'Delta Réseau',
    type: 'ambassador',
    program: null,
    tier: 'business',
    age: 26,
    pastMonthly: 3100,
    currentMonthly: 800,
    manager: DEMO_USERS.manager,
    done: [...AMBASSADOR_DOCUMENTS, 'trn-webinar-trunk-metacentrex-data'],
  },
  {
    id: 'euro-trunk',
    name: 'Euro Trunk',
    type: 'operator',
    program: 'eshop_managed',
    tier: 'access',
    age: 18,
    pastMonthly: 1400,
    currentMonthly: 1900,
    manager: DEMO_USERS.manager,
    done: ['doc-qualification-form', 'doc-development-plan'],
    solo: true,
  },
  {
    id: 'fibre-ouest',
    name: 'Fibre Ouest',
    type: 'operator',
    program: 'standard',
    tier: 'starter',
    age: 5,
    pastMonthly: 300,
    currentMonthly: 650,
    manager: DEMO_USERS.otherManager,
    done: [],
  },
  {
    id: 'garonne-it',
    name: 'Garonne IT',
    type: 'ambassador',
    program: null,
    tier: 'premium',
    age: 60,
    pastMonthly: 12800,
    currentMonthly: 9100,
    manager: DEMO_USERS.otherManager,
    done: [...AMBASSADOR_DOCUMENTS, 'trn-webinar-trunk-metacentrex-data', 'com-certifications'],
  },
  {
    id: 'hexa-phone',
    name: 'Hexa Phone',
    type: 'ambassador',
    program: null,
    tier: 'starter',
    age: 9,
    pastMonthly: 90,
    currentMonthly: 120,
    manager: DEMO_USERS.otherManager,
    done: ['doc-qualification-form'],
  },
  {
    id: 'iris-telecom',
    name: 'Iris Télécom',
    type: 'operator',
    program: 'eshop',
    tier: 'access',
    age: 20,
    pastMonthly: 1250,
    currentMonthly: 1100,
    manager: DEMO_USERS.otherManager,
    done: [...OPERATOR_DOCUMENTS, 'trn-eshop-onsite'],
  },
  {
    id: 'jura-connect',
    name: 'Jura Connect',
    type: 'ambassador',
    program: null,
    tier: 'business',
    age: 36,
    pastMonthly: 5400,
    currentMonthly: 5600,
    manager: DEMO_USERS.manager,
    done: [...AMBASSADOR_DOCUMENTS, 'trn-webinar-trunk-metacentrex-data', 'com-certifications'],
  },
  {
    id: 'kappa-solutions',
    name: 'Kappa Solutions',
    type: 'operator',
    program: 'standard',
    tier: 'business',
    age: 24,
    pastMonthly: 8800,
    currentMonthly: 9400,
    manager: DEMO_USERS.otherManager,
    done: [
      'doc-qualification-form',
      'doc-partner-charter',
      'doc-operator-cgas',
      'trn-operator-webinar-1',
      'trn-operator-webinar-2',
    ],
  },
];

const PROFILES = ['admin', 'sales', 'technical'] as const;
const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Hugo',
  'Chloé',
  'Lucas',
  'Manon',
  'Louis',
  'Emma',
  'Jules',
  'Inès',
  'Nathan',
  'Zoé',
];

export interface DemoData {
  staff: { slackUserId: string; name: string; role: 'admin' | 'manager' }[];
  partners: {
    id: string;
    name: string;
    type: Type;
    operatorProgram: Program;
    slackChannelId: string;
    managerSlackUserId: string;
    joinedOn: IsoDate;
    tier: string;
    tierSince: IsoDate;
  }[];
  contacts: {
    partnerId: string;
    slackUserId: string;
    name: string;
    email: string;
    profiles: (typeof PROFILES)[number][];
    referentProfiles: (typeof PROFILES)[number][];
  }[];
  revenue: {
    partnerId: string;
    month: IsoDate;
    category: 'recurring' | 'one_off' | 'access_fees' | 'minutes';
    amountCents: number;
  }[];
  trainings: {
    partnerId: string;
    slackUserId: string;
    training: string;
    completedOn: IsoDate;
    status: 'confirmed' | 'pending';
  }[];
  checklist: { partnerId: string; item: string; completedOn: IsoDate }[];
}

/**
 * A dozen partners across both types and all tiers, dated relative to `today`: some with overdue
 * documents and trainings, some whose current semester puts them at risk of demotion, one awaiting
 * a manager's confirmation of a training.
 */
export function demoData(today: IsoDate, currentSemesterStart: IsoDate): DemoData {
  const thisMonth = monthOf(today);
  const data: DemoData = {
    staff: [
      { slackUserId: DEMO_USERS.admin, name: 'Alice Martin', role: 'admin' },
      { slackUserId: DEMO_USERS.manager, name: 'Marc Dubois', role: 'manager' },
      { slackUserId: DEMO_USERS.otherManager, name: 'Nina Leroy', role: 'manager' },
    ],
    partners: [],
    contacts: [],
    revenue: [],
    trainings: [],
    checklist: [],
  };
  PARTNERS.forEach((p, index) => {
    // Joined at most 13 months ago, so overdue items read as weeks or months late, not years.
    const joinedOn = addDays(monthOf(addMonths(today, -Math.min(p.age, 13))), 9);
    const tierSince = p.age > 8 ? addMonths(currentSemesterStart, -6) : joinedOn;
    data.partners.push({
      id: p.id,
      name: p.name,
      type: p.type,
      operatorProgram: p.program,
      slackChannelId: `C0${p.id
        .replace(/[^a-z]/g, '')
        .slice(0, 8)
        .toUpperCase()}`,
      managerSlackUserId: p.manager,
      joinedOn,
      tier: p.tier,
      tierSince,
    });
    const contactIds = PROFILES.map((profile, i) =>
      index === 0 && profile === 'admin'
        ? DEMO_USERS.contact
        : `U0${p.id.slice(0, 4).toUpperCase()}${profile.slice(0, 3).toUpperCase()}${i}`,
    );
    // Business and Premium partners designate referents, except Delta Réseau, still missing its technical one.
    const referentFor = (profile: (typeof PROFILES)[number]) =>
      (p.tier === 'business' || p.tier === 'premium') &&
      !(p.id === 'delta-reseau' && profile === 'technical');
    // A small partner has one contact holding every profile; the others one contact per profile.
    const held = p.solo ? [[...PROFILES]] : PROFILES.map((profile) => [profile]);
    held.forEach((profiles, i) => {
      const first = FIRST_NAMES[(index + i) % FIRST_NAMES.length]!;
      data.contacts.push({
        partnerId: p.id,
        slackUserId: contactIds[i]!,
        name: `${first} ${p.name.split(' ')[0]}`,
        email: `${first.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}@${p.id}.example`,
        profiles,
        referentProfiles: profiles.filter(referentFor),
      });
    });
    for (let m = -12; m <= 0; m++) {
      const month = addMonths(thisMonth, m);
      if (month < monthOf(joinedOn) || (m === 0 && index % 2 === 1)) continue;
      const monthly = month >= currentSemesterStart ? p.currentMonthly : p.pastMonthly;
      const wobble = 1 + (((index * 7 + m * 3) % 9) - 4) / 100;
      const recurringShare = p.type === 'operator' ? 0.8 : 1;
      data.revenue.push({
        partnerId: p.id,
        month,
        category: 'recurring',
        amountCents: Math.round(monthly * recurringShare * wobble * 100),
      });
      if (p.type === 'operator')
        data.revenue.push({
          partnerId: p.id,
          month,
          category: 'one_off',
          amountCents: Math.round(monthly * 0.2 * wobble * 100),
        });
      data.revenue.push({
        partnerId: p.id,
        month,
        category: 'access_fees',
        amountCents: Math.round(monthly * 0.1 * 100),
      });
      data.revenue.push({
        partnerId: p.id,
        month,
        category: 'minutes',
        amountCents: Math.round(monthly * 0.05 * 100),
      });
    }
    for (const item of p.done) {
      const completedOn = addDays(joinedOn, 20);
      if (item.startsWith('trn-')) {
        data.trainings.push({
          partnerId: p.id,
          slackUserId: contactIds[0]!,
          training: item,
          completedOn,
          status: 'confirmed',
        });
      } else {
        data.checklist.push({ partnerId: p.id, item, completedOn });
      }
    }
    if (index % 3 === 0)
      data.checklist.push({ partnerId: p.id, item: 'sales-plan-review', completedOn: today });
  });
  // Alpes VoIP's sales contact says the online training is done: it awaits a manager's confirmation.
  data.trainings.push({
    partnerId: 'alpes-voip',
    slackUserId: data.contacts.find((c) => c.partnerId === 'alpes-voip' && c.profiles.includes('sales'))!
      .slackUserId,
    training: 'trn-online-sales',
    completedOn: addDays(today, -2),
    status: 'pending',
  });
  return data;
}
