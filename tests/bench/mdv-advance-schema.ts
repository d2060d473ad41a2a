// A hand-written JSON Schema (draft-07) of the MDV-LGC advance file (shared/spec/mdv-lgc-avance.md),
// for the benchmark's peer: JSON.parse + ajv (allErrors) does roughly what the portal's "format"
// check does — types, lengths, lists, required tags, patterns — without the cross-field rules,
// the exact positions, the raw number lexemes (1075.00) nor the annotated output file that
// simulateFile gives. Not used by the app: a yardstick.

const str = (min: number, max: number) => ({ type: 'string', minLength: min, maxLength: max });
const nullableStr = (max: number) => ({ type: ['string', 'null'], maxLength: max });
const exact = (n: number, pattern?: string) => ({ type: 'string', minLength: n, maxLength: n, ...(pattern ? { pattern } : {}) });
const bool = { type: 'boolean' };
const nullableBool = { type: ['boolean', 'null'] };
const always = (required: readonly string[], properties: Record<string, unknown>) => ({
  type: 'object',
  required,
  additionalProperties: false,
  properties,
});

const doctor = always(['nomMedecin', 'emailMedecin', 'telephoneMedecin', 'RPPS'], {
  nomMedecin: { ...str(1, 50), pattern: '^[^a-z]*$' },
  emailMedecin: nullableStr(150),
  telephoneMedecin: nullableStr(50),
  RPPS: exact(11, '^[0-9]{11}$'),
});

const structure = {
  type: 'object',
  additionalProperties: false,
  properties: {
    FINESSJuridique: { type: ['string', 'null'], pattern: '^[0-9A-Z]{9}$' },
    nomResponsable: { ...nullableStr(50), pattern: '^[^a-z]*$' },
    emailResponsable: nullableStr(150),
    telephoneResponsable: nullableStr(50),
    FINESSGeo: { type: 'array', items: exact(9, '^[0-9A-Z]{9}$') },
  },
};

const request = always(
  [
    'numLigne',
    'typeAction',
    'numeroASP',
    'numeroEditeur',
    'commande',
    'beneficiaires',
    'piecesJustificatives',
    'scenarioInstallation',
    'codeTraitement',
    'libelleTraitement',
  ],
  {
    numLigne: { type: 'integer', minimum: 1, maximum: 200 },
    typeAction: { const: 'C' },
    numeroASP: { type: 'null' },
    numeroEditeur: exact(5, '^[0-9]{5}$'),
    commande: always(['dateCommande', 'regimeTVA', 'montantSegurHT'], {
      dateCommande: { type: 'string', pattern: '^(0[1-9]|[12][0-9]|3[01])/(0[1-9]|1[0-2])/[0-9]{4}$' },
      regimeTVA: { enum: ['TTC', 'HT'] },
      montantSegurHT: { type: 'number', exclusiveMinimum: 0 },
    }),
    beneficiaires: always(['commandePour', 'nomMandataire', 'emailMandataire', 'telephoneMandataire', 'liberal', 'structure'], {
      commandePour: { enum: ['LIBERAL', 'STRUCTURE'] },
      isMandataire: nullableBool,
      isClientUnique: nullableBool,
      nomMandataire: { ...nullableStr(50), pattern: '^[^a-z]*$' },
      emailMandataire: nullableStr(150),
      telephoneMandataire: nullableStr(50),
      liberal: { type: 'array', items: doctor },
      structure,
    }),
    piecesJustificatives: {
      type: 'array',
      minItems: 1,
      items: always(['nomFichier', 'formatFichier', 'typeFichier'], {
        nomFichier: str(1, 100),
        formatFichier: { enum: ['PDF', 'PNG', 'JPG'] },
        typeFichier: { enum: ['BON_COMMANDE', 'PREUVE_HT'] },
      }),
    },
    scenarioInstallation: always(
      [
        'isCentreDeSante',
        'operateurMessagerie',
        'isProSanteConnectNeeded',
        'isPFIToDMP',
        'isDirectToMSSPro',
        'isPFIToMSSPro',
        'isDirectToMSSCitoyen',
        'isPFIToMSSCitoyen',
      ],
      {
        isCentreDeSante: bool,
        operateurMessagerie: nullableStr(50),
        isProSanteConnectNeeded: bool,
        isDirectToDMP: bool,
        isDirecToDMP: bool,
        isPFIToDMP: bool,
        isDirectToMSSPro: bool,
        isPFIToMSSPro: bool,
        isDirectToMSSCitoyen: bool,
        isPFIToMSSCitoyen: bool,
      },
    ),
    codeTraitement: { type: ['string', 'null'] },
    libelleTraitement: { type: ['string', 'null'] },
  },
);

export const MDV_ADVANCE_SCHEMA = always(['impId', 'numeroAns', 'siret', 'lignesImport'], {
  impId: { type: 'null' },
  numeroAns: exact(10),
  siret: exact(14, '^[0-9]{14}$'),
  lignesImport: { type: 'array', minItems: 1, maxItems: 200, items: request },
});
