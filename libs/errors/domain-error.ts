/**
 * Domain code throws a DomainError carrying a stable UPPER_SNAKE code (GLOSSARY convention 2). Each module
 * declares its codes with their HTTP status in `<area>.errors.ts` (`defineErrors`), which registers them in
 * the one catalogue below; the global filter maps code → status from it. Services never throw HttpException.
 */
export type HttpStatusCode = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 503;

export interface ErrorSpec {
  status: HttpStatusCode;
  message: string;
}

const catalogue = new Map<string, ErrorSpec>();

export class DomainError extends Error {
  /** extra response headers, e.g. `Retry-After` on 429 */
  headers?: Record<string, string>;

  constructor(
    readonly code: string,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? catalogue.get(code)?.message ?? code);
    this.name = 'DomainError';
  }

  get status(): HttpStatusCode {
    return statusOf(this.code);
  }
}

export function statusOf(code: string): HttpStatusCode {
  const spec = catalogue.get(code);
  if (!spec) throw new Error(`error code ${code} is not in the catalogue`);
  return spec.status;
}

export function isKnownErrorCode(code: string): boolean {
  return catalogue.has(code);
}

export function errorCatalogue(): ReadonlyMap<string, ErrorSpec> {
  return catalogue;
}

/**
 * Declares a module's error codes. Returns a typed `fail(code, message?, details?)` factory whose code
 * parameter only admits the declared codes. A code may be declared by two modules only with the same status
 * ("one code, one HTTP status, everywhere").
 */
export function defineErrors<const T extends Record<string, ErrorSpec>>(
  specs: T,
): {
  codes: { [K in keyof T]: K };
  fail: (code: keyof T & string, message?: string, details?: Record<string, unknown>) => DomainError;
} {
  for (const [code, spec] of Object.entries(specs)) {
    if (!/^[A-Z][A-Z0-9_]*(\.[0-9]{4})?$/.test(code)) throw new Error(`bad error code ${code}`);
    const existing = catalogue.get(code);
    if (existing && existing.status !== spec.status) {
      throw new Error(`error code ${code} declared with two statuses (${existing.status}, ${spec.status})`);
    }
    catalogue.set(code, spec);
  }
  const codes = Object.fromEntries(Object.keys(specs).map((k) => [k, k])) as { [K in keyof T]: K };
  return {
    codes,
    fail: (code, message, details) => new DomainError(code, message ?? specs[code].message, details),
  };
}
