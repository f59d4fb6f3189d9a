/**
 * Builds the Nest application with the HTTP pipeline every entry point shares (server, tests, bench):
 * request id + context → API-002 JSON checks → JSON parser → routes (global AccessGuard, ValidationPipe)
 * → one error filter. OpenAPI at /api/docs (JSON at /api/docs-json).
 */
import 'reflect-metadata';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Clock } from '../libs/clock/index.js';
import {
  ErrorFilter,
  createValidationPipe,
  jsonBodyParser,
  jsonContentTypeMiddleware,
  jsonObjectBodyMiddleware,
  requestContextMiddleware,
} from '../libs/http/index.js';
import { JsonLogger } from '../libs/logging/index.js';
import type { AppConfig } from '../config/app.config.js';
import { AppModule } from './app.module.js';

export interface CreateAppOptions {
  admin?: (cfg: AppConfig) => Promise<DynamicModule | undefined> | DynamicModule | undefined;
  /** extra modules mounted into the application (tests mount probe controllers this way) */
  modules?: DynamicModule[];
}

export async function createApp(
  cfg: AppConfig,
  opts: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const admin = opts.admin ? await opts.admin(cfg) : undefined;
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(cfg, { admin, modules: opts.modules }),
    {
      logger: new JsonLogger(cfg.LOG_LEVEL),
      bodyParser: false,
    },
  );
  const clock = app.get(Clock);
  app.use(requestContextMiddleware(clock));
  app.use(jsonContentTypeMiddleware);
  app.use('/api', jsonBodyParser());
  app.use(jsonObjectBodyMiddleware);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  const document = buildOpenApi(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  app.enableShutdownHooks();
  await app.init();
  return app;
}

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Open Partner Center API')
    .setDescription(
      'Partner, reviewer and operations endpoints. Each operation carries `x-permission`: the access rule the global guard enforces (deny by default).',
    )
    .setVersion('1')
    .addApiKey({ type: 'apiKey', name: 'X-Auth-Token', in: 'header' }, 'X-Auth-Token')
    .build();
  return SwaggerModule.createDocument(app, config);
}
