import { setup } from './cache-home.mjs';
export default setup;
