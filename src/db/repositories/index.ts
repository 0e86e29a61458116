import type { Db } from '../client.js';
import { createAssistantThreadsRepository } from './assistant-threads.repository.js';
import { createAuditRepository } from './audit.repository.js';
import { createBenefitUsesRepository } from './benefit-uses.repository.js';
import { createChecklistRepository } from './checklist.repository.js';
import { createContactsRepository } from './contacts.repository.js';
import { createDeclarationLinksRepository } from './declaration-links.repository.js';
import { createDmChannelsRepository } from './dm-channels.repository.js';
import { createEvaluationRepository } from './evaluation.repository.js';
import { createEvaluationApprovalsRepository } from './evaluation-approvals.repository.js';
import { createImportMergeRepository } from './import-merge.repository.js';
import { createImportStagingRepository } from './import-staging.repository.js';
import { createJobOccurrencesRepository } from './job-occurrences.repository.js';
import { createOperatorFeesRepository } from './operator-fees.repository.js';
import { createOutboxRepository } from './outbox.repository.js';
import { createOutboxBudgetRepository } from './outbox-budget.repository.js';
import { createPartnerStatusesRepository } from './partner-statuses.repository.js';
import { createPartnersRepository } from './partners.repository.js';
import { createPlanReviewsRepository } from './plan-reviews.repository.js';
import { createReminderLogRepository } from './reminder-log.repository.js';
import { createRevenueRepository } from './revenue.repository.js';
import { createSalesObjectivesRepository } from './sales-objectives.repository.js';
import { createSeenEventsRepository, createSeenSignaturesRepository } from './seen-requests.repository.js';
import { createSlackChannelsRepository } from './slack-channels.repository.js';
import { createSnoozesRepository } from './snoozes.repository.js';
import { createStaffRepository } from './staff.repository.js';
import { createTierHistoryRepository } from './tier-history.repository.js';
import { createTrainingsRepository } from './trainings.repository.js';
import { createUserLocalesRepository } from './user-locales.repository.js';
import { createZenListingsRepository } from './zen-listings.repository.js';

/**
 * Every repository on one database handle, or on a transaction (`transaction(db, async (tx) =>
 * createRepositories(tx) ...)`) so that all they write commits or rolls back together. Building them
 * costs nothing: no query is prepared before it is first used. A new repository is one more line here.
 */
export function createRepositories(db: Db) {
  return {
    partners: createPartnersRepository(db),
    contacts: createContactsRepository(db),
    staff: createStaffRepository(db),
    revenue: createRevenueRepository(db),
    trainings: createTrainingsRepository(db),
    checklist: createChecklistRepository(db),
    tierHistory: createTierHistoryRepository(db),
    audit: createAuditRepository(db),
    evaluation: createEvaluationRepository(db),
    importStaging: createImportStagingRepository(db),
    importMerge: createImportMergeRepository(db),
    userLocales: createUserLocalesRepository(db),
    outbox: createOutboxRepository(db),
    jobOccurrences: createJobOccurrencesRepository(db),
    reminderLog: createReminderLogRepository(db),
    snoozes: createSnoozesRepository(db),
    evaluationApprovals: createEvaluationApprovalsRepository(db),
    seenSignatures: createSeenSignaturesRepository(db),
    seenEvents: createSeenEventsRepository(db),
    outboxBudget: createOutboxBudgetRepository(db),
    assistantThreads: createAssistantThreadsRepository(db),
    slackChannels: createSlackChannelsRepository(db),
    dmChannels: createDmChannelsRepository(db),
    partnerStatuses: createPartnerStatusesRepository(db),
    salesObjectives: createSalesObjectivesRepository(db),
    planReviews: createPlanReviewsRepository(db),
    benefitUses: createBenefitUsesRepository(db),
    operatorFees: createOperatorFeesRepository(db),
    zenListings: createZenListingsRepository(db),
    declarationLinks: createDeclarationLinksRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
