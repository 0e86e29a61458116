import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { evaluateCommand } from '../../src/cli/evaluate.command.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { evaluationApprovals, outbox, partners, tierHistory } from '../../src/db/schema.js';
import { evaluationJob } from '../../src/jobs/evaluation.job.js';
import { runJobOccurrence } from '../../src/jobs/occurrences.js';
import {
  approveEvaluation,
  evaluateAndAnnounce,
  evaluationChanges,
  overrideEvaluatedTier,
} from '../../src/services/evaluation-approval.service.js';
import { announcementViews } from '../../src/slack/views/announcements.view.js';
import { viewContext } from '../../src/slack/views/context.js';
import { historyView } from '../../src/slack/views/history.view.js';
import { type DeliveryEnv, testDispatcher, useDeliveryEnv } from '../outbox/support.js';
import { BACKENDS } from '../support/databases.js';
import type { FakeSlackDelivery } from '../support/fake-slack-delivery.js';
import { givenMonthlyRevenue, givenPartner, givenStaff } from '../support/rows.js';
import {
  actionIdsOf,
  BOLT,
  catalog,
  cliContext,
  evaluateFirstHalfOf2026,
  givenFirstHalfOf2026,
  jobDeps,
  outboxRows,
  testConfig,
  textOf,
  tierHistoryOf,
} from './support.js';

/** Acme is promoted starter -> business; Bolt demoted business -> access; Calm stays starter. */
async function givenSemester(db: Parameters<typeof givenPartner>[0]) {
  await givenFirstHalfOf2026(
    db,
    {
      id: 'acme',
      name: 'Acme <Telecom>',
      type: 'ambassador',
      slackChannelId: 'CACME',
      managerSlackUserId: 'UMGR',
    },
    1200,
  );
  await givenFirstHalfOf2026(db, { ...BOLT, managerSlackUserId: 'UMGR' }, 800);
  await givenPartner(db, { id: 'calm', name: 'Calm', slackChannelId: 'CCALM', managerSlackUserId: 'UMGR' });
}

/** Bolt given Business by an override on 20 November, after the 1 July evaluation it would lose it by. */
async function givenNovemberOverrideOfBolt(db: Parameters<typeof givenPartner>[0]) {
  await db.update(partners).set({ tierSince: '2026-11-20' }).where(eq(partners.id, 'bolt'));
  await db.insert(tierHistory).values({
    partnerId: 'bolt',
    kind: 'override',
    effectiveOn: '2026-11-20',
    previousTier: 'access',
    tier: 'business',
    reason: 'Framework contract',
    actor: 'UMGR',
    catalogVersion: catalog.version,
  });
}

