// The form's choices and what follows from them (which rule sets, which fields are shown).
// Each user-facing setter reports the change (the app saves it); `restore` applies saved choices
// without reporting them.

import type { RuleSet } from '../../core/model';
import { PROFILES, VAT_RATES, type Dsr, type Profile, type RequestType, type SimulationOptions, type VatRate } from '../../core/types';
import { RULE_SETS, ruleSetFor } from '../../rules/index';
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

const firstDsr = (type: RequestType): Dsr => RULE_SETS.find((r) => r.type === type)?.dsr ?? '';

export class FormState {
  #type = $state<RequestType>('avance');
  #dsr = $state<Dsr>(firstDsr('avance'));
  #profiles = $state<Profile[]>([]);
  #vatRate = $state<VatRate>(DEFAULT_VAT_RATE);
  #strict = $state(false);
  #firstErrorOnly = $state(false);
  readonly #onChange: () => void;

  constructor(onChange: () => void = () => {}) {
    this.#onChange = onChange;
  }

  /** The rule sets of the chosen type, in the portal's order. */
  readonly ruleSets: readonly RuleSet[] = $derived(RULE_SETS.filter((r) => r.type === this.#type));

  /** The chosen rule set (the first of the type when the DSR has none for it). */
  readonly ruleSet: RuleSet = $derived(ruleSetFor(this.#type, this.#dsr) ?? this.ruleSets[0]!);

  /** Profiles are offered for an advance whose rule set has them; never for a balance. */
  readonly showProfiles: boolean = $derived(this.#type === 'avance' && this.ruleSet.form.profiles);

  /** The VAT rate is offered for an advance only. */
  readonly showVatRate: boolean = $derived(this.#type === 'avance' && this.ruleSet.form.vatRates.length > 0);

  /** The VAT rates of the rule set's form, in the portal's order. */
  readonly vatRates: readonly VatRate[] = $derived(VAT_RATES.filter((v) => this.ruleSet.form.vatRates.includes(v)));

  /** Profiles not chosen yet (the "add" list). */
  readonly availableProfiles: readonly Profile[] = $derived(PROFILES.filter((p) => !this.#profiles.includes(p)));

  get type(): RequestType {
    return this.#type;
  }
  set type(value: RequestType) {
    if (value === this.#type) return;
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
    if (value === this.#dsr || !ruleSetFor(this.#type, value)) return;
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
    if (value === this.#vatRate || !VAT_RATES.includes(value)) return;
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
    if (!PROFILES.includes(profile) || this.#profiles.includes(profile)) return;
    this.#profiles = PROFILES.filter((p) => p === profile || this.#profiles.includes(p));
    this.#onChange();
  }

  removeProfile(profile: Profile): void {
    if (!this.#profiles.includes(profile)) return;
    this.#profiles = this.#profiles.filter((p) => p !== profile);
    this.#onChange();
  }

  /** Applies saved choices, ignoring what no longer exists; does not report a change. */
  restore(saved: SavedSettings): void {
    if (saved.type) this.#type = saved.type;
    this.#dsr = saved.dsr && ruleSetFor(this.#type, saved.dsr) ? saved.dsr : firstDsr(this.#type);
    if (saved.profiles) this.#profiles = PROFILES.filter((p) => saved.profiles!.includes(p));
    if (saved.vatRate) this.#vatRate = saved.vatRate;
    if (saved.strict !== undefined) this.#strict = saved.strict;
    if (saved.firstErrorOnly !== undefined) this.#firstErrorOnly = saved.firstErrorOnly;
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
