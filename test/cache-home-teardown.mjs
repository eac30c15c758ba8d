import { teardown } from './cache-home.mjs';
export default teardown;
