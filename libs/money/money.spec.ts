import { describe, expect, it } from '@jest/globals';
import { Decimal, Money, RoundingPolicy, formatMoney, isMoneyString, round, toDecimal } from './money.js';
import { decimalTransformer } from './money-column.js';

describe('money', () => {
  it('truncates to cents as FAQ 12.1.9.14 (0.04599822 → 0.04)', () => {
    expect(round('0.04599822', RoundingPolicy.TruncateCents).toFixed(2)).toBe('0.04');
  });

  it('rounds half-up to 2 and 8 decimals', () => {
    expect(round('2.345', RoundingPolicy.HalfUpCents).toFixed(2)).toBe('2.35');
    expect(round('2.344', RoundingPolicy.HalfUpCents).toFixed(2)).toBe('2.34');
    expect(round('0.123456785', RoundingPolicy.HalfUp8).toFixed(8)).toBe('0.12345679');
  });

  it('keeps 12345678901.12345678 exact (the value SQLite NUMERIC would turn into a REAL)', () => {
    const d = toDecimal('12345678901.12345678');
    expect(d.plus('0.00000001').toFixed(8)).toBe('12345678901.12345679');
  });

  it('never accepts a JS number or exponent notation', () => {
    expect(() => toDecimal(0.1 as unknown as string)).toThrow(RangeError);
    expect(() => toDecimal('1e5')).toThrow(RangeError);
    expect(() => toDecimal('1,000.00')).toThrow(RangeError);
  });

  it('formats small amounts plainly, not as 1e-8', () => {
    expect(formatMoney('0.00000001', 8)).toBe('0.00000001');
    expect(new Decimal('0.00000001').toString()).toBe('0.00000001');
  });

  it('validates money strings per the API money format', () => {
    expect(isMoneyString('300.00')).toBe(true);
    expect(isMoneyString('300')).toBe(true);
    expect(isMoneyString('300.001')).toBe(false);
    expect(isMoneyString('-1')).toBe(false);
    expect(isMoneyString(300)).toBe(false);
  });

  it('adds amounts of one currency and refuses mixing currencies', () => {
    const a = Money.of('0.10', 'CNY').plus(Money.of('0.20', 'CNY'));
    expect(a.toJSON()).toEqual({ amount: '0.30', currency: 'CNY' });
    expect(() => a.plus(Money.of('1', 'USD'))).toThrow(RangeError);
    expect(Money.of('1', 'CNY').minus(Money.of('2', 'CNY')).isNegative()).toBe(true);
  });

  it('column transformer writes fixed-scale strings and reads Decimals', () => {
    const t = decimalTransformer(8);
    expect(t.to(new Decimal('1.5'))).toBe('1.50000000');
    const back = t.from('12345678901.12345678') as Decimal;
    expect(back).toBeInstanceOf(Decimal);
    expect(back.toFixed(8)).toBe('12345678901.12345678');
    expect(() => t.to(1.5 as unknown as Decimal)).toThrow(TypeError);
  });
});
