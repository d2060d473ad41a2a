// The form's choices and what follows from them (which rule sets, which fields are shown).
// Each user-facing setter reports the change (the app saves it); `restore` applies saved choices
// without reporting them. A page that embeds the simulator may preset fields (deep links, the
// element's attributes: `preset`), and lock them: a locked field ignores the setters, and the
// preset wins over saved choices that arrive later.

import type { RuleSetMeta } from '../../core/model';
import {
  PROFILES,
  REQUEST_TYPES,
  VAT_RATES,
  type Dsr,
  type Profile,
  type RequestType,
  type SimulationOptions,
  type VatRate,
} from '../../core/types';
// The light catalog, not the rule definitions: the form shows before the checker loads.
import { RULE_SET_METAS as RULE_SETS, metaFor as ruleSetFor } from '../../rules/catalog';
import type { SavedSettings } from '../../io/store';

export const DEFAULT_VAT_RATE: VatRate = '20';

/** The plain choices (no reactive proxy): saved, and copied into each result. */
export interface FormChoices {
  readonly type: RequestType;
  readonly dsr: Dsr;
  readonly profiles: readonly Profile[];
  readonly vatRate: VatRate;
  readonly strict: boolean;
  readonly firstErrorOnly: boolean;
}

/** Fields preset by an embedding page; each one absent is left to the user (and saved choices). */
export interface FormPreset {
  readonly type?: RequestType;
  readonly dsr?: Dsr;
  readonly profiles?: readonly Profile[];
  readonly vatRate?: VatRate;
}

export type PresetField = keyof FormPreset;

export type FormLocks = Readonly<Record<PresetField, boolean>>;

const NO_LOCKS: FormLocks = { type: false, dsr: false, profiles: false, vatRate: false };

const firstDsr = (type: RequestType): Dsr => RULE_SETS.find((r) => r.type === type)?.dsr ?? '';

/** The known part of a preset: a type and couloir that exist together, known profiles and rates. */
function validPreset(preset: FormPreset): FormPreset {
  const type = REQUEST_TYPES.find((t) => t === preset.type);
  const dsr = RULE_SETS.find((r) => r.dsr === preset.dsr && (type === undefined || r.type === type))?.dsr;
  const profiles = preset.profiles ? PROFILES.filter((p) => preset.profiles!.includes(p)) : undefined;
  const vatRate = VAT_RATES.find((v) => v === preset.vatRate);
  return {
    ...(type ? { type } : {}),
    ...(dsr ? { dsr } : {}),
    ...(profiles ? { profiles } : {}),
    ...(vatRate ? { vatRate } : {}),
  };
}

export class FormState {
  #type = $state<RequestType>('avance');
  #dsr = $state<Dsr>(firstDsr('avance'));
  #profiles = $state<Profile[]>([]);
  #vatRate = $state<VatRate>(DEFAULT_VAT_RATE);
  #strict = $state(false);
  #firstErrorOnly = $state(false);
  #preset = $state.raw<FormPreset>({});
  #lock = $state(false);
  readonly #onChange: () => void;

  constructor(onChange: () => void = () => {}) {
    this.#onChange = onChange;
  }

