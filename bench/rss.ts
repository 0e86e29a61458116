import { readFileSync } from 'node:fs';

/** Peak resident set size of this process: sampled RSS, and the kernel's high-water marks. */
export interface RssPeak {
  /** Highest process.memoryUsage.rss() seen while sampling, in bytes. */
  sampledPeakBytes: number;
  /**
   * process.resourceUsage().maxRSS, in bytes. On Linux a child started with fork() counts its parent's
   * RSS at the fork in it (the copy made before exec): an upper bound only, when the parent is larger.
   */
  maxRssBytes: number;
  /** VmHWM from /proc/self/status: this program's own high-water mark since exec (Linux), in bytes. */
  hwmBytes: number | undefined;
}

/** A number field of /proc/self/status (Linux), undefined elsewhere. */
function statusField(name: string): number | undefined {
  try {
    const match = new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The kernel's high-water mark of this process's RSS since exec (VmHWM), when /proc says it. */
export function vmHwmBytes(): number | undefined {
  const kilobytes = statusField('VmHWM');
  return kilobytes === undefined ? undefined : kilobytes * 1024;
}

/**
 * How often the kernel has taken the CPU from this process's main thread (nonvoluntary_ctxt_switches):
 * on a machine whose cores the database and the load generator share, mostly when a process it woke
 * (a PostgreSQL backend it wrote a query to) runs in its place.
 */
export function involuntarySwitches(): number | undefined {
  return statusField('nonvoluntary_ctxt_switches');
}

/** Samples RSS every `everyMs` until stop(); the timer does not keep the process alive. */
export function startRssSampler(everyMs = 20): { stop(): RssPeak } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return {
        sampledPeakBytes: peak,
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        hwmBytes: vmHwmBytes(),
      };
    },
  };
}

export const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
