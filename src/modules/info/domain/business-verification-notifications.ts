/** Texts of the business-info verification messages (info.md "Verification results", J-INFO-3, J-INFO-4). */
export type BusinessNotice =
  | 'verified'
  | 'failed'
  | 'bank_letter_required'
  | 'bank_letter_draft_ready'
  | 'bank_letter_rejected'
  | 'contracting_entity_switch';

const ZH: Record<BusinessNotice, { subject: string; body: string }> = {
  verified: { subject: '商业信息认证成功', body: '您的商业信息（{entity}）已认证成功。' },
  failed: {
    subject: '商业信息认证失败',
    body: '您的商业信息（{entity}）认证失败，原因：{reason}。请核对银行信息后重新认证。',
  },
  bank_letter_required: {
    subject: '商业信息认证需要银行函',
    body: '您提交的银行信息与华为供应商系统不一致（{entity}），运营人员将生成银行函模板，请下载后加盖鲜章上传扫描件。',
  },
  bank_letter_draft_ready: {
    subject: '银行函模板已生成',
    body: '请在“伙伴信息 > 商业信息”页面下载银行函模板，加盖公司公章/财务章/合同章（鲜章）后上传扫描件。',
  },
  bank_letter_rejected: {
    subject: '银行函审核未通过',
    body: '您上传的银行函未通过审核，原因：{reason}。请重新盖章后上传。',
  },
  contracting_entity_switch: {
    subject: '签约主体变更：商业信息自动认证中',
    body: '您的签约主体已变更为{entity}，系统正在自动认证您的商业信息，无需您进行任何操作。',
  },
};

const EN: Record<BusinessNotice, { subject: string; body: string }> = {
  verified: {
    subject: 'Business info verified',
    body: 'Your business info for {entity} has been verified.',
  },
  failed: {
    subject: 'Business info verification failed',
    body: 'Verification of your business info for {entity} failed: {reason}. Check your bank data and re-verify.',
  },
  bank_letter_required: {
    subject: 'Business info verification needs a bank letter',
    body:
      "Your bank data for {entity} differ from Huawei's supplier system. Operations will prepare a bank letter draft; " +
      'download it, stamp it with a wet seal and upload the scan.',
  },
  bank_letter_draft_ready: {
    subject: 'Bank letter draft ready',
    body:
      'Download the bank letter draft on Partner info > Business info, stamp it with the company, finance or ' +
      'contract seal (wet seal) and upload the scan.',
  },
  bank_letter_rejected: {
    subject: 'Bank letter rejected',
    body: 'Your bank letter was rejected: {reason}. Stamp a new letter and upload it again.',
  },
  contracting_entity_switch: {
    subject: 'Contracting entity changed: business info being verified',
    body:
      'Your contracting entity is now {entity}. Your business info is being verified against it automatically; ' +
      'no action is needed.',
  },
};

export function businessNoticeText(
  language: string,
  notice: BusinessNotice,
  params: { entity: string; reason?: string | null },
): { subject: string; body: string } {
  const t = (language === 'zh-cn' ? ZH : EN)[notice];
  const fill = (s: string) => s.replace('{entity}', params.entity).replace('{reason}', params.reason ?? '-');
  return { subject: fill(t.subject), body: fill(t.body) };
}
