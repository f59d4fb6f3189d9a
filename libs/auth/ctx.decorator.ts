import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RequestContext } from '../context/index.js';

/** The request context built by the middleware and completed by the AccessGuard. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  return context.switchToHttp().getRequest<{ ctx: RequestContext }>().ctx;
});
