import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795280077251 implements MigrationInterface {
  name = 'Init1795280077251';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`audit_log\` (\`id\` varchar(36) NOT NULL, \`occurred_at\` datetime(3) NOT NULL, \`actor_kind\` varchar(16) NOT NULL, \`actor_id\` varchar(128) NOT NULL, \`partner_account_id\` varchar(36) NULL, \`action\` varchar(64) NOT NULL, \`entity_type\` varchar(64) NOT NULL, \`entity_id\` varchar(64) NOT NULL, \`before\` text NULL, \`after\` text NULL, \`request_id\` varchar(64) NOT NULL, INDEX \`idx_audit_partner\` (\`partner_account_id\`, \`occurred_at\`), INDEX \`idx_audit_entity\` (\`entity_type\`, \`entity_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`credential\` (\`id\` varchar(36) NOT NULL, \`subject_kind\` varchar(16) NOT NULL, \`login\` varchar(254) NOT NULL, \`subject_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NULL, \`password_hash\` varchar(255) NOT NULL, \`disabled\` tinyint NOT NULL DEFAULT 0, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_credential_login\` (\`subject_kind\`, \`login\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`api_token\` (\`id\` varchar(36) NOT NULL, \`token_hash\` varchar(64) NOT NULL, \`subject_kind\` varchar(16) NOT NULL, \`subject_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NULL, \`issued_at\` datetime(3) NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`revoked_at\` datetime(3) NULL, UNIQUE INDEX \`uq_api_token_hash\` (\`token_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`idempotency_record\` (\`id\` varchar(36) NOT NULL, \`scope\` varchar(64) NOT NULL, \`operation\` varchar(64) NOT NULL, \`idem_key\` varchar(64) NOT NULL, \`request_hash\` varchar(64) NOT NULL, \`state\` varchar(12) NOT NULL, \`response_status\` int NULL, \`response_body\` text NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_idempotency_scope_op_key\` (\`scope\`, \`operation\`, \`idem_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`notification\` (\`id\` varchar(36) NOT NULL, \`channel\` varchar(8) NOT NULL, \`recipient\` varchar(254) NOT NULL, \`partner_account_id\` varchar(36) NULL, \`template\` varchar(64) NOT NULL, \`language\` varchar(8) NOT NULL DEFAULT 'en-us', \`subject\` varchar(200) NOT NULL, \`body\` text NOT NULL, \`params\` text NULL, \`status\` varchar(12) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`created_at\` datetime(3) NOT NULL, \`sent_at\` datetime(3) NULL, \`read_at\` datetime(3) NULL, \`error\` text NULL, \`request_id\` varchar(64) NULL, INDEX \`idx_notification_status\` (\`status\`, \`created_at\`), INDEX \`idx_notification_recipient\` (\`channel\`, \`recipient\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`job_run\` (\`id\` varchar(36) NOT NULL, \`job_name\` varchar(64) NOT NULL, \`trigger\` varchar(16) NOT NULL, \`status\` varchar(16) NOT NULL, \`started_at\` datetime(3) NOT NULL, \`finished_at\` datetime(3) NULL, \`instance_id\` varchar(64) NOT NULL, \`summary\` text NULL, \`error\` text NULL, INDEX \`idx_job_run_name\` (\`job_name\`, \`started_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`job_lease\` (\`name\` varchar(64) NOT NULL, \`holder\` varchar(64) NULL, \`lease_until\` bigint NOT NULL DEFAULT '0', PRIMARY KEY (\`name\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`admin_session\` (\`sid\` varchar(128) NOT NULL, \`data\` text NOT NULL, \`expires_at\` datetime(3) NOT NULL, INDEX \`idx_admin_session_expires\` (\`expires_at\`), PRIMARY KEY (\`sid\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`company_info_change_request\` (\`id\` varchar(36) NOT NULL, \`legal_entity_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`requested_by\` varchar(128) NOT NULL, \`changes\` text NOT NULL, \`license_file_id\` varchar(64) NULL, \`extracted_code\` varchar(18) NULL, \`status\` varchar(16) NOT NULL, \`registry_result\` varchar(12) NULL, \`open_entity_key\` varchar(36) NULL, \`reviewer_id\` varchar(36) NULL, \`reject_reason\` varchar(500) NULL, \`submitted_at\` datetime(3) NOT NULL, \`decided_at\` datetime(3) NULL, UNIQUE INDEX \`uq_change_request_open\` (\`open_entity_key\`), INDEX \`idx_change_request_status\` (\`status\`, \`submitted_at\`), INDEX \`idx_change_request_entity\` (\`legal_entity_id\`, \`submitted_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`partner_account\` (\`id\` varchar(36) NOT NULL, \`huawei_account_id\` varchar(64) NOT NULL, \`account_name\` varchar(64) NOT NULL, \`account_name_change_count\` smallint NOT NULL DEFAULT '0', \`site\` varchar(4) NOT NULL, \`legal_entity_id\` varchar(36) NULL, \`is_primary\` tinyint NOT NULL DEFAULT 0, \`status\` varchar(16) NOT NULL, \`hcpn_joined_at\` datetime(3) NULL, \`channel_expansion_account\` tinyint NOT NULL DEFAULT 0, \`customer_expansion_account\` tinyint NOT NULL DEFAULT 0, \`abandoned\` tinyint NOT NULL DEFAULT 0, \`enterprise_realname_verified\` tinyint NOT NULL DEFAULT 0, \`email_bound\` tinyint NOT NULL DEFAULT 0, \`business_mobile\` varchar(20) NULL, \`business_email\` varchar(254) NULL, \`mobile\` varchar(20) NULL, \`email\` varchar(254) NULL, \`language\` varchar(8) NOT NULL DEFAULT 'zh-cn', \`timezone\` varchar(64) NOT NULL DEFAULT 'Asia/Shanghai', \`created_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`idx_partner_account_entity\` (\`legal_entity_id\`), UNIQUE INDEX \`uq_partner_account_name\` (\`account_name\`), UNIQUE INDEX \`uq_partner_account_huawei_id\` (\`huawei_account_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`account_contact\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`name\` varchar(50) NOT NULL, \`position\` varchar(50) NOT NULL, \`mobile\` varchar(20) NOT NULL, \`email\` varchar(254) NOT NULL, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_account_contact_account\` (\`partner_account_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`company_details\` (\`id\` varchar(36) NOT NULL, \`legal_entity_id\` varchar(36) NOT NULL, \`logo_file_id\` varchar(64) NULL, \`public_phone\` varchar(20) NULL, \`public_email\` varchar(254) NULL, \`website\` varchar(255) NULL, \`introduction\` varchar(2000) NULL, \`ticket_no\` varchar(32) NULL, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_company_details_entity\` (\`legal_entity_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`onboarding_application\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`site\` varchar(4) NOT NULL, \`uscc\` varchar(18) NULL, \`org_code\` varchar(9) NULL, \`tax_code\` varchar(18) NOT NULL, \`company_name\` varchar(200) NOT NULL, \`license_file_id\` varchar(64) NULL, \`registered_capital\` decimal(18,2) NULL, \`registered_capital_currency\` varchar(3) NULL, \`established_on\` varchar(10) NULL, \`business_term_from\` varchar(10) NULL, \`business_term_to\` varchar(10) NULL, \`legal_representative\` varchar(100) NULL, \`license_address\` varchar(255) NULL, \`postal_code\` varchar(20) NULL, \`business_scope\` varchar(4000) NULL, \`contact_name\` varchar(50) NOT NULL, \`contact_position\` varchar(50) NOT NULL, \`contact_mobile\` varchar(20) NOT NULL, \`contact_email\` varchar(254) NOT NULL, \`fast_onboarding\` tinyint NOT NULL DEFAULT 0, \`status\` varchar(16) NOT NULL, \`auto_check_result\` varchar(12) NULL, \`legal_entity_id\` varchar(36) NULL, \`reviewer_id\` varchar(36) NULL, \`reject_reason\` varchar(500) NULL, \`submitted_at\` datetime(3) NOT NULL, \`decided_at\` datetime(3) NULL, INDEX \`idx_onboarding_status\` (\`status\`, \`submitted_at\`), INDEX \`idx_onboarding_account\` (\`partner_account_id\`, \`submitted_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`legal_entity\` (\`id\` varchar(36) NOT NULL, \`site\` varchar(4) NOT NULL, \`uscc\` varchar(18) NULL, \`org_code\` varchar(9) NULL, \`tax_code\` varchar(18) NOT NULL, \`company_name\` varchar(200) NOT NULL, \`primary_account_id\` varchar(36) NULL, \`license_file_id\` varchar(64) NULL, \`registered_capital\` decimal(18,2) NULL, \`registered_capital_currency\` varchar(3) NULL, \`established_on\` varchar(10) NULL, \`business_term_from\` varchar(10) NULL, \`business_term_to\` varchar(10) NULL, \`legal_representative\` varchar(100) NULL, \`license_address\` varchar(255) NULL, \`postal_code\` varchar(20) NULL, \`business_scope\` varchar(4000) NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_legal_entity_org_code\` (\`site\`, \`org_code\`), UNIQUE INDEX \`uq_legal_entity_uscc\` (\`site\`, \`uscc\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`quick_registration\` (\`id\` varchar(36) NOT NULL, \`source_account_id\` varchar(36) NOT NULL, \`purpose\` varchar(32) NOT NULL, \`status\` varchar(16) NOT NULL, \`code_sent_at\` datetime(3) NOT NULL, \`verified_at\` datetime(3) NULL, \`expires_at\` datetime(3) NULL, \`new_account_id\` varchar(36) NULL, UNIQUE INDEX \`uq_quick_registration_new_account\` (\`new_account_id\`), INDEX \`idx_quick_registration_expiry\` (\`status\`, \`expires_at\`), INDEX \`idx_quick_registration_source\` (\`source_account_id\`, \`code_sent_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`contracting_entity\` (\`code\` varchar(32) NOT NULL, \`name\` varchar(200) NOT NULL, \`currency\` varchar(3) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, PRIMARY KEY (\`code\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`business_info_verification\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`contracting_entity_code\` varchar(32) NOT NULL, \`version\` int NOT NULL, \`origin\` varchar(32) NOT NULL DEFAULT 'partner', \`enterprise_code_type\` varchar(8) NOT NULL, \`uscc\` varchar(18) NOT NULL, \`company_name\` varchar(200) NOT NULL, \`bank_name\` varchar(100) NOT NULL, \`bank_account_no\` varchar(40) NOT NULL, \`bank_account_name\` varchar(200) NOT NULL, \`bank_account_type\` varchar(12) NOT NULL, \`branch_name\` varchar(200) NOT NULL, \`branch_code\` varchar(20) NOT NULL, \`currency\` varchar(3) NOT NULL, \`taxpayer_type\` varchar(12) NOT NULL, \`tax_rate\` decimal(4,2) NOT NULL, \`invoice_mode\` varchar(20) NOT NULL, \`status\` varchar(24) NOT NULL, \`failure_reason\` varchar(64) NULL, \`review_comment\` varchar(500) NULL, \`supplier_check\` varchar(16) NULL, \`micro_deposit_ref\` varchar(64) NULL, \`micro_deposit_amount\` decimal(18,2) NULL, \`amount_confirmation_attempts\` int NOT NULL DEFAULT '0', \`reviewer_id\` varchar(36) NULL, \`submitted_at\` datetime(3) NOT NULL, \`verified_at\` datetime(3) NULL, \`decided_at\` datetime(3) NULL, INDEX \`idx_biv_status\` (\`status\`, \`submitted_at\`), UNIQUE INDEX \`uq_biv_version\` (\`partner_account_id\`, \`contracting_entity_code\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`bank_letter\` (\`id\` varchar(36) NOT NULL, \`verification_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`draft_file_id\` varchar(36) NULL, \`signed_scan_file_id\` varchar(36) NULL, \`status\` varchar(16) NOT NULL, \`reject_reason\` varchar(16) NULL, \`reject_comment\` varchar(500) NULL, \`requested_bank_data\` text NOT NULL, \`signed_uploaded_at\` datetime(3) NULL, \`overdue\` tinyint NOT NULL DEFAULT 0, \`overdue_flagged_at\` datetime(3) NULL, \`reviewer_id\` varchar(36) NULL, \`created_at\` datetime(3) NOT NULL, \`decided_at\` datetime(3) NULL, INDEX \`idx_bank_letter_status\` (\`status\`, \`signed_uploaded_at\`), UNIQUE INDEX \`uq_bank_letter_verification\` (\`verification_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`business_info_file\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`purpose\` varchar(24) NOT NULL, \`file_name\` varchar(255) NOT NULL, \`content_type\` varchar(64) NOT NULL, \`size\` int NOT NULL, \`content\` mediumblob NOT NULL, \`uploaded_by\` varchar(128) NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`idx_business_info_file_owner\` (\`partner_account_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`contracting_entity_switch\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`from_code\` varchar(32) NOT NULL, \`to_code\` varchar(32) NOT NULL, \`effective_at\` datetime(3) NOT NULL, \`status\` varchar(12) NOT NULL, \`skip_reason\` varchar(64) NULL, \`verification_id\` varchar(36) NULL, \`requested_by\` varchar(128) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`completed_at\` datetime(3) NULL, INDEX \`idx_ce_switch_account\` (\`partner_account_id\`, \`effective_at\`), INDEX \`idx_ce_switch_due\` (\`status\`, \`effective_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`org_customer_manager_assignment\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`customer_id\` varchar(36) NOT NULL, \`org_member_id\` varchar(36) NOT NULL, \`assigned_by\` varchar(128) NOT NULL, \`assigned_at\` datetime(3) NOT NULL, INDEX \`ix_org_cm_assignment_member\` (\`org_member_id\`), UNIQUE INDEX \`uq_org_cm_assignment_customer\` (\`partner_account_id\`, \`customer_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`org_customer_manager_supervision\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`supervisor_member_id\` varchar(36) NOT NULL, \`customer_manager_member_id\` varchar(36) NOT NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_org_cm_supervision\` (\`supervisor_member_id\`, \`customer_manager_member_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`org_member\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`iam_user_id\` varchar(64) NULL, \`login_name\` varchar(32) NOT NULL, \`display_name\` varchar(64) NOT NULL, \`email\` varchar(254) NOT NULL, \`mobile\` varchar(20) NULL, \`status\` varchar(12) NOT NULL, \`business_mobile\` varchar(20) NULL, \`business_email\` varchar(254) NULL, \`created_by\` varchar(128) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NULL, UNIQUE INDEX \`uq_org_member_login\` (\`partner_account_id\`, \`login_name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`org_role\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NULL, \`code\` varchar(32) NOT NULL, \`name\` varchar(64) NOT NULL, \`kind\` varchar(32) NOT NULL, \`permission_keys\` text NOT NULL, \`editable\` tinyint NOT NULL DEFAULT 0, UNIQUE INDEX \`uq_org_role_code\` (\`partner_account_id\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`org_member_role\` (\`member_id\` varchar(36) NOT NULL, \`role_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, PRIMARY KEY (\`member_id\`, \`role_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`personal_account\` (\`id\` varchar(36) NOT NULL, \`huawei_cloud_account_id\` varchar(64) NOT NULL, \`tenant_name\` varchar(64) NOT NULL, \`huawei_account_name\` varchar(64) NOT NULL, \`site\` varchar(4) NOT NULL, \`account_type\` varchar(12) NOT NULL, \`realname_status\` varchar(12) NOT NULL, \`is_partner_account\` tinyint NOT NULL DEFAULT 0, \`email_bound\` tinyint NOT NULL DEFAULT 0, \`email\` varchar(254) NULL, \`uniportal_id\` varchar(64) NULL, \`last_synced_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_personal_account_tenant\` (\`site\`, \`tenant_name\`), UNIQUE INDEX \`uq_personal_account_huawei_id\` (\`huawei_cloud_account_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`org_link_invitation\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`personal_account_id\` varchar(36) NOT NULL, \`invited_by\` varchar(128) NOT NULL, \`token\` varchar(64) NOT NULL, \`status\` varchar(12) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`decided_at\` datetime(3) NULL, UNIQUE INDEX \`uq_link_invitation_token\` (\`token\`), INDEX \`idx_link_invitation_expiry\` (\`status\`, \`expires_at\`), INDEX \`idx_link_invitation_pair\` (\`partner_account_id\`, \`personal_account_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`org_personal_account_link\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`legal_entity_id\` varchar(36) NULL, \`personal_account_id\` varchar(36) NOT NULL, \`active_key\` varchar(36) NULL, \`invitation_id\` varchar(36) NULL, \`status\` varchar(12) NOT NULL, \`linked_at\` datetime(3) NOT NULL, \`unlinked_at\` datetime(3) NULL, \`unlink_reason\` varchar(24) NULL, INDEX \`idx_personal_link_person\` (\`personal_account_id\`, \`linked_at\`), INDEX \`idx_personal_link_partner\` (\`partner_account_id\`, \`status\`), UNIQUE INDEX \`uq_personal_link_active\` (\`active_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`org_project_specialist\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`personal_account_id\` varchar(36) NOT NULL, \`link_id\` varchar(36) NOT NULL, \`path\` varchar(12) NOT NULL, \`status\` varchar(24) NOT NULL, \`employment_proof_file_id\` varchar(64) NULL, \`certificate_ids\` text NOT NULL, \`submitted_by\` varchar(128) NOT NULL, \`submitted_at\` datetime(3) NOT NULL, \`reviewer_id\` varchar(64) NULL, \`decided_at\` datetime(3) NULL, \`reject_reason\` varchar(500) NULL, \`active_since\` datetime(3) NULL, \`occupied_project_id\` varchar(36) NULL, \`in_capability_building\` tinyint NOT NULL DEFAULT 0, INDEX \`idx_specialist_person\` (\`personal_account_id\`, \`status\`), INDEX \`idx_specialist_partner\` (\`partner_account_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`org_personal_certificate\` (\`id\` varchar(36) NOT NULL, \`personal_account_id\` varchar(36) NOT NULL, \`family\` varchar(8) NOT NULL, \`track\` varchar(100) NOT NULL, \`certificate_no\` varchar(64) NOT NULL, \`owner_key\` varchar(80) NULL, \`source\` varchar(16) NOT NULL, \`review_status\` varchar(16) NOT NULL, \`issued_on\` varchar(10) NOT NULL, \`valid_to\` varchar(10) NULL, \`file_id\` varchar(64) NULL, \`status\` varchar(16) NOT NULL, \`reviewer_id\` varchar(64) NULL, \`reject_reason\` varchar(500) NULL, \`created_at\` datetime(3) NOT NULL, \`synced_at\` datetime(3) NULL, INDEX \`idx_personal_certificate_person\` (\`personal_account_id\`, \`status\`), UNIQUE INDEX \`uq_personal_certificate_owner\` (\`owner_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`calendar_day\` (\`date\` varchar(10) NOT NULL, \`kind\` varchar(12) NOT NULL, \`note\` varchar(200) NULL, \`updated_by\` varchar(128) NOT NULL, \`updated_at\` datetime(3) NOT NULL, PRIMARY KEY (\`date\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`reviewer\` (\`id\` varchar(36) NOT NULL, \`email\` varchar(254) NOT NULL, \`name\` varchar(100) NOT NULL, \`roles\` text NOT NULL, \`flags\` text NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_reviewer_email\` (\`email\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_reviewer_email\` ON \`reviewer\``);
    await queryRunner.query(`DROP TABLE \`reviewer\``);
    await queryRunner.query(`DROP TABLE \`calendar_day\``);
    await queryRunner.query(`DROP INDEX \`uq_personal_certificate_owner\` ON \`org_personal_certificate\``);
    await queryRunner.query(`DROP INDEX \`idx_personal_certificate_person\` ON \`org_personal_certificate\``);
    await queryRunner.query(`DROP TABLE \`org_personal_certificate\``);
    await queryRunner.query(`DROP INDEX \`idx_specialist_partner\` ON \`org_project_specialist\``);
    await queryRunner.query(`DROP INDEX \`idx_specialist_person\` ON \`org_project_specialist\``);
    await queryRunner.query(`DROP TABLE \`org_project_specialist\``);
    await queryRunner.query(`DROP INDEX \`uq_personal_link_active\` ON \`org_personal_account_link\``);
    await queryRunner.query(`DROP INDEX \`idx_personal_link_partner\` ON \`org_personal_account_link\``);
    await queryRunner.query(`DROP INDEX \`idx_personal_link_person\` ON \`org_personal_account_link\``);
    await queryRunner.query(`DROP TABLE \`org_personal_account_link\``);
    await queryRunner.query(`DROP INDEX \`idx_link_invitation_pair\` ON \`org_link_invitation\``);
    await queryRunner.query(`DROP INDEX \`idx_link_invitation_expiry\` ON \`org_link_invitation\``);
    await queryRunner.query(`DROP INDEX \`uq_link_invitation_token\` ON \`org_link_invitation\``);
    await queryRunner.query(`DROP TABLE \`org_link_invitation\``);
    await queryRunner.query(`DROP INDEX \`uq_personal_account_huawei_id\` ON \`personal_account\``);
    await queryRunner.query(`DROP INDEX \`uq_personal_account_tenant\` ON \`personal_account\``);
    await queryRunner.query(`DROP TABLE \`personal_account\``);
    await queryRunner.query(`DROP TABLE \`org_member_role\``);
    await queryRunner.query(`DROP INDEX \`uq_org_role_code\` ON \`org_role\``);
    await queryRunner.query(`DROP TABLE \`org_role\``);
    await queryRunner.query(`DROP INDEX \`uq_org_member_login\` ON \`org_member\``);
    await queryRunner.query(`DROP TABLE \`org_member\``);
    await queryRunner.query(`DROP INDEX \`uq_org_cm_supervision\` ON \`org_customer_manager_supervision\``);
    await queryRunner.query(`DROP TABLE \`org_customer_manager_supervision\``);
    await queryRunner.query(
      `DROP INDEX \`uq_org_cm_assignment_customer\` ON \`org_customer_manager_assignment\``,
    );
    await queryRunner.query(
      `DROP INDEX \`ix_org_cm_assignment_member\` ON \`org_customer_manager_assignment\``,
    );
    await queryRunner.query(`DROP TABLE \`org_customer_manager_assignment\``);
    await queryRunner.query(`DROP INDEX \`idx_ce_switch_due\` ON \`contracting_entity_switch\``);
    await queryRunner.query(`DROP INDEX \`idx_ce_switch_account\` ON \`contracting_entity_switch\``);
    await queryRunner.query(`DROP TABLE \`contracting_entity_switch\``);
    await queryRunner.query(`DROP INDEX \`idx_business_info_file_owner\` ON \`business_info_file\``);
    await queryRunner.query(`DROP TABLE \`business_info_file\``);
    await queryRunner.query(`DROP INDEX \`uq_bank_letter_verification\` ON \`bank_letter\``);
    await queryRunner.query(`DROP INDEX \`idx_bank_letter_status\` ON \`bank_letter\``);
    await queryRunner.query(`DROP TABLE \`bank_letter\``);
    await queryRunner.query(`DROP INDEX \`uq_biv_version\` ON \`business_info_verification\``);
    await queryRunner.query(`DROP INDEX \`idx_biv_status\` ON \`business_info_verification\``);
    await queryRunner.query(`DROP TABLE \`business_info_verification\``);
    await queryRunner.query(`DROP TABLE \`contracting_entity\``);
    await queryRunner.query(`DROP INDEX \`idx_quick_registration_source\` ON \`quick_registration\``);
    await queryRunner.query(`DROP INDEX \`idx_quick_registration_expiry\` ON \`quick_registration\``);
    await queryRunner.query(`DROP INDEX \`uq_quick_registration_new_account\` ON \`quick_registration\``);
    await queryRunner.query(`DROP TABLE \`quick_registration\``);
    await queryRunner.query(`DROP INDEX \`uq_legal_entity_uscc\` ON \`legal_entity\``);
    await queryRunner.query(`DROP INDEX \`uq_legal_entity_org_code\` ON \`legal_entity\``);
    await queryRunner.query(`DROP TABLE \`legal_entity\``);
    await queryRunner.query(`DROP INDEX \`idx_onboarding_account\` ON \`onboarding_application\``);
    await queryRunner.query(`DROP INDEX \`idx_onboarding_status\` ON \`onboarding_application\``);
    await queryRunner.query(`DROP TABLE \`onboarding_application\``);
    await queryRunner.query(`DROP INDEX \`uq_company_details_entity\` ON \`company_details\``);
    await queryRunner.query(`DROP TABLE \`company_details\``);
    await queryRunner.query(`DROP INDEX \`uq_account_contact_account\` ON \`account_contact\``);
    await queryRunner.query(`DROP TABLE \`account_contact\``);
    await queryRunner.query(`DROP INDEX \`uq_partner_account_huawei_id\` ON \`partner_account\``);
    await queryRunner.query(`DROP INDEX \`uq_partner_account_name\` ON \`partner_account\``);
    await queryRunner.query(`DROP INDEX \`idx_partner_account_entity\` ON \`partner_account\``);
    await queryRunner.query(`DROP TABLE \`partner_account\``);
    await queryRunner.query(`DROP INDEX \`idx_change_request_entity\` ON \`company_info_change_request\``);
    await queryRunner.query(`DROP INDEX \`idx_change_request_status\` ON \`company_info_change_request\``);
    await queryRunner.query(`DROP INDEX \`uq_change_request_open\` ON \`company_info_change_request\``);
    await queryRunner.query(`DROP TABLE \`company_info_change_request\``);
    await queryRunner.query(`DROP INDEX \`idx_admin_session_expires\` ON \`admin_session\``);
    await queryRunner.query(`DROP TABLE \`admin_session\``);
    await queryRunner.query(`DROP TABLE \`job_lease\``);
    await queryRunner.query(`DROP INDEX \`idx_job_run_name\` ON \`job_run\``);
    await queryRunner.query(`DROP TABLE \`job_run\``);
    await queryRunner.query(`DROP INDEX \`idx_notification_recipient\` ON \`notification\``);
    await queryRunner.query(`DROP INDEX \`idx_notification_status\` ON \`notification\``);
    await queryRunner.query(`DROP TABLE \`notification\``);
    await queryRunner.query(`DROP INDEX \`uq_idempotency_scope_op_key\` ON \`idempotency_record\``);
    await queryRunner.query(`DROP TABLE \`idempotency_record\``);
    await queryRunner.query(`DROP INDEX \`uq_api_token_hash\` ON \`api_token\``);
    await queryRunner.query(`DROP TABLE \`api_token\``);
    await queryRunner.query(`DROP INDEX \`uq_credential_login\` ON \`credential\``);
    await queryRunner.query(`DROP TABLE \`credential\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_entity\` ON \`audit_log\``);
    await queryRunner.query(`DROP INDEX \`idx_audit_partner\` ON \`audit_log\``);
    await queryRunner.query(`DROP TABLE \`audit_log\``);
  }
}
