import { asc } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, declarationLinks, outbox, trainingCompletions } from '../../src/db/schema.js';
import { planReminders } from '../../src/jobs/reminders.job.js';
import { createSmtpTransport, type MailTransport } from '../../src/outbox/mail.js';
import { issueDeclarationLink } from '../../src/services/declaration-links.service.js';
import { createDeclarationRoutes } from '../../src/web/declaration.routes.js';
import { runRemindersOn } from '../jobs/run-reminders.js';
import { catalog, jobDeps, testConfig } from '../jobs/support.js';
import { MAIL_FROM, mailDispatcher } from '../outbox/support.js';
import { BACKENDS, createTestDatabase } from '../support/databases.js';
import { type FakeSlackDelivery, startFakeSlackDelivery } from '../support/fake-slack-delivery.js';
import { givenContact, givenPartner, givenStaff } from '../support/rows.js';
import { startTestSlackApp, type TestSlackApp } from '../support/slack-app.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';
import { frenchTypographyIssues } from '../support/typography.js';
import { launchBrowser } from './browser.js';
import { declarationLinksIn } from './mail-links.js';

/** 14 days before Acme's admin training is due (2 March 2026): the e-mail contact is reminded. */
const DAY = '2026-02-16';
/** When the reminders run and the link is issued; the tests move the app's clock from there. */
const START = Date.parse('2026-02-16T08:30:00Z');
const DAY_MS = 86_400_000;
const LINK_SECRET = 'test-link-secret-0123456789abcdef-ghij';
const TRAINING_FR = 'Formation obligatoire en ligne — Admin\u202f: MyDstny';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  // Installing Chromium with apt-get, on a fresh machine, takes a while.
}, 600_000);
afterAll(async () => {
  await browser?.close();
});

