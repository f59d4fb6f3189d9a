/** Texts of the onboarding result messages (FAQ 3.4: in-app message, e-mail and SMS), per language. */
export type Language = 'zh-cn' | 'en-us';

export function onboardingResultText(
  language: string,
  outcome: 'approved' | 'rejected',
  reason: string | null,
): { subject: string; body: string } {
  if (language === 'zh-cn') {
    return outcome === 'approved'
      ? { subject: '入驻申请已通过', body: '您的华为云合作伙伴网络入驻申请已审核通过，欢迎进入伙伴中心。' }
      : {
          subject: '入驻申请未通过',
          body: `您的入驻申请未通过审核。原因：${reason ?? '-'}。请修改后重新提交。`,
        };
  }
  return outcome === 'approved'
    ? {
        subject: 'Partner network onboarding approved',
        body: 'Your application to join the partner network has been approved. Welcome to the partner center.',
      }
    : {
        subject: 'Partner network onboarding rejected',
        body: `Your onboarding application was rejected. Reason: ${reason ?? '-'}. You may correct it and apply again.`,
      };
}
