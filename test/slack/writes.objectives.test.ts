import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, planReviews, salesObjectives } from '../../src/db/schema.js';
import { MODAL_CALLBACK_IDS } from '../../src/slack/ids.js';
import { BACKENDS } from '../support/databases.js';
import { viewSubmission } from '../support/slack-requests.js';
import { CHANNELS, openedForm, text, USERS, useWritesApp, values, writeCommands } from './writes.fixtures.js';

/** Today is 20 March 2026 (Q1 2026); Acme (operator) billed 2 500 € a month recurring in January and February. */
describe.each(BACKENDS)('objectives, forecasts and plan reviews over HTTP on %s', (backend) => {
  const h = useWritesApp(backend);

  const { reply: run, refused } = writeCommands(h);
  const objectives = () => h.t.db.select().from(salesObjectives).orderBy(asc(salesObjectives.quarter));
  const audits = (action: string) => h.t.db.select().from(auditLog).where(eq(auditLog.action, action));

  it('sets an objective for a quarter, audited, and confirms it in the partner’s basis', async () => {
    const reply = await run('objective Acme Telecom 2026-Q2 2 500');
    expect(reply).toContain('Objective for *Acme Telecom*, Q2 2026: *€2,500* a month (Billed revenue)');
    expect(await objectives()).toMatchObject([
      { partnerId: 'acme', quarter: '2026-Q2', objectiveCents: 250_000 },
    ]);
    expect(await audits('sales.objective')).toMatchObject([{ actor: USERS.manager, partnerId: 'acme' }]);
    expect(await run('objective Acme Telecom 2026-Q2 3 000')).toContain('It was €2,500 a month.');
  });

  it('refuses field by field and writes nothing', async () => {
    expect(await refused('objective Acme 2026-Q2 beaucoup')).toContain('beaucoup` is not an amount in euros');
    expect(await refused('objective Acme 2026-Q5 100')).toContain('`2026-Q5` is not a quarter');
    expect(await refused('objective Acme 100')).toContain('I could not find the quarter (YYYY-Qn');
    expect(await refused('objective Acme 2026-Q2')).toContain('Give the amount in euros');
  });

  it('is for staff: a contact setting an objective is refused', async () => {
    expect(await refused('objective 2026-Q2 100', USERS.acmeAdmin, CHANNELS.acme)).toContain('partner team');
  });

  it('takes a contact’s forecast for its own partner (in time before the quarter), not another partner’s', async () => {
    const reply = await run('forecast 2026-Q2 2 800', USERS.acmeSales);
    expect(reply).toContain('Forecast for *Acme Telecom*, Q2 2026: *€2,800* a month (Billed revenue)');
    expect(reply).toContain('Given in time (by 16 Apr 2026)');
    expect(await objectives()).toMatchObject([
      { quarter: '2026-Q2', forecastCents: 280_000, forecastOn: '2026-03-20', forecastBy: USERS.acmeSales },
    ]);
    expect(await audits('sales.forecast')).toHaveLength(1);
    const other = await refused('forecast Beta Networks 2026-Q2 1', USERS.acmeSales);
    expect(other).not.toContain('Beta Networks');
  });

  it('tells a forecast given after the deadline is late', async () => {
    expect(await run('forecast Acme 2026-Q1 2 000')).toContain('Given after 16 Jan 2026: late');
    expect(await refused('forecast Acme 2025-Q4 2 000')).toContain('`2025-Q4` has ended');
  });

  it('records a plan review, which makes “Development plan follow-up” done for the quarter', async () => {
    expect(await run('obligations acme')).toContain('Development plan follow-up');
    const reply = await run('review Acme Telecom plan reviewed, two new leads');
    expect(reply).toContain('Development plan review recorded for *Acme Telecom* on 20 Mar 2026');
    expect(reply).toContain('Note: “plan reviewed, two new leads”');
    expect(await h.t.db.select().from(planReviews)).toMatchObject([
      { partnerId: 'acme', note: 'plan reviewed, two new leads', reviewedOn: '2026-03-20' },
    ]);
    expect(await audits('sales.review')).toHaveLength(1);
    const obligations = await run('obligations acme');
    expect(obligations).not.toContain('Development plan follow-up');
    expect(obligations).toContain('Sales targets &amp; forecasts met');
    expect(await refused('review Acme')).toContain('Give a short note');
    expect(await run('review plan ok in the channel', USERS.manager, CHANNELS.beta)).toContain(
      '*Beta Networks*',
    );
  });

  it('shows the current and the last quarter on the status card: objective, forecast, actual, % and on track', async () => {
    await run('objective Acme 2026-Q1 2 000');
    await run('review Acme plan ok');
    const status = await run('status acme');
    expect(status).toContain('*Objectives & forecasts*');
    // January and February counted (March has no revenue yet): 5 000 € of 6 000 €, ahead of 2 000 € a month.
    expect(status).toContain(
      'Q1 2026: objective €2,000/month · no forecast (late) · actual €5,000 (83% of objective) · :large_green_circle: on track',
    );
    // Q4 2025 ended before the program started (1 January 2026): nothing was due, so nothing is “not met”.
    expect(status).toContain(
      'Q4 2025: no objective · no forecast · actual €0 · not applicable (before the program started)',
    );
    expect(status).not.toContain('not met');
    expect(status).toContain('Last plan review: 20 Mar 2026');
    const tier = await run('tier acme', USERS.acmeAdmin);
    expect(tier).toContain('Q1 2026: objective €2,000/month');
  });

  it('answers in French with the deck’s words', async () => {
    const reply = await run('objectif Acme 2026-T1 2 500', USERS.francois);
    expect(reply).toContain('Objectif d’*Acme Telecom*, T1 2026 : *2 500 €* par mois de CA.');
    const status = await run('statut acme', USERS.francois);
    expect(status).toContain('*Objectifs & prévisions*');
    expect(status).toContain('T1 2026 : objectif 2 500 €/mois');
    expect(status).toContain('T4 2025 : pas d’objectif · pas de prévision · réalisé 0 € · sans objet');
  });

  it('opens the objective form alone, and its submission records it', async () => {
    expect(await run('objective', USERS.manager, CHANNELS.acme)).toContain('Opening the form');
    const { view, submit, errors, confirmation } = await openedForm(h);
    expect(view.callback_id).toBe(MODAL_CALLBACK_IDS.objective);
    expect(JSON.parse(view.private_metadata)).toEqual({ o: 'command', p: 'acme' });

    expect((await errors({ quarter: text('2026-13'), amount: text('100') })).quarter).toContain(
      'is not a quarter',
    );
    expect(await objectives()).toEqual([]);

    const ok = await submit({ quarter: text('2026-Q2'), amount: text('1 500') });
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('');
    expect(await objectives()).toMatchObject([{ quarter: '2026-Q2', objectiveCents: 150_000 }]);
    expect(await confirmation()).toContain('Objective for *Acme Telecom*, Q2 2026');
  });

  it('takes a forecast and a plan review from their forms too', async () => {
    const forecast = await h.app.send(
      viewSubmission({
        callbackId: MODAL_CALLBACK_IDS.forecast,
        values: values({ partner: text('acme'), quarter: text('2026-Q2'), amount: text('900') }),
        privateMetadata: JSON.stringify({ o: 'message' }),
        userId: USERS.manager,
      }),
    );
    expect(forecast.text).toBe('');
    const review = await h.app.send(
      viewSubmission({
        callbackId: MODAL_CALLBACK_IDS.review,
        values: values({ note: text('') }),
        privateMetadata: JSON.stringify({ o: 'message', p: 'acme' }),
        userId: USERS.manager,
      }),
    );
    expect(review.json<{ errors: Record<string, string> }>().errors.note).toContain('Give a short note');
    expect(await objectives()).toMatchObject([{ forecastCents: 90_000 }]);
    expect(await h.t.db.select().from(planReviews)).toEqual([]);
  });
});
