import { Column, Entity, Index } from 'typeorm';
import { UuidEntity } from '../persistence/uuid-entity.js';
import { InstantColumn } from '../persistence/columns.js';

export type SubjectKind = 'partner_admin' | 'org_member' | 'reviewer' | 'personal';

/**
 * Login credentials of every principal (IAM port, in-process: api.md "External systems"). The login is the
 * partner account name for a partner admin, `<account name>/<member login>` for an org member, and the
 * e-mail for a reviewer; it is stored lower-cased.
 */
@Entity('credential')
@Index('uq_credential_login', ['subjectKind', 'login'], { unique: true })
export class Credential extends UuidEntity {
  @Column({ name: 'subject_kind', type: 'varchar', length: 16 })
  subjectKind: SubjectKind;

  @Column({ type: 'varchar', length: 254 })
  login: string;

  /** partner account id / org member id / reviewer id */
  @Column({ name: 'subject_id', type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36, nullable: true })
  partnerAccountId: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @InstantColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/** Issued API tokens; only the SHA-256 of the token is stored. */
@Entity('api_token')
@Index('uq_api_token_hash', ['tokenHash'], { unique: true })
export class ApiToken extends UuidEntity {
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'subject_kind', type: 'varchar', length: 16 })
  subjectKind: SubjectKind;

  @Column({ name: 'subject_id', type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ name: 'partner_account_id', type: 'varchar', length: 36, nullable: true })
  partnerAccountId: string | null;

  @InstantColumn({ name: 'issued_at' })
  issuedAt: Date;

  @InstantColumn({ name: 'expires_at' })
  expiresAt: Date;

  @InstantColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
