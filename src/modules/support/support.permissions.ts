import { definePermissions } from '../../../libs/auth/index.js';

/** Permission keys checked by the support module's handlers (GLOSSARY convention 1). */
export const SupportPermissions = definePermissions('support', {
  NewsView: 'support.news.view',
  RealnameView: 'support.realname.view',
  LibraryView: 'support.library.view',
  LibraryDownload: 'support.library.download',
  CapabilityOpeningManage: 'support.capability_opening.manage',
});
