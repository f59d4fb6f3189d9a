/**
 * The bank's micro-deposit check (随机金额打款, FAQ 6.2.6/6.2.7; info.md INFO-028, BankVerificationPort).
 * `sendMicroDeposit` asks the bank for a random-amount transfer and answers a reference; `getResult` is polled
 * (J-INFO-2) until the bank answers.
 *
 * In-process fake, configurable per account number through `PUT /api/v1/admin/test/fakes/bank-verification`:
 * `{ "accounts": { "<account no>": { "result": "succeeded" | "failed" | "needs_manual" | "pending",
 *    "reason": "bank_transfer_failed" | "account_name_mismatch", "amount": "0.37" } }, "default": { … } }`
 * (or `{ "account_no": "…", "result": "…" }` for one account). `pending` never answers. The default is
 * `succeeded` with an amount of 0.01 after 0 s (answered at the first poll).
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ConfigurableFake } from '../../../../libs/testing/index.js';
import { Decimal, isMoneyString } from '../../../../libs/money/index.js';

export interface BankData {
  uscc: string;
  companyName: string;
  bankName: string;
  bankAccountNo: string;
  bankAccountName: string;
  branchName: string;
  branchCode: string;
  currency: string;
}

export type MicroDepositResult =
  | { status: 'succeeded'; amount: Decimal }
  | { status: 'failed'; reason: 'bank_transfer_failed' | 'account_name_mismatch' }
  | { status: 'needs_manual' }
  | { status: 'pending' };

export interface BankVerificationPort {
  sendMicroDeposit(bankData: BankData): Promise<{ ref: string }>;
  getResult(ref: string): Promise<MicroDepositResult>;
}

export const BANK_VERIFICATION_PORT = Symbol('BANK_VERIFICATION_PORT');

interface FakeRule {
  result: 'succeeded' | 'failed' | 'needs_manual' | 'pending';
  reason: 'bank_transfer_failed' | 'account_name_mismatch';
  amount: string;
}

const RESULTS = ['succeeded', 'failed', 'needs_manual', 'pending'] as const;
const REASONS = ['bank_transfer_failed', 'account_name_mismatch'] as const;
const DEFAULT_RULE: FakeRule = { result: 'succeeded', reason: 'bank_transfer_failed', amount: '0.01' };

function parseRule(raw: unknown): FakeRule {
  if (typeof raw === 'string') raw = { result: raw };
  if (!raw || typeof raw !== 'object') throw new TypeError('a rule is an object with `result`');
  const r = raw as Record<string, unknown>;
  if (!RESULTS.includes(r.result as FakeRule['result']))
    throw new TypeError(`unknown result ${String(r.result)}`);
  if (r.reason !== undefined && !REASONS.includes(r.reason as FakeRule['reason']))
    throw new TypeError(`unknown reason ${String(r.reason)}`);
  if (r.amount !== undefined && !isMoneyString(r.amount))
    throw new TypeError('amount must be a decimal string');
  return {
    result: r.result as FakeRule['result'],
    reason: (r.reason as FakeRule['reason'] | undefined) ?? 'bank_transfer_failed',
    amount: (r.amount as string | undefined) ?? '0.01',
  };
}

@Injectable()
export class FakeBankVerification implements BankVerificationPort, ConfigurableFake {
  readonly portName = 'BankVerificationPort';
  private readonly rules = new Map<string, FakeRule>();
  private fallback: FakeRule = DEFAULT_RULE;
  /** ref → account number (the rule is read when polled, so a test may change it after submission) */
  private readonly transfers = new Map<string, string>();
  private seq = 0;

  async sendMicroDeposit(bankData: BankData): Promise<{ ref: string }> {
    this.seq++;
    const ref = `MD${randomUUID().replace(/-/g, '').slice(0, 12)}${this.seq.toString(36)}`.toUpperCase();
    this.transfers.set(ref, bankData.bankAccountNo);
    return { ref };
  }

  async getResult(ref: string): Promise<MicroDepositResult> {
    const accountNo = this.transfers.get(ref);
    // an unknown reference (e.g. after a restart of the in-process fake) never answers
    if (accountNo === undefined) return { status: 'pending' };
    const rule = this.rules.get(accountNo) ?? this.fallback;
    switch (rule.result) {
      case 'succeeded':
        return { status: 'succeeded', amount: new Decimal(rule.amount) };
      case 'failed':
        return { status: 'failed', reason: rule.reason };
      case 'needs_manual':
        return { status: 'needs_manual' };
      case 'pending':
        return { status: 'pending' };
    }
  }

  configure(body: Record<string, unknown>): void {
    const next = new Map<string, FakeRule>();
    if (body.accounts !== undefined) {
      if (!body.accounts || typeof body.accounts !== 'object')
        throw new TypeError('accounts must be an object');
      for (const [no, raw] of Object.entries(body.accounts as Record<string, unknown>))
        next.set(no, parseRule(raw));
    }
    if (typeof body.account_no === 'string') next.set(body.account_no, parseRule(body));
    const fallback = body.default !== undefined ? parseRule(body.default) : undefined;
    for (const [k, v] of next) this.rules.set(k, v);
    if (fallback) this.fallback = fallback;
  }

  reset(): void {
    this.rules.clear();
    this.fallback = DEFAULT_RULE;
  }

  describe(): Record<string, unknown> {
    return { default: this.fallback, accounts: Object.fromEntries(this.rules) };
  }
}
