/**
 * Permission keys are data, declared per module in `<area>.permissions.ts` (GLOSSARY convention 1:
 * `<module>.<resource>.<action>`), and aggregated here with the default sets per partner identity
 * (FAQ table 7-1, org.md) so the guard, the org module and the docs read one catalogue.
 */
export type PartnerIdentity = 'reseller' | 'path' | 'basic';

const KEY_RE = /^[a-z]+\.[a-z0-9_]+\.[a-z0-9_]+$/;
const registry = new Map<string, { module: string; description: string }>();

export function definePermissions<const T extends Record<string, string>>(
  module: string,
  keys: T,
  descriptions: Partial<Record<T[keyof T], string>> = {},
): T {
  for (const key of Object.values(keys)) {
    if (!KEY_RE.test(key)) throw new Error(`bad permission key ${key}`);
    if (!key.startsWith(`${module}.`)) throw new Error(`permission ${key} declared outside module ${module}`);
    registry.set(key, { module, description: descriptions[key as T[keyof T]] ?? key });
  }
  return keys;
}

export function allPermissionKeys(): string[] {
  return [...registry.keys()].sort();
}

export function isPermissionKey(key: string): boolean {
  return registry.has(key);
}
