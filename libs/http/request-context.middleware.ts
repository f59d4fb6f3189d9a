/**
 * First middleware of every request: assigns the request id (32 lowercase hex, also the `X-Request-Id`
 * header), creates the anonymous RequestContext with the injected Clock, runs the rest of the request inside
 * the logging store. The JSON middlewares below enforce API-002 for API routes: a POST/PUT/PATCH body must be
 * a JSON object sent with `Content-Type: application/json` (multipart uploads excepted); otherwise 400
 * `CBC.0100`.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
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

function isApiBodyRequest(req: Request): boolean {
  if (!BODY_METHODS.has(req.method) || !req.path.startsWith('/api/')) return false;
  return !(req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}

function carriesBody(req: Request): boolean {
  return Number(req.headers['content-length'] ?? '0') > 0 || req.headers['transfer-encoding'] !== undefined;
}

/**
 * Runs before the JSON parser: refuses bodies that are not JSON (API-002) — a body without
 * `Content-Type: application/json`, or that content type with an empty body. A request that carries
 * neither a body nor a content type is a bodyless call (e.g. `POST …/{id}/approve`); the global
 * validation pipe refuses it when the handler reads a body (clients send `{}` when all fields are optional).
 */
export function jsonContentTypeMiddleware(req: Request, _res: Response, next: NextFunction): void {
  if (!isApiBodyRequest(req)) return next();
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!type && !carriesBody(req)) return next();
  if (!type.startsWith('application/json') || !carriesBody(req)) return next(new DomainError('CBC.0100'));
  next();
}

/**
 * The JSON parser (1 MB) whose every failure — malformed JSON, unsupported charset or content encoding,
 * a corrupt compressed body, a body over the limit — is the gateway's 400 `CBC.0100` (API-002).
 */
export function jsonBodyParser(limit = '1mb'): (req: Request, res: Response, next: NextFunction) => void {
  const parse = express.json({ limit, strict: false });
  return (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const tooLarge = (err as { type?: string }).type === 'entity.too.large';
      next(new DomainError('CBC.0100', tooLarge ? 'Request body is too large' : undefined));
    });
}

/** Runs after the JSON parser: a body, when present, must be a JSON object (not an array, string or number). */
export function jsonObjectBodyMiddleware(req: Request, _res: Response, next: NextFunction): void {
  if (!isApiBodyRequest(req)) return next();
  const body: unknown = req.body;
  if (body === undefined && !req.headers['content-type'] && !carriesBody(req)) return next();
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return next(new DomainError('CBC.0100'));
  next();
}