describe.each(BACKENDS)('semester evaluation announcements on %s', (backend) => {
  let t: DeliveryEnv['t'];
  let fake: FakeSlackDelivery;
  useDeliveryEnv(backend, (env) => ({ t, fake } = env));

  it('run twice (the 1 July job, then again): every announcement queued and sent once', async () => {
    await givenSemester(t.db);
    const deps = jobDeps(t.db);
    const scheduledFor = new Date('2026-07-01T04:00:00Z'); // 06:00 in Paris

    expect(await runJobOccurrence(deps, evaluationJob, scheduledFor)).toMatchObject({
      status: 'done',
      summary: { semester: '2026-H1', promotions: 1, demotions: 1, queued: 4 },
    });
    // The same occurrence again, and a manual evaluation of the same semester: nothing more.
    expect(await runJobOccurrence(deps, evaluationJob, scheduledFor)).toEqual({
      status: 'skipped',
      reason: 'already-done',
    });
    const again = await evaluateAndAnnounce(t.db, deps, announcementViews, {
      asOf: '2026-07-02',
      actor: 'test',
    });
    expect(again.queued).toEqual([]);

    const rows = await outboxRows(t.db);
    expect(rows.map((r) => [r.dedupeKey, r.channel])).toEqual([
      ['evaluation:2026-H1:summary', 'CTEAM'],
      ['evaluation:2026-H1:partner:acme', 'CACME'],
      ['evaluation:2026-H1:partner:bolt', 'CBOLT'],
      ['evaluation:2026-H1:manager:bolt', 'UMGR'],
    ]);

    const dispatcher = testDispatcher(t.db, fake, { perChannelIntervalMs: 0 });
    expect((await dispatcher.drain()).sent).toBe(4);
    await evaluateAndAnnounce(t.db, deps, announcementViews, { asOf: '2026-07-03', actor: 'test' });
    expect((await dispatcher.drain()).sent).toBe(0);
    for (const row of rows) expect(fake.postsOf(row.dedupeKey)).toHaveLength(1);
    expect(fake.posted).toHaveLength(4);
  });

  it('says what changed: the summary, a promotion with its benefits and dated obligations, a plain demotion with the average that restores the tier', async () => {
    await givenSemester(t.db);
    await evaluateAndAnnounce(t.db, jobDeps(t.db), announcementViews, { asOf: '2026-07-01', actor: 'test' });
    const byKey = new Map((await outboxRows(t.db)).map((r) => [r.dedupeKey, textOf(r)]));

    const summary = byKey.get('evaluation:2026-H1:summary')!;
    expect(summary).toContain('1 promoted, 1 demoted, 1 unchanged');
    expect(summary).toContain(
      '*Acme &lt;Telecom&gt;*: Starter Partner → *Business Partner* (€1,200 a month)',
    );
    expect(summary).toContain('*Bolt*: Business Partner → *Access Partner* (€800 a month)');

    const promotion = byKey.get('evaluation:2026-H1:partner:acme')!;
    expect(promotion).toContain('Congratulations');
    expect(promotion).toContain('from Starter Partner to *Business Partner* on 1 Jul 2026');
    expect(promotion).not.toContain('<Telecom>'); // escaped: a name never becomes markup
    for (const benefit of ['bizbooster-150', 'sales-rep', 'leads', 'experts-zen-listing'])
      expect(promotion).toContain(catalog.benefits.find((b) => b.code === benefit)!.label.en);
    // Access obligations (60 days) and Business ones (120 days, quarterly) from 1 July.
    expect(promotion).toContain('Mandatory online training — Admin: MyDstny (due 30 Aug 2026)');
    expect(promotion).toContain('Mandatory on-site training — Admin referent (due 29 Oct 2026)');

    const demotion = byKey.get('evaluation:2026-H1:partner:bolt')!;
    expect(demotion).toContain('Bolt* moves from Business Partner to *Access Partner* on 1 Jul 2026');
    expect(demotion).toContain('An average of *€1,000 a month*');
    expect(demotion).toContain('restores Business Partner');

    expect(byKey.get('evaluation:2026-H1:manager:bolt')).toContain('Demotion in your portfolio: *Bolt*');
  });

  it('writes in French with LOCALE=fr, with the deck’s labels', async () => {
    await givenSemester(t.db);
    await evaluateFirstHalfOf2026(t.db, { LOCALE: 'fr' });
    const byKey = new Map((await outboxRows(t.db)).map((r) => [r.dedupeKey, textOf(r)]));
    expect(byKey.get('evaluation:2026-H1:partner:acme')).toContain('Félicitations');
    expect(byKey.get('evaluation:2026-H1:partner:acme')).toContain('Commercial dédié');
    expect(byKey.get('evaluation:2026-H1:partner:bolt')).toContain(
      'passe du statut Business Partner au statut *Access Partner*',
    );
  });

  it('with EVALUATION_APPROVAL: a preview to the team, nothing to partners until an admin approves', async () => {
    await givenSemester(t.db);
    await givenStaff(t.db, 'UADMIN', 'admin');
    await givenStaff(t.db, 'UMGR', 'manager');
    const deps = jobDeps(t.db, { config: testConfig({ EVALUATION_APPROVAL: 'true' }) });
    await runJobOccurrence(deps, evaluationJob, new Date('2026-07-01T04:00:00Z'));

    const rows = await outboxRows(t.db);
    const preview = rows.find((r) => r.dedupeKey === 'evaluation:2026-H1:preview')!;
    expect(preview.hold).toBeNull();
    expect(actionIdsOf(preview)).toEqual(['evaluation_approve', 'evaluation_override']);
    expect(textOf(preview)).toContain('3 messages wait for an admin’s approval');
    expect(rows.filter((r) => r.hold === 'evaluation-approval:2026-H1')).toHaveLength(3);

    const dispatcher = testDispatcher(t.db, fake, { perChannelIntervalMs: 0 });
    expect((await dispatcher.drain()).sent).toBe(1);
    expect(fake.posted.map((p) => p.channel)).toEqual(['CTEAM']);

    const now = new Date();
    expect(await approveEvaluation(t.db, { semester: '2026-H1', by: 'UMGR', now })).toEqual({
      status: 'forbidden',
    });
    expect(await approveEvaluation(t.db, { semester: '2025-H2', by: 'UADMIN', now })).toEqual({
      status: 'unknown',
    });
    expect(await approveEvaluation(t.db, { semester: '2026-H1', by: 'UADMIN', now })).toEqual({
      status: 'approved',
      released: 3,
    });
    expect(await approveEvaluation(t.db, { semester: '2026-H1', by: 'UADMIN', now })).toEqual({
      status: 'already-approved',
      by: 'UADMIN',
    });
    expect((await dispatcher.drain()).sent).toBe(3);
    expect(fake.posted.map((p) => p.channel).sort()).toEqual(['CACME', 'CBOLT', 'CTEAM', 'DMGR']);
  });

  it('a demotion notice gives the average rounded down: 2 999,97 € over six months is 499,99 € a month, below 500 €', async () => {
    await givenPartner(t.db, {
      id: 'dot',
      name: 'Dot',
      type: 'ambassador',
      tier: 'access',
      slackChannelId: 'CDOT',
      managerSlackUserId: 'UMGR',
    });
    await givenMonthlyRevenue(t.db, 'dot', '2026-01', '2026-05', 500);
    await givenMonthlyRevenue(t.db, 'dot', '2026-06', '2026-06', 499.97);
    await evaluateFirstHalfOf2026(t.db, { LOCALE: 'fr' });
    const byKey = new Map((await outboxRows(t.db)).map((r) => [r.dedupeKey, textOf(r)]));
    const demotion = byKey.get('evaluation:2026-H1:partner:dot')!;
    expect(demotion).toContain('passe du statut Access Partner au statut *Starter Partner*');
    expect(demotion).toMatch(/499,99\s€/);
    expect(demotion).not.toMatch(/de 500\s€ par mois, sous/);
  });

  it('a late run (December, for 1 July) keeps an override of November: nothing moves, no DM to the manager', async () => {
    await givenSemester(t.db);
    await givenNovemberOverrideOfBolt(t.db);
    const run = await evaluateAndAnnounce(t.db, jobDeps(t.db), announcementViews, {
      asOf: '2026-12-01',
      actor: 'catch-up',
    });

    expect(run.result.changes.map((c) => c.partnerId)).toEqual(['acme']);
    expect((await outboxRows(t.db)).map((r) => r.dedupeKey).filter((k) => k.includes('bolt'))).toEqual([]);
    const [bolt] = await t.db.select().from(partners).where(eq(partners.id, 'bolt'));
    expect(bolt).toMatchObject({ tier: 'business', tierSince: '2026-11-20' });
    const history = await tierHistoryOf(t.db, 'bolt');
    expect(history.map((h) => [h.kind, h.outcome, h.tier, h.computedTier])).toEqual([
      ['override', 'applied', 'business', null],
      ['evaluation', 'override-stands', 'business', 'access'],
    ]);
    const record = (await createRepositories(t.db).partners.record('bolt', '2026-07-01'))!;
    const lines = JSON.stringify(historyView(viewContext(catalog, 'en', '2026-12-01'), record).blocks);
    expect(lines).toContain('Override by <@UMGR>');
    expect(lines).toContain('Evaluation H1 2026 · *Business Partner* kept: the override stands');
    expect(lines).toContain('computed: Access Partner');
  });

  it('the team summary counts apart the partners too recent to judge and those an override keeps', async () => {
    await givenSemester(t.db);
    await givenPartner(t.db, { id: 'dawn', name: 'Dawn', joinedOn: '2026-05-01' });
    await givenMonthlyRevenue(t.db, 'dawn', '2026-05', '2026-06', 5000);
    await givenNovemberOverrideOfBolt(t.db);
    await evaluateAndAnnounce(t.db, jobDeps(t.db), announcementViews, {
      asOf: '2026-12-01',
      actor: 'catch-up',
    });
    const summary = textOf(
      (await outboxRows(t.db)).find((r) => r.dedupeKey === 'evaluation:2026-H1:summary')!,
    );
    // acme promoted; calm evaluated and unchanged; dawn (two months in) not judged; bolt kept by its November override.
    expect(summary).toContain('1 promoted, 0 demoted, 1 unchanged.');
    expect(summary).toContain('1 partner was not evaluated (fewer than 3 whole months in the program).');
    expect(summary).toContain('1 partner keeps the tier an override gave it.');
  });

  it('with EVALUATION_APPROVAL, partners keep their tier until an admin approves; contacts see nothing pending', async () => {
    await givenSemester(t.db);
    await givenStaff(t.db, 'UADMIN', 'admin');
    const deps = { catalog, config: testConfig({ EVALUATION_APPROVAL: 'true' }) };
    await evaluateAndAnnounce(t.db, deps, announcementViews, { asOf: '2026-07-01', actor: 'test' });

    const tiers = async () => new Map((await t.db.select().from(partners)).map((p) => [p.id, p.tier]));
    expect(await tiers()).toEqual(
      new Map([
        ['acme', 'starter'],
        ['bolt', 'business'],
        ['calm', 'starter'],
      ]),
    );
    const record = (await createRepositories(t.db).partners.record('acme', '2026-07-01'))!;
    const ctx = viewContext(catalog, 'en', '2026-07-02');
    const forContact = JSON.stringify(historyView(ctx, record, { staff: false }).blocks);
    expect(forContact).not.toContain('Business');
    expect(forContact).toContain('No tier change recorded yet.');
    expect(JSON.stringify(historyView(ctx, record, { staff: true }).blocks)).toContain(
      'awaiting approval: *Business Partner*',
    );

    expect(
      await approveEvaluation(t.db, { semester: '2026-H1', by: 'UADMIN', now: new Date() }),
    ).toMatchObject({
      status: 'approved',
    });
    expect(await tiers()).toEqual(
      new Map([
        ['acme', 'business'],
        ['bolt', 'access'],
        ['calm', 'starter'],
      ]),
    );
    const history = await t.db.select().from(tierHistory).orderBy(tierHistory.partnerId);
    expect(history.map((h) => [h.partnerId, h.outcome])).toEqual([
      ['acme', 'applied'],
      ['bolt', 'applied'],
      ['calm', 'applied'],
    ]);
    const [acme] = await t.db.select().from(partners).where(eq(partners.id, 'acme'));
    expect(acme!.tierSince).toBe('2026-07-01');
  });

  it('an admin overrides a computed tier before approving: recorded beside it, the announcement replaced', async () => {
    await givenSemester(t.db);
    await givenStaff(t.db, 'UADMIN', 'admin');
    const deps = { catalog, config: testConfig({ EVALUATION_APPROVAL: 'true' }) };
    await evaluateAndAnnounce(t.db, deps, announcementViews, { asOf: '2026-07-01', actor: 'test' });
    expect((await evaluationChanges(t.db, '2026-H1')).map((c) => c.partnerId)).toEqual(['acme', 'bolt']);

    const outcome = await overrideEvaluatedTier(t.db, deps, announcementViews, {
      semester: '2026-H1',
      partnerId: 'bolt',
      tier: 'business',
      reason: 'Big contract signed in June',
      by: 'UADMIN',
      now: new Date(),
    });
    expect(outcome).toEqual({ status: 'overridden', partnerName: 'Bolt', tier: 'business', replaced: 2 });
    expect((await t.db.select().from(partners).where(eq(partners.id, 'bolt')))[0]!.tier).toBe('business');
    const history = await tierHistoryOf(t.db, 'bolt');
    expect(history.map((h) => [h.kind, h.computedTier, h.tier, h.reason])).toEqual([
      ['evaluation', 'access', 'access', null],
      ['override', 'access', 'business', 'Big contract signed in June'],
    ]);
    // Kept at its tier: its demotion messages are cancelled and nothing replaces them.
    const bolt = (await outboxRows(t.db)).filter((r) => r.dedupeKey.includes(':bolt'));
    expect(bolt.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);

    expect(await approveEvaluation(t.db, { semester: '2026-H1', by: 'UADMIN', now: new Date() })).toEqual({
      status: 'approved',
      released: 1,
    });
    const [approval] = await t.db.select().from(evaluationApprovals);
    expect(approval).toMatchObject({ status: 'approved', decidedBy: 'UADMIN' });
    // Approval applies the pending results, never over the override.
    const tiers = new Map((await t.db.select().from(partners)).map((p) => [p.id, [p.tier, p.tierSince]]));
    expect(tiers.get('acme')).toEqual(['business', '2026-07-01']);
    expect(tiers.get('bolt')?.[0]).toBe('business');
    expect(
      (await t.db.select().from(outbox).where(eq(outbox.status, 'pending'))).map((r) => r.dedupeKey).sort(),
    ).toEqual(['evaluation:2026-H1:partner:acme', 'evaluation:2026-H1:preview']);
  });

  it('an override to another tier replaces the held announcement with one telling the overridden change', async () => {
    await givenSemester(t.db);
    await givenStaff(t.db, 'UADMIN', 'admin');
    const deps = { catalog, config: testConfig({ EVALUATION_APPROVAL: 'true' }) };
    await evaluateAndAnnounce(t.db, deps, announcementViews, { asOf: '2026-07-01', actor: 'test' });
    expect(
      await overrideEvaluatedTier(t.db, deps, announcementViews, {
        semester: '2026-H1',
        partnerId: 'acme',
        tier: 'access',
        reason: 'Revenue of June disputed',
        by: 'UADMIN',
        now: new Date(),
      }),
    ).toMatchObject({ status: 'overridden', tier: 'access', replaced: 1 });
    const acme = (await outboxRows(t.db)).filter((r) => r.dedupeKey.includes(':acme'));
    expect(acme.map((r) => [r.dedupeKey, r.status, r.hold])).toEqual([
      ['evaluation:2026-H1:partner:acme', 'cancelled', 'evaluation-approval:2026-H1'],
      ['evaluation:2026-H1:partner:acme:override:1', 'pending', 'evaluation-approval:2026-H1'],
    ]);
    expect(textOf(acme[1]!)).toContain('from Starter Partner to *Access Partner*');
    expect(textOf(acme[1]!)).not.toContain('Business Partner');
  });

  it('`partner-bot evaluate` queues the announcements, --dry-run queues nothing', async () => {
    await givenSemester(t.db);
    const { ctx, lines } = cliContext(t, '2026-07-01');

    expect(await evaluateCommand(['--dry-run'], ctx)).toBe(0);
    expect(await outboxRows(t.db)).toEqual([]);
    expect(await evaluateCommand([], ctx)).toBe(0);
    expect(lines.at(-1)).toBe('4 announcements queued in the outbox (the running app delivers them).');
    lines.length = 0;
    expect(await evaluateCommand([], ctx)).toBe(0);
    expect(lines.at(-1)).toBe('No announcement queued (nothing newly recorded).');
    expect(await outboxRows(t.db)).toHaveLength(4);
  });
});
