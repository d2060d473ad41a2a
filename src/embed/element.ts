// The embed build's entry (`vite build --mode embed` → dist/app/segur-simulateur.js, one classic
// script with everything inside: app, styles, documentation, worker as a Blob URL). A page embeds
// the simulator with one script tag and one element:
//   <script src="https://…/segur-simulateur.js" defer></script>
//   <segur-simulateur type="avance" dsr="MDV-LGC" tva="20" compact></segur-simulateur>
// Loading the script twice defines the element once.

import SegurSimulateur from './SegurSimulateur.svelte';

const TAG = 'segur-simulateur';

/** The element's class (Svelte's custom element wrapper, present when compiled as one). */
const element = (SegurSimulateur as { element?: CustomElementConstructor }).element;
if (!element) throw new Error(`${TAG} : ce script doit être construit par \`vite build --mode embed\`.`);
if (!customElements.get(TAG)) customElements.define(TAG, element);
