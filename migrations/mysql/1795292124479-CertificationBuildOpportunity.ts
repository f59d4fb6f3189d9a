import { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificationBuildOpportunity1795292124479 implements MigrationInterface {
  name = 'CertificationBuildOpportunity1795292124479';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`number_sequence\` (\`name\` varchar(64) NOT NULL, \`last_value\` int NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`capability_label\` (\`id\` varchar(36) NOT NULL, \`code\` varchar(64) NOT NULL, \`name_en\` varchar(128) NOT NULL, \`name_zh\` varchar(128) NOT NULL, \`level\` int NOT NULL DEFAULT '1', \`active\` tinyint NOT NULL DEFAULT 1, \`evaluation_items\` text NOT NULL, \`improvement_incentive_scope\` varchar(16) NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_capability_label_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`label_certification\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`label_code\` varchar(64) NOT NULL, \`site\` varchar(4) NOT NULL, \`status\` varchar(32) NOT NULL, \`open_key\` varchar(120) NULL, \`current_step_due_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, \`created_by\` varchar(128) NOT NULL, \`applicant_member_id\` varchar(36) NULL, \`submitted_at\` datetime(3) NULL, \`completed_at\` datetime(3) NULL, \`final_result\` varchar(8) NULL, \`evidence\` text NOT NULL, \`item_results\` text NOT NULL, \`supplement_items\` text NOT NULL, \`archive_materials\` text NOT NULL, \`archive_files\` text NOT NULL, \`archive_loops\` int NOT NULL DEFAULT '0', \`countersignatures\` text NOT NULL, \`result_email_sent_at\` datetime(3) NULL, \`archived\` tinyint NOT NULL DEFAULT 0, \`closed_reason\` varchar(32) NULL, \`version\` int NOT NULL, UNIQUE INDEX \`uq_label_certification_open\` (\`open_key\`), INDEX \`idx_label_certification_status\` (\`status\`), INDEX \`idx_label_certification_partner\` (\`partner_account_id\`, \`label_code\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`label_certification_step\` (\`id\` varchar(36) NOT NULL, \`certification_id\` varchar(36) NOT NULL, \`seq\` int NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`step\` varchar(32) NOT NULL, \`visit\` int NOT NULL DEFAULT '1', \`owner_side\` varchar(8) NOT NULL, \`entered_at\` datetime(3) NOT NULL, \`sla_days\` int NOT NULL, \`sla_day_type\` varchar(8) NOT NULL DEFAULT 'natural', \`due_at\` datetime(3) NOT NULL, \`completed_at\` datetime(3) NULL, \`completed_by\` varchar(128) NULL, \`outcome\` varchar(32) NULL, \`comment\` text NULL, \`sla_breached\` tinyint NOT NULL DEFAULT 0, \`breached_at\` datetime(3) NULL, \`reminders_sent\` text NOT NULL, INDEX \`idx_label_certification_step_open\` (\`completed_at\`, \`due_at\`), UNIQUE INDEX \`uq_label_certification_step_seq\` (\`certification_id\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`label_defense_session\` (\`id\` varchar(36) NOT NULL, \`certification_id\` varchar(36) NOT NULL, \`seq\` int NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`kind\` varchar(20) NOT NULL, \`requested_via\` varchar(24) NULL, \`question\` text NULL, \`scheduled_at\` datetime(3) NULL, \`meeting_link\` varchar(500) NULL, \`expert_ids\` text NOT NULL, \`minutes_file_id\` varchar(128) NULL, \`created_by\` varchar(128) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`reminder_sent_at\` datetime(3) NULL, UNIQUE INDEX \`uq_label_defense_session_seq\` (\`certification_id\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`partner_capability_label\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`label_code\` varchar(64) NOT NULL, \`site\` varchar(4) NOT NULL, \`granted_at\` datetime(3) NOT NULL, \`source_certification_id\` varchar(36) NULL, \`status\` varchar(8) NOT NULL, \`active_key\` varchar(120) NULL, \`revoked_at\` datetime(3) NULL, \`revoked_by\` varchar(128) NULL, \`revoke_reason\` varchar(500) NULL, UNIQUE INDEX \`uq_partner_capability_label_active\` (\`active_key\`), INDEX \`idx_partner_capability_label_partner\` (\`partner_account_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`person_capability_assessment\` (\`id\` varchar(36) NOT NULL, \`personal_account_id\` varchar(36) NOT NULL, \`role\` varchar(32) NOT NULL, \`passed_at\` datetime(3) NOT NULL, \`assessor_ids\` text NOT NULL, \`recorded_by\` varchar(128) NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`idx_person_capability_assessment_person\` (\`personal_account_id\`, \`role\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_path_membership\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`path\` varchar(12) NOT NULL, \`status\` varchar(12) NOT NULL, \`stage\` varchar(32) NOT NULL, \`active_key\` varchar(64) NULL, \`joined_at\` datetime(3) NOT NULL, \`joined_by\` varchar(128) NOT NULL, \`role_certified_at\` datetime(3) NULL, \`differentiated_at\` datetime(3) NULL, \`exited_at\` datetime(3) NULL, \`exited_by\` varchar(128) NULL, INDEX \`idx_cert_path_membership_path\` (\`path\`, \`status\`), INDEX \`idx_cert_path_membership_partner\` (\`partner_account_id\`, \`status\`), UNIQUE INDEX \`uq_cert_path_membership_active\` (\`active_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_path_stage_application\` (\`id\` varchar(36) NOT NULL, \`membership_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`path\` varchar(12) NOT NULL, \`target_stage\` varchar(32) NOT NULL, \`status\` varchar(24) NOT NULL, \`criteria_snapshot\` text NOT NULL, \`case_ids\` text NOT NULL, \`employment_proof_ids\` text NOT NULL, \`bp_file_id\` varchar(64) NULL, \`company_ppt_file_id\` varchar(64) NULL, \`bp_review_at\` datetime(3) NULL, \`submitted_by\` varchar(128) NOT NULL, \`submitted_at\` datetime(3) NOT NULL, \`reviewer_id\` varchar(64) NULL, \`decided_at\` datetime(3) NULL, \`reject_reason\` varchar(500) NULL, \`attestations\` text NOT NULL, INDEX \`idx_cert_path_stage_application_partner\` (\`partner_account_id\`, \`submitted_at\`), INDEX \`idx_cert_path_stage_application_membership\` (\`membership_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_path_certificate\` (\`id\` varchar(36) NOT NULL, \`membership_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`path\` varchar(12) NOT NULL, \`stage\` varchar(32) NOT NULL, \`title\` varchar(64) NOT NULL, \`certificate_no\` varchar(32) NOT NULL, \`valid_from\` varchar(10) NOT NULL, \`valid_to\` varchar(10) NOT NULL, \`status\` varchar(12) NOT NULL, \`issued_at\` datetime(3) NOT NULL, \`revoke_reason\` varchar(500) NULL, INDEX \`idx_cert_path_certificate_expiry\` (\`status\`, \`valid_to\`), INDEX \`idx_cert_path_certificate_membership\` (\`membership_id\`, \`status\`), UNIQUE INDEX \`uq_cert_path_certificate_no\` (\`certificate_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_path_annual_review\` (\`id\` varchar(36) NOT NULL, \`membership_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`certificate_id\` varchar(36) NOT NULL, \`cycle_year\` int NOT NULL, \`status\` varchar(12) NOT NULL, \`deadline\` datetime(3) NOT NULL, \`materials\` text NULL, \`submitted_at\` datetime(3) NULL, \`reminded_at\` datetime(3) NULL, \`reviewer_id\` varchar(64) NULL, \`decided_at\` datetime(3) NULL, \`decision_comment\` varchar(500) NULL, \`applied_at\` datetime(3) NULL, INDEX \`idx_cert_path_annual_review_status\` (\`status\`, \`deadline\`), UNIQUE INDEX \`uq_cert_path_annual_review_cycle\` (\`membership_id\`, \`cycle_year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_si_whitelist_entry\` (\`id\` varchar(36) NOT NULL, \`legal_entity_id\` varchar(36) NOT NULL, \`added_by\` varchar(64) NOT NULL, \`reason\` varchar(500) NOT NULL, \`added_at\` datetime(3) NOT NULL, \`removed_at\` datetime(3) NULL, \`removed_by\` varchar(64) NULL, INDEX \`idx_cert_si_whitelist_entry_entity\` (\`legal_entity_id\`, \`removed_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_si_interlock\` (\`id\` varchar(36) NOT NULL, \`membership_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`bp_interlocked\` tinyint NOT NULL DEFAULT 0, \`customer_list_interlocked\` tinyint NOT NULL DEFAULT 0, \`set_by\` varchar(64) NOT NULL, \`set_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_cert_si_interlock_membership\` (\`membership_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_path_service_case\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`title\` varchar(200) NOT NULL, \`customer_name\` varchar(200) NOT NULL, \`project_date\` varchar(10) NOT NULL, \`is_huawei_cloud\` tinyint NOT NULL, \`public_url\` varchar(500) NULL, \`description\` varchar(4000) NOT NULL, \`file_id\` varchar(64) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`idx_cert_path_service_case_partner\` (\`partner_account_id\`, \`project_date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_path_employment_proof\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`file_id\` varchar(64) NOT NULL, \`issuer_name\` varchar(200) NOT NULL, \`covered_personal_account_ids\` text NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`idx_cert_path_employment_proof_partner\` (\`partner_account_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_path_criteria_config\` (\`id\` varchar(36) NOT NULL, \`site\` varchar(4) NOT NULL, \`year\` int NULL, \`criteria\` text NOT NULL, \`updated_by\` varchar(64) NOT NULL, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_cert_path_criteria_config_site_year\` (\`site\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_program_membership\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`legal_entity_id\` varchar(36) NULL, \`program\` varchar(24) NOT NULL, \`status\` varchar(32) NOT NULL, \`active_key\` varchar(64) NULL, \`level\` varchar(32) NULL, \`applied_at\` datetime(3) NOT NULL, \`applied_by\` varchar(128) NOT NULL, \`joined_at\` datetime(3) NULL, \`ever_active\` tinyint NOT NULL DEFAULT 0, \`valid_from\` varchar(10) NULL, \`valid_to\` varchar(10) NULL, \`representative_office\` varchar(64) NULL, \`distributor_type\` varchar(12) NULL, \`region_class\` smallint NULL, \`distributor_membership_id\` varchar(36) NULL, \`intended_distributor_membership_id\` varchar(36) NULL, \`distributor_inactive\` tinyint NOT NULL DEFAULT 0, \`core_product_capability\` tinyint NOT NULL DEFAULT 0, \`core_products\` text NOT NULL, \`do_not_renew\` tinyint NOT NULL DEFAULT 0, \`huawei_reviewed_at\` datetime(3) NULL, \`reviewer_id\` varchar(128) NULL, \`decided_at\` datetime(3) NULL, \`reject_reason\` varchar(500) NULL, \`exit_reason\` varchar(500) NULL, \`exited_at\` datetime(3) NULL, \`exited_by\` varchar(128) NULL, \`ticket_no\` varchar(32) NULL, \`version\` int NOT NULL, INDEX \`idx_cert_program_membership_distributor\` (\`distributor_membership_id\`), INDEX \`idx_cert_program_membership_status\` (\`program\`, \`status\`), INDEX \`idx_cert_program_membership_entity\` (\`legal_entity_id\`, \`program\`, \`status\`), INDEX \`idx_cert_program_membership_partner\` (\`partner_account_id\`, \`program\`), UNIQUE INDEX \`uq_cert_program_membership_active\` (\`active_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_program_certificate\` (\`id\` varchar(36) NOT NULL, \`membership_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`program\` varchar(24) NOT NULL, \`certificate_no\` varchar(32) NOT NULL, \`level\` varchar(32) NULL, \`valid_from\` varchar(10) NOT NULL, \`valid_to\` varchar(10) NOT NULL, \`status\` varchar(12) NOT NULL, \`issued_at\` datetime(3) NOT NULL, INDEX \`idx_cert_program_certificate_membership\` (\`membership_id\`, \`issued_at\`), UNIQUE INDEX \`uq_cert_program_certificate_no\` (\`certificate_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_program_level\` (\`id\` varchar(36) NOT NULL, \`program\` varchar(24) NOT NULL, \`code\` varchar(32) NOT NULL, \`name\` varchar(64) NOT NULL, \`rank\` int NOT NULL, UNIQUE INDEX \`uq_cert_program_level_code\` (\`program\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_program_assessment\` (\`id\` varchar(36) NOT NULL, \`legal_entity_id\` varchar(36) NOT NULL, \`program\` varchar(24) NOT NULL, \`year\` int NOT NULL, \`result\` varchar(8) NOT NULL, \`resulting_level\` varchar(32) NULL, \`published_at\` datetime(3) NOT NULL, \`source\` varchar(8) NOT NULL, INDEX \`idx_cert_program_assessment_year\` (\`year\`, \`program\`), UNIQUE INDEX \`uq_cert_program_assessment_year\` (\`legal_entity_id\`, \`program\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_program_level_upgrade\` (\`id\` varchar(36) NOT NULL, \`membership_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`legal_entity_id\` varchar(36) NOT NULL, \`from_level\` varchar(32) NOT NULL, \`to_level\` varchar(32) NOT NULL, \`status\` varchar(16) NOT NULL, \`checks\` text NOT NULL, \`submitted_at\` datetime(3) NOT NULL, \`submitted_by\` varchar(128) NOT NULL, \`reviewer_id\` varchar(128) NULL, \`decided_at\` datetime(3) NULL, \`reject_reason\` varchar(500) NULL, INDEX \`idx_cert_program_level_upgrade_entity\` (\`legal_entity_id\`, \`status\`), INDEX \`idx_cert_program_level_upgrade_membership\` (\`membership_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_sp_account_quota\` (\`id\` varchar(36) NOT NULL, \`legal_entity_id\` varchar(36) NOT NULL, \`max_accounts\` int NOT NULL, \`granted_by\` varchar(128) NOT NULL, \`reason\` varchar(500) NOT NULL, \`granted_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_cert_sp_account_quota_entity\` (\`legal_entity_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_distributor_invitation\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`invited_by\` varchar(128) NOT NULL, \`distributor_type\` varchar(12) NOT NULL, \`region_class\` smallint NULL, \`status\` varchar(12) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`decided_at\` datetime(3) NULL, \`membership_id\` varchar(36) NULL, INDEX \`idx_cert_distributor_invitation_partner\` (\`partner_account_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cert_cloud_reseller_invitation\` (\`id\` varchar(36) NOT NULL, \`distributor_membership_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`invitee_partner_account_id\` varchar(36) NOT NULL, \`invited_by\` varchar(128) NOT NULL, \`status\` varchar(12) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`decided_at\` datetime(3) NULL, \`membership_id\` varchar(36) NULL, INDEX \`idx_cert_cloud_reseller_invitation_invitee\` (\`invitee_partner_account_id\`, \`status\`), INDEX \`idx_cert_cloud_reseller_invitation_distributor\` (\`distributor_membership_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`baseline_solution\` (\`id\` varchar(36) NOT NULL, \`lead_type\` varchar(16) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`name\` varchar(100) NOT NULL, \`industry_scenario\` varchar(200) NULL, \`description\` text NULL, \`responsibilities\` text NOT NULL, \`obp_initiation_guide_file_id\` varchar(64) NULL, \`feature_list_file_id\` varchar(64) NULL, \`feature_list_verified\` tinyint NOT NULL DEFAULT 0, \`solution_id\` varchar(36) NULL, \`pdm_id\` varchar(36) NULL, \`psa_id\` varchar(36) NULL, \`review_meeting\` text NULL, \`meeting_reminder_for\` varchar(40) NULL, \`solution_code\` varchar(40) NULL, \`stage\` varchar(32) NOT NULL, \`launch_application\` text NULL, \`review_history\` text NOT NULL, \`initiated_on\` varchar(10) NULL, \`launched_on\` varchar(10) NULL, \`official_site_url\` varchar(500) NULL, \`created_by\` varchar(80) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`idx_baseline_solution_solution\` (\`solution_id\`), INDEX \`idx_baseline_solution_stage\` (\`stage\`, \`created_at\`), INDEX \`idx_baseline_solution_partner\` (\`partner_account_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ecosystem_program_membership\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`program\` varchar(16) NOT NULL, \`status\` varchar(16) NOT NULL, \`applied_at\` datetime(3) NOT NULL, \`joined_at\` datetime(3) NULL, \`decided_at\` datetime(3) NULL, \`reviewer_id\` varchar(36) NULL, \`review_comment\` varchar(500) NULL, \`left_at\` datetime(3) NULL, \`version\` int NOT NULL, INDEX \`idx_ecosystem_program_membership_status\` (\`status\`, \`applied_at\`), UNIQUE INDEX \`uq_ecosystem_program_membership_account\` (\`partner_account_id\`, \`program\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`ecosystem_solution_enrollment\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`solution_id\` varchar(36) NOT NULL, \`program\` varchar(16) NOT NULL, \`release_vehicle\` varchar(24) NOT NULL, \`baseline_solution_id\` varchar(36) NULL, \`marketplace_product_id\` varchar(64) NULL, \`status\` varchar(32) NOT NULL, \`admission_status\` varchar(16) NOT NULL, \`technical_status\` varchar(16) NOT NULL, \`admission_requested_at\` datetime(3) NOT NULL, \`admitted_at\` datetime(3) NULL, \`technical_requested_at\` datetime(3) NULL, \`technical_certified_on\` varchar(10) NULL, \`valid_until\` varchar(10) NULL, \`certification_id\` varchar(36) NULL, \`review_history\` text NOT NULL, \`created_by\` varchar(80) NOT NULL, \`version\` int NOT NULL, INDEX \`idx_ecosystem_solution_enrollment_expiry\` (\`status\`, \`valid_until\`), INDEX \`idx_ecosystem_solution_enrollment_partner\` (\`partner_account_id\`, \`program\`), UNIQUE INDEX \`uq_ecosystem_solution_enrollment_pair\` (\`solution_id\`, \`program\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`solution\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`legal_entity_id\` varchar(36) NULL, \`name\` varchar(100) NOT NULL, \`description\` text NULL, \`deployment_modes\` text NOT NULL, \`software_product_type\` varchar(64) NULL, \`cloud_services_used\` text NOT NULL, \`baseline_solution_id\` varchar(36) NULL, \`marketplace_product_id\` varchar(64) NULL, \`created_by\` varchar(80) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, INDEX \`idx_solution_partner\` (\`partner_account_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`solution_certification\` (\`id\` varchar(36) NOT NULL, \`solution_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`certification_type\` varchar(32) NOT NULL, \`pass_scenario\` varchar(64) NOT NULL, \`status\` varchar(32) NOT NULL, \`materials\` text NOT NULL, \`baseline_solution_id\` varchar(36) NULL, \`architecture_check\` text NULL, \`submitted_at\` datetime(3) NULL, \`resubmission_count\` int NOT NULL DEFAULT '0', \`psa_pre_review\` text NULL, \`expert_review\` text NULL, \`pdm_review\` text NULL, \`review_history\` text NOT NULL, \`certified_on\` varchar(10) NULL, \`valid_until\` varchar(10) NULL, \`certificate_no\` varchar(32) NULL, \`ecosystem_program\` varchar(32) NULL, \`ecosystem_enrollment_id\` varchar(36) NULL, \`supersedes_id\` varchar(36) NULL, \`created_by\` varchar(80) NOT NULL, \`owner_member_id\` varchar(36) NULL, \`reminders_sent\` text NOT NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`idx_solution_certification_expiry\` (\`status\`, \`valid_until\`), INDEX \`idx_solution_certification_partner\` (\`partner_account_id\`, \`status\`), INDEX \`idx_solution_certification_solution\` (\`solution_id\`, \`certification_type\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`solution_certificate\` (\`id\` varchar(36) NOT NULL, \`certification_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`certificate_no\` varchar(32) NOT NULL, \`certification_type\` varchar(32) NOT NULL, \`solution_name\` varchar(100) NOT NULL, \`partner_name\` varchar(200) NOT NULL, \`certified_on\` varchar(10) NOT NULL, \`valid_until\` varchar(10) NOT NULL, \`pdf_file_id\` varchar(64) NOT NULL, \`content\` mediumblob NOT NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_solution_certificate_cert\` (\`certification_id\`), UNIQUE INDEX \`uq_solution_certificate_no\` (\`certificate_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`cloud_service_catalog_entry\` (\`service_code\` varchar(64) NOT NULL, \`name_zh\` varchar(100) NOT NULL, \`product_dept\` varchar(64) NOT NULL, \`tier\` varchar(16) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, PRIMARY KEY (\`service_code\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`opp_pce_enrollment\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`status\` varchar(12) NOT NULL, \`agreement_version\` varchar(32) NOT NULL, \`agreement_accepted_at\` datetime(3) NOT NULL, \`update_commitment\` tinyint NOT NULL DEFAULT 1, \`joined_at\` datetime(3) NOT NULL, \`whitelisted\` tinyint NOT NULL DEFAULT 0, \`whitelisted_by\` varchar(36) NULL, \`joined_by\` varchar(128) NOT NULL, \`terminated_at\` datetime(3) NULL, \`terminate_reason\` varchar(1000) NULL, \`technical_score\` int NOT NULL DEFAULT '0', \`cooperation_score\` int NOT NULL DEFAULT '0', UNIQUE INDEX \`uq_opp_pce_enrollment_partner\` (\`partner_account_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`opp_pce_whitelist\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`added_by\` varchar(36) NOT NULL, \`added_at\` datetime(3) NOT NULL, \`reason\` varchar(1000) NOT NULL, UNIQUE INDEX \`uq_opp_pce_whitelist_partner\` (\`partner_account_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`opp_opportunity\` (\`id\` varchar(36) NOT NULL, \`origin\` varchar(2) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`status\` varchar(24) NOT NULL, \`customer_name\` varchar(200) NULL, \`customer_name_normalized\` varchar(200) NULL, \`customer_account_id\` varchar(64) NULL, \`customer_contact_name\` varchar(100) NULL, \`customer_contact_phone\` varchar(32) NULL, \`province\` varchar(16) NULL, \`city\` varchar(16) NULL, \`industry\` varchar(32) NULL, \`budget_amount\` decimal(18,2) NULL, \`expected_purchase_date\` varchar(10) NULL, \`incremental_revenue\` decimal(18,2) NULL, \`description\` varchar(4000) NULL, \`offering_ids\` text NOT NULL, \`counts_for_assessment\` tinyint NOT NULL DEFAULT 0, \`customer_consent_confirmed\` tinyint NOT NULL DEFAULT 0, \`partner_contact_user_id\` varchar(36) NULL, \`created_by\` varchar(128) NOT NULL, \`assigned_pdm_id\` varchar(36) NULL, \`rep_office_id\` varchar(36) NULL, \`handled_by_psm_id\` varchar(36) NULL, \`bd_id\` varchar(36) NULL, \`shared_by\` varchar(36) NULL, \`submitted_at\` datetime(3) NULL, \`review_approved_at\` datetime(3) NULL, \`verification_deadline\` datetime(3) NULL, \`verified_at\` datetime(3) NULL, \`crm_opportunity_id\` varchar(64) NULL, \`crm_created_at\` datetime(3) NULL, \`shared_at\` datetime(3) NULL, \`acceptance_deadline\` datetime(3) NULL, \`responded_at\` datetime(3) NULL, \`reject_reason\` varchar(16) NULL, \`reject_comment\` varchar(1000) NULL, \`duplicate_of_id\` varchar(36) NULL, \`close_reason\` varchar(20) NULL, \`closed_at\` datetime(3) NULL, \`last_progress_at\` datetime(3) NULL, \`progress_reminded_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`idx_opp_opportunity_crm\` (\`crm_opportunity_id\`), INDEX \`idx_opp_opportunity_status_acceptance\` (\`status\`, \`acceptance_deadline\`), INDEX \`idx_opp_opportunity_status_deadline\` (\`status\`, \`verification_deadline\`), INDEX \`idx_opp_opportunity_dupkey\` (\`customer_name_normalized\`, \`status\`), INDEX \`idx_opp_opportunity_partner\` (\`partner_account_id\`, \`origin\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`opp_progress_update\` (\`id\` varchar(36) NOT NULL, \`opportunity_id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`stage\` varchar(24) NOT NULL, \`note\` varchar(2000) NOT NULL, \`next_step_date\` varchar(10) NULL, \`created_by\` varchar(128) NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`idx_opp_progress_update_opportunity\` (\`opportunity_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`opp_feedback\` (\`id\` varchar(36) NOT NULL, \`partner_account_id\` varchar(36) NOT NULL, \`opportunity_id\` varchar(36) NULL, \`score\` int NOT NULL, \`comment\` varchar(1000) NULL, \`created_by\` varchar(128) NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`idx_opp_feedback_partner\` (\`partner_account_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`opp_rep_office\` (\`id\` varchar(36) NOT NULL, \`code\` varchar(36) NOT NULL, \`name\` varchar(100) NOT NULL, \`provinces\` text NOT NULL, \`pdm_ids\` text NOT NULL, \`psm_ids\` text NOT NULL, \`bd_ids\` text NOT NULL, \`updated_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_opp_rep_office_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`opp_duplicate_lock\` (\`id\` varchar(36) NOT NULL, \`customer_name_normalized\` varchar(200) NOT NULL, UNIQUE INDEX \`uq_opp_duplicate_lock_key\` (\`customer_name_normalized\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`opp_crm_event\` (\`id\` varchar(36) NOT NULL, \`event_id\` varchar(64) NOT NULL, \`type\` varchar(32) NOT NULL, \`crm_opportunity_id\` varchar(64) NULL, \`opportunity_id\` varchar(36) NULL, \`outcome\` varchar(16) NOT NULL, \`received_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_opp_crm_event_event\` (\`event_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_opp_crm_event_event\` ON \`opp_crm_event\``);
    await queryRunner.query(`DROP TABLE \`opp_crm_event\``);
    await queryRunner.query(`DROP INDEX \`uq_opp_duplicate_lock_key\` ON \`opp_duplicate_lock\``);
    await queryRunner.query(`DROP TABLE \`opp_duplicate_lock\``);
    await queryRunner.query(`DROP INDEX \`uq_opp_rep_office_code\` ON \`opp_rep_office\``);
    await queryRunner.query(`DROP TABLE \`opp_rep_office\``);
    await queryRunner.query(`DROP INDEX \`idx_opp_feedback_partner\` ON \`opp_feedback\``);
    await queryRunner.query(`DROP TABLE \`opp_feedback\``);
    await queryRunner.query(`DROP INDEX \`idx_opp_progress_update_opportunity\` ON \`opp_progress_update\``);
    await queryRunner.query(`DROP TABLE \`opp_progress_update\``);
    await queryRunner.query(`DROP INDEX \`idx_opp_opportunity_partner\` ON \`opp_opportunity\``);
    await queryRunner.query(`DROP INDEX \`idx_opp_opportunity_dupkey\` ON \`opp_opportunity\``);
    await queryRunner.query(`DROP INDEX \`idx_opp_opportunity_status_deadline\` ON \`opp_opportunity\``);
    await queryRunner.query(`DROP INDEX \`idx_opp_opportunity_status_acceptance\` ON \`opp_opportunity\``);
    await queryRunner.query(`DROP INDEX \`idx_opp_opportunity_crm\` ON \`opp_opportunity\``);
    await queryRunner.query(`DROP TABLE \`opp_opportunity\``);
    await queryRunner.query(`DROP INDEX \`uq_opp_pce_whitelist_partner\` ON \`opp_pce_whitelist\``);
    await queryRunner.query(`DROP TABLE \`opp_pce_whitelist\``);
    await queryRunner.query(`DROP INDEX \`uq_opp_pce_enrollment_partner\` ON \`opp_pce_enrollment\``);
    await queryRunner.query(`DROP TABLE \`opp_pce_enrollment\``);
    await queryRunner.query(`DROP TABLE \`cloud_service_catalog_entry\``);
    await queryRunner.query(`DROP INDEX \`uq_solution_certificate_no\` ON \`solution_certificate\``);
    await queryRunner.query(`DROP INDEX \`uq_solution_certificate_cert\` ON \`solution_certificate\``);
    await queryRunner.query(`DROP TABLE \`solution_certificate\``);
    await queryRunner.query(
      `DROP INDEX \`idx_solution_certification_solution\` ON \`solution_certification\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_solution_certification_partner\` ON \`solution_certification\``,
    );
    await queryRunner.query(`DROP INDEX \`idx_solution_certification_expiry\` ON \`solution_certification\``);
    await queryRunner.query(`DROP TABLE \`solution_certification\``);
    await queryRunner.query(`DROP INDEX \`idx_solution_partner\` ON \`solution\``);
    await queryRunner.query(`DROP TABLE \`solution\``);
    await queryRunner.query(
      `DROP INDEX \`uq_ecosystem_solution_enrollment_pair\` ON \`ecosystem_solution_enrollment\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_ecosystem_solution_enrollment_partner\` ON \`ecosystem_solution_enrollment\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_ecosystem_solution_enrollment_expiry\` ON \`ecosystem_solution_enrollment\``,
    );
    await queryRunner.query(`DROP TABLE \`ecosystem_solution_enrollment\``);
    await queryRunner.query(
      `DROP INDEX \`uq_ecosystem_program_membership_account\` ON \`ecosystem_program_membership\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_ecosystem_program_membership_status\` ON \`ecosystem_program_membership\``,
    );
    await queryRunner.query(`DROP TABLE \`ecosystem_program_membership\``);
    await queryRunner.query(`DROP INDEX \`idx_baseline_solution_partner\` ON \`baseline_solution\``);
    await queryRunner.query(`DROP INDEX \`idx_baseline_solution_stage\` ON \`baseline_solution\``);
    await queryRunner.query(`DROP INDEX \`idx_baseline_solution_solution\` ON \`baseline_solution\``);
    await queryRunner.query(`DROP TABLE \`baseline_solution\``);
    await queryRunner.query(
      `DROP INDEX \`idx_cert_cloud_reseller_invitation_distributor\` ON \`cert_cloud_reseller_invitation\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_cert_cloud_reseller_invitation_invitee\` ON \`cert_cloud_reseller_invitation\``,
    );
    await queryRunner.query(`DROP TABLE \`cert_cloud_reseller_invitation\``);
    await queryRunner.query(
      `DROP INDEX \`idx_cert_distributor_invitation_partner\` ON \`cert_distributor_invitation\``,
    );
    await queryRunner.query(`DROP TABLE \`cert_distributor_invitation\``);
    await queryRunner.query(`DROP INDEX \`uq_cert_sp_account_quota_entity\` ON \`cert_sp_account_quota\``);
    await queryRunner.query(`DROP TABLE \`cert_sp_account_quota\``);
    await queryRunner.query(
      `DROP INDEX \`idx_cert_program_level_upgrade_membership\` ON \`cert_program_level_upgrade\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_cert_program_level_upgrade_entity\` ON \`cert_program_level_upgrade\``,
    );
    await queryRunner.query(`DROP TABLE \`cert_program_level_upgrade\``);
    await queryRunner.query(`DROP INDEX \`uq_cert_program_assessment_year\` ON \`cert_program_assessment\``);
    await queryRunner.query(`DROP INDEX \`idx_cert_program_assessment_year\` ON \`cert_program_assessment\``);
    await queryRunner.query(`DROP TABLE \`cert_program_assessment\``);
    await queryRunner.query(`DROP INDEX \`uq_cert_program_level_code\` ON \`cert_program_level\``);
    await queryRunner.query(`DROP TABLE \`cert_program_level\``);
    await queryRunner.query(`DROP INDEX \`uq_cert_program_certificate_no\` ON \`cert_program_certificate\``);
    await queryRunner.query(
      `DROP INDEX \`idx_cert_program_certificate_membership\` ON \`cert_program_certificate\``,
    );
    await queryRunner.query(`DROP TABLE \`cert_program_certificate\``);
    await queryRunner.query(
      `DROP INDEX \`uq_cert_program_membership_active\` ON \`cert_program_membership\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_cert_program_membership_partner\` ON \`cert_program_membership\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_cert_program_membership_entity\` ON \`cert_program_membership\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_cert_program_membership_status\` ON \`cert_program_membership\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_cert_program_membership_distributor\` ON \`cert_program_membership\``,
    );
    await queryRunner.query(`DROP TABLE \`cert_program_membership\``);
    await queryRunner.query(
      `DROP INDEX \`uq_cert_path_criteria_config_site_year\` ON \`cert_path_criteria_config\``,
    );
    await queryRunner.query(`DROP TABLE \`cert_path_criteria_config\``);
    await queryRunner.query(
      `DROP INDEX \`idx_cert_path_employment_proof_partner\` ON \`cert_path_employment_proof\``,
    );
    await queryRunner.query(`DROP TABLE \`cert_path_employment_proof\``);
    await queryRunner.query(
      `DROP INDEX \`idx_cert_path_service_case_partner\` ON \`cert_path_service_case\``,
    );
    await queryRunner.query(`DROP TABLE \`cert_path_service_case\``);
    await queryRunner.query(`DROP INDEX \`uq_cert_si_interlock_membership\` ON \`cert_si_interlock\``);
    await queryRunner.query(`DROP TABLE \`cert_si_interlock\``);
    await queryRunner.query(
      `DROP INDEX \`idx_cert_si_whitelist_entry_entity\` ON \`cert_si_whitelist_entry\``,
    );
    await queryRunner.query(`DROP TABLE \`cert_si_whitelist_entry\``);
    await queryRunner.query(`DROP INDEX \`uq_cert_path_annual_review_cycle\` ON \`cert_path_annual_review\``);
    await queryRunner.query(
      `DROP INDEX \`idx_cert_path_annual_review_status\` ON \`cert_path_annual_review\``,
    );
    await queryRunner.query(`DROP TABLE \`cert_path_annual_review\``);
    await queryRunner.query(`DROP INDEX \`uq_cert_path_certificate_no\` ON \`cert_path_certificate\``);
    await queryRunner.query(
      `DROP INDEX \`idx_cert_path_certificate_membership\` ON \`cert_path_certificate\``,
    );
    await queryRunner.query(`DROP INDEX \`idx_cert_path_certificate_expiry\` ON \`cert_path_certificate\``);
    await queryRunner.query(`DROP TABLE \`cert_path_certificate\``);
    await queryRunner.query(
      `DROP INDEX \`idx_cert_path_stage_application_membership\` ON \`cert_path_stage_application\``,
    );
    await queryRunner.query(
      `DROP INDEX \`idx_cert_path_stage_application_partner\` ON \`cert_path_stage_application\``,
    );
    await queryRunner.query(`DROP TABLE \`cert_path_stage_application\``);
    await queryRunner.query(`DROP INDEX \`uq_cert_path_membership_active\` ON \`cert_path_membership\``);
    await queryRunner.query(`DROP INDEX \`idx_cert_path_membership_partner\` ON \`cert_path_membership\``);
    await queryRunner.query(`DROP INDEX \`idx_cert_path_membership_path\` ON \`cert_path_membership\``);
    await queryRunner.query(`DROP TABLE \`cert_path_membership\``);
    await queryRunner.query(
      `DROP INDEX \`idx_person_capability_assessment_person\` ON \`person_capability_assessment\``,
    );
    await queryRunner.query(`DROP TABLE \`person_capability_assessment\``);
    await queryRunner.query(
      `DROP INDEX \`idx_partner_capability_label_partner\` ON \`partner_capability_label\``,
    );
    await queryRunner.query(
      `DROP INDEX \`uq_partner_capability_label_active\` ON \`partner_capability_label\``,
    );
    await queryRunner.query(`DROP TABLE \`partner_capability_label\``);
    await queryRunner.query(`DROP INDEX \`uq_label_defense_session_seq\` ON \`label_defense_session\``);
    await queryRunner.query(`DROP TABLE \`label_defense_session\``);
    await queryRunner.query(`DROP INDEX \`uq_label_certification_step_seq\` ON \`label_certification_step\``);
    await queryRunner.query(
      `DROP INDEX \`idx_label_certification_step_open\` ON \`label_certification_step\``,
    );
    await queryRunner.query(`DROP TABLE \`label_certification_step\``);
    await queryRunner.query(`DROP INDEX \`idx_label_certification_partner\` ON \`label_certification\``);
    await queryRunner.query(`DROP INDEX \`idx_label_certification_status\` ON \`label_certification\``);
    await queryRunner.query(`DROP INDEX \`uq_label_certification_open\` ON \`label_certification\``);
    await queryRunner.query(`DROP TABLE \`label_certification\``);
    await queryRunner.query(`DROP INDEX \`uq_capability_label_code\` ON \`capability_label\``);
    await queryRunner.query(`DROP TABLE \`capability_label\``);
    await queryRunner.query(`DROP TABLE \`number_sequence\``);
  }
}
