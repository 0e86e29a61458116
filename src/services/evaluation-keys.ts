/**
 * The outbox keys of a semester's announcements: each message's dedupe key (queued once per semester,
 * whatever the reruns) and the hold the partner and manager messages wait on with EVALUATION_APPROVAL.
 */
export const evaluationKeys = {
  summary: (semester: string) => `evaluation:${semester}:summary`,
  preview: (semester: string) => `evaluation:${semester}:preview`,
  partner: (semester: string, partnerId: string, suffix = '') =>
    `evaluation:${semester}:partner:${partnerId}${suffix}`,
  manager: (semester: string, partnerId: string, suffix = '') =>
    `evaluation:${semester}:manager:${partnerId}${suffix}`,
};

export function approvalHold(semester: string): string {
  return `evaluation-approval:${semester}`;
}
