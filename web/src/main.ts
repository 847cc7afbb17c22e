import './app.css';
import { prefetchNetworkMap } from './lib/network-map-request.ts';
import { parseUrlState } from './lib/url-state.ts';

// The entry is kept small on purpose: it asks for the map first and only then loads the app
// (Svelte, Cytoscape, the components) as a chunk of its own, so the server prepares the
// answer while the browser fetches and compiles the app.
prefetchNetworkMap(parseUrlState(window.location.search).lang);

const target = document.getElementById('app');
if (!target) {
  throw new Error('index.html has no #app element');
}
const [{ mount }, { default: App }] = await Promise.all([import('svelte'), import('./App.svelte')]);
export default mount(App, { target });
