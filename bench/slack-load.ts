import { Agent, request } from 'node:http';
import { prepareSlackRequest, slashCommand } from '../test/support/slack-requests.js';

export const BENCH_BOT_TOKEN = 'xoxb-1111-2222-benchbottokenvalue';
export const BENCH_SIGNING_SECRET = '8f14e45fceea167a5a36dedd4bea2543';
export const BARE_REPLY = 'bare bolt ack';

/** Per request; a request still unanswered then counts as an error. */
const REQUEST_TIMEOUT_MS = 10_000;

export interface LoadResult {
  requests: number;
  /** Latencies of the answered requests, in ms, sorted. */
  latenciesMs: number[];
  /** Transport failures, timeouts and non-200 answers. */
  errors: number;
  /** 200 answers whose body did not pass the check. */
  wrongAnswers: number;
  /** The first few problems, for the report. */
  samples: string[];
  wallMs: number;
}

export interface LoadOptions {
  /** http://127.0.0.1:<port>/slack/events */
  url: string;
  requests: number;
  concurrency: number;
  /** The slash command text of request `i`. */
  text: (i: number) => string;
  userId: string;
  responseUrl: string;
  /** Whether the (200) answer to request `i` is right. */
  check: (i: number, body: string) => boolean;
}

function post(agent: Agent, url: URL, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends `requests` signed slash commands, `concurrency` at a time over keep-alive connections, and times
 * each from the first byte sent to the last byte received. Every request is signed as Slack signs it, now,
 * over a body of its own (a fresh trigger_id), so the replay check lets each one through once.
 */
export async function runSlashCommandLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const samples: string[] = [];
  let errors = 0;
  let wrongAnswers = 0;
  let next = 0;
  const note = (what: string) => {
    if (samples.length < 5) samples.push(what.slice(0, 300));
  };
  const worker = async () => {
    for (let i = next++; i < options.requests; i = next++) {
      const prepared = prepareSlackRequest(
        slashCommand({ text: options.text(i), userId: options.userId, responseUrl: options.responseUrl }),
        { signingSecret: BENCH_SIGNING_SECRET },
      );
      const started = performance.now();
      try {
        const answer = await post(agent, url, prepared.body, prepared.headers);
        const ms = performance.now() - started;
        if (answer.status !== 200) {
          errors += 1;
          note(`HTTP ${answer.status}: ${answer.body}`);
          continue;
        }
        latencies.push(ms);
        if (!options.check(i, answer.body)) {
          wrongAnswers += 1;
          note(`unexpected answer to "${options.text(i)}": ${answer.body}`);
        }
      } catch (error) {
        errors += 1;
        note(String(error));
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const wallMs = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: options.requests, latenciesMs: latencies, errors, wrongAnswers, samples, wallMs };
}
