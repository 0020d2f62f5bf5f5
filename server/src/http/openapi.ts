import { type AnyRoute, errorBody } from '@spie/contract';
import { z } from 'zod';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

function parameters(route: AnyRoute) {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    const json = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: prop,
      });
    }
  }
  return out;
}

/** OpenAPI 3 document generated from the contract's routes (the same zod schemas the server enforces). */
export function openApiDocument(routes: AnyRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      tags: route.tags,
      security: route.access === 'public' ? [] : [{ session: [] }],
      parameters: parameters(route),
      ...(hasBody
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [String(route.status)]: {
          description: 'Réponse',
          content: { 'application/json': { schema: toSchema(route.response, 'output') } },
        },
        default: {
          description: 'Erreur (message en français, code stable)',
          content: { 'application/json': { schema: toSchema(errorBody, 'output') } },
        },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'SPIE — API',
      version: '0.1.0',
      description:
        "API de la plateforme du Service public de l'insertion et de l'emploi. Authentification par cookie de session ; toute requête qui modifie des données envoie l'en-tête `x-csrf-token` égal au cookie `spie_csrf`.",
    },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'spie_session' } } },
    paths,
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A readable page listing the routes, without any external script. */
export function openApiHtml(routes: AnyRoute[]): string {
  const groups = new Map<string, AnyRoute[]>();
  for (const r of routes) {
    const tag = r.tags[0] ?? 'Autres';
    groups.set(tag, [...(groups.get(tag) ?? []), r]);
  }
  const sections = [...groups.entries()]
    .map(
      ([
        tag,
        list,
      ]) => `<section><h2>${escapeHtml(tag)}</h2><table><caption>Routes « ${escapeHtml(tag)} »</caption>
<thead><tr><th scope="col">Méthode</th><th scope="col">Chemin</th><th scope="col">Description</th><th scope="col">Accès</th></tr></thead><tbody>
${list.map((r) => `<tr><td><code>${r.method}</code></td><td><code>${escapeHtml(r.path)}</code></td><td>${escapeHtml(r.summary)}</td><td>${r.access === 'public' ? 'public' : r.access === 'account' ? 'connecté·e' : 'connecté·e avec une structure'}</td></tr>`).join('\n')}
</tbody></table></section>`,
    )
    .join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Documentation de l'API — SPIE</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem;color:#161616}table{border-collapse:collapse;width:100%;margin-bottom:2rem}th,td{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:bold;padding:.4rem 0}code{font-size:.9em}a{color:#000091}</style>
</head><body><header><p><a href="/">Retour à SPIE</a></p></header><main><h1>Documentation de l'API SPIE</h1>
<p>Document OpenAPI 3 : <a href="/api/docs/openapi.json">/api/docs/openapi.json</a>. Les erreurs ont toujours la forme <code>{ "error": { "kind", "code", "message", "fields" } }</code> avec un message en français.</p>
${sections}</main></body></html>`;
}
