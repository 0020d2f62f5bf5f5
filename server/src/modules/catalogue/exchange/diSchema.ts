import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportIssue, ImportKind } from '@spie/contract/catalogue';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { dataDir } from '../../../db/referenceData';

/*
 * The official data·inclusion v1 JSON Schema files (server/data/data-inclusion/v1), compiled once
 * with Ajv. Import rows and exports are checked against them; Ajv's errors become one French
 * message per field.
 */

interface JsonSchema {
  properties: Record<string, { anyOf?: { type?: string; items?: unknown }[]; type?: string }>;
  required: string[];
}

const load = (kind: ImportKind): JsonSchema =>
  JSON.parse(
    readFileSync(
      path.join(dataDir, 'data-inclusion', 'v1', kind === 'services' ? 'service.json' : 'structure.json'),
      'utf8',
    ),
  ) as JsonSchema;

const schemas: Record<ImportKind, JsonSchema> = {
  structures: load('structures'),
  services: load('services'),
};

let compiled: Record<ImportKind, ValidateFunction> | null = null;
function validators(): Record<ImportKind, ValidateFunction> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv, ['uri', 'email', 'date']);
    compiled = {
      structures: ajv.compile(schemas.structures),
      services: ajv.compile(schemas.services),
    };
  }
  return compiled;
}

/** The schema's column names, in the schema's order. */
export const schemaFields = (kind: ImportKind): string[] => Object.keys(schemas[kind].properties);

const typesOf = (kind: ImportKind, field: string): string[] => {
  const p = schemas[kind].properties[field];
  if (!p) return [];
  return p.anyOf ? p.anyOf.map((a) => a.type ?? 'string') : [p.type ?? 'string'];
};
/** Fields holding a list (cells `a,b` or `a|b` in CSV/XLSX). */
export const arrayFields = (kind: ImportKind): Set<string> =>
  new Set(schemaFields(kind).filter((f) => typesOf(kind, f).includes('array')));
/** Fields holding a number. */
export const numberFields = (kind: ImportKind): Set<string> =>
  new Set(schemaFields(kind).filter((f) => typesOf(kind, f).some((t) => t === 'number' || t === 'integer')));

const fieldOf = (e: ErrorObject): string | null => {
  if (e.keyword === 'required') return String((e.params as { missingProperty: string }).missingProperty);
  const first = e.instancePath.split('/')[1];
  return first ? decodeURIComponent(first.replace(/~1/g, '/').replace(/~0/g, '~')) : null;
};

const valueAt = (row: Record<string, unknown>, pointer: string): unknown => {
  let v: unknown = row;
  for (const part of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
};

const show = (v: unknown) =>
  typeof v === 'string' ? `"${v.length > 60 ? `${v.slice(0, 60)}…` : v}"` : JSON.stringify(v);

function frenchMessage(e: ErrorObject, field: string, row: Record<string, unknown>): string {
  const value = valueAt(row, e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `Champ obligatoire manquant : ${field}.`;
    case 'enum':
      return `Valeur inconnue pour ${field} : ${show(value)}.`;
    case 'format':
      if (p.format === 'date') return `${field} : une date AAAA-MM-JJ est attendue (reçu ${show(value)}).`;
      if (p.format === 'email') return `${field} : adresse électronique invalide (${show(value)}).`;
      return `${field} : une adresse web complète est attendue, https://… (reçu ${show(value)}).`;
    case 'minLength':
      return `${field} : au moins ${p.limit} caractères.`;
    case 'maxLength':
      return `${field} : au plus ${p.limit} caractères.`;
    case 'pattern':
      return `${field} : format invalide (${show(value)}).`;
    case 'minimum':
      return `${field} : au moins ${p.limit}.`;
    case 'maximum':
      return `${field} : au plus ${p.limit}.`;
    case 'minItems':
      return `${field} : la liste ne peut pas être vide.`;
    case 'uniqueItems':
      return `${field} : une valeur est répétée.`;
    case 'type': {
      const t = String(p.type);
      const label =
        t === 'array'
          ? 'une liste'
          : t === 'number' || t === 'integer'
            ? 'un nombre'
            : t === 'string'
              ? 'un texte'
              : t;
      return `${field} : ${label} est attendu (reçu ${show(value)}).`;
    }
    default:
      return `${field} : valeur invalide (${show(value)}).`;
  }
}

/**
 * Checks one row against the official schema; at most one error per field, the most telling one
 * (the `anyOf` branch "or null" and the `anyOf` summary say nothing useful).
 */
export function schemaIssues(kind: ImportKind, row: unknown): ImportIssue[] {
  const validate = validators()[kind];
  if (validate(row)) return [];
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    return [
      {
        field: null,
        severity: 'erreur',
        code: 'schema.not_object',
        message: 'Chaque élément doit être un objet { "champ": valeur }.',
      },
    ];
  }
  const errors = validate.errors ?? [];
  const byField = new Map<string, ErrorObject>();
  const rank = (e: ErrorObject) =>
    e.keyword === 'anyOf'
      ? 3
      : e.keyword === 'type' && (e.params as { type: string }).type === 'null'
        ? 2
        : 0;
  for (const e of errors) {
    const field = fieldOf(e) ?? '';
    const current = byField.get(field);
    if (!current || rank(e) < rank(current)) byField.set(field, e);
  }
  return [...byField.entries()].map(([field, e]) => ({
    field: field || null,
    severity: 'erreur' as const,
    code: `schema.${e.keyword}`,
    message: frenchMessage(e, field, row as Record<string, unknown>),
  }));
}
