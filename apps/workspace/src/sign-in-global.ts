/** The same sign-in for the dashboard (plain JavaScript, no build step of its own): exposed as `window.LedgerSignIn`. */
export { completeSignIn, loadSignInConfig, userManagerOf } from './sign-in';
