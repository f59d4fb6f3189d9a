/**
 * API-036 through HTTP (acceptance scenario 35's pattern) on a probe money endpoint mounted into the app: the
 * `@Idempotent` interceptor requires `Idempotency-Key`, runs the handler inside the key's transaction (the
 * handler's services join it), replays the first response for the same key and payload, answers 409 for a
 * different payload, and moves money once for N parallel requests. The "movement" is an audit row.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Body, Controller, Injectable, Module, Post } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog, AuditService } from '../../../libs/audit/index.js';
import { AnyPartner, Ctx } from '../../../libs/auth/index.js';
import type { RequestContext } from '../../../libs/context/index.js';
import { DomainError } from '../../../libs/errors/index.js';
import { Idempotent } from '../../../libs/idempotency/index.js';
import { TransactionRunner } from '../../../libs/persistence/index.js';
import { createTestApp, type TestApp } from '../../setup/test-app.js';
import { type PartnerActor, newMember, newPartner } from '../../builders/actors.js';

class ProbeWithdrawalDto {
  @IsString()
  @Matches(/^\d{1,13}(\.\d{1,2})?$/)
  amount: string;
}

@Injectable()
class ProbeWithdrawals {
  executions = 0;
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  withdraw(ctx: RequestContext, amount: string) {
    const joined = ctx.inTransaction;
    return this.tx.run(ctx, async (t) => {
      this.executions++;
      const id = randomUUID();
      await this.audit.record(t, {
        action: 'probe.withdrawn',
        entityType: 'probe_withdrawal',
        entityId: id,
        after: { amount },
      });
      // a business refusal after the movement: everything, the key included, rolls back
      if (amount === '999.00') throw new DomainError('FIELD_INVALID', 'Invalid parameter: amount too large');
      return { id, amount, currency: 'CNY', joined_key_transaction: joined };
    });
  }
}

@Controller('api/v1/probe/withdrawals')
class ProbeWithdrawalsController {
  constructor(private readonly probe: ProbeWithdrawals) {}

  @Post()
  @AnyPartner()
  @Idempotent('probe.withdrawal')
  create(@Ctx() ctx: RequestContext, @Body() dto: ProbeWithdrawalDto) {
    return this.probe.withdraw(ctx, dto.amount);
  }
}

@Module({ controllers: [ProbeWithdrawalsController], providers: [ProbeWithdrawals] })
class ProbeModule {}

describe('API-036 Idempotency-Key through HTTP', () => {
  let t: TestApp;
  let p1: PartnerActor;

  const post = (token: string, key: string | null, amount: string) => {
    const req = t.http.post('/api/v1/probe/withdrawals').set('X-Auth-Token', token);
    return (key === null ? req : req.set('Idempotency-Key', key)).send({ amount });
  };
  const movements = async () =>
    (
      await t.app
        .get(DataSource)
        .getRepository(AuditLog)
        .find({ where: { action: 'probe.withdrawn' } })
    ).length;

  beforeAll(async () => {
    t = await createTestApp({}, { modules: [{ module: ProbeModule }] });
    p1 = await newPartner(t);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    // throttling windows (API-013) are not what this file is about
    await t.http.post('/api/v1/admin/test/reset').send({});
  });

  it('without Idempotency-Key → 400 IDEMPOTENCY_KEY_REQUIRED, nothing moves', async () => {
    const res = await post(p1.token, null, '10.00');
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(await movements()).toBe(0);
  });

  it('a malformed key → 400 IDEMPOTENCY_KEY_REQUIRED', async () => {
    const res = await post(p1.token, 'bad key!', '10.00');
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('key w-1 twice with 10.00 → both 201 with the same id, one movement; w-1 with 20.00 → 409 IDEMPOTENCY_KEY_REUSED', async () => {
    const before = await movements();
    const first = await post(p1.token, 'w-1', '10.00');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ amount: '10.00', currency: 'CNY', joined_key_transaction: true });
    const second = await post(p1.token, 'w-1', '10.00');
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await movements()).toBe(before + 1);
    const reused = await post(p1.token, 'w-1', '20.00');
    expect(reused.status).toBe(409);
    expect(reused.body.error_code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await movements()).toBe(before + 1);
  });

  it('N = 3 parallel identical requests with one key → three identical 201, money moved once', async () => {
    const before = await movements();
    const results = await Promise.all(Array.from({ length: 3 }, () => post(p1.token, 'w-par', '10.00')));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await movements()).toBe(before + 1);
  });

  it('keys belong to the partner account: its org member replays, another partner executes', async () => {
    const first = await post(p1.token, 'w-shared', '10.00');
    const member = await newMember(t, p1, ['admin']);
    const byMember = await post(member.token, 'w-shared', '10.00');
    expect(byMember.status).toBe(201);
    expect(byMember.body).toEqual(first.body);
    const p2 = await newPartner(t);
    const other = await post(p2.token, 'w-shared', '10.00');
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('a refused request rolls back the movement and its key: the same key runs again', async () => {
    const probe = t.app.get(ProbeWithdrawals);
    const before = await movements();
    const runs = probe.executions;
    const refused = await post(p1.token, 'w-refused', '999.00');
    expect(refused.status).toBe(400);
    const again = await post(p1.token, 'w-refused', '999.00');
    expect(again.status).toBe(400);
    expect(probe.executions).toBe(runs + 2);
    expect(await movements()).toBe(before);
  });

  it('validation runs before the key is taken: a bad body with a fresh key, then a good one with it', async () => {
    const bad = await post(p1.token, 'w-validate', 'ten');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual({ field: 'amount' });
    const good = await post(p1.token, 'w-validate', '10.00');
    expect(good.status).toBe(201);
  });
});
