import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  diFrais,
  diModesAccueil,
  diModesMobilisation,
  diPersonnesMobilisatrices,
  diPublics,
  diReseauxPorteurs,
  diThematiques,
  diTypes,
  thematiqueCategories,
} from '@spie/contract/catalogue';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../db/referenceData';

const extra = (file: string) =>
  JSON.parse(readFileSync(path.join(dataDir, 'data-inclusion', 'v1', 'extra', file), 'utf8')) as {
    value: string;
    label: string;
    description: string | null;
  }[];
const schemaEnum = (file: string, def: string) => {
  const schema = JSON.parse(readFileSync(path.join(dataDir, 'data-inclusion', 'v1', file), 'utf8')) as {
    $defs: Record<string, { enum: string[] }>;
  };
  return schema.$defs[def]?.enum ?? [];
};

describe('data·inclusion lists in the contract', () => {
  it.each([
    ['thematiques.json', diThematiques],
    ['types-de-services.json', diTypes],
    ['publics.json', diPublics],
    ['frais.json', diFrais],
    ['modes-accueil.json', diModesAccueil],
    ['modes-mobilisation.json', diModesMobilisation],
    ['personnes-mobilisatrices.json', diPersonnesMobilisatrices],
    ['reseaux-porteurs.json', diReseauxPorteurs],
  ] as const)('%s is transcribed value by value, label by label', (file, list) => {
    expect(list.map((i) => ({ value: i.value, label: i.label, description: i.description }))).toEqual(
      extra(file).map((i) => ({ value: i.value, label: i.label, description: i.description ?? null })),
    );
  });

  it('matches the enumerations of the official JSON Schema files', () => {
    // Same values (the schema orders them differently from the lists).
    const sorted = (l: readonly { value: string }[]) => l.map((t) => t.value).sort();
    expect(sorted(diThematiques)).toEqual(schemaEnum('service.json', 'Thematique').sort());
    expect(sorted(diPublics)).toEqual(schemaEnum('service.json', 'Public').sort());
    expect(sorted(diTypes)).toEqual(schemaEnum('service.json', 'TypeService').sort());
    expect(sorted(diReseauxPorteurs)).toEqual(schemaEnum('structure.json', 'ReseauPorteur').sort());
  });

  it('has exactly the 16 categories the thematiques use, 69 sub-thematiques in all', () => {
    const used = [...new Set(diThematiques.map((t) => t.value.split('--')[0]))].sort();
    expect(used).toEqual([...thematiqueCategories].sort());
    expect(diThematiques).toHaveLength(69);
  });
});
