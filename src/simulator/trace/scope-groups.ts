import type { OtlpKeyValue } from './otlp-types.ts';

/** The spans of one instrumentation scope, as OTLP JSON groups them. */
export interface ScopeGroup {
  scope: object;
  spans: object[];
}

/** The scopes of one resource, keyed by scope name and version, as an importer builds them. */
export interface ResourceGroup {
  attributes: OtlpKeyValue[];
  scopes: Map<string, ScopeGroup>;
}

/** The group of `resource` for the scope `name`@`version`, made on first use: what Zipkin and Jaeger imports share. */
export function scopeGroup(resource: ResourceGroup, name: string, version: string | undefined): ScopeGroup {
  const key = JSON.stringify([name, version]);
  let group = resource.scopes.get(key);
  if (!group) {
    group = { scope: { name, ...(version === undefined ? {} : { version }) }, spans: [] };
    resource.scopes.set(key, group);
  }
  return group;
}
