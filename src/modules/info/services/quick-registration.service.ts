/**
 * Quick registration of a new Huawei Cloud account for the same legal entity (FAQ 5.1.14, 5.1.15; info.md
 * INFO-041…INFO-045, J-INFO-5): the partner admin asks for a code (sent by the account center to the bound
 * e-mail and mobile), verifies it, and then has 24 hours to register the new account, which gets the legal
 * entity's real-name data and can fast-onboard (INFO-006). Expired links are closed hourly by J-INFO-5 and
 * lazily when used.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type FindManyOptions, LessThan } from 'typeorm';
import { AuditService } from '../../../../libs/audit/index.js';
import type { RequestContext } from '../../../../libs/context/index.js';
import { dbKind, findOneForUpdate, TransactionRunner } from '../../../../libs/persistence/index.js';
import { StateMachine } from '../../../../libs/state-machine/index.js';
import {
  continueWith,
  expiresAtFor,
  isLinkExpired,
  type QuickRegistrationNextStep,
} from '../domain/quick-registration.js';
import { QUICK_REGISTRATION_MACHINE } from '../domain/state-machines.js';
import type {
  ListQuickRegistrationsQuery,
  RegisterQuickAccountDto,
  StartQuickRegistrationDto,
} from '../dto/quick-registration.dto.js';
import { LegalEntity } from '../entities/legal-entity.entity.js';
import { PartnerAccount, type PartnerAccountStatus } from '../entities/partner-account.entity.js';
import {
  QuickRegistration,
  type QuickRegistrationPurpose,
  type QuickRegistrationStatus,
} from '../entities/quick-registration.entity.js';
import { InfoErrors } from '../info.errors.js';
import { IDENTITY_PORT, type IdentityPort } from '../ports/identity.port.js';
import { PartnerAccountService } from './partner-account.service.js';

/** J-INFO-5 closes at most this many links per transaction, then continues with the next batch. */
const EXPIRY_BATCH = 200;

export interface QuickRegistrationView {
  id: string;
  source_account_id: string;
  purpose: QuickRegistrationPurpose;
  status: QuickRegistrationStatus;
  code_sent_at: string;
  verified_at: string | null;
  expires_at: string | null;
  new_account_id: string | null;
  continue_with: QuickRegistrationNextStep;
}

export interface QuickRegistrationResult extends QuickRegistrationView {
  new_account: {
    partner_account_id: string;
    huawei_account_id: string;
    account_name: string;
    site: string;
    status: PartnerAccountStatus;
  };
  /** INFO-045: the new account logs in and onboards (fast onboarding into the same legal entity) */
  next_step: 'onboard';
}

