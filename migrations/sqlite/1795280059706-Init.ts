import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795280059706 implements MigrationInterface {
  name = 'Init1795280059706';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" varchar(36) PRIMARY KEY NOT NULL, "occurred_at" datetime NOT NULL, "actor_kind" varchar(16) NOT NULL, "actor_id" varchar(128) NOT NULL, "partner_account_id" varchar(36), "action" varchar(64) NOT NULL, "entity_type" varchar(64) NOT NULL, "entity_id" varchar(64) NOT NULL, "before" text, "after" text, "request_id" varchar(64) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_partner" ON "audit_log" ("partner_account_id", "occurred_at") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_audit_entity" ON "audit_log" ("entity_type", "entity_id") `);
    await queryRunner.query(
      `CREATE TABLE "credential" ("id" varchar(36) PRIMARY KEY NOT NULL, "subject_kind" varchar(16) NOT NULL, "login" varchar(254) NOT NULL, "subject_id" varchar(36) NOT NULL, "partner_account_id" varchar(36), "password_hash" varchar(255) NOT NULL, "disabled" boolean NOT NULL DEFAULT (0), "updated_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_credential_login" ON "credential" ("subject_kind", "login") `,
    );
    await queryRunner.query(
      `CREATE TABLE "api_token" ("id" varchar(36) PRIMARY KEY NOT NULL, "token_hash" varchar(64) NOT NULL, "subject_kind" varchar(16) NOT NULL, "subject_id" varchar(36) NOT NULL, "partner_account_id" varchar(36), "issued_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "revoked_at" datetime)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_token_hash" ON "api_token" ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "idempotency_record" ("id" varchar(36) PRIMARY KEY NOT NULL, "scope" varchar(64) NOT NULL, "operation" varchar(64) NOT NULL, "idem_key" varchar(64) NOT NULL, "request_hash" varchar(64) NOT NULL, "state" varchar(12) NOT NULL, "response_status" integer, "response_body" text, "created_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_idempotency_scope_op_key" ON "idempotency_record" ("scope", "operation", "idem_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" varchar(36) PRIMARY KEY NOT NULL, "channel" varchar(8) NOT NULL, "recipient" varchar(254) NOT NULL, "partner_account_id" varchar(36), "template" varchar(64) NOT NULL, "language" varchar(8) NOT NULL DEFAULT ('en-us'), "subject" varchar(200) NOT NULL, "body" text NOT NULL, "params" text, "status" varchar(12) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "created_at" datetime NOT NULL, "sent_at" datetime, "read_at" datetime, "error" text, "request_id" varchar(64))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notification_status" ON "notification" ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notification_recipient" ON "notification" ("channel", "recipient", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "job_run" ("id" varchar(36) PRIMARY KEY NOT NULL, "job_name" varchar(64) NOT NULL, "trigger" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "started_at" datetime NOT NULL, "finished_at" datetime, "instance_id" varchar(64) NOT NULL, "summary" text, "error" text)`,
    );
    await queryRunner.query(`CREATE INDEX "idx_job_run_name" ON "job_run" ("job_name", "started_at") `);
    await queryRunner.query(
      `CREATE TABLE "job_lease" ("name" varchar(64) PRIMARY KEY NOT NULL, "holder" varchar(64), "lease_until" bigint NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE TABLE "admin_session" ("sid" varchar(128) PRIMARY KEY NOT NULL, "data" text NOT NULL, "expires_at" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "idx_admin_session_expires" ON "admin_session" ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "company_info_change_request" ("id" varchar(36) PRIMARY KEY NOT NULL, "legal_entity_id" varchar(36) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "requested_by" varchar(128) NOT NULL, "changes" text NOT NULL, "license_file_id" varchar(64), "extracted_code" varchar(18), "status" varchar(16) NOT NULL, "registry_result" varchar(12), "open_entity_key" varchar(36), "reviewer_id" varchar(36), "reject_reason" varchar(500), "submitted_at" datetime NOT NULL, "decided_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_change_request_open" ON "company_info_change_request" ("open_entity_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_change_request_status" ON "company_info_change_request" ("status", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_change_request_entity" ON "company_info_change_request" ("legal_entity_id", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "partner_account" ("id" varchar(36) PRIMARY KEY NOT NULL, "huawei_account_id" varchar(64) NOT NULL, "account_name" varchar(64) NOT NULL, "account_name_change_count" smallint NOT NULL DEFAULT (0), "site" varchar(4) NOT NULL, "legal_entity_id" varchar(36), "is_primary" boolean NOT NULL DEFAULT (0), "status" varchar(16) NOT NULL, "hcpn_joined_at" datetime, "channel_expansion_account" boolean NOT NULL DEFAULT (0), "customer_expansion_account" boolean NOT NULL DEFAULT (0), "abandoned" boolean NOT NULL DEFAULT (0), "enterprise_realname_verified" boolean NOT NULL DEFAULT (0), "email_bound" boolean NOT NULL DEFAULT (0), "business_mobile" varchar(20), "business_email" varchar(254), "mobile" varchar(20), "email" varchar(254), "language" varchar(8) NOT NULL DEFAULT ('zh-cn'), "timezone" varchar(64) NOT NULL DEFAULT ('Asia/Shanghai'), "created_at" datetime NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_partner_account_entity" ON "partner_account" ("legal_entity_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_partner_account_name" ON "partner_account" ("account_name") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_partner_account_huawei_id" ON "partner_account" ("huawei_account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "account_contact" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "name" varchar(50) NOT NULL, "position" varchar(50) NOT NULL, "mobile" varchar(20) NOT NULL, "email" varchar(254) NOT NULL, "updated_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_account_contact_account" ON "account_contact" ("partner_account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "company_details" ("id" varchar(36) PRIMARY KEY NOT NULL, "legal_entity_id" varchar(36) NOT NULL, "logo_file_id" varchar(64), "public_phone" varchar(20), "public_email" varchar(254), "website" varchar(255), "introduction" varchar(2000), "ticket_no" varchar(32), "updated_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_company_details_entity" ON "company_details" ("legal_entity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "onboarding_application" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "site" varchar(4) NOT NULL, "uscc" varchar(18), "org_code" varchar(9), "tax_code" varchar(18) NOT NULL, "company_name" varchar(200) NOT NULL, "license_file_id" varchar(64), "registered_capital" varchar(20), "registered_capital_currency" varchar(3), "established_on" varchar(10), "business_term_from" varchar(10), "business_term_to" varchar(10), "legal_representative" varchar(100), "license_address" varchar(255), "postal_code" varchar(20), "business_scope" varchar(4000), "contact_name" varchar(50) NOT NULL, "contact_position" varchar(50) NOT NULL, "contact_mobile" varchar(20) NOT NULL, "contact_email" varchar(254) NOT NULL, "fast_onboarding" boolean NOT NULL DEFAULT (0), "status" varchar(16) NOT NULL, "auto_check_result" varchar(12), "legal_entity_id" varchar(36), "reviewer_id" varchar(36), "reject_reason" varchar(500), "submitted_at" datetime NOT NULL, "decided_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_onboarding_status" ON "onboarding_application" ("status", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_onboarding_account" ON "onboarding_application" ("partner_account_id", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "legal_entity" ("id" varchar(36) PRIMARY KEY NOT NULL, "site" varchar(4) NOT NULL, "uscc" varchar(18), "org_code" varchar(9), "tax_code" varchar(18) NOT NULL, "company_name" varchar(200) NOT NULL, "primary_account_id" varchar(36), "license_file_id" varchar(64), "registered_capital" varchar(20), "registered_capital_currency" varchar(3), "established_on" varchar(10), "business_term_from" varchar(10), "business_term_to" varchar(10), "legal_representative" varchar(100), "license_address" varchar(255), "postal_code" varchar(20), "business_scope" varchar(4000), "created_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_legal_entity_org_code" ON "legal_entity" ("site", "org_code") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_legal_entity_uscc" ON "legal_entity" ("site", "uscc") `);
    await queryRunner.query(
      `CREATE TABLE "quick_registration" ("id" varchar(36) PRIMARY KEY NOT NULL, "source_account_id" varchar(36) NOT NULL, "purpose" varchar(32) NOT NULL, "status" varchar(16) NOT NULL, "code_sent_at" datetime NOT NULL, "verified_at" datetime, "expires_at" datetime, "new_account_id" varchar(36))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_quick_registration_new_account" ON "quick_registration" ("new_account_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_quick_registration_expiry" ON "quick_registration" ("status", "expires_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_quick_registration_source" ON "quick_registration" ("source_account_id", "code_sent_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contracting_entity" ("code" varchar(32) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "currency" varchar(3) NOT NULL, "active" boolean NOT NULL DEFAULT (1))`,
    );
    await queryRunner.query(
      `CREATE TABLE "business_info_verification" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "contracting_entity_code" varchar(32) NOT NULL, "version" integer NOT NULL, "origin" varchar(32) NOT NULL DEFAULT ('partner'), "enterprise_code_type" varchar(8) NOT NULL, "uscc" varchar(18) NOT NULL, "company_name" varchar(200) NOT NULL, "bank_name" varchar(100) NOT NULL, "bank_account_no" varchar(40) NOT NULL, "bank_account_name" varchar(200) NOT NULL, "bank_account_type" varchar(12) NOT NULL, "branch_name" varchar(200) NOT NULL, "branch_code" varchar(20) NOT NULL, "currency" varchar(3) NOT NULL, "taxpayer_type" varchar(12) NOT NULL, "tax_rate" varchar(6) NOT NULL, "invoice_mode" varchar(20) NOT NULL, "status" varchar(24) NOT NULL, "failure_reason" varchar(64), "review_comment" varchar(500), "supplier_check" varchar(16), "micro_deposit_ref" varchar(64), "micro_deposit_amount" varchar(20), "amount_confirmation_attempts" integer NOT NULL DEFAULT (0), "reviewer_id" varchar(36), "submitted_at" datetime NOT NULL, "verified_at" datetime, "decided_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_biv_status" ON "business_info_verification" ("status", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_biv_version" ON "business_info_verification" ("partner_account_id", "contracting_entity_code", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "bank_letter" ("id" varchar(36) PRIMARY KEY NOT NULL, "verification_id" varchar(36) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "draft_file_id" varchar(36), "signed_scan_file_id" varchar(36), "status" varchar(16) NOT NULL, "reject_reason" varchar(16), "reject_comment" varchar(500), "requested_bank_data" text NOT NULL, "signed_uploaded_at" datetime, "overdue" boolean NOT NULL DEFAULT (0), "overdue_flagged_at" datetime, "reviewer_id" varchar(36), "created_at" datetime NOT NULL, "decided_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_bank_letter_status" ON "bank_letter" ("status", "signed_uploaded_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_bank_letter_verification" ON "bank_letter" ("verification_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "business_info_file" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "purpose" varchar(24) NOT NULL, "file_name" varchar(255) NOT NULL, "content_type" varchar(64) NOT NULL, "size" integer NOT NULL, "content" blob NOT NULL, "uploaded_by" varchar(128) NOT NULL, "created_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_business_info_file_owner" ON "business_info_file" ("partner_account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contracting_entity_switch" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "from_code" varchar(32) NOT NULL, "to_code" varchar(32) NOT NULL, "effective_at" datetime NOT NULL, "status" varchar(12) NOT NULL, "skip_reason" varchar(64), "verification_id" varchar(36), "requested_by" varchar(128) NOT NULL, "created_at" datetime NOT NULL, "completed_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_ce_switch_account" ON "contracting_entity_switch" ("partner_account_id", "effective_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_ce_switch_due" ON "contracting_entity_switch" ("status", "effective_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "org_customer_manager_assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "customer_id" varchar(36) NOT NULL, "org_member_id" varchar(36) NOT NULL, "assigned_by" varchar(128) NOT NULL, "assigned_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_org_cm_assignment_member" ON "org_customer_manager_assignment" ("org_member_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_org_cm_assignment_customer" ON "org_customer_manager_assignment" ("partner_account_id", "customer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "org_customer_manager_supervision" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "supervisor_member_id" varchar(36) NOT NULL, "customer_manager_member_id" varchar(36) NOT NULL, "created_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_org_cm_supervision" ON "org_customer_manager_supervision" ("supervisor_member_id", "customer_manager_member_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "org_member" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "iam_user_id" varchar(64), "login_name" varchar(32) NOT NULL, "display_name" varchar(64) NOT NULL, "email" varchar(254) NOT NULL, "mobile" varchar(20), "status" varchar(12) NOT NULL, "business_mobile" varchar(20), "business_email" varchar(254), "created_by" varchar(128) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_org_member_login" ON "org_member" ("partner_account_id", "login_name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "org_role" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36), "code" varchar(32) NOT NULL, "name" varchar(64) NOT NULL, "kind" varchar(32) NOT NULL, "permission_keys" text NOT NULL, "editable" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_org_role_code" ON "org_role" ("partner_account_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "org_member_role" ("member_id" varchar(36) NOT NULL, "role_id" varchar(36) NOT NULL, "partner_account_id" varchar(36) NOT NULL, PRIMARY KEY ("member_id", "role_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "personal_account" ("id" varchar(36) PRIMARY KEY NOT NULL, "huawei_cloud_account_id" varchar(64) NOT NULL, "tenant_name" varchar(64) NOT NULL, "huawei_account_name" varchar(64) NOT NULL, "site" varchar(4) NOT NULL, "account_type" varchar(12) NOT NULL, "realname_status" varchar(12) NOT NULL, "is_partner_account" boolean NOT NULL DEFAULT (0), "email_bound" boolean NOT NULL DEFAULT (0), "email" varchar(254), "uniportal_id" varchar(64), "last_synced_at" datetime, "created_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_personal_account_tenant" ON "personal_account" ("site", "tenant_name") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_personal_account_huawei_id" ON "personal_account" ("huawei_cloud_account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "org_link_invitation" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "personal_account_id" varchar(36) NOT NULL, "invited_by" varchar(128) NOT NULL, "token" varchar(64) NOT NULL, "status" varchar(12) NOT NULL, "created_at" datetime NOT NULL, "expires_at" datetime NOT NULL, "decided_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_link_invitation_token" ON "org_link_invitation" ("token") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_link_invitation_expiry" ON "org_link_invitation" ("status", "expires_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_link_invitation_pair" ON "org_link_invitation" ("partner_account_id", "personal_account_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "org_personal_account_link" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "legal_entity_id" varchar(36), "personal_account_id" varchar(36) NOT NULL, "active_key" varchar(36), "invitation_id" varchar(36), "status" varchar(12) NOT NULL, "linked_at" datetime NOT NULL, "unlinked_at" datetime, "unlink_reason" varchar(24))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_personal_link_person" ON "org_personal_account_link" ("personal_account_id", "linked_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_personal_link_partner" ON "org_personal_account_link" ("partner_account_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_personal_link_active" ON "org_personal_account_link" ("active_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "org_project_specialist" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "personal_account_id" varchar(36) NOT NULL, "link_id" varchar(36) NOT NULL, "path" varchar(12) NOT NULL, "status" varchar(24) NOT NULL, "employment_proof_file_id" varchar(64), "certificate_ids" text NOT NULL, "submitted_by" varchar(128) NOT NULL, "submitted_at" datetime NOT NULL, "reviewer_id" varchar(64), "decided_at" datetime, "reject_reason" varchar(500), "active_since" datetime, "occupied_project_id" varchar(36), "in_capability_building" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_specialist_person" ON "org_project_specialist" ("personal_account_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_specialist_partner" ON "org_project_specialist" ("partner_account_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "org_personal_certificate" ("id" varchar(36) PRIMARY KEY NOT NULL, "personal_account_id" varchar(36) NOT NULL, "family" varchar(8) NOT NULL, "track" varchar(100) NOT NULL, "certificate_no" varchar(64) NOT NULL, "owner_key" varchar(80), "source" varchar(16) NOT NULL, "review_status" varchar(16) NOT NULL, "issued_on" varchar(10) NOT NULL, "valid_to" varchar(10), "file_id" varchar(64), "status" varchar(16) NOT NULL, "reviewer_id" varchar(64), "reject_reason" varchar(500), "created_at" datetime NOT NULL, "synced_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_personal_certificate_person" ON "org_personal_certificate" ("personal_account_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_personal_certificate_owner" ON "org_personal_certificate" ("owner_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_day" ("date" varchar(10) PRIMARY KEY NOT NULL, "kind" varchar(12) NOT NULL, "note" varchar(200), "updated_by" varchar(128) NOT NULL, "updated_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "reviewer" ("id" varchar(36) PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "name" varchar(100) NOT NULL, "roles" text NOT NULL, "flags" text NOT NULL, "active" boolean NOT NULL DEFAULT (1), "created_at" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_reviewer_email" ON "reviewer" ("email") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_reviewer_email"`);
    await queryRunner.query(`DROP TABLE "reviewer"`);
    await queryRunner.query(`DROP TABLE "calendar_day"`);
    await queryRunner.query(`DROP INDEX "uq_personal_certificate_owner"`);
    await queryRunner.query(`DROP INDEX "idx_personal_certificate_person"`);
    await queryRunner.query(`DROP TABLE "org_personal_certificate"`);
    await queryRunner.query(`DROP INDEX "idx_specialist_partner"`);
    await queryRunner.query(`DROP INDEX "idx_specialist_person"`);
    await queryRunner.query(`DROP TABLE "org_project_specialist"`);
    await queryRunner.query(`DROP INDEX "uq_personal_link_active"`);
    await queryRunner.query(`DROP INDEX "idx_personal_link_partner"`);
    await queryRunner.query(`DROP INDEX "idx_personal_link_person"`);
    await queryRunner.query(`DROP TABLE "org_personal_account_link"`);
    await queryRunner.query(`DROP INDEX "idx_link_invitation_pair"`);
    await queryRunner.query(`DROP INDEX "idx_link_invitation_expiry"`);
    await queryRunner.query(`DROP INDEX "uq_link_invitation_token"`);
    await queryRunner.query(`DROP TABLE "org_link_invitation"`);
    await queryRunner.query(`DROP INDEX "uq_personal_account_huawei_id"`);
    await queryRunner.query(`DROP INDEX "uq_personal_account_tenant"`);
    await queryRunner.query(`DROP TABLE "personal_account"`);
    await queryRunner.query(`DROP TABLE "org_member_role"`);
    await queryRunner.query(`DROP INDEX "uq_org_role_code"`);
    await queryRunner.query(`DROP TABLE "org_role"`);
    await queryRunner.query(`DROP INDEX "uq_org_member_login"`);
    await queryRunner.query(`DROP TABLE "org_member"`);
    await queryRunner.query(`DROP INDEX "uq_org_cm_supervision"`);
    await queryRunner.query(`DROP TABLE "org_customer_manager_supervision"`);
    await queryRunner.query(`DROP INDEX "uq_org_cm_assignment_customer"`);
    await queryRunner.query(`DROP INDEX "ix_org_cm_assignment_member"`);
    await queryRunner.query(`DROP TABLE "org_customer_manager_assignment"`);
    await queryRunner.query(`DROP INDEX "idx_ce_switch_due"`);
    await queryRunner.query(`DROP INDEX "idx_ce_switch_account"`);
    await queryRunner.query(`DROP TABLE "contracting_entity_switch"`);
    await queryRunner.query(`DROP INDEX "idx_business_info_file_owner"`);
    await queryRunner.query(`DROP TABLE "business_info_file"`);
    await queryRunner.query(`DROP INDEX "uq_bank_letter_verification"`);
    await queryRunner.query(`DROP INDEX "idx_bank_letter_status"`);
    await queryRunner.query(`DROP TABLE "bank_letter"`);
    await queryRunner.query(`DROP INDEX "uq_biv_version"`);
    await queryRunner.query(`DROP INDEX "idx_biv_status"`);
    await queryRunner.query(`DROP TABLE "business_info_verification"`);
    await queryRunner.query(`DROP TABLE "contracting_entity"`);
    await queryRunner.query(`DROP INDEX "idx_quick_registration_source"`);
    await queryRunner.query(`DROP INDEX "idx_quick_registration_expiry"`);
    await queryRunner.query(`DROP INDEX "uq_quick_registration_new_account"`);
    await queryRunner.query(`DROP TABLE "quick_registration"`);
    await queryRunner.query(`DROP INDEX "uq_legal_entity_uscc"`);
    await queryRunner.query(`DROP INDEX "uq_legal_entity_org_code"`);
    await queryRunner.query(`DROP TABLE "legal_entity"`);
    await queryRunner.query(`DROP INDEX "idx_onboarding_account"`);
    await queryRunner.query(`DROP INDEX "idx_onboarding_status"`);
    await queryRunner.query(`DROP TABLE "onboarding_application"`);
    await queryRunner.query(`DROP INDEX "uq_company_details_entity"`);
    await queryRunner.query(`DROP TABLE "company_details"`);
    await queryRunner.query(`DROP INDEX "uq_account_contact_account"`);
    await queryRunner.query(`DROP TABLE "account_contact"`);
    await queryRunner.query(`DROP INDEX "uq_partner_account_huawei_id"`);
    await queryRunner.query(`DROP INDEX "uq_partner_account_name"`);
    await queryRunner.query(`DROP INDEX "idx_partner_account_entity"`);
    await queryRunner.query(`DROP TABLE "partner_account"`);
    await queryRunner.query(`DROP INDEX "idx_change_request_entity"`);
    await queryRunner.query(`DROP INDEX "idx_change_request_status"`);
    await queryRunner.query(`DROP INDEX "uq_change_request_open"`);
    await queryRunner.query(`DROP TABLE "company_info_change_request"`);
    await queryRunner.query(`DROP INDEX "idx_admin_session_expires"`);
    await queryRunner.query(`DROP TABLE "admin_session"`);
    await queryRunner.query(`DROP TABLE "job_lease"`);
    await queryRunner.query(`DROP INDEX "idx_job_run_name"`);
    await queryRunner.query(`DROP TABLE "job_run"`);
    await queryRunner.query(`DROP INDEX "idx_notification_recipient"`);
    await queryRunner.query(`DROP INDEX "idx_notification_status"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP INDEX "uq_idempotency_scope_op_key"`);
    await queryRunner.query(`DROP TABLE "idempotency_record"`);
    await queryRunner.query(`DROP INDEX "uq_api_token_hash"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP INDEX "uq_credential_login"`);
    await queryRunner.query(`DROP TABLE "credential"`);
    await queryRunner.query(`DROP INDEX "idx_audit_entity"`);
    await queryRunner.query(`DROP INDEX "idx_audit_partner"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
