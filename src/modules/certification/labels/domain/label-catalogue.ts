/**
 * The seed catalogue of level-1 capability labels (certification-labels.md "Seed catalogue": the 18 labels named
 * in FAQ 4.2.5 and 10.9.4) and the facts other modules derive from held labels (LABEL-023, F-LABEL-3).
 * Huawei defines and maintains the set (LABEL-001); operations edit it in the admin panel, this list is only the
 * initial content. Evaluation items are not in the FAQ: each seed label gets two mandatory items
 * `<PREFIX>-01` (delivery capability and certified staff) and `<PREFIX>-02` (customer cases) — decision; the
 * spec's scenarios use `database` with `DB-01`, `DB-02`.
 */
import type { Site } from '../../../../../libs/context/index.js';

export interface EvaluationItem {
  item_code: string;
  name: string;
  mandatory: boolean;
  evidence_hint: string;
}

/** benefits.md BEN-156 (FAQ 10.9.4): labels eligible for the capability improvement incentive, per region. */
export type ImprovementIncentiveScope = 'global' | 'china_only' | 'overseas_only' | null;

export interface SeedLabel {
  code: string;
  name_en: string;
  name_zh: string;
  prefix: string;
  improvement_incentive_scope: ImprovementIncentiveScope;
}

const CHINA_ONLY = 'china_only' as const;

export const SEED_LABELS: readonly SeedLabel[] = [
  {
    code: 'cloud_adoption_planning_implementation',
    name_en: 'Cloud adoption planning & implementation service capability',
    name_zh: '上云规划实施服务能力',
    prefix: 'CAPI',
    improvement_incentive_scope: 'overseas_only',
  },
  {
    code: 'database',
    name_en: 'Database service capability',
    name_zh: '数据库服务能力',
    prefix: 'DB',
    improvement_incentive_scope: 'global',
  },
  {
    code: 'big_data',
    name_en: 'Big data service capability',
    name_zh: '大数据服务能力',
    prefix: 'BD',
    improvement_incentive_scope: 'global',
  },
  {
    code: 'data_warehouse',
    name_en: 'Data warehouse service capability',
    name_zh: '数据仓库服务能力',
    prefix: 'DW',
    improvement_incentive_scope: CHINA_ONLY,
  },
  {
    code: 'ai_platform',
    name_en: 'AI platform service capability',
    name_zh: 'AI平台服务能力',
    prefix: 'AIP',
    improvement_incentive_scope: CHINA_ONLY,
  },
  {
    code: 'devsecops',
    name_en: 'DevSecOps service capability',
    name_zh: 'DevSecOps服务能力',
    prefix: 'DSO',
    improvement_incentive_scope: CHINA_ONLY,
  },
  {
    code: 'solution_integration_implementation',
    name_en: 'Solution integration & implementation service capability',
    name_zh: '解决方案集成实施服务能力',
    prefix: 'SII',
    improvement_incentive_scope: CHINA_ONLY,
  },
  {
    code: 'public_cloud_operations',
    name_en: 'Public cloud operations service capability',
    name_zh: '公有云云运维服务能力',
    prefix: 'PCO',
    improvement_incentive_scope: CHINA_ONLY,
  },
  {
    code: 'operational_excellence',
    name_en: 'Operational excellence service capability',
    name_zh: '卓越运营服务能力',
    prefix: 'OPX',
    improvement_incentive_scope: CHINA_ONLY,
  },
  {
    code: 'application_modernization',
    name_en: 'Application modernization service capability',
    name_zh: '应用现代化服务能力',
    prefix: 'APM',
    improvement_incentive_scope: CHINA_ONLY,
  },
  {
    code: 'ascend_cloud',
    name_en: 'Ascend cloud service capability',
    name_zh: '昇腾云服务能力',
    prefix: 'ASC',
    improvement_incentive_scope: CHINA_ONLY,
  },
  {
    code: 'pangu_model',
    name_en: 'Pangu model service capability',
    name_zh: '盘古大模型服务能力',
    prefix: 'PGM',
    improvement_incentive_scope: CHINA_ONLY,
  },
  {
    code: 'managed_security',
    name_en: 'Managed security service capability',
    name_zh: '安全托管服务能力',
    prefix: 'MSS',
    improvement_incentive_scope: CHINA_ONLY,
  },
  {
    code: 'idme',
    name_en: 'iDME service capability',
    name_zh: 'iDME服务能力',
    prefix: 'IDME',
    improvement_incentive_scope: CHINA_ONLY,
  },
  {
    code: 'iot',
    name_en: 'IoT service capability',
    name_zh: '物联网服务能力',
    prefix: 'IOT',
    improvement_incentive_scope: CHINA_ONLY,
  },
  {
    code: 'workspace',
    name_en: 'Workspace service capability',
    name_zh: 'Workspace服务能力',
    prefix: 'WKS',
    improvement_incentive_scope: CHINA_ONLY,
  },
  {
    code: 'cloud_native',
    name_en: 'Cloud native service capability',
    name_zh: '云原生服务能力',
    prefix: 'CN',
    improvement_incentive_scope: null,
  },
  {
    code: 'sap',
    name_en: 'SAP service capability',
    name_zh: 'SAP服务能力',
    prefix: 'SAP',
    improvement_incentive_scope: null,
  },
];

export function seedEvaluationItems(prefix: string): EvaluationItem[] {
  return [
    {
      item_code: `${prefix}-01`,
      name: 'Delivery capability and certified staff',
      mandatory: true,
      evidence_hint: 'Organisation chart, certified engineers and delivery methodology',
    },
    {
      item_code: `${prefix}-02`,
      name: 'Customer cases',
      mandatory: true,
      evidence_hint: 'Production customer cases with acceptance documents',
    },
  ];
}

/** LABEL-023 / PATH-014: the core set — a service-path differentiation needs ≥ 1 of these. */
export const SERVICE_CORE_LABELS: readonly string[] = [
  'cloud_adoption_planning_implementation',
  'database',
  'ascend_cloud',
  'ai_platform',
  'big_data',
  'cloud_native',
  'application_modernization',
  'sap',
];

/**
 * F-LABEL-3 (consumed by the path module, PATH-014): service path differentiation needs labels — site `cn` 2,
 * sites `intl`/`eu` 1 — of which ≥ 1 in the core set; the rest may be any valid label.
 */
export function serviceLabelRequirementMet(site: Site, activeLabelCodes: readonly string[]): boolean {
  const distinct = [...new Set(activeLabelCodes)];
  const needed = site === 'cn' ? 2 : 1;
  return distinct.length >= needed && distinct.some((c) => SERVICE_CORE_LABELS.includes(c));
}
