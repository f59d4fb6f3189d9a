/**
 * INFO-021 for org members: a member's own business mobile/e-mail live on its member record, which the org
 * module owns. The org module depends on info (not the reverse), so it registers its handler here at start-up,
 * the way jobs register in the JobRegistry; the info profile endpoints delegate member requests to it.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../../../libs/context/index.js';

export interface MemberBusinessContact {
  business_mobile: string | null;
  business_email: string | null;
}

export interface MemberProfileHandler {
  /** the calling member's own business contact */
  get(ctx: RequestContext): Promise<MemberBusinessContact>;
  /** updates the calling member's own business contact (audited by the owner) */
  update(ctx: RequestContext, change: Partial<MemberBusinessContact>): Promise<MemberBusinessContact>;
}

@Injectable()
export class MemberProfileRegistry {
  private handler: MemberProfileHandler | null = null;

  register(handler: MemberProfileHandler): void {
    this.handler = handler;
  }

  get current(): MemberProfileHandler {
    if (!this.handler) throw new Error('no member-profile handler registered (the org module provides it)');
    return this.handler;
  }
}
