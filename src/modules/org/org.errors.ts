import { defineErrors } from '../../../libs/errors/index.js';

/** Error codes of the org module (org.md). ORG_PERMISSION_DENIED and ORG_ADMIN_REQUIRED live in libs/errors. */
export const OrgErrors = defineErrors({
  ORG_FIELD_INVALID: { status: 400, message: 'Invalid parameter' },
  // --- personal accounts, invitations, links, certificates, specialists (ORG-018…ORG-037) ---
  ORG_PERSONAL_ACCOUNT_NOT_FOUND: {
    status: 404,
    message: 'No personal account found; check the site and use the Huawei Cloud tenant name.',
  },
  ORG_INVITEE_ENTERPRISE_ACCOUNT: {
    status: 422,
    message: 'This personal account is real-name verified as an enterprise and cannot be invited.',
  },
  ORG_INVITEE_ALREADY_LINKED: {
    status: 409,
    message: 'This personal account is already linked to a partner account.',
  },
  ORG_INVITEE_NOT_REALNAME_VERIFIED: {
    status: 422,
    message: 'This personal account has not completed real-name verification.',
  },
  ORG_INVITEE_IS_PARTNER_ACCOUNT: {
    status: 422,
    message: 'This account is a Huawei Cloud partner account and cannot be invited.',
  },
  ORG_INVITEE_PARTNER_LIMIT: {
    status: 422,
    message: 'This personal account has been associated with 3 partners within one year.',
  },
  ORG_INVITE_PENDING_EXISTS: {
    status: 409,
    message: 'An invitation to this personal account is already pending.',
  },
  ORG_INVITE_NOT_FOUND: { status: 404, message: 'Invitation not found.' },
  ORG_INVITE_EXPIRED: {
    status: 409,
    message: 'The invitation expired after 7 days; ask your partner administrator to invite you again.',
  },
  ORG_INVITE_NOT_ADDRESSEE: { status: 403, message: 'This invitation is addressed to another account.' },
  ORG_INVITE_NOT_PENDING: { status: 409, message: 'This invitation has already been decided.' },
  ORG_LINK_NOT_FOUND: { status: 404, message: 'Linked personal account not found.' },
  ORG_UNLINK_SPECIALIST_ACTIVE: {
    status: 409,
    message: 'Cancel the project specialist role before unlinking.',
  },
  ORG_CERT_SYNC_ONLY: {
    status: 422,
    message: 'Developer and professional certificates are synchronised automatically.',
  },
  ORG_CERT_NOT_OWNER: { status: 403, message: 'This certificate belongs to another personal account.' },
  ORG_CERT_NOT_FOUND: { status: 404, message: 'Certificate not found.' },
  ORG_CERT_DUPLICATE: {
    status: 409,
    message: 'This certificate number is already registered on another personal account.',
  },
  ORG_NOT_LINKED: { status: 422, message: 'This personal account is not linked to your partner account.' },
  ORG_SPECIALIST_PATH_NOT_JOINED: {
    status: 422,
    message: 'Your partner account has not joined this development path.',
  },
  ORG_SPECIALIST_MATERIALS_REQUIRED: {
    status: 422,
    message: 'Attach an employment certificate or a valid certification.',
  },
  ORG_SPECIALIST_ALREADY_ASSIGNED: {
    status: 409,
    message: 'This member is already a project specialist of another path; cancel it first.',
  },
  ORG_SPECIALIST_NOT_FOUND: { status: 404, message: 'Project specialist record not found.' },
  ORG_SPECIALIST_OCCUPIED: {
    status: 409,
    message: 'Release the CTSP project occupation before cancelling the project specialist.',
  },
  ORG_REJECT_REASON_REQUIRED: { status: 400, message: 'A reject reason is required.' },
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
  // --- org members, roles, customer managers (ORG-001…ORG-017) ---
  ORG_ROLE_PRESET_IMMUTABLE: { status: 403, message: 'Preset roles cannot be edited or deleted.' },
  ORG_ROLE_IN_USE: {
    status: 409,
    message: 'This role is still assigned to members; remove it from them first.',
  },
  ORG_ROLE_NAME_TAKEN: { status: 409, message: 'A role with this name already exists.' },
  ORG_ROLE_PERMISSION_NOT_ALLOWED: {
    status: 422,
    message: 'A custom role may only contain grantable permissions allowed for your partner identity.',
  },
  ORG_NOT_CUSTOMER_MANAGER: {
    status: 422,
    message: 'Only members holding the customer manager role can be assigned to customers.',
  },
  ORG_SUPERVISOR_INVALID: {
    status: 422,
    message: 'A member cannot supervise himself.',
  },
  ORG_CM_ASSIGNMENT_NOT_FOUND: { status: 404, message: 'This customer has no customer manager.' },
  CUSTOMER_NOT_FOUND: { status: 404, message: 'Customer not found' },
});
