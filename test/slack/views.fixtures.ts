import type { types } from '@slack/bolt';
import { expect } from 'vitest';
import type { PartnerRecord, PartnerRow } from '../../src/db/repositories/partners.repository.js';
import { demoData } from '../../src/demo/demo-data.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { semesterContaining } from '../../src/program/semesters.js';
import { searchKey } from '../../src/program/text.js';
import { type PartnerStatus, partnerStatus } from '../../src/services/partner-status.service.js';
import { LIMITS, type View } from '../../src/slack/views/blocks.js';

export const catalog = loadCatalog();
export const TODAY = '2026-11-26';
const SEMESTER_START = semesterContaining(catalog, TODAY).firstMonth;

type HistoryRow = PartnerRecord['history'][number];
type ContactRow = PartnerRecord['contacts'][number];
type TrainingRow = PartnerRecord['trainings'][number];

const EPOCH = new Date(0);

export function partnerRow(row: Partial<PartnerRow> & { id: string }): PartnerRow {
  const name = row.name ?? row.id;
  return {
    name,
    searchName: searchKey(name),
    type: 'ambassador',
    operatorProgram: null,
    slackChannelId: null,
    managerSlackUserId: null,
    joinedOn: '2024-01-10',
    tier: 'starter',
    tierSince: '2024-01-10',
    leftOn: null,
    leftReason: null,
    createdAt: EPOCH,
    updatedAt: EPOCH,
    locale: null,
    ...row,
  };
}

export function historyRow(
  row: Partial<HistoryRow> & Pick<HistoryRow, 'partnerId' | 'tier' | 'effectiveOn'>,
): HistoryRow {
  return {
    id: 1,
    kind: 'import',
    semester: null,
    averageCents: null,
    activeMonths: null,
    computedTier: null,
    previousTier: null,
    outcome: 'applied',
    reason: null,
    actor: 'demo',
    catalogVersion: catalog.version,
    createdAt: EPOCH,
    ...row,
  };
}

/** The demo partners as records, without a database: the same data `seedDemo` inserts. */
export function demoRecords(today = TODAY): Map<string, PartnerRecord> {
  const data = demoData(today, SEMESTER_START);
  const contacts: ContactRow[] = data.contacts.map((c, i) => ({
    ...c,
    id: i + 1,
    createdAt: EPOCH,
    slackTeamId: null,
    locale: null,
  }));
  const contactId = new Map(contacts.map((c) => [c.slackUserId, c.id]));
  const trainings: TrainingRow[] = data.trainings.map((t, i) => ({
    id: i + 1,
    partnerId: t.partnerId,
    contactId: contactId.get(t.slackUserId)!,
    training: t.training,
    completedOn: t.completedOn,
    status: t.status,
    declaredBy: t.status === 'pending' ? t.slackUserId : null,
    confirmedBy: null,
    confirmedAt: null,
    createdAt: EPOCH,
  }));
  const records = new Map<string, PartnerRecord>();
  data.partners.forEach((p, i) => {
    records.set(p.id, {
      partner: partnerRow({ ...p }),
      contacts: contacts.filter((c) => c.partnerId === p.id),
      trainings: trainings.filter((t) => t.partnerId === p.id),
      checklist: data.checklist
        .filter((c) => c.partnerId === p.id)
        .map(({ item, completedOn }) => ({ item, completedOn })),
      history: [historyRow({ id: i + 1, partnerId: p.id, tier: p.tier, effectiveOn: p.tierSince })],
      revenue: data.revenue
        .filter((r) => r.partnerId === p.id && r.month >= SEMESTER_START)
        .map(({ month, category, amountCents }) => ({ month, category, amountCents })),
    });
  });
  return records;
}

export function statusOf(record: PartnerRecord, today = TODAY): PartnerStatus {
  return partnerStatus(catalog, record, today);
}

