/** Every entity and subscriber of the monolith, for the data source and the migration CLI. */
import { AuditLog, AuditLogImmutability } from '../libs/audit/index.js';
import { ApiToken, Credential } from '../libs/auth/index.js';
import { IdempotencyRecord } from '../libs/idempotency/index.js';
import { Notification } from '../libs/notify/index.js';
import { JobLease, JobRun } from '../libs/scheduling/index.js';
import { NumberSequence } from '../libs/persistence/index.js';
import { AdminSession } from '../src/admin/admin-session.entity.js';
import { BUILD_ENTITIES } from '../src/modules/build/index.js';
import { CERTIFICATION_ENTITIES } from '../src/modules/certification/index.js';
import { INFO_ENTITIES } from '../src/modules/info/index.js';
import { OPPORTUNITY_ENTITIES } from '../src/modules/opportunity/index.js';
import { ORG_ENTITIES } from '../src/modules/org/index.js';
import { CalendarDay } from '../src/platform/calendar/calendar-day.entity.js';
import { Reviewer } from '../src/platform/reviewers/reviewer.entity.js';

export const ALL_ENTITIES = [
  AuditLog,
  Credential,
  ApiToken,
  IdempotencyRecord,
  Notification,
  JobRun,
  JobLease,
  NumberSequence,
  Reviewer,
  CalendarDay,
  AdminSession,
  ...INFO_ENTITIES,
  ...ORG_ENTITIES,
  ...CERTIFICATION_ENTITIES,
  ...BUILD_ENTITIES,
  ...OPPORTUNITY_ENTITIES,
];

export const ALL_SUBSCRIBERS = [AuditLogImmutability];
