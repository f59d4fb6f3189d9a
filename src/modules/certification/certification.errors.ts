import { defineErrors } from '../../../libs/errors/index.js';

/**
 * Error codes of the certification module shared by its areas (GLOSSARY convention 2); one code, one HTTP
 * status. Area-specific codes live in `paths/paths.errors.ts`, `programs/programs.errors.ts`,
 * `labels/labels.errors.ts`. The exclusivity codes below are answered both by path joining (PATH-001) and by
 * program applications (PROG-002).
 */
export const CertificationErrors = defineErrors({
  CERT_FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
  PROG_PATH_EXCLUSIVE: {
    status: 409,
    message: 'Reseller accounts cannot join a development path; use another account of your company.',
  },
  PROG_PROGRAM_EXCLUSIVE: { status: 409, message: 'This account already belongs to a conflicting program.' },
  PROG_ACCOUNT_ABANDONED: { status: 409, message: 'This account was abandoned and cannot join anything.' },
});
