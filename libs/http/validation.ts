/**
 * One global ValidationPipe (whitelist, forbidNonWhitelisted, transform). Its failures become
 * FieldValidationError, which the filter answers with the controller's module field-error code
 * (`INFO_FIELD_INVALID`, `OPP_FIELD_INVALID`, …) and `details.field`.
 */
import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '../errors/index.js';
import { FieldValidationError } from './error.filter.js';

function first(errors: ValidationError[], prefix = ''): { field: string; reason: string } {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints && Object.keys(e.constraints).length) {
      const [key, msg] = Object.entries(e.constraints)[0];
      if (key === 'whitelistValidation') return { field, reason: 'is not a known field' };
      return { field, reason: msg.replace(new RegExp(`^${e.property}\\s*`), '') };
    }
    if (e.children?.length) return first(e.children, field);
  }
  return { field: 'body', reason: 'is invalid' };
}

/**
 * A handler that reads the body (`@Body()`) of a request that sent none answers the gateway's `CBC.0100`
 * (API-002: "when all fields are optional the body is `{}`"); bodyless action endpoints accept no body.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.data === undefined && value === undefined) {
      throw new DomainError('CBC.0100');
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => {
      const { field, reason } = first(errors);
      return new FieldValidationError(field, reason);
    },
  });
}
