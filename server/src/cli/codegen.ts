import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSchemaTypes } from '../db/codegen';

const target = path.join(import.meta.dirname, '..', 'db', 'schema.ts');
writeFileSync(target, await generateSchemaTypes());
console.log(`Types du schéma régénérés : ${path.relative(process.cwd(), target)}`);