/** A Business e-shop operator with `count` contacts and nothing done: the longest obligation list. */
export function crowdedRecord(count: number, nameLength = 20): PartnerRecord {
  const profiles = ['admin', 'sales', 'technical'] as const;
  const contacts: ContactRow[] = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    partnerId: 'crowd',
    slackUserId: `U0CROWD${String(i).padStart(4, '0')}`,
    name: `Contact ${i} ${'x'.repeat(nameLength)}`,
    email: null,
    profiles: [profiles[i % 3]!],
    referentProfiles: i < 3 ? [profiles[i % 3]!] : [],
    createdAt: EPOCH,
    slackTeamId: null,
    locale: null,
  }));
  return {
    partner: partnerRow({
      id: 'crowd',
      name: 'Crowded E-shop Operator',
      type: 'operator',
      operatorProgram: 'eshop',
      tier: 'business',
      tierSince: '2025-01-01',
      joinedOn: '2024-01-10',
    }),
    contacts,
    trainings: [],
    checklist: [],
    history: [historyRow({ partnerId: 'crowd', tier: 'business', effectiveOn: '2025-01-01' })],
    revenue: [],
  };
}

type AnyText = { type: string; text: string };

/** Every text object of a view, with where it sits. */
export function textsOf(view: View): { kind: 'mrkdwn' | 'plain_text'; text: string; where: string }[] {
  const out: { kind: 'mrkdwn' | 'plain_text'; text: string; where: string }[] = [];
  const add = (t: AnyText | undefined, where: string) => {
    if (t) out.push({ kind: t.type === 'mrkdwn' ? 'mrkdwn' : 'plain_text', text: t.text, where });
  };
  for (const block of view.blocks) {
    if (block.type === 'header') add(block.text as AnyText, 'header');
    if (block.type === 'section') {
      add(block.text as AnyText | undefined, 'section');
      for (const f of block.fields ?? []) add(f as AnyText, 'field');
      if (block.accessory && 'text' in block.accessory) add(block.accessory.text as AnyText, 'button');
    }
    if (block.type === 'context')
      for (const e of block.elements) if ('text' in e) add(e as AnyText, 'context');
    if (block.type === 'actions')
      for (const e of block.elements) if ('text' in e) add(e.text as AnyText, 'button');
  }
  return out;
}

function buttonsOf(view: View): types.Button[] {
  const buttons: types.Button[] = [];
  for (const block of view.blocks) {
    if (block.type === 'actions') for (const e of block.elements) if (e.type === 'button') buttons.push(e);
    if (block.type === 'section' && block.accessory?.type === 'button') buttons.push(block.accessory);
  }
  return buttons;
}

export function buttons(view: View): { text: string; actionId: string; value: string | undefined }[] {
  return buttonsOf(view).map((b) => ({ text: b.text.text, actionId: b.action_id ?? '', value: b.value }));
}

/** Block Kit's limits, checked on a whole message. */
export function expectWithinLimits(view: View) {
  expect(view.text.length).toBeGreaterThan(0);
  expect(view.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
  for (const block of view.blocks) {
    if (block.type === 'header')
      expect((block.text as AnyText).text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (block.type === 'section') {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect((block.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fieldsPerSection);
      for (const f of block.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
    }
    if (block.type === 'actions')
      expect(block.elements.length).toBeLessThanOrEqual(LIMITS.elementsPerActions);
    if (block.type === 'context')
      expect(block.elements.length).toBeLessThanOrEqual(LIMITS.elementsPerContext);
  }
  for (const t of textsOf(view)) expect(t.text.trim().length, `empty ${t.where}`).toBeGreaterThan(0);
  const ids = new Set<string>();
  for (const block of view.blocks) {
    if (block.type !== 'actions') continue;
    ids.clear();
    for (const e of block.elements) {
      const id = (e as { action_id?: string }).action_id ?? '';
      expect(ids.has(id), `duplicate action_id ${id} in one block`).toBe(false);
      ids.add(id);
    }
  }
  for (const b of buttons(view)) {
    expect(b.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
    expect((b.value ?? '').length).toBeLessThanOrEqual(LIMITS.buttonValue);
    expect(b.actionId.length).toBeLessThanOrEqual(LIMITS.actionId);
  }
}

/** Every mrkdwn text and the fallback text, joined (what Slack parses for mentions and links). */
export function mrkdwnOf(view: View): string {
  return [
    view.text,
    ...textsOf(view)
      .filter((t) => t.kind === 'mrkdwn')
      .map((t) => t.text),
  ].join('\n');
}

/** French amounts use Intl's non-breaking spaces; compare them as plain spaces. */
export const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
