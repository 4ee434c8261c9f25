// The English catalog, one file per area so that features can add their strings without conflicts.
import account from './account.json';
import admin from './admin.json';
import common from './common.json';
import twoFactor from './two-factor.json';

const messages = { ...common, ...account, ...admin, ...twoFactor };
export default messages;
