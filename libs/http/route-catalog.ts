/**
 * Every HTTP operation the application serves, read from the controllers' routing metadata: method, route
 * template (as Express matches it, e.g. `/api/v1/admin/calendar/days/:date`), the operation name used by
 * throttling (`GET /api/v1/info/company`, API-013) and the declared access rule (deny by default when
 * absent). Used by the rate-limit administration and by the route snapshot test.
 */
import { Injectable } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from '../auth/access.decorators.js';

export interface RouteInfo {
  /** upper-case HTTP method */
  method: string;
  /** route template, e.g. `/api/v1/admin/calendar/days/:date` */
  path: string;
  /** `${method} ${path}`: the unit of throttling */
  operation: string;
  /** undefined: the handler declares nothing and the guard refuses every call */
  access: AccessRule | undefined;
  controller: string;
  handler: string;
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [''];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

export function joinRoutePath(controllerPath: string, methodPath: string): string {
  const joined = `/${controllerPath}/${methodPath}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

/** Parameter names do not matter when naming an operation: `:id`, `:date` and `{order_id}` all become `{}`. */
function shape(path: string): string {
  return path
    .replace(/\{[^}/]+\}/g, '{}')
    .replace(/:[A-Za-z0-9_]+/g, '{}')
    .replace(/\/+$/, '')
    .toLowerCase();
}

@Injectable()
export class RouteCatalog {
  private cache: RouteInfo[] | null = null;
  private readonly scanner = new MetadataScanner();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  /** Every route, sorted by path then method. */
  routes(): RouteInfo[] {
    if (!this.cache) this.cache = this.collect();
    return this.cache;
  }

  /**
   * The canonical operation for a name given by a person: `<METHOD> <path>`, method in any case, path
   * parameters named freely (`:id` or `{id}`). Undefined when no route matches.
   */
  resolve(operation: string): RouteInfo | undefined {
    const m = /^\s*([A-Za-z]+)\s+(\/\S*)\s*$/.exec(operation);
    if (!m) return undefined;
    const method = m[1].toUpperCase();
    const wanted = shape(m[2]);
    return this.routes().find((r) => r.method === method && shape(r.path) === wanted);
  }

  private collect(): RouteInfo[] {
    const seen = new Set<string>();
    const routes: RouteInfo[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null | undefined;
      if (!type || !wrapper.instance) continue;
      const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
      const controllerPaths = asList(Reflect.getMetadata(PATH_METADATA, type));
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (methodPath === undefined || requestMethod === undefined) continue;
        const access = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, type]);
        const method = RequestMethod[requestMethod];
        for (const cp of controllerPaths) {
          for (const mp of asList(methodPath)) {
            const path = joinRoutePath(cp, mp);
            const key = `${method} ${path}`;
            if (seen.has(key)) continue;
            seen.add(key);
            routes.push({ method, path, operation: key, access, controller: type.name, handler: name });
          }
        }
      }
    }
    return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }
}
