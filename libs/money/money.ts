/**
 * Money is exact: decimal.js values end to end, never a JS number (DEVELOPERS.md, non-negotiable 3).
 * All rounding policies live here, in one place. Business code names a policy; it never calls
 * `toDecimalPlaces` itself.
 */
import { Decimal } from 'decimal.js';

// Enough precision for DECIMAL(20,8) and intermediate products; small and large values render plainly.
Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });

export { Decimal };

export type DecimalInput = Decimal | string | bigint;

/** The rounding policies the FAQ uses. */
export enum RoundingPolicy {
  /** half-up to 2 decimals: invoice, fund and incentive totals */
  HalfUpCents = 'half_up_2',
  /** half-up to 8 decimals: internal precision where the FAQ says so */
  HalfUp8 = 'half_up_8',
  /** truncation to cents, as FAQ 12.1.9.14 (0.04599822 → 0.04) */
  TruncateCents = 'truncate_2',
}

const MONEY_PATTERN = /^-?\d{1,24}(\.\d{1,20})?$/;

/** Parses a decimal string (or Decimal); refuses numbers, exponents, separators and NaN. */
export function toDecimal(value: DecimalInput): Decimal {
  if (value instanceof Decimal) return value;
  if (typeof value === 'bigint') return new Decimal(value.toString());
  if (typeof value !== 'string' || !MONEY_PATTERN.test(value.trim())) {
    throw new RangeError(`not a decimal money string: ${String(value)}`);
  }
  return new Decimal(value.trim());
}

export function isMoneyString(value: unknown, maxDecimals = 2): value is string {
  if (typeof value !== 'string') return false;
  const re = new RegExp(`^\\d{1,13}(\\.\\d{1,${maxDecimals}})?$`);
  return re.test(value);
}

export function round(value: DecimalInput, policy: RoundingPolicy): Decimal {
  const d = toDecimal(value);
  switch (policy) {
    case RoundingPolicy.HalfUpCents:
      return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    case RoundingPolicy.HalfUp8:
      return d.toDecimalPlaces(8, Decimal.ROUND_HALF_UP);
    case RoundingPolicy.TruncateCents:
      return d.toDecimalPlaces(2, Decimal.ROUND_DOWN);
    default:
      return assertNever(policy);
  }
}

/** Formats for JSON: fixed decimals, no exponent, no separators ("300.00"). */
export function formatMoney(value: DecimalInput, decimals = 2): string {
  return toDecimal(value).toFixed(decimals);
}

/** An amount that travels with its currency. */
export class Money {
  private constructor(
    readonly amount: Decimal,
    readonly currency: string,
  ) {}

  static of(amount: DecimalInput, currency: string): Money {
    if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`not an ISO 4217 currency: ${currency}`);
    return new Money(toDecimal(amount), currency);
  }

  plus(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount.plus(other.amount), this.currency);
  }

  minus(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount.minus(other.amount), this.currency);
  }

  times(factor: DecimalInput): Money {
    return new Money(this.amount.times(toDecimal(factor)), this.currency);
  }

  round(policy: RoundingPolicy): Money {
    return new Money(round(this.amount, policy), this.currency);
  }

  isNegative(): boolean {
    return this.amount.isNegative() && !this.amount.isZero();
  }

  compare(other: Money): number {
    this.assertSameCurrency(other);
    return this.amount.comparedTo(other.amount);
  }

  toJSON(): { amount: string; currency: string } {
    return { amount: formatMoney(this.amount, 2), currency: this.currency };
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw new RangeError(`currency mismatch: ${this.currency} vs ${other.currency}`);
    }
  }
}

function assertNever(x: never): never {
  throw new Error(`unreachable: ${String(x)}`);
}
