import { definePermissions } from '../../../libs/auth/index.js';

/** Permission keys checked by the opportunity module's handlers (opportunity.md "Permissions"; GLOSSARY convention 1). */
export const OpportunityPermissions = definePermissions('opportunity', {
  PceJoin: 'opportunity.pce.join',
  PoCreate: 'opportunity.po.create',
  PoView: 'opportunity.po.view',
  HoView: 'opportunity.ho.view',
  HoRespond: 'opportunity.ho.respond',
  ProgressUpdate: 'opportunity.progress.update',
  FeedbackCreate: 'opportunity.feedback.create',
});
