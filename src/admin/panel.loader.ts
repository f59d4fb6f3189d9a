/**
 * @adminjs/nestjs's ExpressLoader (mounts the AdminJS router at /admin, ahead of the API middlewares) plus
 * security headers on every panel response. The Content-Security-Policy keeps the browser on this origin:
 * AdminJS's page templates link Google Fonts, which would otherwise be fetched by every reviewer's browser
 * (and, on a host without internet, block rendering until the request times out); with the policy the
 * browser drops the request at once and uses its own sans-serif font.
 */
import { type AdminModuleOptions, ExpressLoader } from '@adminjs/nestjs';
import { Injectable } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import type AdminJS from 'adminjs';
import type { NextFunction, Request, Response } from 'express';

export const PANEL_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function panelHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', PANEL_CSP);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  next();
}

interface RouterLayer {
  name?: string;
}

@Injectable()
export class PanelExpressLoader extends ExpressLoader {
  override async register(
    admin: AdminJS,
    httpAdapter: AbstractHttpAdapter,
    options: AdminModuleOptions,
  ): Promise<void> {
    await super.register(admin, httpAdapter, options);
    const app = httpAdapter.getInstance<{
      use: (path: string, fn: typeof panelHeaders) => void;
      router?: { stack?: RouterLayer[] };
    }>();
    const rootPath = options.adminJsOptions.rootPath ?? '/admin';
    app.use(rootPath, panelHeaders);
    // ExpressLoader moved the AdminJS router (layer "admin") to the front; put the headers right before it
    const stack = app.router?.stack;
    if (!stack) throw new Error('express router stack not found: cannot order the admin panel middleware');
    const headers = stack.pop();
    const adminIndex = stack.findIndex((layer) => layer.name === 'admin');
    if (!headers || adminIndex < 0) throw new Error('AdminJS router layer "admin" not found');
    stack.splice(adminIndex, 0, headers);
  }
}
