// BIO-SGL: what the form and the documentation index show of its rule set (solde.ts defines it).

import type { RuleSetMeta } from '../../core/model';
import { BIO_ATTACHMENTS } from '../../attachments/limits';

export const bioSglSoldeMeta: RuleSetMeta = {
  type: 'solde',
  dsr: 'BIO-SGL',
  title: 'BIO-SGL — demande de solde',
  form: { profiles: false, vatRates: [] },
  attachments: BIO_ATTACHMENTS,
};

export const metas = [bioSglSoldeMeta];
