import { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificationBuildOpportunity1795292100248 implements MigrationInterface {
  name = 'CertificationBuildOpportunity1795292100248';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "number_sequence" ("name" varchar(64) PRIMARY KEY NOT NULL, "last_value" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "capability_label" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(64) NOT NULL, "name_en" varchar(128) NOT NULL, "name_zh" varchar(128) NOT NULL, "level" integer NOT NULL DEFAULT (1), "active" boolean NOT NULL DEFAULT (1), "evaluation_items" text NOT NULL, "improvement_incentive_scope" varchar(16), "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_capability_label_code" ON "capability_label" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "label_certification" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "label_code" varchar(64) NOT NULL, "site" varchar(4) NOT NULL, "status" varchar(32) NOT NULL, "open_key" varchar(120), "current_step_due_at" datetime, "created_at" datetime NOT NULL, "created_by" varchar(128) NOT NULL, "applicant_member_id" varchar(36), "submitted_at" datetime, "completed_at" datetime, "final_result" varchar(8), "evidence" text NOT NULL, "item_results" text NOT NULL, "supplement_items" text NOT NULL, "archive_materials" text NOT NULL, "archive_files" text NOT NULL, "archive_loops" integer NOT NULL DEFAULT (0), "countersignatures" text NOT NULL, "result_email_sent_at" datetime, "archived" boolean NOT NULL DEFAULT (0), "closed_reason" varchar(32), "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_label_certification_open" ON "label_certification" ("open_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_label_certification_status" ON "label_certification" ("status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_label_certification_partner" ON "label_certification" ("partner_account_id", "label_code", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "label_certification_step" ("id" varchar(36) PRIMARY KEY NOT NULL, "certification_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "partner_account_id" varchar(36) NOT NULL, "step" varchar(32) NOT NULL, "visit" integer NOT NULL DEFAULT (1), "owner_side" varchar(8) NOT NULL, "entered_at" datetime NOT NULL, "sla_days" integer NOT NULL, "sla_day_type" varchar(8) NOT NULL DEFAULT ('natural'), "due_at" datetime NOT NULL, "completed_at" datetime, "completed_by" varchar(128), "outcome" varchar(32), "comment" text, "sla_breached" boolean NOT NULL DEFAULT (0), "breached_at" datetime, "reminders_sent" text NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_label_certification_step_open" ON "label_certification_step" ("completed_at", "due_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_label_certification_step_seq" ON "label_certification_step" ("certification_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "label_defense_session" ("id" varchar(36) PRIMARY KEY NOT NULL, "certification_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "partner_account_id" varchar(36) NOT NULL, "kind" varchar(20) NOT NULL, "requested_via" varchar(24), "question" text, "scheduled_at" datetime, "meeting_link" varchar(500), "expert_ids" text NOT NULL, "minutes_file_id" varchar(128), "created_by" varchar(128) NOT NULL, "created_at" datetime NOT NULL, "reminder_sent_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_label_defense_session_seq" ON "label_defense_session" ("certification_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "partner_capability_label" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "label_code" varchar(64) NOT NULL, "site" varchar(4) NOT NULL, "granted_at" datetime NOT NULL, "source_certification_id" varchar(36), "status" varchar(8) NOT NULL, "active_key" varchar(120), "revoked_at" datetime, "revoked_by" varchar(128), "revoke_reason" varchar(500))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_partner_capability_label_active" ON "partner_capability_label" ("active_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_partner_capability_label_partner" ON "partner_capability_label" ("partner_account_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "person_capability_assessment" ("id" varchar(36) PRIMARY KEY NOT NULL, "personal_account_id" varchar(36) NOT NULL, "role" varchar(32) NOT NULL, "passed_at" datetime NOT NULL, "assessor_ids" text NOT NULL, "recorded_by" varchar(128) NOT NULL, "created_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_person_capability_assessment_person" ON "person_capability_assessment" ("personal_account_id", "role") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_path_membership" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "path" varchar(12) NOT NULL, "status" varchar(12) NOT NULL, "stage" varchar(32) NOT NULL, "active_key" varchar(64), "joined_at" datetime NOT NULL, "joined_by" varchar(128) NOT NULL, "role_certified_at" datetime, "differentiated_at" datetime, "exited_at" datetime, "exited_by" varchar(128))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_path_membership_path" ON "cert_path_membership" ("path", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_path_membership_partner" ON "cert_path_membership" ("partner_account_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cert_path_membership_active" ON "cert_path_membership" ("active_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_path_stage_application" ("id" varchar(36) PRIMARY KEY NOT NULL, "membership_id" varchar(36) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "path" varchar(12) NOT NULL, "target_stage" varchar(32) NOT NULL, "status" varchar(24) NOT NULL, "criteria_snapshot" text NOT NULL, "case_ids" text NOT NULL, "employment_proof_ids" text NOT NULL, "bp_file_id" varchar(64), "company_ppt_file_id" varchar(64), "bp_review_at" datetime, "submitted_by" varchar(128) NOT NULL, "submitted_at" datetime NOT NULL, "reviewer_id" varchar(64), "decided_at" datetime, "reject_reason" varchar(500), "attestations" text NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_path_stage_application_partner" ON "cert_path_stage_application" ("partner_account_id", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_path_stage_application_membership" ON "cert_path_stage_application" ("membership_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_path_certificate" ("id" varchar(36) PRIMARY KEY NOT NULL, "membership_id" varchar(36) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "path" varchar(12) NOT NULL, "stage" varchar(32) NOT NULL, "title" varchar(64) NOT NULL, "certificate_no" varchar(32) NOT NULL, "valid_from" varchar(10) NOT NULL, "valid_to" varchar(10) NOT NULL, "status" varchar(12) NOT NULL, "issued_at" datetime NOT NULL, "revoke_reason" varchar(500))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_path_certificate_expiry" ON "cert_path_certificate" ("status", "valid_to") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_path_certificate_membership" ON "cert_path_certificate" ("membership_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cert_path_certificate_no" ON "cert_path_certificate" ("certificate_no") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_path_annual_review" ("id" varchar(36) PRIMARY KEY NOT NULL, "membership_id" varchar(36) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "certificate_id" varchar(36) NOT NULL, "cycle_year" integer NOT NULL, "status" varchar(12) NOT NULL, "deadline" datetime NOT NULL, "materials" text, "submitted_at" datetime, "reminded_at" datetime, "reviewer_id" varchar(64), "decided_at" datetime, "decision_comment" varchar(500), "applied_at" datetime)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_path_annual_review_status" ON "cert_path_annual_review" ("status", "deadline") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cert_path_annual_review_cycle" ON "cert_path_annual_review" ("membership_id", "cycle_year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_si_whitelist_entry" ("id" varchar(36) PRIMARY KEY NOT NULL, "legal_entity_id" varchar(36) NOT NULL, "added_by" varchar(64) NOT NULL, "reason" varchar(500) NOT NULL, "added_at" datetime NOT NULL, "removed_at" datetime, "removed_by" varchar(64))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_si_whitelist_entry_entity" ON "cert_si_whitelist_entry" ("legal_entity_id", "removed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_si_interlock" ("id" varchar(36) PRIMARY KEY NOT NULL, "membership_id" varchar(36) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "bp_interlocked" boolean NOT NULL DEFAULT (0), "customer_list_interlocked" boolean NOT NULL DEFAULT (0), "set_by" varchar(64) NOT NULL, "set_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cert_si_interlock_membership" ON "cert_si_interlock" ("membership_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_path_service_case" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "title" varchar(200) NOT NULL, "customer_name" varchar(200) NOT NULL, "project_date" varchar(10) NOT NULL, "is_huawei_cloud" boolean NOT NULL, "public_url" varchar(500), "description" varchar(4000) NOT NULL, "file_id" varchar(64), "created_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_path_service_case_partner" ON "cert_path_service_case" ("partner_account_id", "project_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_path_employment_proof" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "file_id" varchar(64) NOT NULL, "issuer_name" varchar(200) NOT NULL, "covered_personal_account_ids" text NOT NULL, "created_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_path_employment_proof_partner" ON "cert_path_employment_proof" ("partner_account_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_path_criteria_config" ("id" varchar(36) PRIMARY KEY NOT NULL, "site" varchar(4) NOT NULL, "year" integer, "criteria" text NOT NULL, "updated_by" varchar(64) NOT NULL, "updated_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cert_path_criteria_config_site_year" ON "cert_path_criteria_config" ("site", "year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_program_membership" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "legal_entity_id" varchar(36), "program" varchar(24) NOT NULL, "status" varchar(32) NOT NULL, "active_key" varchar(64), "level" varchar(32), "applied_at" datetime NOT NULL, "applied_by" varchar(128) NOT NULL, "joined_at" datetime, "ever_active" boolean NOT NULL DEFAULT (0), "valid_from" varchar(10), "valid_to" varchar(10), "representative_office" varchar(64), "distributor_type" varchar(12), "region_class" smallint, "distributor_membership_id" varchar(36), "intended_distributor_membership_id" varchar(36), "distributor_inactive" boolean NOT NULL DEFAULT (0), "core_product_capability" boolean NOT NULL DEFAULT (0), "core_products" text NOT NULL, "do_not_renew" boolean NOT NULL DEFAULT (0), "huawei_reviewed_at" datetime, "reviewer_id" varchar(128), "decided_at" datetime, "reject_reason" varchar(500), "exit_reason" varchar(500), "exited_at" datetime, "exited_by" varchar(128), "ticket_no" varchar(32), "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_program_membership_distributor" ON "cert_program_membership" ("distributor_membership_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_program_membership_status" ON "cert_program_membership" ("program", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_program_membership_entity" ON "cert_program_membership" ("legal_entity_id", "program", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_program_membership_partner" ON "cert_program_membership" ("partner_account_id", "program") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cert_program_membership_active" ON "cert_program_membership" ("active_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_program_certificate" ("id" varchar(36) PRIMARY KEY NOT NULL, "membership_id" varchar(36) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "program" varchar(24) NOT NULL, "certificate_no" varchar(32) NOT NULL, "level" varchar(32), "valid_from" varchar(10) NOT NULL, "valid_to" varchar(10) NOT NULL, "status" varchar(12) NOT NULL, "issued_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_program_certificate_membership" ON "cert_program_certificate" ("membership_id", "issued_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cert_program_certificate_no" ON "cert_program_certificate" ("certificate_no") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_program_level" ("id" varchar(36) PRIMARY KEY NOT NULL, "program" varchar(24) NOT NULL, "code" varchar(32) NOT NULL, "name" varchar(64) NOT NULL, "rank" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cert_program_level_code" ON "cert_program_level" ("program", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_program_assessment" ("id" varchar(36) PRIMARY KEY NOT NULL, "legal_entity_id" varchar(36) NOT NULL, "program" varchar(24) NOT NULL, "year" integer NOT NULL, "result" varchar(8) NOT NULL, "resulting_level" varchar(32), "published_at" datetime NOT NULL, "source" varchar(8) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_program_assessment_year" ON "cert_program_assessment" ("year", "program") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cert_program_assessment_year" ON "cert_program_assessment" ("legal_entity_id", "program", "year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_program_level_upgrade" ("id" varchar(36) PRIMARY KEY NOT NULL, "membership_id" varchar(36) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "legal_entity_id" varchar(36) NOT NULL, "from_level" varchar(32) NOT NULL, "to_level" varchar(32) NOT NULL, "status" varchar(16) NOT NULL, "checks" text NOT NULL, "submitted_at" datetime NOT NULL, "submitted_by" varchar(128) NOT NULL, "reviewer_id" varchar(128), "decided_at" datetime, "reject_reason" varchar(500))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_program_level_upgrade_entity" ON "cert_program_level_upgrade" ("legal_entity_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_program_level_upgrade_membership" ON "cert_program_level_upgrade" ("membership_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_sp_account_quota" ("id" varchar(36) PRIMARY KEY NOT NULL, "legal_entity_id" varchar(36) NOT NULL, "max_accounts" integer NOT NULL, "granted_by" varchar(128) NOT NULL, "reason" varchar(500) NOT NULL, "granted_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_cert_sp_account_quota_entity" ON "cert_sp_account_quota" ("legal_entity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_distributor_invitation" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "invited_by" varchar(128) NOT NULL, "distributor_type" varchar(12) NOT NULL, "region_class" smallint, "status" varchar(12) NOT NULL, "created_at" datetime NOT NULL, "decided_at" datetime, "membership_id" varchar(36))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_distributor_invitation_partner" ON "cert_distributor_invitation" ("partner_account_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cert_cloud_reseller_invitation" ("id" varchar(36) PRIMARY KEY NOT NULL, "distributor_membership_id" varchar(36) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "invitee_partner_account_id" varchar(36) NOT NULL, "invited_by" varchar(128) NOT NULL, "status" varchar(12) NOT NULL, "created_at" datetime NOT NULL, "decided_at" datetime, "membership_id" varchar(36))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_cloud_reseller_invitation_invitee" ON "cert_cloud_reseller_invitation" ("invitee_partner_account_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cert_cloud_reseller_invitation_distributor" ON "cert_cloud_reseller_invitation" ("distributor_membership_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "baseline_solution" ("id" varchar(36) PRIMARY KEY NOT NULL, "lead_type" varchar(16) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "name" varchar(100) NOT NULL, "industry_scenario" varchar(200), "description" text, "responsibilities" text NOT NULL, "obp_initiation_guide_file_id" varchar(64), "feature_list_file_id" varchar(64), "feature_list_verified" boolean NOT NULL DEFAULT (0), "solution_id" varchar(36), "pdm_id" varchar(36), "psa_id" varchar(36), "review_meeting" text, "meeting_reminder_for" varchar(40), "solution_code" varchar(40), "stage" varchar(32) NOT NULL, "launch_application" text, "review_history" text NOT NULL, "initiated_on" varchar(10), "launched_on" varchar(10), "official_site_url" varchar(500), "created_by" varchar(80) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_baseline_solution_solution" ON "baseline_solution" ("solution_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_baseline_solution_stage" ON "baseline_solution" ("stage", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_baseline_solution_partner" ON "baseline_solution" ("partner_account_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ecosystem_program_membership" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "program" varchar(16) NOT NULL, "status" varchar(16) NOT NULL, "applied_at" datetime NOT NULL, "joined_at" datetime, "decided_at" datetime, "reviewer_id" varchar(36), "review_comment" varchar(500), "left_at" datetime, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_ecosystem_program_membership_status" ON "ecosystem_program_membership" ("status", "applied_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_ecosystem_program_membership_account" ON "ecosystem_program_membership" ("partner_account_id", "program") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ecosystem_solution_enrollment" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "solution_id" varchar(36) NOT NULL, "program" varchar(16) NOT NULL, "release_vehicle" varchar(24) NOT NULL, "baseline_solution_id" varchar(36), "marketplace_product_id" varchar(64), "status" varchar(32) NOT NULL, "admission_status" varchar(16) NOT NULL, "technical_status" varchar(16) NOT NULL, "admission_requested_at" datetime NOT NULL, "admitted_at" datetime, "technical_requested_at" datetime, "technical_certified_on" varchar(10), "valid_until" varchar(10), "certification_id" varchar(36), "review_history" text NOT NULL, "created_by" varchar(80) NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_ecosystem_solution_enrollment_expiry" ON "ecosystem_solution_enrollment" ("status", "valid_until") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_ecosystem_solution_enrollment_partner" ON "ecosystem_solution_enrollment" ("partner_account_id", "program") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_ecosystem_solution_enrollment_pair" ON "ecosystem_solution_enrollment" ("solution_id", "program") `,
    );
    await queryRunner.query(
      `CREATE TABLE "solution" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "legal_entity_id" varchar(36), "name" varchar(100) NOT NULL, "description" text, "deployment_modes" text NOT NULL, "software_product_type" varchar(64), "cloud_services_used" text NOT NULL, "baseline_solution_id" varchar(36), "marketplace_product_id" varchar(64), "created_by" varchar(80) NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_solution_partner" ON "solution" ("partner_account_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "solution_certification" ("id" varchar(36) PRIMARY KEY NOT NULL, "solution_id" varchar(36) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "certification_type" varchar(32) NOT NULL, "pass_scenario" varchar(64) NOT NULL, "status" varchar(32) NOT NULL, "materials" text NOT NULL, "baseline_solution_id" varchar(36), "architecture_check" text, "submitted_at" datetime, "resubmission_count" integer NOT NULL DEFAULT (0), "psa_pre_review" text, "expert_review" text, "pdm_review" text, "review_history" text NOT NULL, "certified_on" varchar(10), "valid_until" varchar(10), "certificate_no" varchar(32), "ecosystem_program" varchar(32), "ecosystem_enrollment_id" varchar(36), "supersedes_id" varchar(36), "created_by" varchar(80) NOT NULL, "owner_member_id" varchar(36), "reminders_sent" text NOT NULL, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_solution_certification_expiry" ON "solution_certification" ("status", "valid_until") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_solution_certification_partner" ON "solution_certification" ("partner_account_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_solution_certification_solution" ON "solution_certification" ("solution_id", "certification_type", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "solution_certificate" ("id" varchar(36) PRIMARY KEY NOT NULL, "certification_id" varchar(36) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "certificate_no" varchar(32) NOT NULL, "certification_type" varchar(32) NOT NULL, "solution_name" varchar(100) NOT NULL, "partner_name" varchar(200) NOT NULL, "certified_on" varchar(10) NOT NULL, "valid_until" varchar(10) NOT NULL, "pdf_file_id" varchar(64) NOT NULL, "content" blob NOT NULL, "created_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_solution_certificate_cert" ON "solution_certificate" ("certification_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_solution_certificate_no" ON "solution_certificate" ("certificate_no") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cloud_service_catalog_entry" ("service_code" varchar(64) PRIMARY KEY NOT NULL, "name_zh" varchar(100) NOT NULL, "product_dept" varchar(64) NOT NULL, "tier" varchar(16) NOT NULL, "active" boolean NOT NULL DEFAULT (1))`,
    );
    await queryRunner.query(
      `CREATE TABLE "opp_pce_enrollment" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "status" varchar(12) NOT NULL, "agreement_version" varchar(32) NOT NULL, "agreement_accepted_at" datetime NOT NULL, "update_commitment" boolean NOT NULL DEFAULT (1), "joined_at" datetime NOT NULL, "whitelisted" boolean NOT NULL DEFAULT (0), "whitelisted_by" varchar(36), "joined_by" varchar(128) NOT NULL, "terminated_at" datetime, "terminate_reason" varchar(1000), "technical_score" integer NOT NULL DEFAULT (0), "cooperation_score" integer NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_opp_pce_enrollment_partner" ON "opp_pce_enrollment" ("partner_account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "opp_pce_whitelist" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "added_by" varchar(36) NOT NULL, "added_at" datetime NOT NULL, "reason" varchar(1000) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_opp_pce_whitelist_partner" ON "opp_pce_whitelist" ("partner_account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "opp_opportunity" ("id" varchar(36) PRIMARY KEY NOT NULL, "origin" varchar(2) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "status" varchar(24) NOT NULL, "customer_name" varchar(200), "customer_name_normalized" varchar(200), "customer_account_id" varchar(64), "customer_contact_name" varchar(100), "customer_contact_phone" varchar(32), "province" varchar(16), "city" varchar(16), "industry" varchar(32), "budget_amount" varchar(20), "expected_purchase_date" varchar(10), "incremental_revenue" varchar(20), "description" varchar(4000), "offering_ids" text NOT NULL, "counts_for_assessment" boolean NOT NULL DEFAULT (0), "customer_consent_confirmed" boolean NOT NULL DEFAULT (0), "partner_contact_user_id" varchar(36), "created_by" varchar(128) NOT NULL, "assigned_pdm_id" varchar(36), "rep_office_id" varchar(36), "handled_by_psm_id" varchar(36), "bd_id" varchar(36), "shared_by" varchar(36), "submitted_at" datetime, "review_approved_at" datetime, "verification_deadline" datetime, "verified_at" datetime, "crm_opportunity_id" varchar(64), "crm_created_at" datetime, "shared_at" datetime, "acceptance_deadline" datetime, "responded_at" datetime, "reject_reason" varchar(16), "reject_comment" varchar(1000), "duplicate_of_id" varchar(36), "close_reason" varchar(20), "closed_at" datetime, "last_progress_at" datetime, "progress_reminded_at" datetime, "created_at" datetime NOT NULL, "updated_at" datetime NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_opp_opportunity_crm" ON "opp_opportunity" ("crm_opportunity_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_opp_opportunity_status_acceptance" ON "opp_opportunity" ("status", "acceptance_deadline") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_opp_opportunity_status_deadline" ON "opp_opportunity" ("status", "verification_deadline") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_opp_opportunity_dupkey" ON "opp_opportunity" ("customer_name_normalized", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_opp_opportunity_partner" ON "opp_opportunity" ("partner_account_id", "origin", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "opp_progress_update" ("id" varchar(36) PRIMARY KEY NOT NULL, "opportunity_id" varchar(36) NOT NULL, "partner_account_id" varchar(36) NOT NULL, "stage" varchar(24) NOT NULL, "note" varchar(2000) NOT NULL, "next_step_date" varchar(10), "created_by" varchar(128) NOT NULL, "created_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_opp_progress_update_opportunity" ON "opp_progress_update" ("opportunity_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "opp_feedback" ("id" varchar(36) PRIMARY KEY NOT NULL, "partner_account_id" varchar(36) NOT NULL, "opportunity_id" varchar(36), "score" integer NOT NULL, "comment" varchar(1000), "created_by" varchar(128) NOT NULL, "created_at" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_opp_feedback_partner" ON "opp_feedback" ("partner_account_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "opp_rep_office" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(36) NOT NULL, "name" varchar(100) NOT NULL, "provinces" text NOT NULL, "pdm_ids" text NOT NULL, "psm_ids" text NOT NULL, "bd_ids" text NOT NULL, "updated_at" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_opp_rep_office_code" ON "opp_rep_office" ("code") `);
    await queryRunner.query(
      `CREATE TABLE "opp_duplicate_lock" ("id" varchar(36) PRIMARY KEY NOT NULL, "customer_name_normalized" varchar(200) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_opp_duplicate_lock_key" ON "opp_duplicate_lock" ("customer_name_normalized") `,
    );
    await queryRunner.query(
      `CREATE TABLE "opp_crm_event" ("id" varchar(36) PRIMARY KEY NOT NULL, "event_id" varchar(64) NOT NULL, "type" varchar(32) NOT NULL, "crm_opportunity_id" varchar(64), "opportunity_id" varchar(36), "outcome" varchar(16) NOT NULL, "received_at" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_opp_crm_event_event" ON "opp_crm_event" ("event_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_opp_crm_event_event"`);
    await queryRunner.query(`DROP TABLE "opp_crm_event"`);
    await queryRunner.query(`DROP INDEX "uq_opp_duplicate_lock_key"`);
    await queryRunner.query(`DROP TABLE "opp_duplicate_lock"`);
    await queryRunner.query(`DROP INDEX "uq_opp_rep_office_code"`);
    await queryRunner.query(`DROP TABLE "opp_rep_office"`);
    await queryRunner.query(`DROP INDEX "idx_opp_feedback_partner"`);
    await queryRunner.query(`DROP TABLE "opp_feedback"`);
    await queryRunner.query(`DROP INDEX "idx_opp_progress_update_opportunity"`);
    await queryRunner.query(`DROP TABLE "opp_progress_update"`);
    await queryRunner.query(`DROP INDEX "idx_opp_opportunity_partner"`);
    await queryRunner.query(`DROP INDEX "idx_opp_opportunity_dupkey"`);
    await queryRunner.query(`DROP INDEX "idx_opp_opportunity_status_deadline"`);
    await queryRunner.query(`DROP INDEX "idx_opp_opportunity_status_acceptance"`);
    await queryRunner.query(`DROP INDEX "idx_opp_opportunity_crm"`);
    await queryRunner.query(`DROP TABLE "opp_opportunity"`);
    await queryRunner.query(`DROP INDEX "uq_opp_pce_whitelist_partner"`);
    await queryRunner.query(`DROP TABLE "opp_pce_whitelist"`);
    await queryRunner.query(`DROP INDEX "uq_opp_pce_enrollment_partner"`);
    await queryRunner.query(`DROP TABLE "opp_pce_enrollment"`);
    await queryRunner.query(`DROP TABLE "cloud_service_catalog_entry"`);
    await queryRunner.query(`DROP INDEX "uq_solution_certificate_no"`);
    await queryRunner.query(`DROP INDEX "uq_solution_certificate_cert"`);
    await queryRunner.query(`DROP TABLE "solution_certificate"`);
    await queryRunner.query(`DROP INDEX "idx_solution_certification_solution"`);
    await queryRunner.query(`DROP INDEX "idx_solution_certification_partner"`);
    await queryRunner.query(`DROP INDEX "idx_solution_certification_expiry"`);
    await queryRunner.query(`DROP TABLE "solution_certification"`);
    await queryRunner.query(`DROP INDEX "idx_solution_partner"`);
    await queryRunner.query(`DROP TABLE "solution"`);
    await queryRunner.query(`DROP INDEX "uq_ecosystem_solution_enrollment_pair"`);
    await queryRunner.query(`DROP INDEX "idx_ecosystem_solution_enrollment_partner"`);
    await queryRunner.query(`DROP INDEX "idx_ecosystem_solution_enrollment_expiry"`);
    await queryRunner.query(`DROP TABLE "ecosystem_solution_enrollment"`);
    await queryRunner.query(`DROP INDEX "uq_ecosystem_program_membership_account"`);
    await queryRunner.query(`DROP INDEX "idx_ecosystem_program_membership_status"`);
    await queryRunner.query(`DROP TABLE "ecosystem_program_membership"`);
    await queryRunner.query(`DROP INDEX "idx_baseline_solution_partner"`);
    await queryRunner.query(`DROP INDEX "idx_baseline_solution_stage"`);
    await queryRunner.query(`DROP INDEX "idx_baseline_solution_solution"`);
    await queryRunner.query(`DROP TABLE "baseline_solution"`);
    await queryRunner.query(`DROP INDEX "idx_cert_cloud_reseller_invitation_distributor"`);
    await queryRunner.query(`DROP INDEX "idx_cert_cloud_reseller_invitation_invitee"`);
    await queryRunner.query(`DROP TABLE "cert_cloud_reseller_invitation"`);
    await queryRunner.query(`DROP INDEX "idx_cert_distributor_invitation_partner"`);
    await queryRunner.query(`DROP TABLE "cert_distributor_invitation"`);
    await queryRunner.query(`DROP INDEX "uq_cert_sp_account_quota_entity"`);
    await queryRunner.query(`DROP TABLE "cert_sp_account_quota"`);
    await queryRunner.query(`DROP INDEX "idx_cert_program_level_upgrade_membership"`);
    await queryRunner.query(`DROP INDEX "idx_cert_program_level_upgrade_entity"`);
    await queryRunner.query(`DROP TABLE "cert_program_level_upgrade"`);
    await queryRunner.query(`DROP INDEX "uq_cert_program_assessment_year"`);
    await queryRunner.query(`DROP INDEX "idx_cert_program_assessment_year"`);
    await queryRunner.query(`DROP TABLE "cert_program_assessment"`);
    await queryRunner.query(`DROP INDEX "uq_cert_program_level_code"`);
    await queryRunner.query(`DROP TABLE "cert_program_level"`);
    await queryRunner.query(`DROP INDEX "uq_cert_program_certificate_no"`);
    await queryRunner.query(`DROP INDEX "idx_cert_program_certificate_membership"`);
    await queryRunner.query(`DROP TABLE "cert_program_certificate"`);
    await queryRunner.query(`DROP INDEX "uq_cert_program_membership_active"`);
    await queryRunner.query(`DROP INDEX "idx_cert_program_membership_partner"`);
    await queryRunner.query(`DROP INDEX "idx_cert_program_membership_entity"`);
    await queryRunner.query(`DROP INDEX "idx_cert_program_membership_status"`);
    await queryRunner.query(`DROP INDEX "idx_cert_program_membership_distributor"`);
    await queryRunner.query(`DROP TABLE "cert_program_membership"`);
    await queryRunner.query(`DROP INDEX "uq_cert_path_criteria_config_site_year"`);
    await queryRunner.query(`DROP TABLE "cert_path_criteria_config"`);
    await queryRunner.query(`DROP INDEX "idx_cert_path_employment_proof_partner"`);
    await queryRunner.query(`DROP TABLE "cert_path_employment_proof"`);
    await queryRunner.query(`DROP INDEX "idx_cert_path_service_case_partner"`);
    await queryRunner.query(`DROP TABLE "cert_path_service_case"`);
    await queryRunner.query(`DROP INDEX "uq_cert_si_interlock_membership"`);
    await queryRunner.query(`DROP TABLE "cert_si_interlock"`);
    await queryRunner.query(`DROP INDEX "idx_cert_si_whitelist_entry_entity"`);
    await queryRunner.query(`DROP TABLE "cert_si_whitelist_entry"`);
    await queryRunner.query(`DROP INDEX "uq_cert_path_annual_review_cycle"`);
    await queryRunner.query(`DROP INDEX "idx_cert_path_annual_review_status"`);
    await queryRunner.query(`DROP TABLE "cert_path_annual_review"`);
    await queryRunner.query(`DROP INDEX "uq_cert_path_certificate_no"`);
    await queryRunner.query(`DROP INDEX "idx_cert_path_certificate_membership"`);
    await queryRunner.query(`DROP INDEX "idx_cert_path_certificate_expiry"`);
    await queryRunner.query(`DROP TABLE "cert_path_certificate"`);
    await queryRunner.query(`DROP INDEX "idx_cert_path_stage_application_membership"`);
    await queryRunner.query(`DROP INDEX "idx_cert_path_stage_application_partner"`);
    await queryRunner.query(`DROP TABLE "cert_path_stage_application"`);
    await queryRunner.query(`DROP INDEX "uq_cert_path_membership_active"`);
    await queryRunner.query(`DROP INDEX "idx_cert_path_membership_partner"`);
    await queryRunner.query(`DROP INDEX "idx_cert_path_membership_path"`);
    await queryRunner.query(`DROP TABLE "cert_path_membership"`);
    await queryRunner.query(`DROP INDEX "idx_person_capability_assessment_person"`);
    await queryRunner.query(`DROP TABLE "person_capability_assessment"`);
    await queryRunner.query(`DROP INDEX "idx_partner_capability_label_partner"`);
    await queryRunner.query(`DROP INDEX "uq_partner_capability_label_active"`);
    await queryRunner.query(`DROP TABLE "partner_capability_label"`);
    await queryRunner.query(`DROP INDEX "uq_label_defense_session_seq"`);
    await queryRunner.query(`DROP TABLE "label_defense_session"`);
    await queryRunner.query(`DROP INDEX "uq_label_certification_step_seq"`);
    await queryRunner.query(`DROP INDEX "idx_label_certification_step_open"`);
    await queryRunner.query(`DROP TABLE "label_certification_step"`);
    await queryRunner.query(`DROP INDEX "idx_label_certification_partner"`);
    await queryRunner.query(`DROP INDEX "idx_label_certification_status"`);
    await queryRunner.query(`DROP INDEX "uq_label_certification_open"`);
    await queryRunner.query(`DROP TABLE "label_certification"`);
    await queryRunner.query(`DROP INDEX "uq_capability_label_code"`);
    await queryRunner.query(`DROP TABLE "capability_label"`);
    await queryRunner.query(`DROP TABLE "number_sequence"`);
  }
}