describe.each(BACKENDS)('the declaration link of a reminder e-mail, in a browser, on %s', (backend) => {
  let t: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let app: TestSlackApp | undefined;
  let smtp: TestSmtpServer | undefined;
  let mailer: MailTransport | undefined;
  let context: BrowserContext | undefined;
  let delivery: FakeSlackDelivery | undefined;
  let clock = START;

  afterEach(async () => {
    await context?.close();
    await delivery?.close();
    mailer?.close();
    await smtp?.close();
    await app?.stop();
    await t?.drop();
    context = delivery = mailer = smtp = app = t = undefined;
  });

  /**
   * Acme with its manager and Paul, a contact not on Slack; the reminders run on the real job, the
   * dispatcher sends Paul's e-mail to a real SMTP server on loopback, and the link is read out of it.
   */
  async function given(options: { contactLocale: 'fr' | 'en' | null; LOCALE: 'fr' | 'en' }) {
    clock = START;
    t = await createTestDatabase(backend);
    const db = t.db;
    await givenPartner(db, {
      id: 'acme',
      name: 'Acme Télécom',
      type: 'ambassador',
      tier: 'access',
      joinedOn: '2026-01-01',
      tierSince: '2026-01-01',
      managerSlackUserId: 'UMGR',
    });
    await givenStaff(db, 'UMGR', 'manager');
    const contact = await givenContact(db, {
      partnerId: 'acme',
      name: 'Paul <Mail> & Co',
      email: 'paul@acme.example',
      locale: options.contactLocale,
    });
    smtp = await startTestSmtpServer();
    const now = () => new Date(clock);
    app = await startTestSlackApp({
      database: t,
      env: { LINK_SECRET, LOCALE: options.LOCALE, LOG_LEVEL: 'warn' },
      now,
      web: createDeclarationRoutes,
    });
    const config = testConfig({
      LOCALE: options.LOCALE,
      SMTP_URL: smtp.url,
      MAIL_FROM,
      PUBLIC_URL: app.url,
      LINK_SECRET,
    });
    const deps = jobDeps(db, { config, now });
    expect(await runRemindersOn(deps, DAY)).toMatchObject({ status: 'done' });
    mailer = createSmtpTransport({ SMTP_URL: smtp.url }, 3_000);
    delivery = await startFakeSlackDelivery();
    expect((await mailDispatcher(db, delivery, mailer).drain()).sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const links = declarationLinksIn(smtp.received[0]!.raw);
    expect(links).toHaveLength(1);
    context = await browser.newContext();
    return {
      contact: contact!,
      link: links[0]!,
      page: await context.newPage(),
      // The same day's reminders again (a catch-up, another instance): nothing more is queued.
      rerun: () => runRemindersOn(deps, DAY, 60_000),
    };
  }

  /** Everything a declaration could change. */
  async function snapshot() {
    const db = t!.db;
    return {
      completions: await db.select().from(trainingCompletions).orderBy(asc(trainingCompletions.id)),
      links: await db.select().from(declarationLinks),
      audit: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
      outbox: (await db.select({ key: outbox.dedupeKey }).from(outbox)).map((r) => r.key).sort(),
    };
  }

  const postForm = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
  const tokenOf = (link: string) => new URL(link).pathname.split('/').pop()!;
  /** What the page shows in these elements, as a reader sees it. */
  const shown = async (page: Page, selector: string) =>
    (await page.locator(selector).allInnerTexts()).join('\n');
  const consoleErrors = (page: Page) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    return errors;
  };

  it('opens a page in the contact’s language naming the partner, the contact and the training; nothing is recorded', async () => {
    const { link, page } = await given({ contactLocale: 'fr', LOCALE: 'en' });
    const before = await snapshot();
    expect(before.links).toEqual([expect.objectContaining({ obligation: 'trn-online-admin', usedAt: null })]);
    // The store keeps a hash of the nonce, never the token.
    expect(link).not.toContain(before.links[0]!.nonce);
    const errors = consoleErrors(page);

    const response = await page.goto(link);
    expect(response!.status()).toBe(200);
    const headers = response!.headers();
    expect(headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
    });
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['content-security-policy']).toContain("form-action 'self'");
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const text = await shown(page, 'main');
    expect(text).toContain('Acme Télécom');
    // The contact's name is escaped, shown as typed.
    expect(text).toContain('Paul <Mail> & Co');
    expect(text).toContain(TRAINING_FR);
    expect((await page.getByRole('button').allInnerTexts()).join('')).toBe(
      'Je confirme avoir suivi cette formation',
    );
    expect(frenchTypographyIssues(text, { verbatim: [TRAINING_FR], ignore: ['Paul <Mail> & Co'] })).toEqual(
      [],
    );
    // The strict policy lets the page's own style through (by its hash), and nothing was refused.
    const background = await page.evaluate(
      "getComputedStyle(document.querySelector('button')).backgroundColor",
    );
    expect(background).toBe('rgb(11, 92, 173)');
    expect(errors).toEqual([]);

    expect(await snapshot()).toEqual(before);
  });

  it('its button records the declaration, awaiting the manager, and uses the link; opened again it says so and changes nothing', async () => {
    const { contact, link, page } = await given({ contactLocale: 'fr', LOCALE: 'en' });
    await page.goto(link);
    const posted = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button').click();
    expect((await posted).status()).toBe(200);
    await page.waitForLoadState();
    expect(await shown(page, 'h1')).toBe('Merci\u202f!');
    expect(await shown(page, 'main')).toContain('est enregistrée');

    const after = await snapshot();
    expect(after.completions).toEqual([
      expect.objectContaining({
        contactId: contact.id,
        training: 'trn-online-admin',
        status: 'pending',
        completedOn: DAY,
        declaredBy: `link:contact:${contact.id}`,
      }),
    ]);
    expect(after.links[0]!.usedAt).not.toBeNull();
    expect(after.audit).toEqual([
      expect.objectContaining({ action: 'training.declared', actor: `link:contact:${contact.id}` }),
    ]);
    // The manager is told, as for Slack's Done button.
    expect(after.outbox.filter((k) => k.startsWith('training.declared:'))).toHaveLength(1);

    const again = await page.goto(link);
    expect(again!.status()).toBe(410);
    expect(await shown(page, 'h1')).toBe('Ce lien a déjà servi');
    expect(await page.getByRole('button').count()).toBe(0);
    // The form sent again (a reload, a back button) is refused too.
    const resent = await postForm(link, `token=${tokenOf(link)}`);
    expect(resent.status).toBe(410);
    expect(await snapshot()).toEqual(after);
  });

  it('a training the manager recorded meanwhile is left as it is: the page says so, and the link is used', async () => {
    const { contact, link, page } = await given({ contactLocale: 'fr', LOCALE: 'en' });
    await t!.db.insert(trainingCompletions).values({
      partnerId: 'acme',
      contactId: contact.id,
      training: 'trn-online-admin',
      completedOn: '2026-02-12',
      status: 'confirmed',
      confirmedBy: 'UMGR',
    });
    const before = await snapshot();
    await page.goto(link);
    await page.getByRole('button').click();
    await page.waitForLoadState();
    expect(await shown(page, 'main')).toContain('était déjà enregistrée');
    const after = await snapshot();
    expect(after.completions).toEqual(before.completions);
    expect(after.audit).toEqual(before.audit);
    expect(after.outbox).toEqual(before.outbox);
    expect(after.links[0]!.usedAt).not.toBeNull();
  });

  it('a scanner’s GET and HEAD change nothing; the contact’s click then works, in English', async () => {
    const { link, page } = await given({ contactLocale: null, LOCALE: 'en' });
    const before = await snapshot();
    for (const method of ['GET', 'GET', 'HEAD']) {
      const response = await fetch(link, { method });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    expect(await snapshot()).toEqual(before);

    await page.goto(link);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await shown(page, 'main')).toContain('Mandatory online training');
    await page.getByRole('button', { name: 'I confirm I completed this training' }).click();
    await page.waitForLoadState();
    expect(await shown(page, 'h1')).toBe('Thank you!');
    expect((await snapshot()).completions).toEqual([expect.objectContaining({ status: 'pending' })]);
  });

  it('a second run of the same day issues no other link; without PUBLIC_URL the e-mail has none', async () => {
    const { rerun } = await given({ contactLocale: 'fr', LOCALE: 'fr' });
    const before = await snapshot();
    expect(await rerun()).toMatchObject({ status: 'done' });
    expect((await snapshot()).links).toEqual(before.links);

    // The same contact reminded by a bot without PUBLIC_URL: the plain reminder, no link and no row.
    const config = testConfig({ LOCALE: 'fr', SMTP_URL: smtp!.url, MAIL_FROM });
    const plain = await planReminders(t!.db, { catalog, config }, { today: '2026-02-23', since: DAY });
    const mail = plain.messages.find((m) => m.transport === 'email');
    expect(mail?.text).toContain('Bonjour');
    expect(mail?.text).not.toContain('/declare/');
    expect(plain.links).toEqual([]);
  });

  it('an expired link says so and changes nothing (the clock passed in, not slept)', async () => {
    const { link, page } = await given({ contactLocale: 'fr', LOCALE: 'en' });
    const before = await snapshot();
    clock = START + 14 * DAY_MS - 60_000;
    expect((await page.goto(link))!.status()).toBe(200);
    clock = START + 14 * DAY_MS + 60_000;
    expect((await page.goto(link))!.status()).toBe(410);
    expect(await shown(page, 'h1')).toBe('Ce lien a expiré');
    expect(await shown(page, 'main')).toContain('14\u00a0jours');
    expect(await page.getByRole('button').count()).toBe(0);
    expect((await postForm(link, `token=${tokenOf(link)}`)).status).toBe(410);
    expect(await snapshot()).toEqual(before);
  });

  it('a forged or altered token is refused, by GET and by POST, and changes nothing', async () => {
    const { contact, link, page } = await given({ contactLocale: 'fr', LOCALE: 'fr' });
    const other = await givenContact(t!.db, { partnerId: 'acme', name: 'Other', email: 'o@acme.example' });
    const before = await snapshot();
    const token = tokenOf(link);
    const base = link.slice(0, -token.length);
    const [v, id, code, expires, nonce, signature] = token.split('.');
    // base64url's alphabet: the neighbour of a last character differs in a spare bit only (the same bytes
    // once decoded), of a first character in the first byte.
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const neighbour = (c: string) => ALPHABET[ALPHABET.indexOf(c) ^ 1]!;
    const flip = (s: string) => s.slice(0, -1) + neighbour(s.at(-1)!);
    const flipFirst = (s: string) => neighbour(s[0]!) + s.slice(1);
    // Signed right, with the right secret, but never issued: the store does not know it.
    const unissued = issueDeclarationLink(
      { publicUrl: base, secret: LINK_SECRET },
      { contactId: contact.id, obligation: 'trn-online-admin', now: new Date(START) },
    ).url;
    const otherSecret = issueDeclarationLink(
      { publicUrl: base, secret: 'another-secret-0123456789abcdef-0123456' },
      { contactId: contact.id, obligation: 'trn-online-admin', now: new Date(START) },
    ).url;
    const forged: [string, number][] = [
      [[v, id, code, expires, nonce, flip(signature!)].join('.'), 404],
      [[v, id, code, expires, nonce, flipFirst(signature!)].join('.'), 404],
      [[v, other!.id, code, expires, nonce, signature].join('.'), 404],
      [[v, id, 'trn-online-sales', expires, nonce, signature].join('.'), 404],
      [[v, id, code, Number(expires) + 86_400, nonce, signature].join('.'), 404],
      [[v, id, code, expires, flip(nonce!), signature].join('.'), 404],
      [tokenOf(unissued), 404],
      [tokenOf(otherSecret), 404],
      [token.slice(0, -5), 400],
      ['not-a-token', 400],
    ];
    for (const [bad, status] of forged) {
      expect((await fetch(base + bad)).status, bad).toBe(status);
      expect((await postForm(base + bad, `token=${encodeURIComponent(bad)}`)).status, bad).toBe(status);
    }
    const refused = await page.goto(base + forged[0]![0]);
    expect(refused!.status()).toBe(404);
    expect(await shown(page, 'h1')).toBe('Ce lien n’est pas valide');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a POST that is not its form, leaves Slack’s check alone, and uses a link once under two clicks at once', async () => {
    const { link } = await given({ contactLocale: 'fr', LOCALE: 'fr' });
    const token = tokenOf(link);
    const before = await snapshot();
    const json = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(json.status).toBe(415);
    expect((await postForm(link, `token=${token}&pad=${'x'.repeat(4096)}`)).status).toBe(413);
    expect((await postForm(link, 'nothing=here')).status).toBe(400);
    // Another last character (a token that already ends in A would stay itself: 1 in 64).
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await postForm(link, `token=${altered}`)).status).toBe(400);
    const put = await fetch(link, { method: 'PUT', body: `token=${token}` });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    // Slack's endpoint still wants a signature: an unsigned form posted there is refused.
    expect((await postForm(`${app!.url}/slack/events`, `token=${token}`)).status).toBe(401);
    expect(await snapshot()).toEqual(before);

    const both = await Promise.all([postForm(link, `token=${token}`), postForm(link, `token=${token}`)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 410]);
    const after = await snapshot();
    expect(after.completions).toHaveLength(1);
    expect(after.outbox.filter((k) => k.startsWith('training.declared:'))).toHaveLength(1);
  });
});