  /** The rule sets of the chosen type, in the portal's order. */
  readonly ruleSets: readonly RuleSetMeta[] = $derived(RULE_SETS.filter((r) => r.type === this.#type));

  /** The chosen rule set (the first of the type when the DSR has none for it). */
  readonly ruleSet: RuleSetMeta = $derived(ruleSetFor(this.#type, this.#dsr) ?? this.ruleSets[0]!);

  /** Profiles are offered for an advance whose rule set has them; never for a balance. */
  readonly showProfiles: boolean = $derived(this.#type === 'avance' && this.ruleSet.form.profiles);

  /** The VAT rate is offered for an advance only. */
  readonly showVatRate: boolean = $derived(this.#type === 'avance' && this.ruleSet.form.vatRates.length > 0);

  /** The VAT rates of the rule set's form, in the portal's order. */
  readonly vatRates: readonly VatRate[] = $derived(VAT_RATES.filter((v) => this.ruleSet.form.vatRates.includes(v)));

  /**
   * The fields the user cannot change: the preset ones, when the preset is locked. A locked
   * couloir locks the type too when it does not exist for every type (else changing the type
   * would change the couloir).
   */
  readonly locked: FormLocks = $derived.by(() => {
    if (!this.#lock) return NO_LOCKS;
    const p = this.#preset;
    const dsrLocked = p.dsr !== undefined;
    return {
      type: p.type !== undefined || (dsrLocked && REQUEST_TYPES.some((t) => !ruleSetFor(t, p.dsr!))),
      dsr: dsrLocked,
      profiles: p.profiles !== undefined,
      vatRate: p.vatRate !== undefined,
    };
  });

  /** The preset in force (its known fields only). */
  get activePreset(): FormPreset {
    return this.#preset;
  }

  /** Profiles not chosen yet (the "add" list). */
  readonly availableProfiles: readonly Profile[] = $derived(PROFILES.filter((p) => !this.#profiles.includes(p)));

  get type(): RequestType {
    return this.#type;
  }
  set type(value: RequestType) {
    if (value === this.#type || this.locked.type) return;
    this.#type = value;
    // Keep the couloir when it has a rule set of the new type, else take the type's first.
    if (!ruleSetFor(value, this.#dsr)) this.#dsr = firstDsr(value);
    this.#fixVatRate();
    this.#onChange();
  }

  get dsr(): Dsr {
    return this.ruleSet.dsr;
  }
  set dsr(value: Dsr) {
    if (value === this.#dsr || this.locked.dsr || !ruleSetFor(this.#type, value)) return;
    this.#dsr = value;
    this.#fixVatRate();
    this.#onChange();
  }

  /** Chosen profiles, in the portal's order. */
  get profiles(): readonly Profile[] {
    return this.#profiles;
  }

  get vatRate(): VatRate {
    return this.#vatRate;
  }
  set vatRate(value: VatRate) {
    if (value === this.#vatRate || this.locked.vatRate || !VAT_RATES.includes(value)) return;
    this.#vatRate = value;
    this.#onChange();
  }

  get strict(): boolean {
    return this.#strict;
  }
  set strict(value: boolean) {
    this.#strict = value;
    this.#onChange();
  }

  get firstErrorOnly(): boolean {
    return this.#firstErrorOnly;
  }
  set firstErrorOnly(value: boolean) {
    this.#firstErrorOnly = value;
    this.#onChange();
  }

  addProfile(profile: Profile): void {
    if (this.locked.profiles || !PROFILES.includes(profile) || this.#profiles.includes(profile)) return;
    this.#profiles = PROFILES.filter((p) => p === profile || this.#profiles.includes(p));
    this.#onChange();
  }

  removeProfile(profile: Profile): void {
    if (this.locked.profiles || !this.#profiles.includes(profile)) return;
    this.#profiles = this.#profiles.filter((p) => p !== profile);
    this.#onChange();
  }

  /**
   * Presets fields for an embedding page (replacing any previous preset); `lock`: the user cannot
   * change them. Unknown values are ignored; a couloir without a rule set for the current type
   * (and no type given) takes a type that has one. Not reported as a change: a preset is not the
   * user's choice, and is not saved.
   */
  preset(values: FormPreset, { lock = false }: { lock?: boolean } = {}): void {
    const preset = validPreset(values);
    this.#preset = preset;
    this.#lock = lock && Object.keys(preset).length > 0;
    this.#apply(preset);
  }

  /** Applies saved choices, ignoring what no longer exists; does not report a change. The preset
   *  fields keep their preset values. */
  restore(saved: SavedSettings): void {
    if (saved.type) this.#type = saved.type;
    this.#dsr = saved.dsr && ruleSetFor(this.#type, saved.dsr) ? saved.dsr : firstDsr(this.#type);
    if (saved.profiles) this.#profiles = PROFILES.filter((p) => saved.profiles!.includes(p));
    if (saved.vatRate) this.#vatRate = saved.vatRate;
    if (saved.strict !== undefined) this.#strict = saved.strict;
    if (saved.firstErrorOnly !== undefined) this.#firstErrorOnly = saved.firstErrorOnly;
    this.#fixVatRate();
    this.#apply(this.#preset);
  }

  #apply(preset: FormPreset): void {
    if (preset.type) this.#type = preset.type;
    if (preset.dsr) {
      // Only a couloir was given: take a type that has it when the current one does not.
      if (!preset.type && !ruleSetFor(this.#type, preset.dsr)) {
        this.#type = RULE_SETS.find((r) => r.dsr === preset.dsr)?.type ?? this.#type;
      }
      if (ruleSetFor(this.#type, preset.dsr)) this.#dsr = preset.dsr;
    }
    if (!ruleSetFor(this.#type, this.#dsr)) this.#dsr = firstDsr(this.#type);
    if (preset.profiles) this.#profiles = PROFILES.filter((p) => preset.profiles!.includes(p));
    if (preset.vatRate && this.ruleSet.form.vatRates.includes(preset.vatRate)) this.#vatRate = preset.vatRate;
    this.#fixVatRate();
  }

  /** The choices as plain data. */
  snapshot(): FormChoices {
    return {
      type: this.#type,
      dsr: this.dsr,
      profiles: [...this.#profiles],
      vatRate: this.#vatRate,
      strict: this.#strict,
      firstErrorOnly: this.#firstErrorOnly,
    };
  }

  /** What the core is given: profiles and VAT rate only where the form shows them. */
  options(): SimulationOptions {
    return {
      type: this.#type,
      dsr: this.dsr,
      profiles: this.showProfiles ? [...this.#profiles] : [],
      ...(this.showVatRate ? { vatRate: this.#vatRate } : {}),
      strict: this.#strict,
      firstErrorOnly: this.#firstErrorOnly,
    };
  }

  /** A rate the rule set does not offer falls back to 20 % (or the first it offers). */
  #fixVatRate(): void {
    const rates = this.ruleSet.form.vatRates;
    if (rates.length > 0 && !rates.includes(this.#vatRate)) {
      this.#vatRate = rates.includes(DEFAULT_VAT_RATE) ? DEFAULT_VAT_RATE : (rates[0] as VatRate);
    }
  }
}
