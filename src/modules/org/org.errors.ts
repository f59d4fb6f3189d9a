import { defineErrors } from '../../../libs/errors/index.js';

/** Error codes of the org module (org.md). ORG_PERMISSION_DENIED and ORG_ADMIN_REQUIRED live in libs/errors. */
export const OrgErrors = defineErrors({
  ORG_FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
  ORG_MEMBER_NOT_FOUND: { status: 404, message: 'Organization member not found.' },
  ORG_MEMBER_IDENTITY_TAKEN: {
    status: 409,
    message: 'This e-mail/mobile/user name is already used by an IAM user; remove it in IAM first.',
  },
  ORG_MEMBER_ROLE_LIMIT: { status: 422, message: 'A member can have at most 3 roles.' },
  ORG_NOT_ORG_MEMBER: {
    status: 403,
    message: 'IAM users created in the console cannot use the partner center.',
  },
  ORG_ROLE_NOT_FOUND: { status: 404, message: 'Role not found.' },
});
