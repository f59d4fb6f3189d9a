/**
 * The one error contract: every error — domain, validation, unknown route, auth, throttling, body parsing —
 * answers `{ error_code, error_msg, request_id }` (+ `details`) with the catalogue's status; the request id is
 * also the `X-Request-Id` header. Input never produces a 500: anything unexpected is logged with its stack and
 * answered `SYS_INTERNAL_ERROR`.
 */
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequestContext, newRequestId } from '../context/index.js';
import { DomainError, isKnownErrorCode } from '../errors/index.js';

export class FieldValidationError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid parameter: ${field} ${reason}`);
  }
}

export interface ErrorBody {
  error_code: string;
  error_msg: string;
  request_id: string;
  details?: Record<string, unknown>;
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { ctx?: RequestContext; fieldErrorCode?: string }>();
    const res = http.getResponse<Response>();
    let requestId = req.ctx?.requestId;
    if (!requestId) {
      requestId = newRequestId();
      res.setHeader('X-Request-Id', requestId);
    }
    const { status, body, headers } = this.map(exception, req, requestId);
    if (status >= 500) {
      this.logger.error(
        `${req.method} ${req.originalUrl} → ${status}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
      );
    }
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.status(status).json(body);
  }

  private map(
    exception: unknown,
    req: { fieldErrorCode?: string; method: string; path: string },
    requestId: string,
  ): { status: number; body: ErrorBody; headers: Record<string, string> } {
    const make = (code: string, msg: string, details?: Record<string, unknown>): ErrorBody => ({
      error_code: code,
      error_msg: msg,
      request_id: requestId,
      ...(details ? { details } : {}),
    });
    if (exception instanceof DomainError && isKnownErrorCode(exception.code)) {
      const status = exception.status;
      return {
        status,
        body: make(exception.code, exception.message, exception.details),
        headers: exception.headers ?? {},
      };
    }
    if (exception instanceof FieldValidationError) {
      const code =
        req.fieldErrorCode && isKnownErrorCode(req.fieldErrorCode) ? req.fieldErrorCode : 'FIELD_INVALID';
      return { status: 400, body: make(code, exception.message, { field: exception.field }), headers: {} };
    }
    // body-parser errors arrive raw or wrapped by Nest's express adapter as an HttpException with the cause
    const cause = exception instanceof HttpException ? exception.cause : undefined;
    const e = (cause ?? exception) as { type?: string; status?: number; statusCode?: number };
    // body-parser errors (malformed JSON, too large, bad charset)
    if (
      e?.type === 'entity.parse.failed' ||
      e?.type === 'encoding.unsupported' ||
      e?.type === 'charset.unsupported'
    ) {
      return {
        status: 400,
        body: make('CBC.0100', 'Request body must be JSON with Content-Type application/json'),
        headers: {},
      };
    }
    if (e?.type === 'entity.too.large') {
      return { status: 400, body: make('CBC.0100', 'Request body is too large'), headers: {} };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404 || status === 405) {
        return {
          status: 404,
          body: make('APIGW.0101', 'API not exist or not published in the environment'),
          headers: {},
        };
      }
      if (status === 400) {
        return {
          status: 400,
          body: make(req.fieldErrorCode ?? 'FIELD_INVALID', exception.message),
          headers: {},
        };
      }
      if (status === 413)
        return { status: 400, body: make('CBC.0100', 'Request body is too large'), headers: {} };
      if (status < 500) {
        return { status, body: make(`HTTP_${status}`, exception.message), headers: {} };
      }
    }
    return {
      status: 500,
      body: make('SYS_INTERNAL_ERROR', 'Internal error, contact support with the request id'),
      headers: {},
    };
  }
}