@Injectable()
export class QuickRegistrationService {
  private readonly machine: StateMachine<QuickRegistrationStatus, QuickRegistration>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly partnerAccounts: PartnerAccountService,
    audit: AuditService,
    @Inject(IDENTITY_PORT) private readonly identity: IdentityPort,
  ) {
    this.machine = new StateMachine(QUICK_REGISTRATION_MACHINE, audit);
  }

  /**
   * INFO-041/INFO-042: only the partner admin of the current (onboarded) account starts it — the guard refuses
   * org members with ORG_ADMIN_REQUIRED; the account center sends the code to the account's bound e-mail and
   * mobile. Decision: the partner center does not re-check which blocked action offered the flow (the
   * program/level rules live in certification-paths.md); `purpose` defaults to `join_solution_provider`.
   */
  async start(ctx: RequestContext, dto: StartQuickRegistrationDto): Promise<QuickRegistrationView> {
    return this.tx.run(ctx, async (t) => {
      const account = await this.sourceAccount(t);
      const qr = t.em!.create(QuickRegistration, {
        sourceAccountId: account.id,
        purpose: dto.purpose ?? 'join_solution_provider',
        status: 'code_sent',
        codeSentAt: t.now(),
        verifiedAt: null,
        expiresAt: null,
        newAccountId: null,
      });
      await this.machine.create(t, qr, { action: 'quick_registration.code_sent' });
      // last: a failing account center rolls the row back
      await this.identity.sendVerificationCode(account.huaweiAccountId);
      return this.view(qr);
    });
  }

  async get(ctx: RequestContext, id: string): Promise<QuickRegistrationView> {
    const qr = await this.dataSource.getRepository(QuickRegistration).findOne({ where: { id } });
    if (!qr || qr.sourceAccountId !== ctx.partnerAccountId) throw InfoErrors.fail('INFO_QUICK_REG_NOT_FOUND');
    return this.view(qr);
  }

  /** INFO-042: the code sent to the bound e-mail or mobile; a wrong (or, per the account center, expired) code → 422. */
  async verify(ctx: RequestContext, id: string, code: string): Promise<QuickRegistrationView> {
    return this.tx.run(ctx, async (t) => {
      const qr = await this.ownForUpdate(t, id);
      if (qr.status !== 'code_sent') {
        throw InfoErrors.fail('INFO_QUICK_REG_STATE_INVALID', undefined, { status: qr.status });
      }
      const account = await this.sourceAccount(t);
      if (!(await this.identity.checkVerificationCode(account.huaweiAccountId, code))) {
        throw InfoErrors.fail('INFO_QUICK_REG_CODE_INVALID');
      }
      const verifiedAt = t.now();
      await this.machine.transition(t, qr, 'verified', {
        action: 'quick_registration.verified',
        mutate: (q) => {
          q.verifiedAt = verifiedAt;
          q.expiresAt = expiresAtFor(verifiedAt);
        },
      });
      return this.view(qr);
    });
  }

  /**
   * Registers the new Huawei Cloud account (5.1.14 step 6) with the legal entity's real-name data, so that
   * its onboarding is a fast onboarding into the same entity (INFO-045). Refused after `expires_at`, checked
   * against the clock now, before J-INFO-5 has run (INFO-043: the link is then closed as `expired`), and for a
   * mobile number that is already registered (INFO-044).
   */
  async register(
    ctx: RequestContext,
    id: string,
    dto: RegisterQuickAccountDto,
  ): Promise<QuickRegistrationResult> {
    const outcome = await this.tx.run(ctx, async (t) => {
      const qr = await this.ownForUpdate(t, id);
      if (qr.status === 'verified' && isLinkExpired(qr, t.now())) {
        // lazily on use (J-INFO-5 "checked on use"): the expiry is committed, then the call is refused
        await this.machine.transition(t, qr, 'expired', { action: 'quick_registration.expired_on_use' });
        return { expired: true as const };
      }
      if (qr.status === 'expired') return { expired: true as const };
      if (qr.status !== 'verified') {
        throw InfoErrors.fail('INFO_QUICK_REG_STATE_INVALID', undefined, { status: qr.status });
      }
      if (await this.identity.isMobileRegistered(dto.mobile)) {
        throw InfoErrors.fail('INFO_PHONE_ALREADY_REGISTERED', undefined, { field: 'mobile' });
      }
      const em = t.em!;
      if (await em.findOne(PartnerAccount, { where: { accountName: dto.account_name } })) {
        throw InfoErrors.fail('INFO_ACCOUNT_NAME_TAKEN', undefined, { field: 'account_name' });
      }
      const source = await this.sourceAccount(t);
      const entity = source.legalEntityId
        ? await em.findOne(LegalEntity, { where: { id: source.legalEntityId } })
        : null;
      if (!entity) throw InfoErrors.fail('INFO_NOT_ONBOARDED');
      const created = await this.partnerAccounts.registerCloudAccount(t, {
        accountName: dto.account_name,
        password: dto.password,
        site: source.site,
        realnameType: 'enterprise',
        companyName: entity.companyName,
        uscc: entity.uscc,
        orgCode: entity.orgCode,
        mobile: dto.mobile,
        email: dto.email ?? null,
        language: source.language,
      });
      await this.machine.transition(t, qr, 'consumed', {
        action: 'quick_registration.consumed',
        mutate: (q) => {
          q.newAccountId = created.id;
        },
        eventPayload: { new_account_id: created.id, legal_entity_id: entity.id },
      });
      return {
        expired: false as const,
        result: {
          ...this.view(qr),
          new_account: {
            partner_account_id: created.id,
            huawei_account_id: created.huaweiAccountId,
            account_name: created.accountName,
            site: created.site,
            status: created.status,
          },
          next_step: 'onboard' as const,
        },
      };
    });
    if (outcome.expired) throw InfoErrors.fail('INFO_QUICK_REG_LINK_EXPIRED');
    return outcome.result;
  }

  /**
   * J-INFO-5 (hourly): every `verified` link with `expires_at < now` becomes `expired`. Idempotent: a second
   * run finds nothing to do. Runs through the exclusive runner with the injected clock (`ctx.now()`).
   */
  async expireDue(ctx: RequestContext): Promise<{ expired: number; as_of: string }> {
    let expired = 0;
    for (;;) {
      const n = await this.tx.run(ctx, async (t) => {
        const due = await t.em!.find(QuickRegistration, {
          where: { status: 'verified', expiresAt: LessThan(t.now()) },
          order: { expiresAt: 'ASC', id: 'ASC' },
          take: EXPIRY_BATCH,
          ...forUpdate(),
        });
        for (const qr of due) {
          await this.machine.transition(t, qr, 'expired', { action: 'quick_registration.expired' });
        }
        return due.length;
      });
      expired += n;
      if (n < EXPIRY_BATCH) break;
    }
    return { expired, as_of: ctx.now().toISOString() };
  }

  /** Operations' read-only list (newest first), e.g. to answer a partner's ticket. */
  async list(
    q: ListQuickRegistrationsQuery,
  ): Promise<{ total_count: number; items: QuickRegistrationView[] }> {
    const [rows, total] = await this.dataSource.getRepository(QuickRegistration).findAndCount({
      where: {
        ...(q.status ? { status: q.status } : {}),
        ...(q.source_account_id ? { sourceAccountId: q.source_account_id } : {}),
      },
      order: { codeSentAt: 'DESC', id: 'DESC' },
      skip: q.offset ?? 0,
      take: q.limit ?? 10,
    });
    return { total_count: total, items: rows.map((r) => this.view(r)) };
  }

  /** The quick registration that created `accountId`, if any (INFO-045 "continue with the purpose"). */
  async createdAccount(t: RequestContext, accountId: string): Promise<QuickRegistration | null> {
    const repo = t.em
      ? t.em.getRepository(QuickRegistration)
      : this.dataSource.getRepository(QuickRegistration);
    return repo.findOne({ where: { newAccountId: accountId } });
  }

  // ---------------------------------------------------------------------------------------------------------

  private async sourceAccount(t: RequestContext): Promise<PartnerAccount> {
    const account = await t.em!.findOne(PartnerAccount, { where: { id: t.partnerAccountId } });
    if (!account) throw InfoErrors.fail('INFO_ACCOUNT_NOT_FOUND');
    return account;
  }

  /** Row lock on MySQL/MariaDB; another account's registration answers 404 (not visible to the caller). */
  private async ownForUpdate(t: RequestContext, id: string): Promise<QuickRegistration> {
    const qr = await findOneForUpdate(t.em!, QuickRegistration, { id });
    if (!qr || qr.sourceAccountId !== t.partnerAccountId) throw InfoErrors.fail('INFO_QUICK_REG_NOT_FOUND');
    return qr;
  }

  private view(q: QuickRegistration): QuickRegistrationView {
    return {
      id: q.id,
      source_account_id: q.sourceAccountId,
      purpose: q.purpose,
      status: q.status,
      code_sent_at: q.codeSentAt.toISOString(),
      verified_at: q.verifiedAt?.toISOString() ?? null,
      expires_at: q.expiresAt?.toISOString() ?? null,
      new_account_id: q.newAccountId,
      continue_with: continueWith(q.purpose),
    };
  }
}

/** `SELECT … FOR UPDATE` on MySQL/MariaDB only (it throws on SQLite, which serialises writers). */
function forUpdate(): Pick<FindManyOptions<QuickRegistration>, 'lock'> {
  return dbKind() === 'mysql' ? { lock: { mode: 'pessimistic_write' } } : {};
}
