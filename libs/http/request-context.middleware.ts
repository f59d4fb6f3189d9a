/**
 * First middleware of every request: assigns the request id (32 lowercase hex, also the `X-Request-Id`
 * header), creates the anonymous RequestContext with the injected Clock, runs the rest of the request inside
 * the logging store, and enforces API-002 for API routes: a POST/PUT/PATCH must carry a JSON object with
 * `Content-Type: application/json` (multipart uploads excepted); otherwise 400 `CBC.0100`.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Clock } from '../clock/index.js';
import { RequestContext, newRequestId } from '../context/index.js';
import { DomainError } from '../errors/index.js';
import { requestStore } from '../logging/index.js';

export function requestContextMiddleware(clock: Clock) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = newRequestId();
    res.setHeader('X-Request-Id', requestId);
    (req as Request & { ctx: RequestContext }).ctx = RequestContext.create({ clock, requestId });
    requestStore.run({ requestId }, () => next());
  };
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Runs before the JSON parser: refuses bodies that are not JSON (API-002). */
export function jsonContentTypeMiddleware(req: Request, _res: Response, next: NextFunction): void {
  if (!BODY_METHODS.has(req.method) || !req.path.startsWith('/api/')) return next();
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return next();
  const length = Number(req.headers['content-length'] ?? '0');
  const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!type.startsWith('application/json') || !hasBody) {
    return next(new DomainError('CBC.0100'));
  }
  next();
}

/** Runs after the JSON parser: the body must be a JSON object (not an array, string or number). */
export function jsonObjectBodyMiddleware(req: Request, _res: Response, next: NextFunction): void {
  if (!BODY_METHODS.has(req.method) || !req.path.startsWith('/api/')) return next();
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return next();
  const body: unknown = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return next(new DomainError('CBC.0100'));
  next();
}
