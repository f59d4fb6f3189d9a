/**
 * One global ValidationPipe (whitelist, forbidNonWhitelisted, transform). Its failures become
 * FieldValidationError, which the filter answers with the controller's module field-error code
 * (`INFO_FIELD_INVALID`, `OPP_FIELD_INVALID`, …) and `details.field`.
 */
import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
