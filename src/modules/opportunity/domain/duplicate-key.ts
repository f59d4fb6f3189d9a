/**
 * Duplicate protection as pure functions (opportunity.md OPP-030, OPP-031, OPP-035; "Formulas": duplicate winner).
 * The key is the normalised customer full name plus the demand scope (offering ids). No fuzzy matching beyond
 * the normalisation below (OPP-035): "Acme Ltd" and "Acme Limited" are different customers.
 */

/**
 * OPP-030 normalisation: NFKC (full-width → half-width, so `（` → `(`), Chinese/ASCII brackets unified, every
 * whitespace removed, case-folded.
 */
export function normalizeCustomerName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[（【［〔{<《]/g, '(')
    .replace(/[）】］〕}>》]/g, ')')
    .replace(/\[/g, '(')
    .replace(/]/g, ')')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .toLowerCase();
}

/** OPP-030 decision (Open point 2): scopes overlap when either is empty or they share an offering. */
export function scopesOverlap(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return true;
  const set = new Set(a);
  return b.some((x) => set.has(x));
}

export interface Anchored {
  id: string;
  anchor: Date;
}

/**
 * OPP-031: true when `other` wins against `self` (earlier anchor; equal anchors — same millisecond — the
 * lower id wins, decision: ids are compared as strings, never by insertion order).
 */
export function anchoredEarlier(other: Anchored, self: Anchored): boolean {
  const d = other.anchor.getTime() - self.anchor.getTime();
  if (d !== 0) return d < 0;
  return other.id < self.id;
}
