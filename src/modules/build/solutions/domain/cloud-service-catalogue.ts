/**
 * Seed data of the cloud service catalogue (FAQ 10.8.4 key cloud services, 10.8.5 high-order cloud services;
 * build.md `CloudServiceCatalogEntry`, full list in benefits.md "NRE"). Used by the "3 or 1" architecture
 * standard (BUILD-007, F-BUILD-1) and by benefits (NRE). Operations may deactivate entries in the admin panel.
 */
export type CloudServiceTier = 'key' | 'high_order';

export interface CloudServiceSeed {
  serviceCode: string;
  nameZh: string;
  productDept: string;
  tier: CloudServiceTier;
}

const group = (
  tier: CloudServiceTier,
  productDept: string,
  codes: string[],
  names: Record<string, string> = {},
) =>
  codes.map((serviceCode) => ({ serviceCode, nameZh: names[serviceCode] ?? serviceCode, productDept, tier }));

/** 12 key cloud services (重点云服务, FAQ 10.8.4). */
export const KEY_CLOUD_SERVICES: CloudServiceSeed[] = [
  ...group('key', 'EI', ['DataArtsStudio', 'DWS', 'ModelArts', 'PanguLargeModels'], {
    PanguLargeModels: '盘古大模型',
  }),
  ...group('key', 'PaaS', ['ROMAConnect', 'CodeArts']),
  ...group('key', 'industrial software cloud', ['CraftArtsIPDCenter']),
  ...group('key', 'media', ['Workspace', 'MetaStudio']),
  ...group('key', 'database', ['GaussDB']),
  ...group('key', 'other', ['HMSCore', 'AppGalleryConnect']),
];

/** 97 high-order cloud services (高阶云服务, FAQ 10.8.5). */
export const HIGH_ORDER_CLOUD_SERVICES: CloudServiceSeed[] = [
  ...group('high_order', 'aPaaS', [
    'MSSI',
    'AppStage',
    'APIHub',
    'OrgID',
    'EDS',
    'KooMessage',
    'KooDrive',
    'KooPhone',
    'KooSearch',
    'KooMap',
  ]),
  ...group('high_order', 'EI', [
    'RES',
    'DIS',
    'IVS',
    'Image',
    'ImageSearch',
    'VIS',
    'DLI',
    'GES',
    'CBS',
    'CloudTable',
    'FRS',
    'CSS',
    'Moderation',
    'OCR',
    'MRS',
    'OptVerse',
    'SIS',
    'VIAS',
    'Octopus',
    'TICS',
    'LakeFormation',
    'DataArtsInsight',
  ]),
  ...group('high_order', 'IoT', ['DRIS', 'IoTStage', 'IoTEdge', 'IoTDM', 'IoTDA', 'FacilityAPaaS'], {
    FacilityAPaaS: '设施aPaaS',
  }),
  ...group('high_order', 'PaaS', [
    'CodeArtsRepo',
    'CodeArtsArtifact',
    'CSE',
    'ServiceStage',
    'CodeArtsCheck',
    'CodeArtsReq',
    'CodeArtsBuild',
    'CodeArtsPipeline',
    'CodeArtsTestPlan',
    'CodeArtsPerfTest',
    'BCS',
    'DCS',
    'CodeArtsIDEOnline',
    'APIG',
    'FunctionGraph',
    'DMS',
    'AstroZero',
    'CAE',
    'MAS',
    'AstroFlow',
    'CodeArtsIDE',
    'LTS',
    'APM',
    'AOM',
    'CodeArtsInspector',
    'OneAccess',
    'AstroPro',
    'AstroCanvas',
  ]),
  ...group('high_order', 'industrial software cloud', ['iDME', 'CraftArtsSIM']),
  ...group('high_order', 'media', ['Live', 'MPC', 'WSA', 'Meeting', 'CloudRTC']),
  ...group('high_order', 'database', [
    'DDM',
    'DDS',
    'GaussDBforMySQL',
    'RDS',
    'RDSforPostgreSQL',
    'RDSforSQLServer',
    'GeminiDB',
    'RDSforMariaDB',
    'GaussDBforRedis',
    'GaussDBforMongo',
    'GaussDBforInflux',
    'RDSforMySQL',
  ]),
  ...group('high_order', 'security', [
    'AAD',
    'WAF',
    'HSS',
    'SecMaster',
    'DSC',
    'DEW',
    'CCM',
    'DBSS',
    'CBH',
    'SCM',
    'CFW',
  ]),
  ...group('high_order', 'WeLink', ['WeLink']),
];

export const CLOUD_SERVICE_CATALOGUE_SEED: CloudServiceSeed[] = [
  ...KEY_CLOUD_SERVICES,
  ...HIGH_ORDER_CLOUD_SERVICES,
];
